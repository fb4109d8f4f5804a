"""Check an .xlsx archive before any parser opens it (workbook import, SKM upload).

An .xlsx file is a ZIP archive of XML parts. A hostile one can hold a few hundred kilobytes
that decompress to gigabytes (a zip bomb), thousands of entries, archives inside the archive,
or XML with entity declarations (the "billion laughs" XML bomb, external entities that read
local files). :func:`cek_berkas` reads only the archive's directory and streams each XML part
once through a small buffer, so it uses little memory whatever the file holds, and raises
:class:`BerkasDitolak` with an Indonesian message naming the rule. openpyxl then parses the
sheets with ``defusedxml`` (installed; openpyxl uses it whenever it is present), which refuses
entity declarations again.

The limits are far above what a real SAKIP workbook needs: the 500-unit benchmark workbook
(90,046 rows, 2.8 MB) holds a few dozen entries, about 40 MB of XML and compresses about 15×.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath

MAKS_ENTRI = 2_000  # entries in the archive
MAKS_TOTAL = 512 * 1024 * 1024  # bytes of all entries once decompressed
MAKS_RASIO = 200  # decompressed ÷ compressed size of one entry ...
RASIO_MULAI = 1024 * 1024  # ... checked for entries larger than this once decompressed
MAKS_NAMA = 255  # characters of an entry name
ARSIP = (
    ".zip",
    ".xlsx",
    ".xlsm",
    ".xls",
    ".docx",
    ".jar",
    ".gz",
    ".tgz",
    ".bz2",
    ".xz",
    ".7z",
    ".rar",
    ".tar",
)
_ENTITAS = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.I)
_POTONGAN = 1024 * 1024


class BerkasDitolak(ValueError):
    """The archive broke one of the rules above; the message says which, in Indonesian."""


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.0f} MB".replace(",", ".")


def cek_berkas(path) -> None:
    """Raise :class:`BerkasDitolak` unless ``path`` is an archive within the limits above;
    ``zipfile.BadZipFile`` (or ``OSError``) when it is no ZIP archive at all."""
    with zipfile.ZipFile(path) as zf:
        entri = zf.infolist()
        if len(entri) > MAKS_ENTRI:
            raise BerkasDitolak(
                f"berkas ditolak: arsip berisi {len(entri)} entri (paling banyak {MAKS_ENTRI}); "
                "ini bukan buku kerja biasa"
            )
        total = 0
        for e in entri:
            nama = e.filename
            p = PurePosixPath(nama.replace("\\", "/"))
            if len(nama) > MAKS_NAMA or p.is_absolute() or ".." in p.parts or "\x00" in nama:
                raise BerkasDitolak(f'berkas ditolak: nama entri arsip tidak wajar ("{nama[:80]}")')
            if e.flag_bits & 0x1:
                raise BerkasDitolak(
                    f"berkas ditolak: entri {nama} terenkripsi; simpan buku kerja tanpa kata sandi"
                )
            if e.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise BerkasDitolak(f"berkas ditolak: entri {nama} memakai kompresi yang tidak didukung")
            if nama.lower().endswith(ARSIP):
                raise BerkasDitolak(
                    f"berkas ditolak: berisi arsip lain di dalamnya ({nama}); "
                    "simpan ulang buku kerja tanpa objek tersemat"
                )
            total += e.file_size
            if total > MAKS_TOTAL:
                raise BerkasDitolak(
                    f"berkas ditolak: isi arsip setelah diekstrak lebih dari {_mb(MAKS_TOTAL)} "
                    "(kemungkinan bom zip)"
                )
            if e.file_size > RASIO_MULAI and e.file_size > MAKS_RASIO * max(e.compress_size, 1):
                raise BerkasDitolak(
                    f"berkas ditolak: entri {nama} mengembang {e.file_size // max(e.compress_size, 1)}× "
                    f"saat diekstrak (paling banyak {MAKS_RASIO}×; kemungkinan bom zip)"
                )
        for e in entri:
            if e.filename.lower().endswith((".xml", ".rels", ".vml")):
                _cek_xml(zf, e)


def _cek_xml(zf: zipfile.ZipFile, e: zipfile.ZipInfo) -> None:
    """Refuse a part declaring a DTD or entities (XML bombs, external entities), or holding a
    nested archive; streamed, so memory stays at one chunk. Entry sizes are bounded above:
    zipfile never yields more than an entry's declared size."""
    sisa = b""
    with zf.open(e) as f:
        awal = True
        while True:
            potongan = f.read(_POTONGAN)
            if not potongan:
                return
            if awal and potongan.startswith(b"PK\x03\x04"):
                raise BerkasDitolak(f"berkas ditolak: berisi arsip lain di dalamnya ({e.filename})")
            awal = False
            blok = sisa + potongan
            if _ENTITAS.search(blok):
                raise BerkasDitolak(
                    f"berkas ditolak: bagian {e.filename} berisi deklarasi DTD/entitas XML "
                    "(kemungkinan bom XML atau entitas eksternal); buku kerja Excel biasa tidak memilikinya"
                )
            sisa = blok[-16:]


# ---------------------------------------------------------------- writing

# Text starting with one of these is read as a formula by Excel or LibreOffice (OWASP "CSV
# injection": =HYPERLINK(...), +cmd|..., -2+3, @SUM(...)); a leading tab or CR hides one.
AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def aman_ditulis(wb) -> None:
    """Prepare an openpyxl workbook built from user text for saving: every text cell starting
    like a formula is stored as a string cell (openpyxl would store ``=…`` as a formula) with
    the quote-prefix style (Excel and LibreOffice show it as typed and keep it text when the
    cell is edited), and the workbook does not ask to be recalculated on opening. The cell
    value itself is unchanged, so reading it back (the workbook import) gives the same text."""
    wb.calculation.fullCalcOnLoad = None  # openpyxl writes fullCalcOnLoad="1" by default
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if isinstance(v, str) and v.startswith(AWAL_RUMUS):
                    cell.data_type = "s"
                    cell.quotePrefix = True
