"""AKIP evaluation total and predikat (rumus/evaluasi.py), PermenPANRB 88/2021."""

from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rumus.evaluasi import predikat_akip, total_komponen

D = Decimal


@pytest.mark.parametrize(
    ("nilai", "predikat"),
    [
        ("0", "D"),
        ("30", "D"),
        ("30.00", "D"),
        ("30.004", "D"),  # rounds to 30.00
        ("30.005", "C"),  # rounds half-up to 30.01
        ("30.01", "C"),
        ("50", "C"),
        ("50.01", "CC"),
        ("60", "CC"),
        ("60.01", "B"),
        ("70", "B"),
        ("70.01", "BB"),
        ("80", "BB"),
        ("80.01", "A"),
        ("90", "A"),
        ("90.00", "A"),
        ("90.004", "A"),
        ("90.01", "AA"),
        ("100", "AA"),
    ],
)
def test_predikat_boundaries(nilai, predikat):
    assert predikat_akip(D(nilai))[0] == predikat


@pytest.mark.parametrize(
    ("nilai", "expected"),
    [
        ("95", ("AA", "Sangat Memuaskan")),
        ("85", ("A", "Memuaskan")),
        ("75", ("BB", "Sangat Baik")),
        ("65", ("B", "Baik")),
        ("55", ("CC", "Cukup")),
        ("40", ("C", "Kurang")),
        ("10", ("D", "Sangat Kurang")),
    ],
)
def test_predikat_interpretasi(nilai, expected):
    assert predikat_akip(D(nilai)) == expected


def test_predikat_none():
    assert predikat_akip(None) is None


def test_seed_total_and_predikat():
    total = total_komponen([D("23.19"), D("22.46"), D("11.03"), D("18.10")])
    assert total == D("74.78")
    assert predikat_akip(total) == ("BB", "Sangat Baik")


def test_total_komponen_empty_and_generator():
    assert total_komponen([]) == D(0)
    assert total_komponen(D(x) for x in ("30", "30", "15", "25")) == D(100)


def _reference(x: Decimal) -> str:
    r = x.quantize(D("0.01"), rounding="ROUND_HALF_UP")
    for bound, p in ((90, "AA"), (80, "A"), (70, "BB"), (60, "B"), (50, "CC"), (30, "C")):
        if r > bound:
            return p
    return "D"


@settings(deadline=None)
@given(st.decimals(min_value=D(0), max_value=D(100), places=4))
@example(D("80.005"))
@example(D("80.0049"))
def test_predikat_matches_reference(x):
    assert predikat_akip(x)[0] == _reference(x)


ORDER = ["D", "C", "CC", "B", "BB", "A", "AA"]


@settings(deadline=None)
@given(
    st.decimals(min_value=D(0), max_value=D(100), places=3),
    st.decimals(min_value=D(0), max_value=D(100), places=3),
)
def test_predikat_monotonic(a, b):
    lo, hi = sorted((a, b))
    assert ORDER.index(predikat_akip(lo)[0]) <= ORDER.index(predikat_akip(hi)[0])
