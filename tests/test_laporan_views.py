"""LKIP preview and the LKIP / PK downloads."""

import io
import re

import pytest
from docx import Document
from pypdf import PdfReader

from dasar.galat import Ditolak
from laporan import keluaran

pytestmark = pytest.mark.django_db
ANGKA = ["81,18", "97,8", "74,78", "100,8", "58,33", "145,8", "Rp 23.459.734.760", "95,05"]


@pytest.fixture
def pembaca(pengguna_demo, masuk_sebagai):
    return masuk_sebagai("pembaca")


def _teks_docx(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(parts)


def test_preview_shows_the_lkip(pembaca):
    r = pembaca.get("/unit/bantargebang/lkip/2024/")
    html = r.content.decode()
    assert r.status_code == 200
    assert '<article class="dokumen">' in html and "<caption>Tabel" in html and "<svg" in html
    for angka in ANGKA:
        assert angka in html, angka
    # the page requests the documents from the task queue (tests/test_tugas_dokumen.py)
    assert 'action="/unit/bantargebang/dokumen/lkip/2024/docx/minta/"' in html
    assert 'action="/unit/bantargebang/dokumen/pk/2024/pdf/minta/"' in html
    assert "/lkip/2024/teks/" not in html  # a reader gets no editor link


def test_lkip_docx_download(pembaca):
    r = pembaca.get("/unit/bantargebang/lkip/2024/lkip.docx")
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert 'filename="lkip-bantargebang-2024.docx"' in r["Content-Disposition"]
    teks = _teks_docx(r.content)
    for angka in ANGKA:
        assert angka in teks, angka


def test_pk_docx_download(pembaca):
    r = pembaca.get("/unit/bantargebang/pk/2024/dokumen.docx")
    assert r.status_code == 200
    teks = _teks_docx(r.content)
    assert "PIHAK PERTAMA" in teks and "PIHAK KEDUA" in teks


@pytest.mark.skipif(keluaran.soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_pk_pdf_download(pembaca):
    r = pembaca.get("/unit/bantargebang/pk/2024/dokumen.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    teks = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages))
    assert "PERJANJIAN KINERJA" in teks.upper() and "Bantargebang" in teks


def test_year_without_pk_is_404(pembaca):
    assert pembaca.get("/unit/bantargebang/lkip/2031/").status_code == 404
    assert pembaca.get("/unit/bantargebang/pk/2031/dokumen.docx").status_code == 404


def test_pdf_that_cannot_be_rendered_is_503_with_the_reason(pembaca, monkeypatch):
    def gagal(dok):
        raise Ditolak("LibreOffice (soffice) tidak ditemukan")

    monkeypatch.setattr(keluaran, "render_pdf", gagal)
    r = pembaca.get("/unit/bantargebang/lkip/2024/lkip.pdf")
    assert r.status_code == 503 and r["Content-Type"].startswith("text/plain")
    assert "Dokumen tidak dapat dibuat" in r.content.decode() and "soffice" in r.content.decode()
    assert pembaca.get("/unit/bantargebang/pk/2024/dokumen.pdf").status_code == 503
    assert (
        pembaca.get("/unit/bantargebang/lkip/2024/lkip.docx").status_code == 200
    )  # DOCX needs no LibreOffice
