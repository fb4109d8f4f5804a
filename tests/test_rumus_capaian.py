"""Capaian kinerja, period aggregation, category and verdict (rumus/capaian.py)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rumus.capaian import (
    Agregasi,
    Polaritas,
    SkalaKategori,
    agregasi,
    capaian,
    kategori_capaian,
    status_target,
)

D = Decimal

# --- positif ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisasi"),
    [
        ("83", "81.18125"),
        ("100", "97.8"),
        ("40", "58.33"),
        ("75", "80"),
        ("3", "1"),
        ("0.5", "0.25"),
    ],
)
def test_positif_is_realisasi_over_target_times_100(target, realisasi):
    assert capaian(D(target), D(realisasi)) == D(realisasi) / D(target) * 100
    assert capaian(D(target), D(realisasi), Polaritas.POSITIF) == D(realisasi) / D(target) * 100


def test_positif_known_values():
    assert capaian(D(80), D(100)) == D(125)
    assert capaian(D(100), D(100)) == D(100)
    assert capaian(D(40), D("58.333")) == D("145.8325")
    assert capaian(D(83), D("81.18125")).quantize(D("0.0001")) == D("97.8087")


def test_default_polarity_is_positif():
    assert capaian(D(50), D(25)) == capaian(D(50), D(25), "positif") == D(50)


def test_polarity_accepts_strings():
    assert capaian(D(10), D(5), "negatif") == D(150)
    with pytest.raises(ValueError):
        capaian(D(10), D(5), "sideways")


# --- negatif ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "realisasi", "expected"),
    [
        ("10", "5", "150"),
        ("10", "10", "100"),
        ("10", "15", "50"),
        ("10", "20", "0"),
        ("10", "25", "0"),  # floored at 0
        ("10", "0", "200"),
        ("4", "3", "125"),
    ],
)
def test_negatif(target, realisasi, expected):
    assert capaian(D(target), D(realisasi), Polaritas.NEGATIF) == D(expected)


# --- rentang ------------------------------------------------------------------------------


@pytest.mark.parametrize("realisasi", ["10", "12", "15", "12.5"])
def test_rentang_inside_is_100(realisasi):
    assert capaian(D(10), D(realisasi), Polaritas.RENTANG, D(15)) == D(100)


def test_rentang_above_uses_upper_bound_negatively():
    # (2 × 15 − 18) / 15 × 100 = 80
    assert capaian(D(10), D(18), Polaritas.RENTANG, D(15)) == D(80)
    assert capaian(D(10), D(40), Polaritas.RENTANG, D(15)) == D(0)


def test_rentang_below_uses_lower_bound_positively():
    assert capaian(D(10), D(8), Polaritas.RENTANG, D(15)) == D(80)


def test_rentang_bounds_in_either_order():
    assert capaian(D(15), D(12), Polaritas.RENTANG, D(10)) == D(100)
    assert capaian(D(15), D(8), Polaritas.RENTANG, D(10)) == D(80)
    assert capaian(D(15), D(18), Polaritas.RENTANG, D(10)) == D(80)


def test_rentang_without_upper_bound_is_a_point():
    assert capaian(D(10), D(10), Polaritas.RENTANG) == D(100)
    assert capaian(D(10), D(8), Polaritas.RENTANG) == D(80)
    assert capaian(D(10), D(12), Polaritas.RENTANG) == D(80)


def test_rentang_with_zero_lower_bound():
    assert capaian(D(0), D(0), Polaritas.RENTANG, D(5)) == D(100)
    assert capaian(D(0), D(-1), Polaritas.RENTANG, D(5)) is None


# --- undefined ----------------------------------------------------------------------------


@pytest.mark.parametrize("pol", [Polaritas.POSITIF, Polaritas.NEGATIF])
def test_target_zero_is_none(pol):
    assert capaian(D(0), D(5), pol) is None
    assert capaian(D(0), D(0), pol) is None


@pytest.mark.parametrize("pol", list(Polaritas))
def test_none_inputs_give_none(pol):
    assert capaian(None, D(5), pol) is None
    assert capaian(D(5), None, pol) is None
    assert capaian(None, None, pol) is None


# --- properties ---------------------------------------------------------------------------

nilai = st.decimals(min_value=D("-1e9"), max_value=D("1e9"), places=4, allow_nan=False, allow_infinity=False)
positif_nilai = st.decimals(
    min_value=D("0.0001"), max_value=D("1e9"), places=4, allow_nan=False, allow_infinity=False
)


@st.composite
def terminating_target(draw):
    """Targets of the form 2^a·5^b·10^-k: realisasi/target has a terminating expansion."""
    a = draw(st.integers(0, 12))
    b = draw(st.integers(0, 8))
    k = draw(st.integers(0, 4))
    sign = draw(st.sampled_from([1, -1]))
    return D(sign * 2**a * 5**b).scaleb(-k)


@settings(deadline=None)
@given(terminating_target(), nilai)
@example(D(80), D("81.18125"))
@example(D(40), D("58.333"))
def test_positif_exact_round_trip(target, realisasi):
    """With a quotient that terminates, capaian × target / 100 gives realisasi back exactly."""
    c = capaian(target, realisasi)
    assert c * target / 100 == realisasi
    assert Fraction(c) == Fraction(realisasi) / Fraction(target) * 100


@settings(deadline=None)
@given(nilai.filter(lambda t: t != 0), nilai)
@example(D(3), D(1))
@example(D(83), D("81.18125"))
def test_positif_round_trip_within_context_precision(target, realisasi):
    """For any target the quotient is rounded once to 28 significant digits
    (Decimal cannot hold 1/3), so the round trip is exact to that precision."""
    c = capaian(target, realisasi)
    exact = Fraction(realisasi) / Fraction(target) * 100
    if exact == 0:
        assert c == 0
    else:
        assert abs((Fraction(c) - exact) / exact) < Fraction(1, 10**26)
    assert abs(Fraction(c * target / 100) - Fraction(realisasi)) <= abs(Fraction(realisasi)) / 10**25


@settings(deadline=None)
@given(nilai.filter(lambda t: t != 0), nilai)
def test_negatif_never_negative(target, realisasi):
    c = capaian(target, realisasi, Polaritas.NEGATIF)
    assert c is not None
    assert c >= 0


@settings(deadline=None)
@given(positif_nilai, positif_nilai)
def test_negatif_mirrors_positif_below_twice_target(target, realisasi):
    """For positive T and R ≤ 2T, negatif = 200 − positif."""
    c_neg = capaian(target, realisasi, Polaritas.NEGATIF)
    if realisasi <= 2 * target:
        assert abs(Fraction(c_neg) - (200 - Fraction(realisasi) / Fraction(target) * 100)) < Fraction(
            1, 10**20
        )
    else:
        assert c_neg == 0


@settings(deadline=None)
@given(positif_nilai, positif_nilai, nilai)
@example(D(10), D(15), D(12))
@example(D(10), D(15), D(100))
@example(D(10), D(15), D(-100))
def test_rentang_never_above_100(a, b, realisasi):
    c = capaian(a, realisasi, Polaritas.RENTANG, b)
    assert c is not None
    assert c <= D(100)
    if realisasi >= 0:  # below the range is positive polarity: no floor for negative values
        assert c >= 0
    lo, hi = min(a, b), max(a, b)
    assert (c == 100) == (lo <= realisasi <= hi)


# --- agregasi -----------------------------------------------------------------------------


def test_agregasi_terakhir():
    assert agregasi([D(1), D(2), D(3)], Agregasi.TERAKHIR) == D(3)
    assert agregasi([D(1), D(2), None], Agregasi.TERAKHIR) == D(2)


def test_agregasi_jumlah():
    assert agregasi([D(1), D("2.5"), D(3)], Agregasi.JUMLAH) == D("6.5")


def test_agregasi_rata_rata():
    assert agregasi([D("80.88"), D("81.485")], Agregasi.RATA_RATA) == D("81.1825")
    assert agregasi([D(1), None, D(2)], "rata-rata") == D("1.5")


@pytest.mark.parametrize("cara", list(Agregasi) + ["terakhir", "jumlah", "rata-rata"])
def test_agregasi_empty_is_none(cara):
    assert agregasi([], cara) is None
    assert agregasi([None, None], cara) is None


def test_agregasi_accepts_strings_and_rejects_unknown():
    assert agregasi([D(1), D(2)], "jumlah") == D(3)
    with pytest.raises(ValueError):
        agregasi([D(1)], "median")


@settings(deadline=None)
@given(st.lists(nilai, min_size=1, max_size=12))
def test_agregasi_properties(values):
    assert agregasi(values, Agregasi.TERAKHIR) == values[-1]
    assert agregasi(values, Agregasi.JUMLAH) == sum(values, D(0))
    mean = agregasi(values, Agregasi.RATA_RATA)
    assert min(values) <= mean <= max(values)


# --- kategori_capaian ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("150", "Sangat Baik"),
        ("100", "Sangat Baik"),
        ("91.0", "Sangat Baik"),
        ("91", "Sangat Baik"),
        ("90.95", "Sangat Baik"),  # rounds half-up to 91.0
        ("90.94", "Baik"),
        ("90.9", "Baik"),
        ("90.5", "Baik"),
        ("90", "Baik"),
        ("76", "Baik"),
        ("75.95", "Baik"),
        ("75.9", "Cukup"),
        ("75.94", "Cukup"),
        ("66", "Cukup"),
        ("65.9", "Kurang"),
        ("51", "Kurang"),
        ("50.95", "Kurang"),
        ("50.9", "Sangat Kurang"),
        ("50", "Sangat Kurang"),
        ("0", "Sangat Kurang"),
        ("-5", "Sangat Kurang"),
    ],
)
def test_kategori_boundaries(value, label):
    assert kategori_capaian(D(value)) == label


def test_kategori_none():
    assert kategori_capaian(None) is None


def test_kategori_custom_scale():
    skala = SkalaKategori.dari([(100, "Tercapai"), (0, "Belum")])
    assert kategori_capaian(D("99.96"), skala) == "Tercapai"
    assert kategori_capaian(D("99.94"), skala) == "Belum"
    assert kategori_capaian(D("-1"), skala) == "Belum"  # below every bound: the last label


def _kategori_reference(x: Decimal) -> str:
    r = x.quantize(D("0.1"), rounding="ROUND_HALF_UP")
    if r >= 91:
        return "Sangat Baik"
    if r >= 76:
        return "Baik"
    if r >= 66:
        return "Cukup"
    if r >= 51:
        return "Kurang"
    return "Sangat Kurang"


@settings(deadline=None)
@given(st.decimals(min_value=D(-1000), max_value=D(1000), places=3, allow_nan=False, allow_infinity=False))
def test_kategori_matches_reference(x):
    assert kategori_capaian(x) == _kategori_reference(x)


# --- status_target ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "status"),
    [
        ("145.83", "melampaui target"),
        ("100.0000001", "melampaui target"),
        ("100", "mencapai target"),
        ("100.00", "mencapai target"),
        ("99.9999999", "belum mencapai target"),
        ("97.8", "belum mencapai target"),
        ("0", "belum mencapai target"),
    ],
)
def test_status_target(value, status):
    assert status_target(D(value)) == status


def test_status_target_none():
    assert status_target(None) is None
