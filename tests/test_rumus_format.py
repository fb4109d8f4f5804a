"""Indonesian display formatting (rumus/format.py) and rumus' independence from Django."""

import datetime as dt
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rumus.format import BULAN, bulat, format_angka, format_persen, format_rupiah, format_tanggal

D = Decimal
ROOT = Path(__file__).resolve().parent.parent


# --- bulat --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("0.05", 1, "0.1"),
        ("0.04", 1, "0.0"),
        ("0.15", 1, "0.2"),
        ("0.25", 1, "0.3"),  # half-up, not banker's
        ("-0.05", 1, "-0.1"),
        ("2.675", 2, "2.68"),
        ("81.18125", 2, "81.18"),
        ("88.305", 2, "88.31"),
        ("90.95", 1, "91.0"),
        ("0.5", 0, "1"),
        ("1.5", 0, "2"),
        ("2.5", 0, "3"),
        ("23459734760", 0, "23459734760"),
    ],
)
def test_bulat_half_up(value, places, expected):
    result = bulat(D(value), places)
    assert result == D(expected)
    assert str(result) == expected


def test_bulat_none_and_int():
    assert bulat(None, 2) is None
    assert bulat(7, 2) == D("7.00")


def test_bulat_float_rounds_like_its_repr():
    assert bulat(1.005, 2) == D("1.01")


# --- format_angka -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        ("81.18125", 2, "81,18"),
        ("0.05", 1, "0,1"),
        ("0.04", 1, "0,0"),
        ("-0.04", 1, "0,0"),  # no "-0,0"
        ("97.84", 1, "97,8"),
        ("23459734760", 0, "23.459.734.760"),
        ("17585719560", 2, "17.585.719.560,00"),
        ("-47306000", 0, "-47.306.000"),
        ("-1234.5", 2, "-1.234,50"),
        ("999.995", 2, "1.000,00"),
        ("0", 0, "0"),
        ("1000", 0, "1.000"),
        ("999", 0, "999"),
    ],
)
def test_format_angka(value, places, expected):
    assert format_angka(D(value), places) == expected


def test_format_angka_none():
    assert format_angka(None) == "-"
    assert format_angka(None, kosong="") == ""


@settings(deadline=None)
@given(st.decimals(min_value=D("-1e15"), max_value=D("1e15"), places=4), st.integers(0, 3))
def test_format_angka_structure(value, places):
    text = format_angka(value, places)
    body = text.removeprefix("-")
    integer, _, fraction = body.partition(",")
    assert len(fraction) == places
    groups = integer.split(".")
    assert 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    assert all(g.isdigit() for g in groups) and (fraction == "" or fraction.isdigit())
    # the digits are the half-up rounded value
    rounded = bulat(value, places)
    assert (
        D(("-" if text.startswith("-") else "") + integer.replace(".", "") + "." + (fraction or "0"))
        == rounded
    )
    assert text.startswith("-") == (rounded < 0)


# --- format_rupiah / format_persen / format_tanggal ---------------------------------------


def test_format_rupiah():
    assert format_rupiah(D(23459734760)) == "Rp 23.459.734.760"
    assert format_rupiah(D("23459734760.49")) == "Rp 23.459.734.760"
    assert format_rupiah(D("0.5")) == "Rp 1"
    assert format_rupiah(D(0)) == "Rp 0"
    assert format_rupiah(None) == "-"


def test_format_rupiah_negative():
    assert format_rupiah(D(-47306000)) == "-Rp 47.306.000"
    assert format_rupiah(D("-0.4")) == "Rp 0"


def test_format_persen():
    assert format_persen(D("97.81")) == "97,8 %"
    assert format_persen(97.81) == "97,8 %"
    assert format_persen(D("58.3333")) == "58,3 %"
    assert format_persen(D("145.8333"), 2) == "145,83 %"
    assert format_persen(D("100")) == "100,0 %"
    assert format_persen(None) == "-"


def test_format_tanggal():
    assert format_tanggal(dt.date(2025, 1, 10)) == "10 Januari 2025"
    assert format_tanggal(dt.date(2024, 12, 31)) == "31 Desember 2024"
    assert format_tanggal(dt.datetime(2024, 8, 1, 13, 30)) == "1 Agustus 2024"
    assert format_tanggal(None) == "-"


@settings(deadline=None)
@given(st.dates())
def test_format_tanggal_all_months(d):
    day, month, year = format_tanggal(d).split(" ")
    assert int(day) == d.day and month == BULAN[d.month - 1] and int(year) == d.year


# --- no Django in rumus -------------------------------------------------------------------


def test_rumus_does_not_import_django():
    code = (
        "import importlib, pkgutil, sys, rumus\n"
        "for m in pkgutil.iter_modules(rumus.__path__):\n"
        "    importlib.import_module('rumus.' + m.name)\n"
        "bad = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "assert not bad, bad\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_rumus_import_line_from_brief():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import rumus, sys; assert not any(m.startswith('django') for m in sys.modules)",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
