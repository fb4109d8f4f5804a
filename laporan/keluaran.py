"""Render a ``laporan.dokumen.Dokumen`` to DOCX, HTML or PDF.

* DOCX (python-docx) starts from a template (``laporan/templat/dokumen.docx``, or the file named by
  the setting ``SAKIP_TEMPLAT_DOCX``) holding the styles, A4 page, margins, header and footer.
  Headings use Heading 1-3 (Word's navigation pane), Daftar Isi / Tabel / Gambar are real TOC
  fields (``w:updateFields`` makes Word refresh them on open), table header rows repeat on each
  page, figures are 200 dpi PNG.
* PDF is the same DOCX converted by headless LibreOffice; the TOC fields are updated first
  (``laporan/skrip/uno_pdf.py`` through python3-uno) so the page numbers in the lists are real.
  A PDF that cannot be made (LibreOffice missing, failing or too slow) raises
  ``dasar.galat.Ditolak`` with the reason.
* HTML is a fragment (``<article class="dokumen">``) for the in-app preview, or a full page with
  print CSS (``render_html(dok, halaman=True)``); figures are inline SVG, everything escaped.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from html import escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

from django.conf import settings
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from dasar.galat import Ditolak
from dasar.grafik import ke_svg
from dasar.teks import bersihkan
from laporan.dokumen import (
    Bab,
    Bagian,
    Dokumen,
    DuaTandaTangan,
    Gambar,
    Paragraf,
    PemisahHalaman,
    Tabel,
    TandaTangan,
)

TEMPLAT_BAWAAN = Path(__file__).with_name("templat") / "dokumen.docx"
DPI = 200
FORMAT = (".docx", ".pdf", ".html")


def png_gambar(figure) -> tuple[bytes, float]:
    """A figure as the PNG the DOCX embeds (``DPI``, no time or software stamp) and its width in
    inches."""
    buf = io.BytesIO()
    # figures with a layout engine (constrained) fit already; others are trimmed (a second draw)
    ketat = {} if figure.get_layout_engine() is not None else {"bbox_inches": "tight"}
    figure.savefig(buf, format="png", dpi=DPI, metadata={"Software": None}, **ketat)
    return buf.getvalue(), float(figure.get_size_inches()[0])


def _templat(templat) -> Path:
    if templat:
        return Path(templat)
    custom = getattr(settings, "SAKIP_TEMPLAT_DOCX", "")
    return Path(custom) if custom else TEMPLAT_BAWAAN


def _tebal_baris(baris: list[str]) -> bool:
    return bool(baris) and str(baris[0]).strip().lower().startswith(("jumlah", "total"))


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _xml(teks: str) -> str:
    """Text escaped for WordprocessingML (characters XML cannot hold are dropped)."""
    return xml_escape(bersihkan(teks))


def _bersihkan_dokumen(obj):
    """The renderers' last defence: every text of the document (headings, paragraphs, table
    cells, signature blocks, cover) without the characters ``dasar.teks`` does not allow, in
    place, so a control character stored before the forms refused it (or coming from anywhere
    else) never makes the DOCX/PDF invalid. Figures are left alone."""
    if isinstance(obj, list):
        for i, x in enumerate(obj):
            obj[i] = bersihkan(x) if isinstance(x, str) else _bersihkan_dokumen(x)
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            v = getattr(obj, f.name)
            if isinstance(v, str):
                setattr(obj, f.name, bersihkan(v))
            elif isinstance(v, list) or dataclasses.is_dataclass(v):
                _bersihkan_dokumen(v)
    return obj


def _nip(nip: str) -> str:
    return nip if nip.upper().startswith("NIP") else f"NIP. {nip}"


# Table text sizes tried, largest first, when a table is wider than the portrait text width: the
# table goes on a landscape page, at the largest size whose columns hold their longest word.
UKURAN_TABEL = (9, 8, 7)


def _kata(teks: str) -> list[str]:
    """The pieces a line may not be broken inside: words, with a break allowed after "/" and "-"
    (``Bulanan/Triwulanan/Semesteran``) but never inside a number or a code."""
    out = []
    for w in teks.split():
        out += [x for x in w.replace("/", "/ ").replace("-", "- ").split() if x] if not _angka(w) else [w]
    return out


def _angka(w: str) -> bool:
    return any(c.isdigit() for c in w)


@functools.lru_cache(maxsize=4)
def _huruf(tebal: bool):
    """Liberation Sans (metric-compatible with Arial, the template's font and what LibreOffice
    prints Arial with), regular or bold, for measuring text; None when it is not installed."""
    try:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font

        nama = font_manager.findfont(
            font_manager.FontProperties(family="Liberation Sans", weight="bold" if tebal else "normal"),
            fallback_to_default=False,
        )
        return FT2Font(nama)
    except Exception:  # pragma: no cover - a machine without the font: the estimate below
        return None


@functools.lru_cache(maxsize=20000)
def lebar_teks_cm(teks: str, pt: float, tebal: bool = False) -> float:
    """The printed width of ``teks`` (one line) in centimetres at ``pt`` points."""
    f = _huruf(tebal)
    if f is None:  # pragma: no cover
        return 0.21 * len(teks) * pt / 9
    f.set_size(pt, 72)
    f.set_text(teks, 0.0)
    return f.get_width_height()[0] / 64 / 72 * 2.54


def _minimum_kolom(t: Tabel, ncol: int, pt: float = 9) -> list[int]:
    """Each column's narrowest width (EMU): its widest unbreakable piece at ``pt`` points (bold in
    header and total rows) plus the cell margins and a little room."""
    minimum = []
    for i in range(ncol):
        lebar = 0.0
        for r in t.kepala:
            if i < len(r):
                lebar = max([lebar, *(lebar_teks_cm(w, pt, True) for w in _kata(str(r[i])))])
        for r in t.baris:
            if i < len(r):
                tebal = _tebal_baris(r)
                lebar = max([lebar, *(lebar_teks_cm(w, pt, tebal) for w in _kata(str(r[i])))])
        minimum.append(int(Cm(lebar + 0.5)))
    return minimum


def _lebar_kolom(t: Tabel, ncol: int, total: int, pt: float = 9) -> list[int]:
    """Column widths (EMU): at least the longest word, the rest shared by content length."""
    minimum = _minimum_kolom(t, ncol, pt)
    bobot = [
        min(max((len(str(r[i])) for r in t.kepala + t.baris if i < len(r)), default=1), 60)
        for i in range(ncol)
    ]
    sisa = total - sum(minimum)
    if sisa <= 0:
        return [int(total * m / sum(minimum)) for m in minimum]
    tambah = [b - min(b, 8) for b in bobot]  # short columns (No, numbers) stay at their minimum
    jumlah = sum(tambah)
    if not jumlah:
        return [m + sisa // ncol for m in minimum]
    return [m + int(sisa * w / jumlah) for m, w in zip(minimum, tambah, strict=True)]


def tata_letak_tabel(t: Tabel, lebar_tegak: int, lebar_lanskap: int) -> tuple[bool, float]:
    """(landscape?, text size in points) for a table: portrait at 9 pt when its columns fit the
    portrait text width, else landscape at the largest of ``UKURAN_TABEL`` that fits (the smallest
    when none does)."""
    ncol = max([len(r) for r in t.kepala + t.baris] or [1])
    if sum(_minimum_kolom(t, ncol, UKURAN_TABEL[0])) <= lebar_tegak:
        return False, UKURAN_TABEL[0]
    for pt in UKURAN_TABEL:
        if sum(_minimum_kolom(t, ncol, pt)) <= lebar_lanskap:
            return True, pt
    return True, UKURAN_TABEL[-1]


def _judul_bab(bab: Bab) -> str:
    return f"BAB {bab.romawi} {bab.judul}"


# ---------------------------------------------------------------- DOCX


def _run_field(paragraph, kind: str) -> None:
    fc = OxmlElement("w:fldChar")
    fc.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(fc)


def _run_instr(paragraph, instr: str) -> None:
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = f" {instr} "
    paragraph.add_run()._r.append(it)


class _Docx:
    def __init__(self, dok: Dokumen, templat):
        self.dok = dok
        self.doc = Document(str(_templat(templat)))
        body = self.doc.element.body
        for el in list(body):
            if el.tag != qn("w:sectPr"):
                body.remove(el)
        self._ids: dict[str, str] = {}
        sec = self.doc.sections[0]
        self.lebar = sec.page_width - sec.left_margin - sec.right_margin
        self.lebar_lanskap = sec.page_height - sec.left_margin - sec.right_margin
        self._lanskap = False  # inside a landscape section opened by a wide table
        self._bagian_pertama = True  # the next section break ends the first section (the cover's)

    def _putus_bagian(self, lanskap: bool) -> None:
        """End the current section here with the body's page set-up, turned to landscape when
        ``lanskap``. Only the first section keeps the cover's "different first page"; the page
        numbers run on across sections."""
        from copy import deepcopy

        body_sect = self.doc.element.body.find(qn("w:sectPr"))
        sect = deepcopy(body_sect)
        if lanskap:
            ukuran = sect.find(qn("w:pgSz"))
            w, h = ukuran.get(qn("w:w")), ukuran.get(qn("w:h"))
            ukuran.set(qn("w:w"), h)
            ukuran.set(qn("w:h"), w)
            ukuran.set(qn("w:orient"), "landscape")
        if not self._bagian_pertama or lanskap:
            for el in sect.findall(qn("w:titlePg")):
                sect.remove(el)
        if self._bagian_pertama:
            self._bagian_pertama = False
            for el in body_sect.findall(qn("w:titlePg")):
                body_sect.remove(el)
        par = self.doc.add_paragraph()
        par._p.get_or_add_pPr().append(sect)

    def _tutup_lanskap(self) -> None:
        if self._lanskap:
            self._putus_bagian(lanskap=True)
            self._lanskap = False

    def _style(self, name: str, fallback: str = "Normal"):
        try:
            return self.doc.styles[name]
        except KeyError:  # a pemda's own template without our extra styles: add it, based on fallback
            from docx.enum.style import WD_STYLE_TYPE

            try:
                base = self.doc.styles[fallback]
            except KeyError:
                base = self.doc.styles["Normal"]
            st = self.doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            st.base_style = base
            return st

    def _sisip(self, el) -> None:
        body = self.doc.element.body
        sect = body.find(qn("w:sectPr"))
        if sect is not None:
            sect.addprevious(el)
        else:  # pragma: no cover - a template always has its section properties
            body.append(el)

    def gaya(self, par, name: str, fallback: str = "Normal"):
        """Set the paragraph style through its id (python-docx's style setter is slow on big documents)."""
        sid = self._ids.get(name)
        if sid is None:
            sid = self._ids[name] = self._style(name, fallback).style_id
        par._p.get_or_add_pPr().get_or_add_pStyle().val = sid
        return par

    def p(self, teks: str = "", style: str = "Normal", fallback: str = "Normal"):
        par = self.doc.add_paragraph(teks)
        return self.gaya(par, style, fallback) if style != "Normal" else par

    # header / settings
    def kepala(self) -> None:
        for sec in self.doc.sections:
            hp = sec.header.paragraphs[0] if sec.header.paragraphs else sec.header.add_paragraph()
            if hp.runs:
                hp.runs[0].text = self.dok.kepala
                for r in hp.runs[1:]:
                    r.text = ""
            else:
                hp.add_run(self.dok.kepala)
            sec.different_first_page_header_footer = self.dok.sampul is not None
        settings = self.doc.settings.element
        upd = settings.find(qn("w:updateFields"))
        if upd is None:
            upd = OxmlElement("w:updateFields")
            settings.append(upd)
        upd.set(qn("w:val"), "true")

    def sampul(self) -> None:
        s = self.dok.sampul
        if s.logo:
            self.p()
            par = self.p("", "Sampul", "Title")
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            par.add_run().add_picture(io.BytesIO(s.logo), height=Cm(3.5))
            self.p()
        else:
            for _ in range(4):
                self.p()
        for line in s.judul:
            self.p(line, "Title")
        for _ in range(6):
            self.p()
        for line in s.subjudul:
            self.p(line, "Sampul", "Title")
        for _ in range(8):
            self.p()
        for line in s.penerbit:
            self.p(line, "Sampul", "Title")
        self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if s.balik:
            for _ in range(4):
                self.p()
            for line in s.balik:
                self.p(line)
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def daftar(self, judul: str, instr: str, entri: list[tuple[int, str]]) -> None:
        """A TOC field pre-filled with the entries (Word/LibreOffice recompute the page numbers)."""
        self.p(judul, "Judul Daftar", "Heading 1")
        if not entri:
            self.p("Tidak ada.")
            return
        first = True
        for i, (lvl, teks) in enumerate(entri):
            par = self.p("", f"TOC {min(lvl, 3)}")
            if first:
                _run_field(par, "begin")
                _run_instr(par, instr)
                _run_field(par, "separate")
                first = False
            par.add_run(teks)
            if i == len(entri) - 1:
                _run_field(par, "end")

    def heading(self, teks: str, level: int, lanskap: bool = False):
        """A heading; ``lanskap``: its section starts with a wide table, so the heading goes on the
        table's landscape page instead of being left alone at the foot of the portrait one."""
        if lanskap:
            self._buka_lanskap()
        else:
            self._tutup_lanskap()
        return self.p(teks, f"Heading {min(level, 3)}")

    def _lebar(self, item) -> bool:
        return isinstance(item, Tabel) and tata_letak_tabel(item, self.lebar, self.lebar_lanskap)[0]

    def _buka_lanskap(self) -> None:
        if not self._lanskap:
            self._putus_bagian(lanskap=False)
            self._lanskap = True

    def bagian(self, bg: Bagian, level: int, judul: str | None = None) -> None:
        self.heading(
            judul or (f"{bg.nomor} {bg.judul}" if bg.nomor else bg.judul),
            level,
            lanskap=bool(bg.isi) and self._lebar(bg.isi[0]),
        )
        for item in bg.isi:
            self.item(item)
        for a in bg.anak:
            self.bagian(a, level + 1)

    def item(self, item) -> None:
        if not isinstance(item, Tabel):
            self._tutup_lanskap()
        if isinstance(item, Paragraf):
            self.paragraf(item)
        elif isinstance(item, Tabel):
            self.tabel(item)
        elif isinstance(item, Gambar):
            self.gambar(item)
        elif isinstance(item, (TandaTangan, DuaTandaTangan)):
            self.ttd(item)
        elif isinstance(item, PemisahHalaman):
            self.doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def paragraf(self, par: Paragraf) -> None:
        if par.gaya == "butir":
            p = self.p(par.teks, "List Bullet")
        else:
            p = self.p("")
            r = p.add_run(par.teks)
            r.bold = par.gaya == "tebal"
            r.italic = par.gaya == "miring"
            if par.gaya == "tengah":
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif not par.gaya:
                p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    def tabel(self, t: Tabel) -> None:
        """The table written as WordprocessingML directly (python-docx's row API is slow on long tables)."""
        lanskap, pt = tata_letak_tabel(t, self.lebar, self.lebar_lanskap)
        if lanskap:
            self._buka_lanskap()
        else:
            self._tutup_lanskap()
        if t.judul:
            self.p(t.label if t.nomor else t.judul, "Judul Tabel", "Caption")
        ncol = max([len(r) for r in t.kepala + t.baris] or [1])
        lebar = self.lebar_lanskap if lanskap else self.lebar
        twips = [max(1, w // 635) for w in _lebar_kolom(t, ncol, lebar, pt)]
        ukuran = (
            "" if pt == UKURAN_TABEL[0] else f'<w:sz w:val="{int(pt * 2)}"/><w:szCs w:val="{int(pt * 2)}"/>'
        )

        isi_id = self._ids.get("Isi Tabel") or self._style("Isi Tabel").style_id
        self._ids["Isi Tabel"] = isi_id
        try:
            grid = f'<w:tblStyle w:val="{self.doc.styles["Table Grid"].style_id}"/>'
        except KeyError:  # pragma: no cover - template without the style: borders below still drawn
            grid = ""
        batas = "".join(
            f'<w:{b} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
            for b in ("top", "left", "bottom", "right", "insideH", "insideV")
        )

        def sel(i: int, teks, jajar: str, tebal: bool, kepala: bool) -> str:
            shd = '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' if kepala else ""
            jc = f'<w:jc w:val="{jajar}"/>' if jajar else ""
            rpr = f"<w:rPr>{'<w:b/>' if tebal else ''}{ukuran}</w:rPr>" if tebal or ukuran else ""
            baris = [_xml(x) for x in str(teks).split("\n")]
            teks_xml = "<w:br/>".join(f'<w:t xml:space="preserve">{x}</w:t>' for x in baris)
            return (
                f'<w:tc><w:tcPr><w:tcW w:w="{twips[i]}" w:type="dxa"/>{shd}</w:tcPr>'
                f'<w:p><w:pPr><w:pStyle w:val="{isi_id}"/>{jc}</w:pPr><w:r>{rpr}{teks_xml}</w:r></w:p></w:tc>'
            )

        def tr(row, kepala: bool) -> str:
            tebal = kepala or _tebal_baris(row)
            cells = [
                sel(
                    i,
                    row[i] if i < len(row) else "",
                    "center" if kepala else ("right" if i in t.kolom_angka else ""),
                    tebal,
                    kepala,
                )
                for i in range(ncol)
            ]
            pr = '<w:tblHeader w:val="true"/>' if kepala else "<w:cantSplit/>"
            return f"<w:tr><w:trPr>{pr}</w:trPr>{''.join(cells)}</w:tr>"

        xml = (
            f'<w:tbl xmlns:w="{W_NS}"><w:tblPr>{grid}<w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{batas}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
            + "</w:tblGrid>"
            + "".join(tr(r, True) for r in t.kepala)
            + "".join(tr(r, False) for r in t.baris)
            + "</w:tbl>"
        )
        self._sisip(parse_xml(xml))
        if t.sumber:
            r = self.p("", "Sumber Tabel", "Caption").add_run(f"Sumber: {t.sumber}")
            r.italic = True
            r.font.size = Pt(8)
        self.p("")

    def gambar(self, g: Gambar) -> None:
        if g.figure is not None or g.png:
            png, w_in = (g.png, g.lebar_inci) if g.png else png_gambar(g.figure)
            buf = io.BytesIO(png)
            lebar = min(Cm(w_in * 2.54), self.lebar)
            par = self.p("")
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            par.paragraph_format.keep_with_next = True
            par.add_run().add_picture(buf, width=lebar)
        self.p(g.label if g.nomor else g.judul, "Judul Gambar", "Caption")

    def _isi_ttd(self, cell, ttd: TandaTangan) -> None:
        lines = [
            (ttd.tempat_tanggal, False, False),
            (ttd.jabatan, False, False),
            ("", False, False),
            ("", False, False),
            ("", False, False),
            (ttd.nama, True, True),
        ]
        if ttd.pangkat:
            lines.append((ttd.pangkat, False, False))
        if ttd.nip:
            lines.append((_nip(ttd.nip), False, False))
        first = True
        for teks, tebal, garis in lines:
            par = cell.paragraphs[0] if first else cell.add_paragraph()
            first = False
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            par.paragraph_format.space_after = Pt(0)
            par.paragraph_format.keep_with_next = True
            r = par.add_run(teks)
            r.bold, r.underline = tebal, garis

    def ttd(self, item) -> None:
        tbl = self.doc.add_table(rows=1, cols=2)
        tbl.autofit = False
        kiri, kanan = tbl.rows[0].cells
        for c in (kiri, kanan):
            c.width = Cm(8)
        tbl.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        if isinstance(item, DuaTandaTangan):
            self._isi_ttd(kiri, item.kiri)
            self._isi_ttd(kanan, item.kanan)
        else:
            self._isi_ttd(kanan, item)
        self.p("")

    def build(self) -> bytes:
        dok = self.dok
        dok.beri_nomor()
        self.kepala()
        if dok.sampul:
            self.sampul()
        for i, bg in enumerate(dok.pembuka):
            h = self.heading(bg.judul, 1)
            if i == 0 and dok.sampul:
                h.paragraph_format.page_break_before = False  # the cover already ends with a page break
            for item in bg.isi:
                self.item(item)
            for a in bg.anak:
                self.bagian(a, 2)
        if dok.dengan_daftar:
            self.daftar(
                "DAFTAR ISI",
                'TOC \\o "1-3" \\h \\z \\u',
                [(1, b.judul) for b in dok.pembuka] + dok.daftar_isi() + [(1, b.judul) for b in dok.lampiran],
            )
            self.daftar(
                "DAFTAR TABEL", 'TOC \\h \\z \\t "Judul Tabel,1"', [(1, t) for t in dok.daftar_tabel()]
            )
            self.daftar(
                "DAFTAR GAMBAR", 'TOC \\h \\z \\t "Judul Gambar,1"', [(1, g) for g in dok.daftar_gambar()]
            )
        for bab in dok.bab:
            self.bagian(bab, 1, _judul_bab(bab))
        for bg in dok.lampiran:
            self.bagian(bg, 1)
        self._tutup_lanskap()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()


ZIP_TANGGAL = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can carry


def _zip_tetap(data: bytes) -> bytes:
    """The same archive with every entry dated ``ZIP_TANGGAL`` instead of the time of writing, so
    the same content always gives the same bytes (a frozen document's DOCX does not change)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entri = zipfile.ZipInfo(info.filename, date_time=ZIP_TANGGAL)
            entri.compress_type = info.compress_type
            entri.external_attr = info.external_attr
            dst.writestr(entri, src.read(info))
    return out.getvalue()


def render_docx(dok: Dokumen, templat=None) -> bytes:
    """The document as DOCX bytes, built on ``templat`` (path) or the configured template. Equal
    documents give equal bytes: the template's core properties are kept as they are and the zip
    entries carry a fixed date."""
    return _zip_tetap(_Docx(_bersihkan_dokumen(dok), templat).build())


# ---------------------------------------------------------------- HTML

CSS = """
.dokumen{font-family:Arial,Helvetica,sans-serif;line-height:1.5;max-width:60rem}
.dokumen h1{font-size:1.4rem;text-align:center;margin-top:2rem}
.dokumen h2{font-size:1.15rem}.dokumen h3{font-size:1rem}
.dokumen .kepala{font-style:italic;font-size:.8rem;text-align:right;color:#555}
.dokumen .sampul{text-align:center;padding:3rem 0}.dokumen .sampul .logo{height:7rem;width:auto;margin-bottom:1.5rem}
.dokumen .sampul .judul{font-size:1.6rem;font-weight:bold}
.dokumen .tabel-wadah{overflow-x:auto}.dokumen .sumber{font-size:.85em;font-style:italic;margin-top:.25rem}
.dokumen table{border-collapse:collapse;margin:0 auto 1rem;font-size:.85rem}
.dokumen caption,.dokumen figcaption{font-weight:bold;padding:.4rem;text-align:center}
.dokumen th,.dokumen td{border:1px solid #999;padding:.2rem .4rem;vertical-align:top}
.dokumen th{background:#d9e2f3}
.dokumen td.angka{text-align:right;white-space:nowrap}
.dokumen tr.jumlah td{font-weight:bold}
.dokumen figure{text-align:center;margin:1rem 0}
.dokumen figure svg{max-width:100%;height:auto}
.dokumen .tengah{text-align:center}.dokumen .tebal{font-weight:bold}.dokumen .miring{font-style:italic}
.dokumen .ttd{display:flex;justify-content:space-between;margin:2rem 0}
.dokumen .ttd>div{width:45%;text-align:center}.dokumen .ttd .ruang{height:4rem}
.dokumen .ttd .nama{font-weight:bold;text-decoration:underline}
.dokumen .halaman-baru{break-after:page}
.dokumen .tingkat-2{margin-left:1.2rem}.dokumen .tingkat-3{margin-left:2.4rem}.dokumen .tingkat-4{margin-left:3.6rem}
.dokumen .tingkat-5{margin-left:4.8rem}.dokumen .tingkat-6{margin-left:6rem}
@media print{
 @page{size:A4;margin:2.5cm 2cm 2.5cm 3cm}
 .dokumen{max-width:none}.dokumen h1{break-before:page}.dokumen .sampul{break-after:page}
 .dokumen thead{display:table-header-group}.dokumen tr,.dokumen figure{break-inside:avoid}
 .dokumen h2,.dokumen h3,.dokumen caption{break-after:avoid}
}
"""


class _Html:
    def __init__(self, dok: Dokumen):
        self.dok = dok
        self.out: list[str] = []
        self.n = 0

    def w(self, s: str) -> None:
        self.out.append(s)

    def anchor(self) -> str:
        self.n += 1
        return f"b{self.n}"

    def bagian(self, bg: Bagian, level: int, judul: str | None = None) -> None:
        lvl = min(level, 4) + 1 if level > 1 else 2
        self.w(
            f"<section><h{lvl}>{escape(judul or (f'{bg.nomor} {bg.judul}' if bg.nomor else bg.judul))}"
            f"</h{lvl}>"
        )
        for item in bg.isi:
            self.item(item)
        for a in bg.anak:
            self.bagian(a, level + 1)
        self.w("</section>")

    def item(self, item) -> None:
        if isinstance(item, Paragraf):
            cls = f' class="{item.gaya}"' if item.gaya in ("tebal", "tengah", "miring") else ""
            if item.gaya == "butir":
                self.w(f"<ul><li>{escape(item.teks)}</li></ul>")
            else:
                self.w(f"<p{cls}>{escape(item.teks)}</p>")
        elif isinstance(item, Tabel):
            judul = item.label if item.nomor else item.judul
            self.w(f'<div class="tabel-wadah"><table><caption>{escape(judul)}</caption><thead>')
            for row in item.kepala:
                self.w("<tr>" + "".join(f'<th scope="col">{escape(str(c))}</th>' for c in row) + "</tr>")
            self.w("</thead><tbody>")
            for row in item.baris:
                cls = ' class="jumlah"' if _tebal_baris(row) else ""
                self.w(
                    f"<tr{cls}>"
                    + "".join(
                        f"<td{' class=angka' if i in item.kolom_angka else ''}>{escape(str(c))}</td>"
                        for i, c in enumerate(row)
                    )
                    + "</tr>"
                )
            self.w("</tbody></table></div>")
            if item.sumber:
                self.w(f'<p class="sumber">Sumber: {escape(item.sumber)}</p>')
        elif isinstance(item, Gambar):
            judul = item.label if item.nomor else item.judul
            svg = ke_svg(item.figure) if item.figure is not None else ""
            self.w(
                f'<figure role="img" aria-label="{escape(judul)}">{svg}'
                f"<figcaption>{escape(judul)}</figcaption></figure>"
            )
        elif isinstance(item, TandaTangan):
            self.w('<div class="ttd"><div></div>' + self.ttd(item) + "</div>")
        elif isinstance(item, DuaTandaTangan):
            self.w('<div class="ttd">' + self.ttd(item.kiri) + self.ttd(item.kanan) + "</div>")
        elif isinstance(item, PemisahHalaman):
            self.w('<div class="halaman-baru"></div>')

    @staticmethod
    def ttd(t: TandaTangan) -> str:
        s = (
            f"<div><div>{escape(t.tempat_tanggal)}</div><div>{escape(t.jabatan)}</div>"
            f'<div class="ruang"></div><div class="nama">{escape(t.nama)}</div>'
        )
        if t.pangkat:
            s += f"<div>{escape(t.pangkat)}</div>"
        if t.nip:
            s += f"<div>{escape(_nip(t.nip))}</div>"
        return s + "</div>"

    def build(self) -> str:
        dok = self.dok
        dok.beri_nomor()
        self.w('<article class="dokumen">')
        if dok.kepala:
            self.w(f'<p class="kepala">{escape(dok.kepala)}</p>')
        if dok.sampul:
            s = dok.sampul
            self.w('<header class="sampul">')
            if s.logo:
                mime = "image/png" if s.logo.startswith(b"\x89PNG") else "image/jpeg"
                data = base64.b64encode(s.logo).decode("ascii")
                alt = escape(f"Logo {s.penerbit[0]}" if s.penerbit else "Logo")
                self.w(f'<img class="logo" src="data:{mime};base64,{data}" alt="{alt}">')
            for line in s.judul:
                self.w(f'<div class="judul">{escape(line)}</div>')
            for line in s.subjudul + s.penerbit:
                self.w(f'<p class="tebal">{escape(line)}</p>')
            self.w("</header>")
            for line in s.balik:
                self.w(f"<p>{escape(line)}</p>")
        for bg in dok.pembuka:
            self.bagian(bg, 1)
        if dok.dengan_daftar:
            self.w('<nav class="daftar"><h2>DAFTAR ISI</h2><ul>')
            for lvl, teks in dok.daftar_isi():
                self.w(f'<li class="tingkat-{min(lvl, 6)}">{escape(teks)}</li>')
            self.w("</ul>")
            for judul, isi in (("DAFTAR TABEL", dok.daftar_tabel()), ("DAFTAR GAMBAR", dok.daftar_gambar())):
                if isi:
                    self.w(f"<h2>{judul}</h2><ul>" + "".join(f"<li>{escape(t)}</li>" for t in isi) + "</ul>")
            self.w("</nav>")
        for bab in dok.bab:
            self.bagian(bab, 1, _judul_bab(bab))
        for bg in dok.lampiran:
            self.bagian(bg, 1)
        self.w("</article>")
        return "\n".join(self.out)


def render_html(dok: Dokumen, halaman: bool = False, nonce: str = "") -> str:
    """The document as an HTML fragment (with its <style>), or a full page when ``halaman``.
    ``nonce``: the page's Content-Security-Policy nonce (``request.csp_nonce``) for that <style>."""
    atribut = f' nonce="{escape(nonce)}"' if nonce else ""
    frag = f"<style{atribut}>{CSS}</style>\n" + _Html(_bersihkan_dokumen(dok)).build()
    if not halaman:
        return frag
    return (
        f'<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(dok.judul)}</title></head><body>\n{frag}\n</body></html>\n"
    )


# ---------------------------------------------------------------- PDF

UNO_SKRIP = Path(__file__).with_name("skrip") / "uno_pdf.py"


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _uno_tersedia() -> bool:
    uno_python = settings.SAKIP_UNO_PYTHON
    if not Path(uno_python).exists():
        return False
    try:
        return (
            subprocess.run([uno_python, "-c", "import uno"], capture_output=True, timeout=30).returncode == 0
        )
    except (OSError, subprocess.TimeoutExpired):
        return False


def _jalankan(cmd: list[str], timeout: int) -> subprocess.CompletedProcess:
    # Its own process group (killed whole on a timeout) but not its own session: a new session
    # would be a new scheduler autogroup with a full share of the CPU, escaping the worker's lower
    # priority (dasar/prioritas.py).
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, process_group=0)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        proc.communicate()
        raise Ditolak(f"LibreOffice tidak selesai dalam {timeout} detik.") from None
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def docx_ke_pdf(docx_bytes: bytes, timeout: int | None = None) -> bytes:
    """Convert DOCX bytes to PDF with headless LibreOffice (own user profile per call).

    With python3-uno the indexes (Daftar Isi / Tabel / Gambar) are updated before export so their
    page numbers are real; without it ``soffice --convert-to pdf`` is used (lists without numbers).
    ``timeout`` defaults to ``settings.SAKIP_SOFFICE_TIMEOUT``; the Python with ``uno`` is
    ``settings.SAKIP_UNO_PYTHON``.
    """
    if timeout is None:
        timeout = settings.SAKIP_SOFFICE_TIMEOUT
    exe = soffice()
    if not exe:
        raise Ditolak(
            "LibreOffice (soffice) tidak ditemukan; PDF tidak dapat dibuat. Pasang paket libreoffice-writer."
        )
    with tempfile.TemporaryDirectory(prefix="sakip-pdf-") as tmp:
        src = Path(tmp) / "dokumen.docx"
        src.write_bytes(docx_bytes)
        pdf = Path(tmp) / "dokumen.pdf"
        profil = Path(tmp) / "profil"
        if _uno_tersedia():
            res = _jalankan(
                [settings.SAKIP_UNO_PYTHON, str(UNO_SKRIP), exe, str(src), str(pdf), str(profil)], timeout
            )
        else:
            res = _jalankan(
                [
                    exe,
                    f"-env:UserInstallation={profil.as_uri()}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    tmp,
                    str(src),
                ],
                timeout,
            )
        if res.returncode != 0 or not pdf.exists():
            pesan = (res.stderr or res.stdout or b"").decode(errors="replace").strip()[-500:]
            raise Ditolak(f"Konversi PDF oleh LibreOffice gagal: {pesan}")
        return pdf.read_bytes()


def render_pdf(dok: Dokumen, path=None, templat=None) -> bytes:
    """The document as PDF (the DOCX converted by LibreOffice); also written to ``path`` if given."""
    data = docx_ke_pdf(render_docx(dok, templat))
    if path is not None:
        Path(path).write_bytes(data)
    return data


def simpan(dok: Dokumen, path, templat=None) -> Path:
    """Write the document to ``path``; the format follows the extension (.docx, .pdf, .html)."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext not in FORMAT:
        raise Ditolak(f"Ekstensi {ext or '(kosong)'} tidak didukung; gunakan {', '.join(FORMAT)}.")
    if ext == ".docx":
        data = render_docx(dok, templat)
    elif ext == ".html":
        data = render_html(dok, halaman=True).encode("utf-8")
    else:
        data = render_pdf(dok, templat=templat)
    path.write_bytes(data)
    return path
