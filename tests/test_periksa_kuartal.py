"""A yearly value that contradicts its quarters, by the indicator's aggregation (last, sum,
average), is a warning; the yearly value is still the one used."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import IndikatorFactory

pytestmark = pytest.mark.django_db


def _isi(ind, **nilai):
    from pengukuran.models import Realisasi

    for periode, v in nilai.items():
        Realisasi.objects.create(indikator=ind, tahun=2024, periode=periode, nilai=Decimal(v))


def _kuartal(ind):
    from pengukuran.periksa import periksa

    return [t for t in periksa(ind.instansi, 2024) if t.where == f"realisasi {ind.kode} 2024 TAHUN"]


@pytest.mark.parametrize(
    "agregasi, hitung",
    [("terakhir", "40,00"), ("jumlah", "100,00"), ("rata-rata", "25,00")],
)
def test_yearly_value_contradicting_the_quarters_is_a_warning(agregasi, hitung):
    ind = IndikatorFactory(agregasi=agregasi)
    _isi(ind, TW1="10", TW2="20", TW3="30", TW4="40", TAHUN="90")
    (t,) = _kuartal(ind)
    assert t.level == "warning"
    assert t.message == (
        f"nilai TAHUN 90,00 bertentangan dengan TW1–TW4 ({agregasi}: {hitung}); yang dipakai nilai TAHUN"
    )


@pytest.mark.parametrize(
    "agregasi, nilai",
    [
        ("terakhir", {"TW1": "10", "TW2": "20", "TW3": "30", "TW4": "40", "TAHUN": "40"}),
        ("jumlah", {"TW1": "10", "TW2": "20", "TW3": "30", "TW4": "40", "TAHUN": "100"}),
        # the average 81,1833… agrees with the 81,18 entered with two decimals
        ("rata-rata", {"TW1": "80.88", "TW2": "80.88", "TW3": "80.96", "TW4": "82.01", "TAHUN": "81.18"}),
        ("rata-rata", {"S1": "80.88", "S2": "81.485", "TAHUN": "81.18"}),
    ],
)
def test_agreeing_or_incomplete_quarters_get_no_warning(agregasi, nilai):
    ind = IndikatorFactory(agregasi=agregasi)
    _isi(ind, **nilai)
    assert _kuartal(ind) == []


def test_incomplete_quarters_are_not_compared():
    ind = IndikatorFactory(agregasi="terakhir")
    _isi(ind, TW1="10", TW2="20", TAHUN="99")
    assert _kuartal(ind) == []


def test_semesters_are_compared_too():
    ind = IndikatorFactory(agregasi="rata-rata")
    _isi(ind, S1="70", S2="80", TAHUN="90")
    (t,) = _kuartal(ind)
    assert "bertentangan dengan S1–S2 (rata-rata: 75,00)" in t.message


def test_the_reviu_links_it_to_the_realisasi_page():
    from laporan.reviu import reviu

    ind = IndikatorFactory(agregasi="jumlah")
    _isi(ind, TW1="1", TW2="1", TW3="1", TW4="1", TAHUN="5")
    (t,) = [t for t in reviu(ind.instansi, 2024) if "bertentangan" in t.message]
    assert t.where == f"Indikator {ind.kode} {ind.nama} / TAHUN"
    assert (
        t.url == reverse("pengukuran:realisasi", args=[ind.instansi.slug, 2024, "TW4"]) + f"#ind-{ind.kode}"
    )
