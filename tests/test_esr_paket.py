"""The ESR package of the demo (laporan.esr, manage.py paket_esr): the issued LKIP, the signed PK,
the Renstra, IKU, Renja, DPA, Rencana Aksi and pohon kinerja in their ESR folders, and a manifest
whose SHA-256 match the files."""

import hashlib
import io
import json
import zipfile

import pytest
from django.core.management import call_command

from laporan.services import terbitkan_lkip
from tests.terbitan_bantu import baca, tanpa_libreoffice

pytestmark = pytest.mark.django_db


def _buka(path):
    zf = zipfile.ZipFile(path)
    return zf, json.loads(zf.read("manifest.json"))


def test_demo_package_holds_the_documents_and_a_true_manifest(pengguna_demo, demo, monkeypatch, tmp_path):
    tanpa_libreoffice(monkeypatch)
    t = terbitkan_lkip(user=pengguna_demo["pimpinan"], instansi=demo, tahun=2024, akui_galat=True)
    out = tmp_path / "esr.zip"
    call_command("paket_esr", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(out))
    zf, m = _buka(out)
    nama = set(zf.namelist())
    for jalur in (
        "01 RPJMD/rpd-2024-2026.docx",
        "08 Laporan Kinerja/lkip-bantargebang-2024-v1.pdf",
        "06 Perjanjian Kinerja/perjanjian-kinerja-bantargebang-2024-v1.docx",
        "02 Renstra/renstra-bantargebang-2024-2026.docx",
        "03 IKU/iku-bantargebang-2024-2026.docx",
        "04 Renja-RKT/renja-bantargebang-2024.docx",
        "07 Rencana Aksi/rencana-aksi-bantargebang-2024.xlsx",
        "12 DPA/dpa-bantargebang-2024.xlsx",
        "16 Laporan Monev Renaksi/monev-rencana-aksi-bantargebang-2024.xlsx",
        "13 Pohon Kinerja dan Cascading/pohon-kinerja-bantargebang-2024.svg",
        "manifest.json",
        "MANIFEST.txt",
    ):
        assert jalur in nama, jalur
    # the issued LKIP as stored, never rebuilt
    assert zf.read("08 Laporan Kinerja/lkip-bantargebang-2024-v1.pdf") == baca(t.berkas_pdf)
    # every file of the manifest is in the archive with its SHA-256, and every document is listed
    tercatat = {}
    for j in m["jenis"]:
        for b in j["berkas"]:
            assert b["jalur"].startswith(j["folder"] + "/")
            tercatat[b["jalur"]] = b
            data = zf.read(b["jalur"])
            assert hashlib.sha256(data).hexdigest() == b["sha256"] and len(data) == b["ukuran"]
            assert b["sumber"]
    assert set(tercatat) == nama - {"manifest.json", "MANIFEST.txt"}
    assert [j["folder"] for j in m["jenis"]][:4] == ["01 RPJMD", "02 Renstra", "03 IKU", "04 Renja-RKT"]
    teks = zf.read("MANIFEST.txt").decode()
    for b in tercatat.values():
        assert b["sha256"] in teks
    # the documents are built from the data: the IKU's formulation and targets, the DPA's pagu
    from docx import Document

    iku = "\n".join(
        c.text
        for tb in Document(io.BytesIO(zf.read("03 IKU/iku-bantargebang-2024-2026.docx"))).tables
        for r in tb.rows
        for c in r.cells
    )
    from perencanaan.models import Indikator

    for i in Indikator.objects.filter(instansi=demo, iku=True):
        assert i.nama in iku
        if i.formulasi:
            assert i.formulasi.split("\n")[0][:40] in iku
    # the pemda's RPD (the demo's plan) with the pemda sasaran the unit supports
    from rpjmd.models import Kontribusi

    rpd = "\n".join(
        c.text
        for tb in Document(io.BytesIO(zf.read("01 RPJMD/rpd-2024-2026.docx"))).tables
        for r in tb.rows
        for c in r.cells
    )
    assert Kontribusi.objects.filter(instansi=demo).exists()
    for k in Kontribusi.objects.filter(instansi=demo).select_related("sasaran_pemda"):
        assert k.sasaran_pemda.uraian in rpd
    from openpyxl import load_workbook

    from anggaran.selectors import total_instansi

    wb = load_workbook(io.BytesIO(zf.read("12 DPA/dpa-bantargebang-2024.xlsx")))
    jumlah = [r for r in wb["Ringkasan"].iter_rows(values_only=True) if r[0] == "Jumlah"][0]
    pagu, real = total_instansi([demo.id], 2024)[demo.id]
    assert round(jumlah[3]) == round(float(pagu)) and round(jumlah[4]) == round(float(real))
