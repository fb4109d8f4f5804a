"""Editable text blocks (``TeksBlok``) of the LKIP: section keys, Indonesian titles, and the
honest default shown when the unit has not written its own text."""

from __future__ import annotations

import hashlib

from laporan.models import TeksBlok

BELUM_DIISI = "Belum diisi oleh unit."

# bagian key → title (order = order in the document)
BAGIAN = {
    "kata_pengantar": "Kata Pengantar",
    "ikhtisar": "Ikhtisar Eksekutif",
    "latar_belakang": "Latar Belakang",
    "tugas_fungsi": "Tugas, Fungsi dan Kewenangan",
    "struktur_organisasi": "Struktur Organisasi",
    "isu_strategis": "Isu Strategis",
    "kesimpulan": "Kesimpulan",
    "saran": "Saran / Langkah ke Depan",
}
# per-IKU analysis: "analisis_<indikator kode>" (e.g. analisis_IKU1)
AWALAN_ANALISIS = "analisis_"


def rapikan(teks: str | None) -> str:
    """A block's text as stored: line breaks as ``\n``, no surrounding blank space."""
    return (teks or "").replace("\r\n", "\n").strip()


def token_teks(teks: str | None) -> str:
    """The optimistic-lock token of a block: a fingerprint of its stored text ("" stored and no
    row give the same token). The editor sends back the token of what it showed; a save whose
    token no longer matches the stored text is an edit conflict."""
    return hashlib.sha256(rapikan(teks).encode()).hexdigest()[:32]


def kunci_analisis(kode_indikator: str) -> str:
    return AWALAN_ANALISIS + kode_indikator


def judul(bagian: str) -> str:
    if bagian.startswith(AWALAN_ANALISIS):
        return f"Analisis {bagian[len(AWALAN_ANALISIS) :]}"
    return BAGIAN.get(bagian, bagian)


class Teks:
    """All text blocks of a unit and year loaded in one query; ``get`` answers the default."""

    def __init__(self, instansi, tahun: int):
        self.isi = dict(TeksBlok.objects.filter(instansi=instansi, tahun=tahun).values_list("bagian", "teks"))

    def ada(self, bagian: str) -> bool:
        return bool((self.isi.get(bagian) or "").strip())

    def get(self, bagian: str, bawaan: str = BELUM_DIISI) -> str:
        teks = (self.isi.get(bagian) or "").strip()
        return teks or bawaan

    def paragraf(self, bagian: str) -> list[tuple[str, str]]:
        """(text, gaya) paragraphs: the unit's text split on blank lines, or the default in italics."""
        if not self.ada(bagian):
            return [(BELUM_DIISI, "miring")]
        teks = self.isi[bagian].replace("\r\n", "\n")  # text typed in a browser textarea
        return [(p.strip(), "") for p in teks.split("\n\n") if p.strip()]
