"""Indeks Kepuasan Masyarakat (rumus/skm.py), PermenPANRB 14/2017."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from rumus.format import bulat
from rumus.skm import JUMLAH_UNSUR, UNSUR, gabung_rata_periode, ikm_dari_nrr, ikm_unsur, mutu, nrr

D = Decimal


def _nrrs(text: str) -> list[Decimal]:
    return [D(x) for x in text.split()]


S1 = _nrrs("3.144 3.150 3.099 4.000 3.142 3.169 3.220 3.110 3.082")
TW3 = _nrrs("3.180 3.135 3.124 4.000 3.157 3.079 3.146 3.146 3.180")
TW4 = _nrrs("3.130 3.044 3.130 4.000 3.261 3.087 3.261 3.435 3.174")


def test_nine_unsur():
    assert JUMLAH_UNSUR == 9 == len(UNSUR)


# --- seed ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nrrs", "expected", "grade"),
    [(S1, "80.88", "B"), (TW3, "80.96", "B"), (TW4, "82.01", "B")],
)
def test_seed_ikm(nrrs, expected, grade):
    ikm = ikm_dari_nrr(nrrs)
    assert bulat(ikm, 2) == D(expected)
    assert mutu(ikm) == (grade, "Baik")


def test_seed_tw4_u2_unsur():
    ikm = ikm_unsur(D("3.044"))
    assert ikm == D("76.100")
    assert bulat(ikm, 2) == D("76.10")
    assert mutu(ikm) == ("C", "Kurang Baik")


def test_seed_gabung_rata_periode():
    periode = {"S1": ikm_dari_nrr(S1), "TW3": ikm_dari_nrr(TW3), "TW4": ikm_dari_nrr(TW4)}
    assert bulat(gabung_rata_periode(periode), 2) == D("81.18")
    # the same with the rounded values the seed prints
    printed = {"S1": D("80.88"), "TW3": D("80.96"), "TW4": D("82.01")}
    assert gabung_rata_periode(printed) == (D("80.88") + (D("80.96") + D("82.01")) / 2) / 2
    assert bulat(gabung_rata_periode(printed), 2) == D("81.18")


# --- gabung_rata_periode ------------------------------------------------------------------


def test_gabung_tahun_used_as_is():
    tahun = D("77.777")
    assert gabung_rata_periode({"TAHUN": tahun, "S1": D(90), "TW3": D(10)}) is tahun


def test_gabung_semester_beats_its_quarters():
    assert gabung_rata_periode({"S1": D(80), "TW1": D(0), "TW2": D(0)}) == D(80)


def test_gabung_quarters_only():
    assert gabung_rata_periode({"TW1": D(80), "TW2": D(82)}) == D(81)
    assert gabung_rata_periode({"TW1": D(80), "TW2": D(82), "TW3": D(70), "TW4": D(72)}) == D(76)
    # a year with Q1, Q2, Q3: S1 = (Q1 + Q2)/2, S2 = Q3
    assert gabung_rata_periode({"TW1": D(80), "TW2": D(82), "TW3": D(90)}) == D("85.5")


def test_gabung_single_semester():
    assert gabung_rata_periode({"S2": D("82.5")}) == D("82.5")


def test_gabung_empty_is_none():
    assert gabung_rata_periode({}) is None
    assert gabung_rata_periode({"X": D(1)}) is None


# --- mutu ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ikm", "grade"),
    [
        ("25", "D"),
        ("64.99", "D"),
        ("64.994", "D"),
        ("64.995", "C"),
        ("65.00", "C"),
        ("65", "C"),
        ("76.60", "C"),
        ("76.604", "C"),
        ("76.605", "B"),
        ("76.61", "B"),
        ("88.30", "B"),
        ("88.304", "B"),
        ("88.305", "A"),  # rounds half-up to 88.31
        ("88.31", "A"),
        ("100", "A"),
    ],
)
def test_mutu_boundaries(ikm, grade):
    assert mutu(D(ikm))[0] == grade


def test_mutu_labels_and_none():
    assert mutu(D(100)) == ("A", "Sangat Baik")
    assert mutu(D(80)) == ("B", "Baik")
    assert mutu(D(70)) == ("C", "Kurang Baik")
    assert mutu(D(50)) == ("D", "Tidak Baik")
    assert mutu(None) is None


def _mutu_reference(x: Decimal) -> str:
    r = x.quantize(D("0.01"), rounding="ROUND_HALF_UP")
    if r >= D("88.31"):
        return "A"
    if r >= D("76.61"):
        return "B"
    if r >= D("65.00"):
        return "C"
    return "D"


@settings(deadline=None)
@given(st.decimals(min_value=D(25), max_value=D(100), places=4))
@example(D("88.305"))
@example(D("76.605"))
@example(D("64.995"))
def test_mutu_matches_reference(x):
    assert mutu(x)[0] == _mutu_reference(x)


# --- nrr ----------------------------------------------------------------------------------


def test_nrr_examples():
    assert nrr([4, 4, 3, 3]) == D("3.5")
    assert nrr([1]) == D(1)
    assert nrr(iter([2, 3])) == D("2.5")
    assert nrr([]) is None


@pytest.mark.parametrize("bad", [0, 5, -1, 2.5, "3", None])
def test_nrr_rejects_out_of_scale(bad):
    with pytest.raises(ValueError):
        nrr([3, bad, 4])


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=2000))
def test_all_answers_4_give_ikm_100(n):
    unsur = [nrr([4] * n) for _ in range(JUMLAH_UNSUR)]
    assert all(v == 4 for v in unsur)
    ikm = ikm_dari_nrr(unsur)
    assert ikm == D(100)
    assert mutu(ikm) == ("A", "Sangat Baik")


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=2000))
def test_all_answers_1_give_ikm_25(n):
    assert ikm_dari_nrr([nrr([1] * n)] * JUMLAH_UNSUR) == D(25)


def test_exact_one_ninth_not_0_11():
    """With the 0.11 weight all-4 answers give 99; the exact 1/9 gives 100."""
    assert ikm_dari_nrr([D(4)] * 9) == D(100)


# --- ikm_dari_nrr -------------------------------------------------------------------------


@pytest.mark.parametrize("count", [0, 1, 8, 10, 14])
def test_ikm_dari_nrr_requires_nine_values(count):
    with pytest.raises(ValueError, match="9"):
        ikm_dari_nrr([D(3)] * count)


def test_ikm_unsur():
    assert ikm_unsur(D(4)) == D(100)
    assert ikm_unsur(D("3.144")) == D("78.600")


answers = st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=300)


@settings(deadline=None)
@given(st.lists(answers, min_size=JUMLAH_UNSUR, max_size=JUMLAH_UNSUR))
def test_ikm_is_mean_nrr_times_25(per_unsur):
    values = [nrr(a) for a in per_unsur]
    for a, v in zip(per_unsur, values, strict=True):
        assert D(1) <= v <= D(4)
        assert abs(Fraction(v) - Fraction(sum(a), len(a))) < Fraction(1, 10**26)
    ikm = ikm_dari_nrr(values)
    # mean of the true answer ratios × 25, as an exact rational; NRRs such as 7/3 are
    # themselves rounded to 28 significant digits, so equality holds to that precision
    exact = sum(Fraction(sum(a), len(a)) for a in per_unsur) / 9 * 25
    assert abs(Fraction(ikm) - exact) < Fraction(1, 10**24)
    assert D(25) <= ikm <= D(100)
    if all(len(a) in (1, 2, 4, 5, 8, 10) for a in per_unsur):
        # terminating NRRs: Σ NRR × 25 is exact, the one division by 9 correctly rounded
        assert ikm == D(exact.numerator) / D(exact.denominator)


@settings(deadline=None)
@given(st.lists(st.decimals(min_value=D(1), max_value=D(4), places=3), min_size=9, max_size=9))
def test_ikm_from_printed_nrr(values):
    ikm = ikm_dari_nrr(values)
    exact = Fraction(sum(values, D(0))) * 25 / 9
    assert ikm == D(exact.numerator) / D(exact.denominator)
    assert D(25) <= ikm <= D(100)
    if sum(values, D(0)) % 9 == 0:
        assert ikm == sum(values, D(0)) / 9 * 25


# --- additions: pooling, sample size, confidence interval, lowest unsur ---------------------

from rumus.skm import gabung_responden, interval_kepercayaan, sampel_krejcie_morgan, unsur_terendah  # noqa: E402


@pytest.mark.parametrize(("n", "s"), [(100, 80), (1000, 278), (10000, 370), (0, 0), (1, 1)])
def test_krejcie_morgan_table(n, s):
    assert sampel_krejcie_morgan(n) == s


@given(st.integers(min_value=1, max_value=10**7))
def test_krejcie_morgan_bounded(n):
    s = sampel_krejcie_morgan(n)
    assert 1 <= s <= n and s <= 385


@settings(max_examples=50)
@given(
    st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=30),
    st.lists(st.lists(st.integers(1, 4), min_size=9, max_size=9), min_size=1, max_size=30),
)
def test_gabung_responden_equals_pooled_answers(a, b):
    per = [([nrr(col) for col in zip(*rows, strict=True)], len(rows)) for rows in (a, b)]
    pooled = gabung_responden(per)
    direct = [nrr(col) for col in zip(*(a + b), strict=True)]
    # equal up to Decimal's 28-digit context
    assert all(abs(x - y) < D("1e-20") for x, y in zip(pooled, direct, strict=True))


def test_gabung_responden_empty():
    assert gabung_responden([]) is None
    assert gabung_responden([([D(3)] * 9, 0)]) is None


def test_interval_kepercayaan():
    assert interval_kepercayaan([D(80)]) is None
    lo, hi = interval_kepercayaan([D(75), D(100)] * 50)
    assert lo < D("87.5") < hi and hi - lo < 10
    assert interval_kepercayaan([D(100)] * 5) == (D(100), D(100))


def test_unsur_terendah_seed_tw4():
    assert unsur_terendah(TW4, 2) == [(2, D("3.044")), (6, D("3.087"))]
    assert unsur_terendah([None] * 9) == []
