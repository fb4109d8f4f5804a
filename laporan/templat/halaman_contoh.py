"""Page numbers of the LKIP PDF shown in docs/screenshots/ (used by `make screenshots-lkip`).

    python laporan/templat/halaman_contoh.py LKIP.pdf  →  "sampul=1 kas=14 capaian=19 … anggaran=31"

Found by text, so the images follow the document when pages move: the cover, the page of
"Tabel 2.4" (the cash plan, a landscape page), the page of "Tabel 3.1" (capaian table), the page
of the first IKU analysis ("3.2.1"), the last page with a figure caption of BAB III ("Gambar 3.")
and the page of the budget table "Realisasi Anggaran per Program".
"""

import re
import sys

from pypdf import PdfReader


def halaman(pdf: str) -> dict[str, int]:
    teks = [p.extract_text() or "" for p in PdfReader(pdf).pages]
    # a heading line, not its entry in the lists (those end with dot leaders and the page number)
    awal = next((i for i, t in enumerate(teks) if re.search(r"^\s*BAB III(?!.*\.{4})", t, re.M)), 0)
    bab2 = next((i for i, t in enumerate(teks) if re.search(r"^\s*BAB II(?!I)(?!.*\.{4})", t, re.M)), 0)

    def cari(pola, terakhir=False, mulai=None):
        dari = awal if mulai is None else mulai
        nomor = [i for i, t in enumerate(teks) if i >= dari and re.search(pola + r"(?!.*\.{4})", t, re.M)]
        return (nomor[-1] if terakhir else nomor[0]) + 1 if nomor else 1

    return {
        "sampul": 1,
        "kas": cari(r"^Tabel 2\.4 ", mulai=bab2),
        "capaian": cari(r"^Tabel 3\.1 "),
        "analisis": cari(r"^3\.2\.1 "),
        "grafik": cari(r"^Gambar 3\.\d+ ", terakhir=True),
        "anggaran": cari(r"^Tabel 3\.\d+ Realisasi Anggaran per Program"),
    }


if __name__ == "__main__":
    print(" ".join(f"{k}={v}" for k, v in halaman(sys.argv[1]).items()))
