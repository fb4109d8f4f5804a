"""Parsing numbers typed the Indonesian (or English) way.

Indonesian notation uses ``.`` for thousands and ``,`` for decimals
("17.585.719.560,00", "97,8%"); published tables also mix in English notation
("23,009,396,760", "74.15"). :func:`parse_angka` accepts both where the reading is
unambiguous and refuses the rest, so a number is never silently misread.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

__all__ = ["AngkaError", "parse_angka"]


class AngkaError(ValueError):
    """Raised with a human-readable reason when a text is not a number."""


_CLEAN = re.compile(r"^[0-9.,]+$")


def parse_angka(value) -> Decimal:
    """Return ``value`` as an exact Decimal.

    Accepts int, Decimal, float (converted through its shortest repr, so 3.144 stays
    3.144) and text: optional "Rp", spaces, a trailing "%" (the number is kept in
    percent units: "97,8%" → 97.8), a leading "-" or surrounding parentheses for
    negatives ("(47.306.000,00)" → −47306000.00).

    Separators: with both "." and "," the later one is the decimal mark; several
    of the same mark are thousands separators; a single "," is a decimal comma;
    a single "." is a decimal point unless exactly three digits follow it, which
    is ambiguous ("1.500" may be 1500 or 1.5) and refused.
    """
    if isinstance(value, bool):
        raise AngkaError(f"expected a number, got {value!r}")
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise AngkaError(f"expected a finite number, got {value}")
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise AngkaError(f"expected a finite number, got {value}")
        return Decimal(repr(value))
    if not isinstance(value, str):
        raise AngkaError(f"expected a number, got {value!r}")

    text = value.strip().replace("\u00a0", " ")
    original = value
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text[:1] in ("-", "\u2212") and text[1:].lstrip().lower().startswith("rp"):
        negative, text = True, text[1:].lstrip()  # "-Rp 47.306.000", as format_rupiah writes it
    if text.lower().startswith("rp"):
        text = text[2:].lstrip(" .")
    if text.endswith("%"):
        text = text[:-1].strip()
    if text.startswith("-") or text.startswith("\u2212"):
        if negative:
            raise AngkaError(f'not a number: "{original}"')
        negative, text = True, text[1:].strip()
    elif text.startswith("+"):
        text = text[1:].strip()
    text = text.replace(" ", "")
    if not text or not _CLEAN.match(text) or not text[0].isdigit() or not text[-1].isdigit():
        raise AngkaError(f'not a number: "{original}"')

    dots, commas = text.count("."), text.count(",")
    if dots and commas:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        if text.count(decimal_mark) > 1:
            raise AngkaError(f'not a number: "{original}"')
        integer, _, fraction = text.partition(decimal_mark)
        _check_groups(integer, thousands, original)
        digits = integer.replace(thousands, "") + "." + fraction
    elif commas > 1 or dots > 1:
        mark = "," if commas else "."
        _check_groups(text, mark, original)
        digits = text.replace(mark, "")
    elif commas == 1:
        digits = text.replace(",", ".")
    elif dots == 1:
        integer, _, fraction = text.partition(".")
        if len(fraction) == 3:
            raise AngkaError(
                f'ambiguous number "{original}": write {integer}{fraction} or {integer},{fraction}'
            )
        digits = text
    else:
        digits = text
    try:
        number = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex above
        raise AngkaError(f'not a number: "{original}"') from exc
    return -number if negative else number


def _check_groups(integer: str, mark: str, original: str) -> None:
    """Thousands groups must be 1–3 digits then groups of exactly 3."""
    parts = integer.split(mark)
    if not (1 <= len(parts[0]) <= 3) or any(len(p) != 3 for p in parts[1:]):
        raise AngkaError(f'not a number: "{original}" (misplaced thousands separator)')
