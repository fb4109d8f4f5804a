"""Strict readers of the process environment, for sakip/settings.py.

Each helper returns the default when the variable is unset or empty and raises
``ImproperlyConfigured`` on a value it does not understand, naming the variable: a typo such as
``DJANGO_DEBUG=ture`` or ``DJANGO_HSTS_SECONDS=1y`` stops the start-up instead of silently
becoming some other value. Every variable the project reads is listed in docs/deploy.md.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

BENAR = frozenset({"1", "true", "yes", "on"})
SALAH = frozenset({"0", "false", "no", "off"})


def _mentah(nama: str) -> str | None:
    """The variable's value without surrounding blanks; None when unset or empty."""
    nilai = os.environ.get(nama)
    if nilai is None or not nilai.strip():
        return None
    return nilai.strip()


def _tolak(nama: str, nilai: str, harapan: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"{nama}={nilai!r}: expected {harapan}")


def baca_bool(nama: str, bawaan: bool) -> bool:
    """1/true/yes/on or 0/false/no/off (any case)."""
    nilai = _mentah(nama)
    if nilai is None:
        return bawaan
    if nilai.lower() in BENAR:
        return True
    if nilai.lower() in SALAH:
        return False
    raise _tolak(nama, nilai, "1/true/yes/on or 0/false/no/off")


def baca_int(nama: str, bawaan: int, minimum: int | None = None, maksimum: int | None = None) -> int:
    """A whole number in decimal digits (an optional leading minus), within [minimum, maksimum]."""
    nilai = _mentah(nama)
    if nilai is None:
        return bawaan
    angka = nilai[1:] if nilai.startswith("-") else nilai
    if not (angka.isascii() and angka.isdigit()):
        raise _tolak(nama, nilai, "a whole number")
    hasil = int(nilai)
    if (minimum is not None and hasil < minimum) or (maksimum is not None and hasil > maksimum):
        raise _tolak(nama, nilai, f"a whole number from {minimum} to {maksimum}")
    return hasil


def baca_teks(nama: str, bawaan: str = "") -> str:
    """Any text (surrounding blanks removed)."""
    nilai = _mentah(nama)
    return bawaan if nilai is None else nilai


def baca_daftar(nama: str, bawaan: list[str] | tuple[str, ...] = ()) -> list[str]:
    """A comma-separated list; blanks around items are removed, an empty item is refused."""
    nilai = _mentah(nama)
    if nilai is None:
        return list(bawaan)
    isi = [bagian.strip() for bagian in nilai.split(",")]
    if any(not bagian for bagian in isi):
        raise _tolak(nama, nilai, "comma-separated values without an empty item")
    return isi


def baca_pilihan(nama: str, bawaan: str, pilihan: tuple[str, ...]) -> str:
    """One of ``pilihan`` (compared without regard to case; returned as spelled in ``pilihan``)."""
    nilai = _mentah(nama)
    if nilai is None:
        return bawaan
    for p in pilihan:
        if nilai.lower() == p.lower():
            return p
    raise _tolak(nama, nilai, "one of " + ", ".join(pilihan))
