"""Display formatting the Indonesian way: Rp 23.459.734.760; 97,8 %; 10 Januari 2025.

Rounding is ROUND_HALF_UP (the way people round by hand and the way published
reports round), and happens only here — stored and computed values stay exact.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal

__all__ = ["bulat", "format_angka", "format_persen", "format_rupiah", "format_tanggal", "BULAN"]

BULAN = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
]

# Display precision (docs/rules.md §7): percentages 1 decimal, index values 2, rupiah 0.
DESIMAL_PERSEN = 1
DESIMAL_INDEKS = 2


def bulat(value: Decimal | None, places: int) -> Decimal | None:
    """Round half-up to ``places`` decimals (None stays None)."""
    if value is None:
        return None
    value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def format_angka(value: Decimal | None, places: int = 0, kosong: str = "-") -> str:
    """Indonesian grouping: 23459734760 → "23.459.734.760"; 97.84 (1) → "97,8"."""
    if value is None:
        return kosong
    q = bulat(value, places)
    sign = "-" if q < 0 else ""
    text = f"{abs(q):,.{places}f}"  # English grouping, then swap marks
    text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return sign + text


def format_rupiah(value: Decimal | None, kosong: str = "-") -> str:
    """Whole rupiah: "Rp 23.459.734.760" (negative: "-Rp 47.306.000")."""
    if value is None:
        return kosong
    text = format_angka(value, 0)
    return ("-Rp " + text[1:]) if text.startswith("-") else ("Rp " + text)


def format_persen(value: Decimal | None, places: int = DESIMAL_PERSEN, kosong: str = "-") -> str:
    """ "97,8 %" (a narrow no-break space would be nicer; a plain space is what Word users type)."""
    if value is None:
        return kosong
    return f"{format_angka(value, places)} %"


def format_tanggal(value: _dt.date | None, kosong: str = "-") -> str:
    """10 Januari 2025."""
    if value is None:
        return kosong
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"
