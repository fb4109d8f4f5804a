"""Reading an LKIP/LKjIP file made elsewhere into ``rumus.reviu_dokumen.Dokumen``.

Plain text (tables as tab-separated lines, as the seed transcription), DOCX (python-docx:
paragraphs and tables in body order) and PDF (pdfplumber: each page's tables and the text
outside them). The checks themselves are pure (``rumus.reviu_dokumen.reviu``); this module
only extracts. docs/laporan.md, "Reviu of any LKIP file".
"""

from __future__ import annotations

import re
from pathlib import Path

from rumus.reviu_dokumen import Dokumen, Kalimat, Keterangan, Tabel, Temuan, bersih, reviu

__all__ = ["BerkasTidakDikenal", "baca", "reviu_berkas"]

_KETERANGAN = re.compile(r"^\s*(Tabel|Gambar)\s+(\d+(?:\.\d+)*)\.?(?:\s+(.*))?$", re.I)
_DAFTAR = re.compile(r"\.{5,}\s*[\divxlc]*\s*$", re.I)  # a line of a table of contents or a list of tables
_SUMBER = re.compile(r"^\s*(Sumber|Data)\s*:", re.I)
_PECAH = re.compile(r"(?<![Rr]p\.)(?<=[.!?])\s+(?=[A-Z(*])")


class BerkasTidakDikenal(ValueError):
    """The file is neither PDF, DOCX nor plain text."""


def reviu_berkas(path: Path) -> list[Temuan]:
    return reviu(baca(path))


def baca(path: Path) -> Dokumen:
    path = Path(path)
    with path.open("rb") as f:
        awal = f.read(8)
    if awal.startswith(b"%PDF"):
        return _pdf(path)
    if awal.startswith(b"PK\x03\x04"):
        return _docx(path)
    try:
        teks = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise BerkasTidakDikenal("not a PDF, DOCX or UTF-8 text file") from exc
    return _teks(teks.splitlines(), lambda n: f"line {n}")


class _Penyusun:
    """Builds a Dokumen from lines, tables and paragraphs in reading order."""

    def __init__(self):
        self.dok = Dokumen()
        self.tabel: Tabel | None = None
        self.judul_terbuka = False
        self.langkah = 0  # rows and sentences so far
        self.langkah_keterangan: list[int] = []

    def selesai(self) -> Dokumen:
        """Drops the captions of a list of tables or figures: captions one after another
        with no row or sentence between them."""
        n = self.langkah_keterangan
        self.dok.keterangan = [
            k
            for i, k in enumerate(self.dok.keterangan)
            if not ((i > 0 and n[i - 1] == n[i]) or (i + 1 < len(n) and n[i + 1] == n[i]))
        ]
        return self.dok

    def keterangan(self, jenis: str, nomor: str, judul: str, letak: str):
        jenis = jenis.capitalize()
        self.dok.keterangan.append(Keterangan(jenis, nomor, letak))
        self.langkah_keterangan.append(self.langkah)
        if jenis == "Tabel":
            self.tutup()
            self.tabel = Tabel(nomor, judul, [], letak)
            self.dok.urutan.append(("tabel", len(self.dok.tabel)))
            self.dok.tabel.append(self.tabel)
            self.judul_terbuka = True
        else:
            self.tutup()

    def baris(self, sel: list[str], letak: str):
        if self.tabel is None:
            self.tabel = Tabel(None, "", [], letak)
            self.dok.urutan.append(("tabel", len(self.dok.tabel)))
            self.dok.tabel.append(self.tabel)
        self.judul_terbuka = False
        self.langkah += 1
        if sel in self.tabel.baris and not any(re.search(r"\d", c) for c in sel):
            return  # a header repeated on the next page
        self.tabel.baris.append(sel)

    def teks(self, teks: str, letak: str):
        teks = bersih(teks)
        if not teks:
            return
        if self.tabel is not None and self.judul_terbuka and len(teks) < 200:
            self.tabel.judul = (self.tabel.judul + " " + teks).strip()
            return
        if _SUMBER.match(teks):
            self.tutup()
            return
        if self.tabel is not None and self.tabel.baris and len(teks) < 120 and not teks.endswith("."):
            return  # a running header between the pages of a table
        self.tutup()
        for kalimat in _PECAH.split(teks):
            if kalimat.strip():
                self.langkah += 1
                self.dok.urutan.append(("kalimat", len(self.dok.kalimat)))
                self.dok.kalimat.append(Kalimat(kalimat.strip(), letak))

    def tutup(self):
        self.tabel = None
        self.judul_terbuka = False


def _teks(baris: list[str], letak_dari) -> Dokumen:
    p = _Penyusun()
    paragraf: list[str] = []
    mulai = 0

    def lepas():
        nonlocal paragraf
        if paragraf:
            p.teks(" ".join(paragraf), letak_dari(mulai))
            paragraf = []

    for n, line in enumerate(baris, start=1):
        if _DAFTAR.search(line) and "\t" not in line:
            continue
        if "\t" in line:
            lepas()
            p.baris([bersih(c) for c in line.split("\t")], letak_dari(n))
            continue
        m = _KETERANGAN.match(bersih(line))
        if m and len(line) < 200:
            lepas()
            p.keterangan(m.group(1), m.group(2), m.group(3) or "", letak_dari(n))
            continue
        if not line.strip() or line.lstrip().startswith("$$"):
            lepas()
            continue
        if not paragraf:
            mulai = n
        if p.judul_terbuka:
            p.teks(line, letak_dari(n))
            continue
        paragraf.append(line.strip())
    lepas()
    return p.selesai()


def _docx(path: Path) -> Dokumen:
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    p = _Penyusun()
    n = 0
    for blok in doc.element.body.iterchildren():
        tag = blok.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n += 1
            teks = bersih(Paragraph(blok, doc).text)
            if _DAFTAR.search(teks):
                continue
            m = _KETERANGAN.match(teks)
            if m and len(teks) < 200:
                p.keterangan(m.group(1), m.group(2), m.group(3) or "", f"paragraph {n}")
            elif teks:
                p.judul_terbuka = False
                p.teks(teks, f"paragraph {n}")
        elif tag == "tbl":
            tabel = Table(blok, doc)
            for r in tabel.rows:
                p.baris([bersih(c.text) for c in r.cells], f"paragraph {n}")
            p.tutup()
    return p.selesai()


def _sambung(sel: str) -> str:
    """A number a PDF cell wraps across lines ("23.459.734" / ".760") is one number."""
    sel = re.sub(r"(?<=\d)([.,])\s*\n\s*(?=\d)|(?<=\d)\s*\n\s*(?=[.,]\d)", r"\1", sel)
    return re.sub(r"([.,]\d{1,2})\s*\n\s*(?=\d)", r"\1", sel)  # "605.278.00" / "0"


def _pdf(path: Path) -> Dokumen:
    import pdfplumber

    p = _Penyusun()
    with pdfplumber.open(str(path)) as pdf:
        for h, page in enumerate(pdf.pages, start=1):
            letak = f"page {h}"
            tabel = page.find_tables()
            kotak = [t.bbox for t in tabel]

            def di_luar(obj, kotak=kotak):
                x = (obj["x0"] + obj["x1"]) / 2
                y = (obj["top"] + obj["bottom"]) / 2
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in kotak)

            teks = page.filter(di_luar).extract_text_lines() if kotak else page.extract_text_lines()
            kejadian = [(baris["top"], "teks", baris["text"]) for baris in teks]
            kejadian += [(t.bbox[1], "tabel", t) for t in tabel]
            kejadian.sort(key=lambda x: x[0])
            paragraf: list[str] = []

            def lepas(paragraf=paragraf, letak=letak):
                if paragraf:
                    p.teks(" ".join(paragraf), letak)
                    paragraf.clear()

            for _, jenis, isi in kejadian:
                if jenis == "teks" and _DAFTAR.search(isi):
                    continue
                if jenis == "tabel":
                    lepas()
                    for r in isi.extract():
                        p.baris([bersih(_sambung(c or "")) for c in r], letak)
                    continue
                m = _KETERANGAN.match(bersih(isi))
                if m and len(isi) < 200:
                    lepas()
                    p.keterangan(m.group(1), m.group(2), m.group(3) or "", letak)
                    continue
                if p.judul_terbuka:
                    p.teks(isi, letak)
                    continue
                paragraf.append(isi.strip())
                if isi.rstrip().endswith((".", ":")):
                    lepas()
            lepas()
    return p.selesai()


# ---------------------------------------------------------------- Indonesian for the pages
# The pure checks (rumus.reviu_dokumen) word their findings in English, as the command prints
# them; the pages and the printable sheet show them in Indonesian. One pattern per message the
# checks can produce (tests/test_reviu_berkas_pesan.py fails when one is missing).
_PESAN = [
    (r"^(\S+) (\S+) is used (\d+) times$", r"\1 \2 dipakai \3 kali"),
    (r"^the number of sasaran differs between sentences$", "jumlah sasaran berbeda antarkalimat"),
    (
        r"^serapan of «(.+)» is the unweighted mean of the rows' serapan; pagu-weighted: total realisasi / "
        r"total pagu$",
        r"serapan «\1» adalah rata-rata serapan baris tanpa bobot; seharusnya tertimbang pagu: total "
        r"realisasi / total pagu",
    ),
    (r"^serapan of «(.+)» = realisasi / pagu$", r"serapan «\1» seharusnya = realisasi / pagu"),
    (r"^tingkat efisiensi of «(.+)» = 100 − serapan$", r"tingkat efisiensi «\1» seharusnya = 100 − serapan"),
    (
        r"^sub-total (\S+) of «(.+)» = sum of its (\d+) rows below$",
        r"subjumlah \1 «\2» seharusnya = jumlah \3 baris di bawahnya",
    ),
    (
        r"^total of column (\d+) = sum of the (\d+) rows above$",
        r"jumlah kolom \1 seharusnya = jumlah \2 baris di atasnya",
    ),
    (
        r"^capaian = realisasi / target × 100 \(positive polarity; \(2T − R\) / T for negative\)$",
        "capaian seharusnya = realisasi / target × 100 (polaritas positif; (2T − R) / T untuk polaritas negatif)",
    ),
    (r"^IKM of U(\d+) = NRR × 25$", r"IKM unsur U\1 seharusnya = NRR × 25"),
    (r"^IKM = Σ NRR × 1/(\d+) × 25$", r"IKM seharusnya = Σ NRR × 1/\1 × 25"),
    (r"^mutu of U(\d+) \(IKM (.+)\)$", r"mutu unsur U\1 (IKM \2)"),
    (r"^mutu of the unit IKM$", "mutu IKM unit layanan"),
    (r"^predikat of the AKIP total (.+)$", r"predikat nilai AKIP \1"),
    (
        r"^amounts written with both '\.' and ',' as thousands separator$",
        "angka rupiah memakai '.' dan ',' sekaligus sebagai pemisah ribuan",
    ),
    (
        r"^a dot decimal among dot thousands: read as decimals, confirm$",
        "desimal bertitik di antara angka ribuan bertitik: dibaca sebagai desimal, mohon dipastikan",
    ),
    (r"^the title names «(.+)» but the table holds «(.+)»$", r"judul tabel menyebut «\1» tetapi isinya «\2»"),
    (r"^«(.+)»: capaian (.+) % \((.+)\) is «(.+)»$", r"«\1»: capaian \2 % (\3) berarti «\4»"),
    (
        r"^«(.+)»: (\S+) (\d{4}) has different values in different places$",
        r"«\1»: \2 \3 bernilai berbeda di tempat yang berbeda",
    ),
    (
        r"^capaian of «(.+)» from the rounded realisasi (.+); exact: zones tertib (.+)$",
        r"capaian «\1» dihitung dari realisasi yang dibulatkan \2; tepatnya: zona tertib \3",
    ),
    (r"^realisasi of «(.+)»: zones tertib (.+)$", r"realisasi «\1»: zona tertib \2"),
    (
        r"^the figure labelled pagu is the realisasi of the table above; its pagu is (.+) \(serapan (.+) %\)$",
        r"angka yang disebut pagu adalah realisasi pada tabel di atasnya; pagunya \1 (serapan \2 %)",
    ),
    (
        r"^serapan = realisasi / pagu of the same sentence$",
        "serapan seharusnya = realisasi / pagu yang disebut kalimat yang sama",
    ),
]
_PESAN_RE = [(re.compile(p), ganti) for p, ganti in _PESAN]
_LETAK = [
    (re.compile(r"\bline (\d+)"), r"baris \1"),
    (re.compile(r"\brow (\d+)"), r"baris tabel \1"),
    (re.compile(r"\bpage (\d+)"), r"halaman \1"),
    (re.compile(r"^tabel \("), "tabel tanpa nomor ("),
]


def letak_indonesia(teks: str) -> str:
    """A finding's place in Indonesian ("Tabel 3.1 (line 536), row 4" → "Tabel 3.1 (baris 536),
    baris tabel 4")."""
    for pola, ganti in _LETAK:
        teks = pola.sub(ganti, teks)
    return teks


def pesan_indonesia(pesan: str) -> str | None:
    """The Indonesian wording of a finding's message; None for a message no pattern knows."""
    for pola, ganti in _PESAN_RE:
        if pola.match(pesan):
            return letak_indonesia(pola.sub(ganti, pesan))
    return None


def temuan_indonesia(temuan: list[Temuan]) -> list[dict]:
    """The findings as stored and shown: level, place and message in Indonesian (the English
    message kept when no pattern knows it, so nothing is lost), printed and recomputed values."""
    return [
        {
            "level": t.level,
            "where": letak_indonesia(t.where),
            "message": pesan_indonesia(t.message) or t.message,
            "printed": t.printed,
            "recomputed": t.recomputed,
        }
        for t in temuan
    ]
