"""AKIP evaluation score and predikat (PermenPANRB 88/2021).

Predikat bands (RULES.md §5): AA > 90–100, A > 80–90, BB > 70–80, B > 60–70,
CC > 50–60, C > 30–50, D 0–30; bounds exclusive below (exactly 90.00 is A).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

__all__ = ["predikat_akip", "total_komponen", "PREDIKAT_AKIP"]

# (exclusive lower bound, predikat, interpretasi), highest first.
PREDIKAT_AKIP = (
    (Decimal(90), "AA", "Sangat Memuaskan"),
    (Decimal(80), "A", "Memuaskan"),
    (Decimal(70), "BB", "Sangat Baik"),
    (Decimal(60), "B", "Baik"),
    (Decimal(50), "CC", "Cukup"),
    (Decimal(30), "C", "Kurang"),
)


def predikat_akip(nilai: Decimal | None) -> tuple[str, str] | None:
    """(predikat, interpretasi) for a total score 0–100, on the value rounded to 2 decimals."""
    if nilai is None:
        return None
    from .format import bulat

    n = bulat(nilai, 2)
    for bawah, predikat, arti in PREDIKAT_AKIP:
        if n > bawah:
            return predikat, arti
    return "D", "Sangat Kurang"


def total_komponen(nilai: Iterable[Decimal]) -> Decimal:
    """Nilai hasil evaluasi = Σ component scores (PermenPANRB 88/2021)."""
    return sum(nilai, Decimal(0))
