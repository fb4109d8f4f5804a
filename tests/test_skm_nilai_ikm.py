"""skm.selectors.nilai_ikm, the values read of a comparison of many units, gives what ikm_tahun gives
(the yearly IKM, how it was combined, the scheme, and each period's IKM and respondents in period
order) for every kind of unit: the usual one read from one sum per period, and the ones it hands to
ikm_tahun (the older 14-unsur scheme answered, respondents pooled over the year, only NRR summaries,
no data at all); a fixed number of queries; the totals read equal a GROUP BY over the answers."""

from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rumus.skm import KEPMENPAN_25_2004
from skm.models import PengaturanSKM, Responden, RingkasanNRR, SkemaSKM, UnsurSKM
from skm.selectors import baris_total, baris_total_dari_jawaban, ikm_tahun, nilai_ikm
from tests.factories import InstansiFactory

PERIODE = ["TW1", "TW2", "TW3", "TW4", "S1", "S2", "TAHUN", "X9"]  # X9: a period outside the seven

jawaban = st.fixed_dictionaries(
    {
        "unit": st.integers(0, 2),  # 0: default scheme; 1: pooled respondents; 2: the 14-unsur scheme
        "periode": st.sampled_from(PERIODE),
        "u": st.lists(st.integers(1, 4), min_size=9, max_size=9),
        "lama": st.one_of(st.none(), st.lists(st.integers(1, 4), min_size=5, max_size=5)),
    }
)


def _sama(ids, tahun):
    """nilai_ikm equals ikm_tahun for these units, value by value."""
    penuh, nilai = ikm_tahun(ids, tahun), nilai_ikm(ids, tahun)
    assert set(nilai) == set(penuh)
    for iid, h in penuh.items():
        v = nilai[iid]
        assert (v.ikm, v.metode, v.skema, v.mutu) == (h.ikm, h.metode, h.skema, h.mutu)
        assert list(v.periode.items()) == [(p.periode, p.ikm) for p in h.periode]
        assert v.responden == {p.periode: p.responden for p in h.periode}
    return nilai


def _unit_unit():
    from skm.skema import muat

    units = [InstansiFactory() for _ in range(5)]
    PengaturanSKM.objects.create(instansi=units[1], metode=PengaturanSKM.Metode.GABUNG_RESPONDEN)
    muat(SkemaSKM, UnsurSKM, KEPMENPAN_25_2004)
    PengaturanSKM.objects.create(instansi=units[2], skema=SkemaSKM.objects.get(kode=KEPMENPAN_25_2004.kode))
    # unit 3: only the NRR summaries of two quarters; unit 4: nothing
    for p, v in (("TW1", "3.1"), ("TW2", "3.4")):
        RingkasanNRR.objects.create(
            instansi=units[3],
            tahun=2024,
            periode=p,
            responden=40,
            **{f"u{i}": Decimal(v) for i in range(1, 10)},
        )
    return units


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(jawaban, min_size=0, max_size=30))
def test_nilai_sama_dengan_ikm_tahun(daftar):
    with transaction.atomic():
        units = _unit_unit()
        for d in daftar:
            isi = {f"u{i}": v for i, v in enumerate(d["u"], 1)}
            if d["lama"] and d["unit"] == 2:
                isi |= {f"u{i}": v for i, v in enumerate(d["lama"], 10)}
            Responden.objects.create(instansi=units[d["unit"]], tahun=2024, periode=d["periode"], **isi)
        ids = [u.pk for u in units]
        nilai = _sama(ids, 2024)
        assert units[3].pk in nilai and units[4].pk not in nilai
        assert sorted(baris_total(ids, 2024)) == sorted(baris_total_dari_jawaban(ids, 2024))
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_rata_periode_dari_satu_jumlah():
    """The usual unit: quarters averaged into semesters, semesters into the year (docs/rules.md §4)."""
    u = InstansiFactory()
    for p, nilai in (("TW1", 3), ("TW2", 4), ("TW3", 2), ("TW4", 3)):
        for _ in range(2):
            Responden.objects.create(
                instansi=u, tahun=2024, periode=p, **{f"u{i}": nilai for i in range(1, 10)}
            )
    v = _sama([u.pk], 2024)[u.pk]
    assert v.periode == {"TW1": Decimal(75), "TW2": Decimal(100), "TW3": Decimal(50), "TW4": Decimal(75)}
    assert v.responden == dict.fromkeys(["TW1", "TW2", "TW3", "TW4"], 2)
    assert v.ikm == Decimal("75")  # S1 = 87,5; S2 = 62,5
    assert v.mutu == "C"


def test_demo_sama_dan_kueri_tetap(demo, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from organisasi.models import Instansi

    ids = list(Instansi.objects.values_list("pk", flat=True))
    for tahun in (2023, 2024):
        _sama(ids, tahun)
    with CaptureQueriesContext(connection) as satu:
        nilai_ikm(ids[:1], 2024)
    with django_assert_num_queries(len(satu.captured_queries)):
        nilai_ikm(ids, 2024)
