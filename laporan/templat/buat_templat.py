"""Generate laporan/templat/dokumen.docx, the default template of laporan.keluaran.render_docx.

Run once (``python laporan/templat/buat_templat.py``) and commit the result. A pemda may replace the
template with its own letterhead and fonts (setting ``SAKIP_TEMPLAT_DOCX``); the template must keep
the style names used by the renderer: Normal, Title, Heading 1-3, Caption, "Judul Tabel",
"Judul Gambar", "Judul Daftar", "Isi Tabel", TOC 1-3 and the table style "Table Grid".
Content of the template's body is discarded; page setup, header and footer are kept.
"""

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Arial"


def _field(paragraph, instr: str) -> None:
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            run._r.append(fc)
        elif text == instr:
            it = OxmlElement("w:instrText")
            it.set(qn("xml:space"), "preserve")
            it.text = f" {instr} "
            run._r.append(it)
        else:
            run.text = text


def buat(path: Path) -> None:
    doc = Document()
    st = doc.styles
    normal = st["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, before, after in (
        ("Heading 1", 14, 0, 12),
        ("Heading 2", 12, 12, 6),
        ("Heading 3", 11, 10, 4),
    ):
        h = st[name]
        h.font.name = FONT
        h.font.size = Pt(size)
        h.font.bold = True
        h.font.color.rgb = RGBColor(0, 0, 0)
        h.paragraph_format.space_before = Pt(before)
        h.paragraph_format.space_after = Pt(after)
        h.paragraph_format.keep_with_next = True
    st["Heading 1"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    st["Heading 1"].paragraph_format.page_break_before = True
    title = st["Title"]
    title.font.name = FONT
    title.font.size = Pt(20)
    title.font.bold = True
    title.font.color.rgb = RGBColor(0, 0, 0)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cap = st["Caption"]
    cap.font.name = FONT
    cap.font.size = Pt(10)
    cap.font.bold = True
    cap.font.italic = False
    cap.font.color.rgb = RGBColor(0, 0, 0)
    cap.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name, keep in (("Judul Tabel", True), ("Judul Gambar", False)):
        s = st.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = cap
        s.paragraph_format.keep_with_next = keep
        s.paragraph_format.space_before = Pt(6)
        s.paragraph_format.space_after = Pt(6)
    s = st.add_style("Judul Daftar", WD_STYLE_TYPE.PARAGRAPH)  # DAFTAR ISI etc.: not in the outline
    s.base_style = normal
    s.font.bold = True
    s.font.size = Pt(14)
    s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    s.paragraph_format.page_break_before = True
    s.paragraph_format.space_after = Pt(12)
    s = st.add_style("Isi Tabel", WD_STYLE_TYPE.PARAGRAPH)
    s.base_style = normal
    s.font.size = Pt(9)
    s.paragraph_format.space_after = Pt(0)
    s.paragraph_format.line_spacing = 1.0
    s = st.add_style("Sampul", WD_STYLE_TYPE.PARAGRAPH)
    s.base_style = normal
    s.font.size = Pt(14)
    s.font.bold = True
    s.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for lvl in (1, 2, 3):
        s = st.add_style(f"TOC {lvl}", WD_STYLE_TYPE.PARAGRAPH)
        s.base_style = normal
        s.paragraph_format.left_indent = Cm(0.6 * (lvl - 1))
        s.paragraph_format.space_after = Pt(2)
        s.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    # theme fonts (Calibri Light of Word's default headings) would override the font set above
    for rfonts in doc.styles.element.iter(qn("w:rFonts")):
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        rfonts.set(qn("w:ascii"), FONT)
        rfonts.set(qn("w:hAnsi"), FONT)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)  # A4
    sec.top_margin, sec.bottom_margin = Cm(2.5), Cm(2.5)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    sec.header_distance = sec.footer_distance = Cm(1.2)
    sec.different_first_page_header_footer = True  # cover page: no header, no page number
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    r = hp.add_run("")  # the renderer writes Dokumen.kepala here
    r.italic = True
    r.font.size = Pt(9)
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _field(fp, "PAGE")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


if __name__ == "__main__":
    buat(Path(__file__).with_name("dokumen.docx"))
