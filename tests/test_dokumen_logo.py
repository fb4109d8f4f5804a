"""The pemda's logo (uploaded in the pemda console) is printed on the covers of its documents —
LKIP, LHE, Laporan SKM — in the DOCX (and so the PDF) and the HTML preview, and is frozen with an
issued LKIP; a pemda without a logo, or with a file that is no image, gets covers without one."""

import io

import pytest
from django.core.files.base import ContentFile
from docx import Document
from PIL import Image

from laporan import keluaran
from laporan.lkip import bangun_lkip
from laporan.logo import logo_pemda
from laporan.terbitan import dari_isi, ke_isi

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (40, 50), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


def _gambar_sampul(docx: bytes) -> int:
    """Pictures in the paragraphs before the first heading (the cover)."""
    n = 0
    for p in Document(io.BytesIO(docx)).paragraphs:
        if p.style.name.startswith("Heading"):
            break
        n += len(p._p.xpath(".//pic:pic"))
    return n


def test_lkip_cover_has_the_logo_and_an_issued_copy_keeps_it(demo):
    png = _png()
    demo.pemda.logo.save("logo.png", ContentFile(png))
    dok = bangun_lkip(demo, 2024)
    assert dok.sampul.logo == png
    assert _gambar_sampul(keluaran.render_docx(dok)) == 1
    html = keluaran.render_html(dok)
    assert 'class="logo" src="data:image/png;base64,' in html and 'alt="Logo Kecamatan Bantargebang"' in html
    beku = dari_isi(ke_isi(dok))
    assert beku.sampul.logo == png


def test_without_a_logo_or_with_a_file_that_is_no_image(demo):
    dok = bangun_lkip(demo, 2024)
    assert dok.sampul.logo is None and "logo" not in ke_isi(dok)["sampul"]
    assert _gambar_sampul(keluaran.render_docx(dok)) == 0
    demo.pemda.logo.save("logo.png", ContentFile(b"<svg onload=alert(1)>"))
    assert logo_pemda(demo.pemda) is None
    demo.pemda.logo.storage.delete(demo.pemda.logo.name)  # the file gone from storage
    assert logo_pemda(demo.pemda) is None


def test_lhe_cover_has_the_logo(pengguna_demo, demo):
    from laporan.lhe import dokumen_lhe
    from tests.evaluasi_bantu import evaluasi_final

    demo.pemda.logo.save("logo.png", ContentFile(_png()))
    ev = evaluasi_final(pengguna_demo, demo)
    assert _gambar_sampul(keluaran.render_docx(dokumen_lhe(ev))) == 1
