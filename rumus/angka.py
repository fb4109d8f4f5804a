"""Reading numbers typed the Indonesian (or English) way: one reading or a refusal.

Indonesian notation uses ``.`` for thousands and ``,`` for decimals
("17.585.719.560,00", "97,8%"); published tables and spreadsheets also mix in English
notation ("23,009,396,760", "74.15"). :func:`parse_angka` accepts a text only when a
careful Indonesian reader would read it one way **in the column it was typed in**, and
refuses the rest with a message whose suggestions are themselves unambiguous, so a
number is never silently misread (docs/rules.md §8).

The column kind (:class:`JenisAngka`) decides the one case notation alone cannot: a
single separator followed by exactly three digits ("850,000", "1.500"):

- ``rupiah`` (money): thousands — no amount has tenths of a sen, so "850,000" and
  "850.000" are both Rp 850.000; at most two decimals otherwise ("850,00");
- ``cacah`` (a count: respondents, staff, a year, a version): thousands — a count has no
  fraction; a fraction or a negative count is refused;
- ``desimal`` (an indicator value, a target, a score) and ``persen`` (a percentage):
  refused as ambiguous ("1.500": 1500 or 1,5?) unless one reading is impossible — the
  whole part is "0" or has no valid first thousands group ("0,500", "1234,567"), or the
  thousands reading exceeds the column's ``batas_atas`` (an NRR is at most 4, so
  "3,144" is 3,144).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from enum import StrEnum

__all__ = ["AngkaError", "JenisAngka", "parse_angka", "saran_tak_ambigu"]


class JenisAngka(StrEnum):
    """What a number column holds; decides how "850,000" is read (module docstring)."""

    RUPIAH = "rupiah"  # money in rupiah: a lone 3-digit group is thousands
    DESIMAL = "desimal"  # a decimal value (indicator value, target, score): a lone 3-digit group is ambiguous
    PERSEN = "persen"  # a percentage, in percent units ("97,8%" → 97.8): read as desimal
    CACAH = "cacah"  # a count (whole, ≥ 0): a lone 3-digit group is thousands


class AngkaError(ValueError):
    """Raised with a human-readable reason when a text is not a number of its column.

    ``saran`` holds the suggestions a refusal offers, as (text to write, value it means);
    each text reads back, in the same column kind, to exactly that value.
    """

    def __init__(self, pesan: str, saran: tuple[tuple[str, Decimal], ...] = ()):
        super().__init__(pesan)
        self.saran = saran


_CLEAN = re.compile(r"^[0-9.,]+$")
_GROUP = re.compile(r"^[1-9][0-9]{0,2}$")  # a valid first thousands group


def parse_angka(value, jenis: JenisAngka | str = JenisAngka.DESIMAL, *, batas_atas=None) -> Decimal:
    """Return ``value`` as an exact Decimal, read as a number of kind ``jenis``.

    Accepts int, Decimal, float (converted through its shortest repr, so 3.144 stays
    3.144) and text: optional "Rp", spaces, a trailing "%" (desimal and persen only; the
    number is kept in percent units: "97,8%" → 97.8), a leading "-" or surrounding
    parentheses for negatives ("(47.306.000,00)" → −47306000.00).

    Separators: with both "." and "," the later one is the decimal mark; several of the
    same mark are thousands separators (groups of three); a single mark followed by 1–2
    or 4+ digits is a decimal mark; a single mark followed by exactly three digits is
    decided by ``jenis`` (module docstring). ``batas_atas``: the column's largest
    possible value; a thousands reading above it is no reading.
    """
    jenis = JenisAngka(jenis)
    number = _baca(value, jenis, batas_atas)
    if jenis is JenisAngka.CACAH:
        if number != number.to_integral_value():
            raise AngkaError(f'not a whole number: "{value}"')
        if number < 0:
            raise AngkaError(f'a count cannot be negative: "{value}"')
    return number


def _baca(value, jenis: JenisAngka, batas_atas) -> Decimal:
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
        if jenis in (JenisAngka.RUPIAH, JenisAngka.CACAH):
            raise AngkaError(f'not a number: "{original}" (a percentage where {_nama(jenis)} is expected)')
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
    elif commas == 1 or dots == 1:
        integer, _, fraction = text.partition("," if commas else ".")
        digits = integer + "." + fraction
        if len(fraction) == 3 and jenis in (JenisAngka.RUPIAH, JenisAngka.CACAH) and integer != "0":
            if not _GROUP.match(integer):  # "5000,000": neither thousands nor a rupiah/count value
                raise AngkaError(f'not a number: "{original}" (misplaced thousands separator)')
        if len(fraction) == 3 and _GROUP.match(integer):
            ribuan = Decimal(integer + fraction)
            if jenis in (JenisAngka.RUPIAH, JenisAngka.CACAH):
                digits = integer + fraction
            elif batas_atas is None or ribuan <= Decimal(batas_atas):
                sign = "-" if negative else ""
                desimal = Decimal(digits)
                saran = saran_tak_ambigu(desimal)
                pilihan = (
                    (f"{sign}{integer}{fraction}", -ribuan if negative else ribuan),
                    (f"{sign}{saran}", -desimal if negative else desimal),
                )
                raise AngkaError(
                    f'ambiguous number "{original}": write {pilihan[0][0]} for the thousands reading '
                    f"or {pilihan[1][0]} for the decimal reading",
                    pilihan,
                )
    else:
        digits = text
    try:
        number = Decimal(digits)
    except InvalidOperation as exc:  # pragma: no cover - guarded by the regex above
        raise AngkaError(f'not a number: "{original}"') from exc
    return -number if negative else number


def saran_tak_ambigu(nilai: Decimal) -> str:
    """``nilai`` (≥ 0) written so that every column kind reads it the same way: no thousands
    separator, a decimal comma followed by other than three digits ("850,0", "3,1440")."""
    integer, _, fraction = f"{abs(nilai):f}".partition(".")
    fraction = fraction.rstrip("0") or "0"
    if len(fraction) == 3:
        fraction += "0"
    return f"{integer},{fraction}"


def _nama(jenis: JenisAngka) -> str:
    return {JenisAngka.RUPIAH: "a rupiah amount", JenisAngka.CACAH: "a count"}.get(jenis, "a number")


def _check_groups(integer: str, mark: str, original: str) -> None:
    """Thousands groups must be 1–3 digits then groups of exactly 3."""
    parts = integer.split(mark)
    if not (1 <= len(parts[0]) <= 3) or any(len(p) != 3 for p in parts[1:]):
        raise AngkaError(f'not a number: "{original}" (misplaced thousands separator)')
