"""Import of raw SKM answers (sheet skm_responden): everything checked first, errors as sheet!cell,
one transaction, nothing half-saved; a later batch adds to the earlier ones (tests/test_skm_batch.py)."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from skm.models import Responden
from skm.selectors import ikm_tahun
from workbook.importer import import_workbook, ringkas
from workbook.spec import SHEET_MAP

pytestmark = [pytest.mark.django_db]
KOLOM = SHEET_MAP["skm_responden"].nama_kolom


def _tulis(path, rows, kolom=KOLOM):
    wb = Workbook()
    ws = wb.active
    ws.title = "skm_responden"
    ws.append(kolom)
    for r in rows:
        ws.append([r.get(k) for k in kolom])
    wb.save(path)
    return path


def _baris(jawaban, **extra):
    return {
        "instansi": "bantargebang",
        "tahun": 2025,
        "periode": "TW1",
        "layanan": "L1",
        "tanggal_layanan": dt.date(2025, 2, 3),
        "jenis_kelamin": "P",
        "umur": 30,
        "pendidikan": "SMA",
        "pekerjaan": "Wiraswasta",
        **{f"u{i}": v for i, v in enumerate(jawaban, 1)},
        "saran": "",
        **extra,
    }


def _col(name):
    from openpyxl.utils import get_column_letter

    return get_column_letter(KOLOM.index(name) + 1)


def test_import_gives_the_independent_ikm_and_a_reimport_changes_nothing(demo, tmp_path):
    rng = random.Random(14)
    jawaban = [[rng.randint(1, 4) for _ in range(9)] for _ in range(120)]
    rows = [
        _baris(j, periode=None if k % 2 else "TW1") for k, j in enumerate(jawaban)
    ]  # blank periode: from date
    path = _tulis(tmp_path / "a.xlsx", rows)
    h = import_workbook(path)
    assert h.ok, h.errors
    assert (
        h.counts["skm_responden"]["created"] == 120 and Responden.objects.filter(periode="TW1").count() == 120
    )
    (p,) = ikm_tahun([demo.id], 2025)[demo.id].periode
    nrr = [Decimal(sum(col)) / 120 for col in zip(*jawaban, strict=True)]
    assert p.nrr == nrr
    # the IKM from the sums in one exact division, = mean NRR × 25 to the context's last digits
    assert p.ikm == Decimal(25 * sum(map(sum, jawaban))) / (9 * 120)
    assert abs(p.ikm - sum(nrr, Decimal(0)) * 25 / 9) < Decimal("1e-24")
    Responden.objects.create(
        instansi=demo, tahun=2025, periode="TW1", klien="abc", **{f"u{i}": 4 for i in range(1, 10)}
    )
    h = import_workbook(path)
    assert h.ok and "skm_responden: 0 created, 0 updated, 120 unchanged" in ringkas(h)
    assert Responden.objects.count() == 121  # the same file again is the same batch


def test_export_then_import_is_unchanged(pengguna_demo, tmp_path):
    from workbook.exporter import export_workbook

    ins = pengguna_demo["operator"].peran.first().instansi
    for k in range(5):
        Responden.objects.create(
            instansi=ins,
            tahun=2024,
            periode="TW3",
            klien="web",
            saran=f"s{k}",
            **{f"u{i}": (i + k) % 4 + 1 for i in range(1, 10)},
        )
    path = tmp_path / "e.xlsx"
    export_workbook(ins, 2024, path)
    h = import_workbook(path)
    assert h.ok, h.errors
    assert h.counts["skm_responden"] == {"created": 0, "updated": 0, "unchanged": 5}
    assert Responden.objects.count() == 5


@pytest.mark.parametrize(
    ("ubah", "kolom", "pesan"),
    [
        ({"u3": 5}, "u3", "answer u3 must be 1, 2, 3 or 4, got 5"),
        ({"u1": None}, "u1", "u1 is required"),
        ({"u7": "baik"}, "u7", "must be a whole number"),
        ({"layanan": "L99"}, "layanan", 'unknown layanan "L99"'),
        ({"tanggal_layanan": "2025-02-30"}, "tanggal_layanan", "must be a date"),
        ({"tanggal_layanan": dt.date(2024, 2, 3)}, "tanggal_layanan", "not in tahun 2025"),
        ({"tanggal_layanan": dt.date(2025, 5, 3)}, "tanggal_layanan", "not in periode TW1"),
        ({"periode": None, "tanggal_layanan": None}, "periode", "periode is required"),
        ({"umur": 7}, "umur", "umur must be between 10 and 120"),
        ({"instansi": "entah"}, "instansi", 'unknown instansi "entah"'),
    ],
)
def test_bad_rows_reported_by_cell_nothing_saved(demo, tmp_path, ubah, kolom, pesan):
    rows = [_baris([3] * 9), _baris([4] * 9), _baris([2] * 9, **ubah)]
    h = import_workbook(_tulis(tmp_path / "x.xlsx", rows))
    assert not h.ok
    assert any(e.startswith(f"skm_responden!{_col(kolom)}4: ") and pesan in e for e in h.errors), h.errors
    assert Responden.objects.count() == 0


def test_missing_answer_column(demo, tmp_path):
    kolom = [k for k in KOLOM if k != "u9"]
    h = import_workbook(_tulis(tmp_path / "m.xlsx", [_baris([3] * 9)], kolom))
    assert 'skm_responden!A1: missing required column "u9"' in h.errors and Responden.objects.count() == 0


cell = st.one_of(st.none(), st.integers(-3, 8), st.sampled_from(["", "x", "2", "4,0", "3.5"]))


@pytest.mark.django_db(transaction=True)
@given(st.lists(st.lists(cell, min_size=9, max_size=9), min_size=1, max_size=6))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_answers_all_saved_or_all_refused(tmp_path_factory, answers):
    from organisasi.models import Instansi, Layanan, Pemda

    pemda = Pemda.objects.get_or_create(kode="kota-bekasi", defaults={"nama": "Kota Bekasi"})[0]
    ins = Instansi.objects.get_or_create(slug="bantargebang", defaults={"nama": "Kec", "pemda": pemda})[0]
    Layanan.objects.get_or_create(instansi=ins, kode="L1", defaults={"nama": "KTP"})
    path = _tulis(tmp_path_factory.mktemp("h") / "r.xlsx", [_baris(a) for a in answers])
    h = import_workbook(path)

    def sah(v):
        if isinstance(v, str):
            v = v.strip().replace(",", ".")
            try:
                v = float(v) if v else None
            except ValueError:
                return False
        return v is not None and float(v).is_integer() and 1 <= v <= 4

    if all(sah(v) for a in answers for v in a):
        assert h.ok, h.errors
        assert Responden.objects.count() == len(answers)
    else:
        assert not h.ok and all(e.startswith("skm_responden!") for e in h.errors), h.errors
        assert Responden.objects.count() == 0
    Responden.objects.all().delete()


def test_nrr_summary_errors_reported_by_cell(demo, tmp_path):
    """Sheet skm_nrr: an NRR outside 1–4 or an unknown layanan is reported with its cell; nothing saved."""
    from skm.models import RingkasanNRR

    kolom = SHEET_MAP["skm_nrr"].nama_kolom
    wb = Workbook()
    ws = wb.active
    ws.title = "skm_nrr"
    ws.append(kolom)
    baik = {
        "instansi": "bantargebang",
        "tahun": 2026,
        "periode": "TW1",
        **{f"u{i}": 3.1 for i in range(1, 10)},
    }
    ws.append([baik.get(k) for k in kolom])
    ws.append([{**baik, "periode": "TW2", "u3": 4.5}.get(k) for k in kolom])
    ws.append([{**baik, "periode": "TW3", "layanan": "L99"}.get(k) for k in kolom])
    wb.save(tmp_path / "n.xlsx")
    sebelum = RingkasanNRR.objects.count()
    h = import_workbook(tmp_path / "n.xlsx")
    from openpyxl.utils import get_column_letter

    u3 = get_column_letter(kolom.index("u3") + 1)
    lay = get_column_letter(kolom.index("layanan") + 1)
    assert f"skm_nrr!{u3}3: NRR u3 must be between 1 and 4, got 4.5" in h.errors
    assert any(e.startswith(f'skm_nrr!{lay}4: unknown layanan "L99"') for e in h.errors), h.errors
    assert RingkasanNRR.objects.count() == sebelum
