"""Plausibility rules of the data-quality warnings of ``pengukuran/periksa.py`` (docs/rules.md §10).

Pure functions: they say whether entered figures look wrong, never what the right figure is.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .capaian import Agregasi, agregasi

__all__ = ["FAKTOR_LONJAKAN", "di_luar_rentang", "tahunan_bertentangan", "tampak_kumulatif"]

# A value more than FAKTOR_LONJAKAN times the highest of the previous years, or less than the
# lowest divided by it, is flagged (docs/rules.md §10). Our choice, not a regulation's.
FAKTOR_LONJAKAN = Decimal(2)


def _desimal(nilai: Decimal) -> int:
    """Decimals the value was entered with (trailing zeros of the database column ignored)."""
    exp = nilai.normalize().as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def tahunan_bertentangan(
    tahunan: Decimal, periode: Sequence[Decimal], cara: Agregasi | str
) -> Decimal | None:
    """The periods' aggregate when it contradicts the yearly value entered, else None.

    ``periode`` are the complete periods of the year in order (TW1–TW4 or S1, S2); ``cara`` the
    indicator's aggregation (last / sum / average, ``rumus.capaian.agregasi``). They agree when
    they differ by less than one unit of the yearly value's last decimal (an average 81,1875
    agrees with 81,18 and with 81,19, rounded or cut)."""
    hitung = agregasi(periode, cara)
    if hitung is None:
        return None
    satu = Decimal(1).scaleb(-_desimal(tahunan))
    return None if abs(hitung - tahunan) < satu else hitung


def tampak_kumulatif(triwulan: Sequence[Decimal], pagu: Decimal) -> bool:
    """Quarterly budget realisasi that looks entered "to date" (cumulative) instead of per quarter:
    at least two quarters, each at least the previous, and their sum above the pagu."""
    if len(triwulan) < 2:
        return False
    naik = all(b >= a for a, b in zip(triwulan, triwulan[1:], strict=False))
    return naik and sum(triwulan, Decimal(0)) > pagu


def di_luar_rentang(nilai: Decimal, sebelumnya: Sequence[Decimal], faktor: Decimal = FAKTOR_LONJAKAN) -> bool:
    """True when ``nilai`` lies outside the previous years' range by more than ``faktor``: above
    the highest × faktor, or (the lowest being positive) below the lowest ÷ faktor. No previous
    value → False."""
    if not sebelumnya:
        return False
    lo, hi = min(sebelumnya), max(sebelumnya)
    if hi > 0 and nilai > hi * faktor:
        return True
    return lo > 0 and nilai < lo / faktor
