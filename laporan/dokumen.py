"""Model dokumen yang tidak bergantung format (DOCX, HTML, PDF merender model ini).

Dokumen → Bab → Bagian (judul bernomor) berisi Paragraf, Tabel (dengan judul dan baris
kepala), Gambar (matplotlib Figure dengan judul) dan PemisahHalaman. Nomor "Tabel 3.1" /
"Gambar 3.1" diberikan otomatis per bab, sehingga tidak ada nomor yang ganda.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Paragraf:
    """A paragraph. ``gaya``: "" (body text), "tebal" (bold), "tengah" (centred), "butir"
    (bulleted list item), "miring" (italic, e.g. a note that data is missing)."""

    teks: str
    gaya: str = ""


@dataclass
class TandaTangan:
    """Signature block: place and date, position, name, rank, NIP (from the signing official)."""

    tempat_tanggal: str
    jabatan: str
    nama: str
    pangkat: str = ""
    nip: str = ""


@dataclass
class DuaTandaTangan:
    """Two signature blocks side by side (PK: PIHAK KEDUA left, PIHAK PERTAMA right)."""

    kiri: TandaTangan
    kanan: TandaTangan


@dataclass
class Sampul:
    """Cover page lines, top to bottom: title lines, then the unit and year, then the issuer."""

    judul: list[str]
    subjudul: list[str] = field(default_factory=list)
    penerbit: list[str] = field(default_factory=list)
    # lines printed on the back of the cover (its own page): an issued LKIP's version and SHA-256
    balik: list[str] = field(default_factory=list)
    # the pemda's logo (PNG or JPEG bytes, ``laporan.logo.logo_pemda``) printed above the title
    logo: bytes | None = None


@dataclass
class PemisahHalaman:
    pass


@dataclass
class Tabel:
    judul: str
    kepala: list[list[str]]
    baris: list[list[str]]
    nomor: str = ""
    # column indexes holding numbers (right-aligned); rows whose first cell starts with
    # "Jumlah"/"Total" are rendered bold by the renderers
    kolom_angka: list[int] = field(default_factory=list)
    # where the figures come from, printed under the table ("Sumber: ...")
    sumber: str = ""

    @property
    def label(self) -> str:
        return f"Tabel {self.nomor} {self.judul}"


@dataclass
class Gambar:
    """A figure: a matplotlib ``figure``, or (a frozen document, ``laporan.terbitan``) the
    ``png`` it was drawn as and its width ``lebar_inci`` in inches."""

    judul: str
    figure: Any
    nomor: str = ""
    png: bytes | None = None
    lebar_inci: float = 0.0

    @property
    def label(self) -> str:
        return f"Gambar {self.nomor} {self.judul}"


@dataclass
class Bagian:
    judul: str
    isi: list = field(default_factory=list)
    nomor: str = ""
    anak: list[Bagian] = field(default_factory=list)

    def bagian(self, judul: str) -> Bagian:
        b = Bagian(judul)
        self.anak.append(b)
        return b

    def paragraf(self, teks: str, gaya: str = "") -> Paragraf:
        p = Paragraf(teks, gaya)
        self.isi.append(p)
        return p

    def tabel(
        self,
        judul: str,
        kepala: list[list[str]],
        baris: list[list[str]],
        kolom_angka: list[int] | None = None,
        sumber: str = "",
    ) -> Tabel:
        t = Tabel(judul, kepala, baris, kolom_angka=list(kolom_angka or []), sumber=sumber)
        self.isi.append(t)
        return t

    def tanda_tangan(self, ttd: TandaTangan | DuaTandaTangan):
        self.isi.append(ttd)
        return ttd

    def pemisah_halaman(self) -> None:
        self.isi.append(PemisahHalaman())

    def gambar(self, judul: str, figure: Any) -> Gambar:
        g = Gambar(judul, figure)
        self.isi.append(g)
        return g


@dataclass
class Bab(Bagian):
    romawi: str = ""


ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


@dataclass
class Dokumen:
    """A whole document.

    ``kepala``: running page header (e.g. "Laporan Kinerja Instansi Pemerintah (LKIP)
    Kecamatan Bantargebang Tahun 2024"); ``sampul``: cover page or None; ``pembuka``:
    unnumbered sections before the lists (Kata Pengantar, Ikhtisar Eksekutif);
    ``dengan_daftar``: whether Daftar Isi / Tabel / Gambar are rendered after ``pembuka``;
    ``bab``: numbered chapters; ``lampiran``: unnumbered sections after the chapters.
    Tables and figures in ``pembuka``/``lampiran`` are not numbered.
    """

    judul: str
    bab: list[Bab] = field(default_factory=list)
    kepala: str = ""
    sampul: Sampul | None = None
    pembuka: list[Bagian] = field(default_factory=list)
    lampiran: list[Bagian] = field(default_factory=list)
    dengan_daftar: bool = True

    def tambah_pembuka(self, judul: str) -> Bagian:
        b = Bagian(judul)
        self.pembuka.append(b)
        return b

    def tambah_lampiran(self, judul: str) -> Bagian:
        b = Bagian(judul)
        self.lampiran.append(b)
        return b

    def tambah_bab(self, judul: str) -> Bab:
        b = Bab(judul)
        self.bab.append(b)
        return b

    def _telusur(self, bagian: Bagian):
        yield bagian
        for a in bagian.anak:
            yield from self._telusur(a)

    def beri_nomor(self) -> None:
        """Nomori bab, bagian, tabel dan gambar (per bab, berurutan dokumen)."""
        for i, bab in enumerate(self.bab, start=1):
            bab.romawi = ROMAWI[i - 1] if i <= len(ROMAWI) else str(i)
            bab.nomor = str(i)
            hitung = {Tabel: 0, Gambar: 0}
            for bg in self._telusur(bab):
                for j, a in enumerate(bg.anak, start=1):
                    a.nomor = f"{bg.nomor}.{j}"
                for item in bg.isi:
                    if isinstance(item, (Tabel, Gambar)):
                        hitung[type(item)] += 1
                        item.nomor = f"{i}.{hitung[type(item)]}"

    def daftar_isi(self) -> list[tuple[int, str]]:
        self.beri_nomor()
        hasil = []
        for bab in self.bab:
            hasil.append((1, f"BAB {bab.romawi} {bab.judul}"))
            for bg in self._telusur(bab):
                if bg is not bab:
                    hasil.append((bg.nomor.count(".") + 1, f"{bg.nomor} {bg.judul}"))
        return hasil

    def _semua(self, jenis) -> list:
        self.beri_nomor()
        return [it for bab in self.bab for bg in self._telusur(bab) for it in bg.isi if isinstance(it, jenis)]

    def daftar_tabel(self) -> list[str]:
        return [t.label for t in self._semua(Tabel)]

    def daftar_gambar(self) -> list[str]:
        return [g.label for g in self._semua(Gambar)]

    def semua_teks(self) -> list[str]:
        """Every piece of text in document order (cover, headings, paragraphs, table captions and
        cells, figure captions, signature blocks): for tests and text search."""
        self.beri_nomor()
        out = [self.judul, self.kepala]
        if self.sampul:
            out += [*self.sampul.judul, *self.sampul.subjudul, *self.sampul.penerbit, *self.sampul.balik]
        bagian = [*self.pembuka, *[bg for bab in self.bab for bg in self._telusur(bab)], *self.lampiran]
        for bg in bagian:
            out.append(bg.judul)
            for it in bg.isi:
                if isinstance(it, Paragraf):
                    out.append(it.teks)
                elif isinstance(it, Tabel):
                    out.append(it.label if it.nomor else it.judul)
                    out += [sel for baris in (*it.kepala, *it.baris) for sel in baris]
                    if it.sumber:
                        out.append(f"Sumber: {it.sumber}")
                elif isinstance(it, Gambar):
                    out.append(it.label if it.nomor else it.judul)
                elif isinstance(it, (TandaTangan, DuaTandaTangan)):
                    for t in (it.kiri, it.kanan) if isinstance(it, DuaTandaTangan) else (it,):
                        out += [t.tempat_tanggal, t.jabatan, t.nama, t.pangkat, t.nip]
        return out
