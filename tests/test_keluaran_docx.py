"""DOCX rendering of a Dokumen, read back with python-docx."""

import io

import pytest
from docx import Document
from docx.oxml.ns import qn
from matplotlib.figure import Figure
from PIL import Image

from dasar.galat import Ditolak
from laporan import keluaran
from laporan.dokumen import Dokumen, DuaTandaTangan, Sampul, TandaTangan

KEPALA = "Laporan Kinerja Instansi Pemerintah (LKIP) Kecamatan Uji Tahun 2024"


def contoh(n_baris: int = 40, teks: str = "Puji syukur kehadirat Tuhan.") -> Dokumen:
    """A small document with every kind of content (also used by the HTML and PDF tests)."""
    d = Dokumen(
        "LKIP Kecamatan Uji 2024",
        kepala=KEPALA,
        sampul=Sampul(["LAPORAN KINERJA", "TAHUN 2024"], ["KECAMATAN UJI"], ["PEMERINTAH KOTA UJI"]),
    )
    kp = d.tambah_pembuka("KATA PENGANTAR")
    kp.paragraf(teks)
    kp.tanda_tangan(
        TandaTangan("Uji, 10 Januari 2025", "Camat Uji", "Budi Santoso", "Pembina", "197001012000031001")
    )
    b1 = d.tambah_bab("PENDAHULUAN")
    s = b1.bagian("Latar Belakang")
    s.paragraf("Teks latar belakang.")
    s.bagian("Dasar Hukum").paragraf("Peraturan Presiden 29/2014", "butir")
    b1.tabel(
        "Pegawai", [["Golongan", "Jumlah"]], [["III", "12"], ["IV", "3"], ["Jumlah", "15"]], kolom_angka=[1]
    )
    b2 = d.tambah_bab("AKUNTABILITAS KINERJA")
    c = b2.bagian("Capaian Kinerja")
    c.tabel(
        "Capaian IKU",
        [["No", "Indikator", "Target", "Realisasi", "Capaian"]],
        [[str(i), f"Indikator {i}", "100", "97,8", "97,8 %"] for i in range(1, n_baris)],
        kolom_angka=[2, 3, 4],
    )
    fig = Figure(figsize=(6, 3))
    fig.add_subplot().bar(["IKU1", "IKU2"], [97.8, 100.8])
    c.gambar("Capaian per IKU", fig)
    b2.tanda_tangan(
        DuaTandaTangan(
            TandaTangan("", "PIHAK KEDUA", "Wali Kota Uji"),
            TandaTangan("Uji, 2 Januari 2024", "PIHAK PERTAMA", "Budi Santoso", nip="197001012000031001"),
        )
    )
    d.tambah_lampiran("LAMPIRAN").paragraf("Isi lampiran.")
    return d


@pytest.fixture(scope="module")
def docx():
    return Document(io.BytesIO(keluaran.render_docx(contoh())))


def _gaya(doc, teks):
    """Styles of the paragraphs with this text, leaving out the Daftar Isi entries."""
    return [p.style.name for p in doc.paragraphs if p.text == teks and not _di_daftar(p)]


def _di_daftar(p):
    return p.style.name.startswith("TOC") or any(
        e.get(qn("w:fldCharType")) for e in p._p.iter(qn("w:fldChar"))
    )


def _tabel(doc, kepala):
    return next(t for t in doc.tables if t.rows[0].cells[0].text.strip().startswith(kepala))


def test_heading_styles_for_word_navigation(docx):
    assert _gaya(docx, "BAB I PENDAHULUAN") == ["Heading 1"]
    assert _gaya(docx, "BAB II AKUNTABILITAS KINERJA") == ["Heading 1"]
    assert _gaya(docx, "1.1 Latar Belakang") == ["Heading 2"]
    assert _gaya(docx, "1.1.1 Dasar Hukum") == ["Heading 3"]
    assert _gaya(docx, "KATA PENGANTAR") == ["Heading 1"]
    assert _gaya(docx, "DAFTAR ISI") == ["Judul Daftar"]  # the list itself is not in the outline


def test_captions_unique_table_above_figure_below(docx):
    body = list(docx.element.body)
    labels = [p.text for p in docx.paragraphs if p.style.name in ("Judul Tabel", "Judul Gambar")]
    assert labels == ["Tabel 1.1 Pegawai", "Tabel 2.1 Capaian IKU", "Gambar 2.1 Capaian per IKU"]
    assert len(set(labels)) == len(labels)
    for p in docx.paragraphs:
        i = body.index(p._p)
        if p.style.name == "Judul Tabel":
            assert body[i + 1].tag == qn("w:tbl"), p.text
        if p.style.name == "Judul Gambar":
            assert body[i - 1].findall(".//" + qn("w:drawing")), p.text


def test_header_rows_repeat_and_numbers_right_aligned(docx):
    t = _tabel(docx, "No")  # Capaian IKU
    rows = t.rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in rows[1:])
    assert rows[1].cells[3].text == "97,8"
    assert rows[1].cells[3].paragraphs[0].alignment == 2  # RIGHT
    assert rows[1].cells[1].paragraphs[0].alignment is None
    jumlah = _tabel(docx, "Golongan").rows[-1]
    assert jumlah.cells[0].text == "Jumlah" and jumlah.cells[1].paragraphs[0].runs[0].bold


def test_toc_fields_and_update_on_open(docx):
    instr = " ".join(e.text for e in docx.element.body.iter(qn("w:instrText")))
    assert 'TOC \\o "1-3"' in instr
    assert '"Judul Tabel,1"' in instr and '"Judul Gambar,1"' in instr
    assert docx.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    toc = [p.text for p in docx.paragraphs if p.style.name.startswith("TOC")]
    assert "BAB I PENDAHULUAN" in toc and "1.1.1 Dasar Hukum" in toc and "Tabel 2.1 Capaian IKU" in toc


def test_page_header_footer_and_cover_without_header(docx):
    sec = docx.sections[0]
    assert sec.header.paragraphs[0].text == KEPALA
    assert sec.different_first_page_header_footer  # cover page: empty first-page header
    assert not sec.first_page_header.paragraphs or not sec.first_page_header.paragraphs[0].text
    footer = " ".join(e.text for e in sec.footer._element.iter(qn("w:instrText")))
    assert "PAGE" in footer
    assert abs(sec.page_width.cm - 21) < 0.01 and abs(sec.page_height.cm - 29.7) < 0.01


def test_figure_png_at_print_resolution(docx):
    pics = [r for r in docx.part.rels.values() if "image" in r.reltype]
    assert len(pics) == 1
    img = Image.open(io.BytesIO(pics[0].target_part.blob))
    assert img.format == "PNG"
    assert round(img.info["dpi"][0]) >= 200
    assert img.width >= 1000  # a 6-inch figure at 200 dpi, white margin trimmed


def test_signature_blocks(docx):
    ttd = _tabel(docx, "PIHAK KEDUA")
    kiri, kanan = ttd.rows[0].cells
    assert "PIHAK KEDUA" in kiri.text and "Wali Kota Uji" in kiri.text
    assert "PIHAK PERTAMA" in kanan.text and "NIP. 197001012000031001" in kanan.text
    nama = [p for p in kanan.paragraphs if p.text == "Budi Santoso"][0]
    assert nama.runs[0].bold and nama.runs[0].underline


def test_own_template_without_extra_styles(tmp_path, settings):
    """A pemda's own template (only Word's default styles) still renders; its page setup is kept."""
    from docx.shared import Cm

    t = Document()
    t.sections[0].left_margin = Cm(4)
    path = tmp_path / "kop.docx"
    t.save(path)
    settings.SAKIP_TEMPLAT_DOCX = str(path)
    doc = Document(io.BytesIO(keluaran.render_docx(contoh(3))))
    assert abs(doc.sections[0].left_margin.cm - 4) < 0.01
    assert _gaya(doc, "BAB I PENDAHULUAN") == ["Heading 1"]
    assert "Tabel 2.1 Capaian IKU" in [p.text for p in doc.paragraphs]
    assert doc.sections[0].header.paragraphs[0].text == KEPALA


def test_simpan_by_extension(tmp_path):
    out = keluaran.simpan(contoh(3), tmp_path / "x.docx")
    assert Document(str(out)).paragraphs
    keluaran.simpan(contoh(3), tmp_path / "x.html")
    assert (tmp_path / "x.html").read_text().startswith("<!DOCTYPE html>")
    with pytest.raises(Ditolak, match="tidak didukung"):
        keluaran.simpan(contoh(3), tmp_path / "x.odt")
    assert not (tmp_path / "x.odt").exists()
