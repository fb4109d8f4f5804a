"""Persentase Wilayah yang Tertib (zona tertib K3).

Source: the seed's IKU formulation (Tabel 2.2): (jumlah zona yang telah ditertibkan /
jumlah zona tertib yang ditetapkan) × 100 %, under Perda Kota Bekasi 10/2011 (K3).
A zone counts as tertib when its latest assessment in the year is in the accepted
categories (default: Baik). Not-assessed zones count in the denominator.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

__all__ = ["persentase_zona", "KATEGORI_TERTIB_DEFAULT"]

KATEGORI_TERTIB_DEFAULT = frozenset({"baik"})


def persentase_zona(
    kategori_per_zona: Iterable[str | None],
    tertib: frozenset[str] = KATEGORI_TERTIB_DEFAULT,
) -> Decimal | None:
    """Exact percentage of zones whose category is in ``tertib``; None with no zones.

    7 of 12 → 58.333… (the seed rounds to 58 % before dividing by the target: a mistake
    the generator must not repeat; docs/rules.md §2).
    """
    semua = list(kategori_per_zona)
    if not semua:
        return None
    tertib = {t.lower() for t in tertib}
    jumlah_tertib = sum(1 for k in semua if k is not None and k.lower() in tertib)
    return Decimal(jumlah_tertib) / Decimal(len(semua)) * Decimal(100)
