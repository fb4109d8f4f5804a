"""Regulation formulas as pure functions (no Django imports).

Everything that turns raw data into a number a user sees lives here, so that views,
commands and documents share one implementation and the rules can be tested
exhaustively. Arithmetic is exact ``Decimal``; rounding happens only in the
``format``/``bulat`` helpers used for display. Sources are cited in each docstring;
see also ``docs/rules.md`` and ``docs/glossary.md``.
"""

from .anggaran import Baris, RollUp, cek_kas, efisiensi, roll_up, serapan
from .angka import AngkaError, parse_angka
from .capaian import (
    Agregasi,
    Polaritas,
    SkalaKategori,
    agregasi,
    capaian,
    kategori_capaian,
)
from .evaluasi import predikat_akip, total_komponen
from .format import bulat, format_angka, format_persen, format_rupiah, format_tanggal
from .skm import gabung_rata_periode, ikm_dari_nrr, ikm_unsur, mutu, nrr
from .zona import persentase_zona

__all__ = [
    "Agregasi",
    "AngkaError",
    "Baris",
    "Polaritas",
    "RollUp",
    "SkalaKategori",
    "agregasi",
    "bulat",
    "capaian",
    "cek_kas",
    "efisiensi",
    "format_angka",
    "format_persen",
    "format_rupiah",
    "format_tanggal",
    "gabung_rata_periode",
    "ikm_dari_nrr",
    "ikm_unsur",
    "kategori_capaian",
    "mutu",
    "nrr",
    "parse_angka",
    "persentase_zona",
    "predikat_akip",
    "roll_up",
    "serapan",
    "total_komponen",
]
