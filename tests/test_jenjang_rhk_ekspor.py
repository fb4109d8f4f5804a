"""The staff RHK download: CSV and XLSX hold the documented columns and the demo's rows (with the
superior's node and jabatan); the download is audited and only for the unit's operator and
pimpinan; the RHK page saves a new row in one save."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from perencanaan.models import Indikator, RencanaHasilKerja
from perencanaan.selectors import KOLOM_RHK

pytestmark = pytest.mark.django_db

BARIS_A1 = [
    "Pegawai Contoh A",
    "",
    "Pengadministrasi Pemerintahan",
    "1",
    "Tersusunnya laporan bulanan pelaksanaan kewenangan yang dilimpahkan kepada Camat",
    "Jumlah laporan bulanan yang tersusun",
    "Kuantitas",
    "12",
    "laporan",
    "IO1.1.1.1",
    "Jumlah Laporan Pelaksanaan Kewenangan yang Dilimpahkan",
    "OS1.1.1.1",
    "Kepala Seksi Pemerintahan",
]


def test_csv(pengguna_demo, masuk_sebagai):
    r = masuk_sebagai("operator").get("/unit/bantargebang/rhk/2024/unduh.csv")
    assert r.status_code == 200 and r["Content-Type"].startswith("text/csv")
    assert 'filename="rhk-bantargebang-2024.csv"' in r["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == list(KOLOM_RHK)
    assert rows[1] == BARIS_A1
    assert [x[0] for x in rows[1:]] == ["Pegawai Contoh A", "Pegawai Contoh A", "Pegawai Contoh B"]
    from audit.models import Jejak

    assert Jejak.objects.filter(aksi="unduh", field="rhk.csv").exists()


def test_xlsx(pengguna_demo, masuk_sebagai):
    r = masuk_sebagai("pimpinan").get("/unit/bantargebang/rhk/2024/unduh.xlsx")
    assert r.status_code == 200
    ws = load_workbook(io.BytesIO(r.content))["RHK"]
    rows = [list(x) for x in ws.iter_rows(values_only=True)]
    assert rows[0] == list(KOLOM_RHK)
    assert (
        rows[1][0] == "Pegawai Contoh A"
        and rows[1][1] in (None, "")
        and rows[1][2] == "Pengadministrasi Pemerintahan"
    )
    assert rows[1][3] == 1 and rows[1][7] == 12  # numbers as numbers
    assert rows[3][9:] == [
        "IK2.1.1",
        "Persentase Kegiatan Sinergitas Ketenteraman dan Ketertiban yang Terlaksana",
        "SK2.1.1",
        "Kepala Seksi Ketentraman, Keamanan dan Ketertiban",
    ]


def test_formula_text_stays_text(pengguna_demo, masuk_sebagai):
    RencanaHasilKerja.objects.filter(nama_pegawai="Pegawai Contoh B").update(uraian="=HYPERLINK(1)")
    r = masuk_sebagai("operator").get("/unit/bantargebang/rhk/2024/unduh.csv")
    assert "'=HYPERLINK(1)" in r.content.decode("utf-8-sig")


def test_download_refused_to_readers(pengguna_demo, masuk_sebagai):
    for role in ("pembaca", "evaluator", "adminpemda"):
        assert masuk_sebagai(role).get("/unit/bantargebang/rhk/2024/unduh.csv").status_code == 403


def test_rhk_page_saves_a_new_row(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    url = "/unit/bantargebang/rhk/2024/"
    r = c.get(url)
    assert r.status_code == 200
    data = {}
    for f in r.context["baris"]:
        for nama in f.fields:
            if nama != "hapus":
                v = f[nama].value()
                data[f"{f.prefix}-{nama}"] = "" if v is None else str(v)
    ind = Indikator.objects.get(kode="IK1.1.1")
    data.update(
        {
            "b1-nama_pegawai": "Pegawai Contoh C",
            "b1-jabatan": "Pengolah Data",
            "b1-uraian": "Terkumpulnya data urusan yang dilimpahkan",
            "b1-indikator_atasan": str(ind.id),
            "b1-nama_indikator": "Persentase data yang terkumpul",
            "b1-aspek": "kualitas",
            "b1-target": "97,5",
            "b1-satuan": "persen",
        }
    )
    r = c.post(url, data)
    assert r.status_code == 302, r.context and r.context["galat"]
    x = RencanaHasilKerja.objects.get(nama_pegawai="Pegawai Contoh C")
    assert (x.indikator_atasan, x.target, x.urutan, x.aspek) == (ind, Decimal("97.5"), 1, "kualitas")
