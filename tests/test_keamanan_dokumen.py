"""Control characters never break a document (issue #12, "Small 500s"): a vertical tab, form
feed, NUL or U+FFFE in an LKIP text or an indicator name still gives a valid DOCX, HTML and PDF
(the renderers clean every text with dasar.teks as a last defence)."""

import io
import zipfile

import pytest
from django.db import connection
from docx import Document
from lxml import etree
from pypdf import PdfReader

from laporan import keluaran
from laporan.lkip import bangun_lkip
from laporan.models import TeksBlok
from laporan.teks import BAGIAN
from perencanaan.models import Indikator
from tests.test_keluaran_docx import contoh

KOTOR = "Awal\x0btengah\x0cakhir\x00 nol\ufffe selesai\ud800."
perlu_soffice = pytest.mark.skipif(
    keluaran.soffice() is None, reason="LibreOffice (soffice) is not installed"
)


def _docx_sah(data: bytes) -> str:
    """Every XML part parses strictly; the document's text."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for n in zf.namelist():
            if n.endswith(".xml"):
                etree.fromstring(zf.read(n))
    doc = Document(io.BytesIO(data))
    teks = [p.text for p in doc.paragraphs]
    teks += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return "\n".join(teks)


def test_every_kind_of_content_survives_control_characters():
    dok = contoh(5, teks=KOTOR)
    dok.bab[0].judul = "PENDAHULUAN\x0b"
    dok.bab[0].isi.append(dok.bab[0].tabel("Tabel\x00 uji", [["Nama\x0c"]], [["Isi\ufffe sel"]]))
    teks = _docx_sah(keluaran.render_docx(dok))
    assert "Awal\ntengah\nakhir nol selesai." in teks
    html = keluaran.render_html(dok, halaman=True)
    assert "\x00" not in html and "\x0b" not in html and "\ufffe" not in html
    assert "Awal\ntengah\nakhir nol selesai." in html


@pytest.fixture
def lkip_kotor(demo):
    kotor = KOTOR.replace("\ud800", "")  # no database stores a lone surrogate, and PostgreSQL no NUL
    if connection.vendor == "postgresql":
        kotor = kotor.replace("\x00", "")
    TeksBlok.objects.update_or_create(
        instansi=demo, tahun=2024, bagian=next(iter(BAGIAN)), defaults={"teks": kotor}
    )
    ind = Indikator.objects.filter(instansi=demo, iku=True).order_by("kode").first()
    ind.nama = "Indeks\x0b Kepuasan\x0c Masyarakat\ufffe"
    ind.save()
    return bangun_lkip(demo, 2024)


@pytest.mark.django_db
def test_lkip_docx_is_valid(lkip_kotor):
    teks = _docx_sah(keluaran.render_docx(lkip_kotor))
    assert "Awal\ntengah\nakhir" in teks
    assert "Indeks\n Kepuasan\n Masyarakat" in teks


@pytest.mark.django_db
@perlu_soffice
def test_lkip_pdf_is_produced(lkip_kotor):
    data = keluaran.render_pdf(lkip_kotor)
    assert data.startswith(b"%PDF")
    semua = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)
    assert "Awal tengah akhir" in semua and "Indeks Kepuasan Masyarakat" in semua
