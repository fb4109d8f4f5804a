"""Issuing an LKIP creates version 1: frozen content with its SHA-256, the DOCX and PDF stored
with their own SHA-256, the hash printed on the cover's back page, audited."""

import hashlib
import io

import pdfplumber
import pytest
from docx import Document

from audit.models import Aksi, Jejak
from dasar.sidik import sidik
from laporan import keluaran
from laporan.models import TerbitanLKIP
from laporan.services import terbitkan_lkip
from tests.terbitan_bantu import baca

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(keluaran.soffice() is None, reason="LibreOffice not installed")
def test_issue_creates_version_1_with_files_and_hashes(pengguna_demo, demo):
    t = terbitkan_lkip(user=pengguna_demo["pimpinan"], instansi=demo, tahun=2024)
    t = TerbitanLKIP.objects.get(pk=t.pk)
    assert (t.instansi_id, t.tahun, t.nomor) == (demo.id, 2024, 1)
    assert t.sha256 == sidik(t.isi_beku) and t.isi_beku["nomor"] == 1
    docx, pdf = baca(t.berkas_docx), baca(t.berkas_pdf)
    assert hashlib.sha256(docx).hexdigest() == t.sha256_docx
    assert hashlib.sha256(pdf).hexdigest() == t.sha256_pdf
    assert pdf.startswith(b"%PDF")
    teks = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    assert any(t.sha256 in p for p in teks)
    with pdfplumber.open(io.BytesIO(pdf)) as berkas:  # the back of the cover: page 2
        balik = "".join(berkas.pages[1].extract_text().split())
    assert t.sha256 in balik and "versiterbitan1" in balik
    assert t.perubahan == [] and t.nama_pengguna == "pimpinan"
    jejak = Jejak.objects.get(aksi=Aksi.TERBITKAN)
    assert jejak.objek_id == str(t.pk) and jejak.baru == t.sha256 and jejak.instansi_id == demo.id
