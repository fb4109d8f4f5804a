"""The empty template: an Indonesian instructions sheet "Petunjuk" first, every sheet of the
format with its header only, data validation lists for choices and for the codes a column refers
to (the unit's indicators, sub-units …, on a hidden sheet); filled in and uploaded, it imports."""

import io

import pytest
from openpyxl import load_workbook

from perencanaan.models import Indikator
from tests.workbook_unggah_bantu import jumlah, unduh, unggah
from workbook.spec import SHEETS

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/workbook/2024/templat/"


def _validasi(ws) -> dict[str, str]:
    """column letter -> formula1 of its validation"""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            out[rng.coord.split(":")[0].rstrip("0123456789")] = (dv.type, dv.formula1)
    return out


def test_template_has_instructions_headers_and_validation_lists(pengguna_demo, masuk_sebagai):
    isi = unduh(masuk_sebagai("pembaca"), URL)
    wb = load_workbook(io.BytesIO(isi))
    assert wb.sheetnames[0] == "Petunjuk"
    assert [s.nama for s in SHEETS] == [n for n in wb.sheetnames if n not in ("Petunjuk", "_daftar")]
    assert wb["_daftar"].sheet_state == "hidden"
    teks = "\n".join(str(c) for r in wb["Petunjuk"].iter_rows(values_only=True) for c in r if c)
    assert "Petunjuk pengisian workbook SAKIP" in teks and "Terapkan" in teks
    assert "positif — makin tinggi makin baik" in teks
    for spec in SHEETS:
        ws = wb[spec.nama]
        assert [c.value for c in ws[1]] == spec.nama_kolom
        assert ws.max_row == 1, spec.nama  # headers only
    ind = wb["indikator"]
    v = _validasi(ind)
    kol = {c.value: c.column_letter for c in ind[1]}
    assert v[kol["polaritas"]] == ("list", '"positif,negatif,rentang"')
    assert v[kol["iku"]] == ("list", '"ya,tidak"')
    assert v[kol["instansi"]][0] == "list"
    # target.indikator: the unit's indicator codes, listed on the hidden sheet
    t = wb["target"]
    tipe, rumus = _validasi(t)["B"]
    assert tipe == "list" and rumus.startswith("'_daftar'!")
    kolom, baris = rumus.split("!")[1].split(":")
    huruf = kolom.strip("$").rstrip("0123456789").strip("$")
    daftar = [
        r[0]
        for r in wb["_daftar"].iter_rows(
            min_col=wb["_daftar"][huruf + "1"].column,
            max_col=wb["_daftar"][huruf + "1"].column,
            min_row=2,
            values_only=True,
        )
        if r[0]
    ]
    assert wb["_daftar"][huruf + "1"].value == "indikator"
    assert sorted(daftar) == sorted(
        Indikator.objects.filter(instansi__slug="bantargebang").values_list("kode", flat=True)
    )
    assert _validasi(t)["C"][0] == "whole"  # tahun


def test_filled_template_uploads_and_its_instructions_are_not_read(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    wb = load_workbook(io.BytesIO(unduh(c, URL)))
    kode = Indikator.objects.filter(instansi__slug="bantargebang").order_by("kode").first().kode
    wb["target"].append(["bantargebang", kode, 2030, 99, None])
    out = io.BytesIO()
    wb.save(out)
    halaman, url = unggah(c, out.getvalue())
    html = halaman.content.decode()
    assert url and "masalah" not in html
    assert jumlah(html, "target") == (1, 0, 0)
