"""Persentase wilayah yang tertib (rumus/zona.py)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rumus.format import bulat
from rumus.zona import KATEGORI_TERTIB_DEFAULT, persentase_zona

D = Decimal


def test_seed_7_of_12():
    zones = ["Baik"] * 7 + ["Cukup"] * 3 + ["Kurang"] * 2
    pct = persentase_zona(zones)
    assert pct == D(700) / D(12)
    assert bulat(pct, 2) == D("58.33")
    assert str(pct).startswith("58.3333333333")
    assert abs(Fraction(pct) - Fraction(700, 12)) < Fraction(1, 10**25)
    assert pct != D(58)  # the seed's mistake: rounding before use


def test_no_zones_is_none():
    assert persentase_zona([]) is None
    assert persentase_zona(iter([])) is None


def test_none_of_them_tertib_is_zero():
    assert persentase_zona(["Cukup", "Kurang"]) == D(0)


def test_all_tertib_is_100():
    assert persentase_zona(["Baik"] * 5) == D(100)


@pytest.mark.parametrize("label", ["baik", "Baik", "BAIK", "bAiK"])
def test_case_insensitive(label):
    assert persentase_zona([label, "Kurang"]) == D(50)


def test_not_assessed_zones_count_in_denominator():
    assert persentase_zona(["Baik", None, None, None]) == D(25)
    assert persentase_zona([None]) == D(0)


def test_custom_categories():
    zones = ["Baik", "Cukup", "Kurang", "cukup"]
    assert persentase_zona(zones, frozenset({"baik", "cukup"})) == D(75)


def test_default_categories():
    assert KATEGORI_TERTIB_DEFAULT == frozenset({"baik"})


def test_custom_categories_case_insensitive_on_both_sides():
    assert persentase_zona(["Baik", "baik"], frozenset({"Baik"})) == D(100)


zone = st.one_of(st.none(), st.sampled_from(["Baik", "baik", "BAIK", "Cukup", "Kurang", "Buruk", ""]))


@settings(deadline=None)
@given(st.lists(zone, min_size=1, max_size=200))
def test_bounds_and_exact_fraction(zones):
    pct = persentase_zona(zones)
    assert D(0) <= pct <= D(100)
    good = sum(1 for z in zones if z is not None and z.lower() == "baik")
    exact = Fraction(100 * good, len(zones))
    assert abs(Fraction(pct) - exact) < Fraction(1, 10**24)
    assert (pct == 0) == (good == 0)
    assert (pct == 100) == (good == len(zones))


@settings(deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=8)), max_size=50))
def test_arbitrary_labels_bounded(zones):
    pct = persentase_zona(zones)
    if not zones:
        assert pct is None
    else:
        assert D(0) <= pct <= D(100)
