"""parse_angka: Indonesian/English number parsing per column kind (rumus/angka.py, docs/rules.md §8)."""

from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from rumus.angka import AngkaError, JenisAngka, parse_angka, saran_tak_ambigu
from rumus.format import format_angka, format_persen, format_rupiah

# --- examples -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("17.585.719.560,00", Decimal("17585719560.00")),
        ("Rp 23.459.734.760", Decimal("23459734760")),
        ("Rp23.459.734.760", Decimal("23459734760")),
        ("Rp. 23.459.734.760", Decimal("23459734760")),
        ("rp 1.000.000", Decimal("1000000")),
        ("97,8%", Decimal("97.8")),
        ("97,8 %", Decimal("97.8")),
        ("(47.306.000,00)", Decimal("-47306000")),
        ("( 47.306.000,00 )", Decimal("-47306000")),
        ("-47.306.000,00", Decimal("-47306000")),
        ("\u221247.306.000", Decimal("-47306000")),
        ("Rp -47.306.000", Decimal("-47306000")),
        ("(Rp 5)", Decimal("-5")),
        ("+5", Decimal("5")),
        ("23,009,396,760", Decimal("23009396760")),
        ("23,009,396,760.50", Decimal("23009396760.50")),
        ("74.15", Decimal("74.15")),
        ("0,500", Decimal("0.5")),  # "0" is no thousands group: one reading
        ("1234,567", Decimal("1234.567")),  # neither is "1234"
        ("0", Decimal("0")),
        ("  42  ", Decimal("42")),
        ("1 000 000", Decimal("1000000")),
        ("\u00a097,8\u00a0%", Decimal("97.8")),
        ("1.000,000", Decimal("1000")),
    ],
)
def test_parse_examples(text, expected):
    result = parse_angka(text)
    assert isinstance(result, Decimal)
    assert result == expected


def test_parse_keeps_written_precision():
    assert str(parse_angka("17.585.719.560,00")) == "17585719560.00"
    assert str(parse_angka("74.15")) == "74.15"
    assert str(parse_angka("3,144", batas_atas=4)) == "3.144"


def test_negative_zero_in_parentheses_is_zero():
    assert parse_angka("(0,00)") == 0


@pytest.mark.parametrize(
    "text", ["1.500", "Rp 1.500", "-1.500", "(1.500)", "999.999", "1,500", "3,144", "850,000", "1,000"]
)
@pytest.mark.parametrize("jenis", [JenisAngka.DESIMAL, JenisAngka.PERSEN])
def test_single_separator_with_three_digits_is_ambiguous_in_a_decimal_column(text, jenis):
    with pytest.raises(AngkaError, match="ambiguous"):
        parse_angka(text, jenis)


@pytest.mark.parametrize(
    "text", ["850,000", "850.000", "Rp 850.000", "Rp850,000", "850.000,00", "850,000.00"]
)
def test_rupiah_reads_a_lone_three_digit_group_as_thousands(text):
    assert parse_angka(text, JenisAngka.RUPIAH) == 850000


def test_count_reads_a_lone_three_digit_group_as_thousands():
    assert parse_angka("1,000", JenisAngka.CACAH) == 1000
    assert parse_angka("1.000", JenisAngka.CACAH) == 1000
    assert parse_angka("2024", JenisAngka.CACAH) == 2024


@pytest.mark.parametrize("text", ["1,5", "-3", "97%", "2.5"])
def test_count_refuses_fractions_negatives_and_percentages(text):
    with pytest.raises(AngkaError):
        parse_angka(text, JenisAngka.CACAH)


def test_rupiah_refuses_a_percentage():
    with pytest.raises(AngkaError, match="percentage"):
        parse_angka("97,8%", JenisAngka.RUPIAH)


def test_upper_bound_removes_the_thousands_reading():
    assert parse_angka("3,144", batas_atas=4) == Decimal("3.144")
    assert parse_angka("3.044", batas_atas=4) == Decimal("3.044")
    with pytest.raises(AngkaError, match="ambiguous"):
        parse_angka("3,144", batas_atas=5000)


def test_message_for_1000_offers_unambiguous_suggestions():
    """The old message said `write 1000 or 1,000`, and "1,000" was then read as 1."""
    with pytest.raises(AngkaError) as e:
        parse_angka("1.000")
    assert (
        str(e.value)
        == 'ambiguous number "1.000": write 1000 for the thousands reading or 1,0 for the decimal reading'
    )
    assert e.value.saran == (("1000", Decimal(1000)), ("1,0", Decimal(1)))
    with pytest.raises(AngkaError, match="ambiguous"):
        parse_angka("1,000")


def test_message_for_850000_in_a_decimal_column():
    with pytest.raises(AngkaError) as e:
        parse_angka("850,000")
    assert [t for t, _ in e.value.saran] == ["850000", "850,0"]


def test_parse_kind_as_text():
    assert parse_angka("850,000", "rupiah") == 850000


@pytest.mark.parametrize(
    "text",
    [
        "17.585.719.560,00x",
        "",
        "   ",
        "abc",
        "1.2.3,4,5",
        "Rp",
        "%",
        "-",
        "()",
        "(-5)",
        "--5",
        ".5",
        "5.",
        "5,",
        ",5",
        "1,5,0",  # misplaced thousands separators
        "12.34.567",
        "1.5,000.3",
        "1,000.5,5",
        "1e5",
        "NaN",
        "Infinity",
        "5-",
        "٣",  # non-ASCII digits are refused
        "\uff15",
    ],
)
def test_parse_rejects(text):
    with pytest.raises(AngkaError):
        parse_angka(text)


def test_angka_error_is_value_error():
    assert issubclass(AngkaError, ValueError)


def test_error_message_quotes_original_text():
    with pytest.raises(AngkaError, match="17.585.719.560,00x"):
        parse_angka("17.585.719.560,00x")


@pytest.mark.parametrize("value", [True, False])
def test_bool_raises(value):
    with pytest.raises(AngkaError):
        parse_angka(value)


@pytest.mark.parametrize("value", [None, [1], object(), b"12"])
def test_other_types_raise(value):
    with pytest.raises(AngkaError):
        parse_angka(value)


def test_float_goes_through_shortest_repr():
    assert parse_angka(3.144) == Decimal("3.144")
    assert str(parse_angka(3.144)) == "3.144"
    assert parse_angka(0.1) == Decimal("0.1")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_float_raises(value):
    with pytest.raises(AngkaError):
        parse_angka(value)


@pytest.mark.parametrize(
    "value", [Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity"), Decimal("sNaN")]
)
def test_non_finite_decimal_raises(value):
    with pytest.raises(AngkaError):
        parse_angka(value)


def test_int_and_decimal_pass_through():
    assert parse_angka(17585719560) == Decimal(17585719560)
    d = Decimal("81.18125")
    assert parse_angka(d) is d


# --- properties ---------------------------------------------------------------------------

MAX = Decimal("1e15")  # well beyond any rupiah amount, well inside the 28-digit context


def _places(d: Decimal) -> int:
    return max(0, -d.as_tuple().exponent)


@settings(deadline=None)
@given(
    st.decimals(min_value=-MAX, max_value=MAX, places=2, allow_nan=False, allow_infinity=False)
    | st.decimals(min_value=-MAX, max_value=MAX, places=1, allow_nan=False, allow_infinity=False)
)
@example(Decimal("0.05"))
@example(Decimal("-1500.50"))
@example(Decimal("1500.5"))
@example(Decimal("17585719560.00"))
def test_round_trip_decimals(d):
    places = _places(d)
    assume(places > 0)  # integers are covered below
    text = format_angka(d, places)
    assert parse_angka(text) == d


@settings(deadline=None)
@given(st.integers(min_value=-(10**15), max_value=10**15))
@example(1500)
@example(999)
@example(1_000_000)
def test_round_trip_integers_with_decimal_places(n):
    """An integer written with ",00" always reads back."""
    assert parse_angka(format_angka(Decimal(n), 2)) == n


@settings(deadline=None)
@given(st.integers(min_value=-(10**15), max_value=10**15))
@example(999)
@example(1000)
@example(999_999)
@example(1_000_000)
@example(-1500)
def test_round_trip_integers_without_decimals(n):
    """Whole numbers formatted without decimals read back in a rupiah column (and, when
    not negative, a count column); in a decimal column a single thousands group ("1.500")
    is refused as ambiguous by design, never misread."""
    text = format_angka(Decimal(n), 0)
    assert parse_angka(text, JenisAngka.RUPIAH) == n
    if n >= 0:
        assert parse_angka(text, JenisAngka.CACAH) == n
    if 1000 <= abs(n) < 1_000_000:
        with pytest.raises(AngkaError, match="ambiguous"):
            parse_angka(text, JenisAngka.DESIMAL)
    else:
        assert parse_angka(text, JenisAngka.DESIMAL) == n


@settings(deadline=None)
@given(st.integers(min_value=-(10**15), max_value=10**15))
@example(850_000)
@example(1000)
def test_round_trip_rupiah(n):
    """Every amount format_rupiah writes reads back to itself as rupiah."""
    assert parse_angka(format_rupiah(Decimal(n)), JenisAngka.RUPIAH) == n


@settings(deadline=None)
@given(
    st.decimals(min_value=-MAX, max_value=MAX, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from([1, 2]),
)
@example(Decimal("1500"), 1)
@example(Decimal("97.84"), 1)
def test_round_trip_persen(d, places):
    """format_persen with the places the app shows (1; serapan 2) reads back, as a percentage,
    to the value it shows. (Three decimals would be ambiguous: "1,000 %".)"""
    text = format_persen(d, places)
    shown = d.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
    assert parse_angka(text, JenisAngka.PERSEN) == shown


@settings(deadline=None)
@given(
    st.decimals(min_value=-MAX, max_value=MAX, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(list(JenisAngka)),
    st.sampled_from([1, 2]),
)
def test_one_or_two_decimals_read_the_same_in_every_kind_that_allows_them(d, jenis, places):
    """format_angka(x, 1 or 2) — how the forms pre-fill values — reads back in every kind."""
    d = d.quantize(Decimal(1).scaleb(-places), rounding="ROUND_HALF_UP")
    text = format_angka(d, places)
    if jenis is JenisAngka.CACAH and (d < 0 or d != d.to_integral_value()):
        with pytest.raises(AngkaError):
            parse_angka(text, jenis)
    else:
        assert parse_angka(text, jenis) == d


@settings(deadline=None)
@given(st.decimals(min_value=1, max_value=4, places=3, allow_nan=False, allow_infinity=False))
@example(Decimal("3.144"))
@example(Decimal("3.000"))
def test_round_trip_nrr_with_three_decimals(d):
    """NRR are shown with 3 decimals ("3,144"); an NRR column (at most 4) reads them back."""
    assert parse_angka(format_angka(d, 3), JenisAngka.DESIMAL, batas_atas=4) == d


@settings(deadline=None)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=999),
    st.sampled_from([".", ","]),
    st.booleans(),
    st.sampled_from([JenisAngka.DESIMAL, JenisAngka.PERSEN]),
)
@example(850, 0, ",", False, JenisAngka.DESIMAL)
@example(1, 0, ".", False, JenisAngka.DESIMAL)
@example(3, 144, ",", True, JenisAngka.PERSEN)
def test_every_suggestion_parses_back_to_the_value_it_names(integer, fraction, mark, negative, jenis):
    text = f"{'-' if negative else ''}{integer}{mark}{fraction:03d}"
    with pytest.raises(AngkaError, match="ambiguous") as e:
        parse_angka(text, jenis)
    assert len(e.value.saran) == 2
    values = set()
    for saran, value in e.value.saran:
        assert saran in str(e.value)
        assert parse_angka(saran, jenis) == value
        values.add(value)
    sign = -1 if negative else 1
    assert values == {sign * Decimal(f"{integer}{fraction:03d}"), sign * Decimal(f"{integer}.{fraction:03d}")}


@settings(deadline=None)
@given(st.decimals(min_value=0, max_value=MAX, places=6, allow_nan=False, allow_infinity=False))
def test_unambiguous_writing_reads_the_same_in_every_decimal_kind(d):
    text = saran_tak_ambigu(d)
    for jenis in (JenisAngka.DESIMAL, JenisAngka.PERSEN, JenisAngka.RUPIAH):
        assert parse_angka(text, jenis) == d


def test_parse_reads_format_rupiah_negative():
    text = format_rupiah(Decimal(-47306000))
    assert text == "-Rp 47.306.000"
    assert parse_angka(text) == Decimal(-47306000)


@settings(deadline=None)
@given(st.text())
@example("1.2.3,4,5")
@example("(")
@example(")")
@example("Rp")
@example("%")
@example("(Rp-%)")
@example("1\n")
@example("١٢٣")
def test_parse_only_raises_angka_error_on_text(text):
    try:
        result = parse_angka(text)
    except AngkaError:
        return
    assert isinstance(result, Decimal)
    assert result.is_finite()


@settings(deadline=None)
@given(st.text(alphabet="0123456789.,-+()% Rp\u00a0\u2212", max_size=20))
def test_parse_only_raises_angka_error_on_number_like_text(text):
    try:
        result = parse_angka(text)
    except AngkaError:
        return
    assert isinstance(result, Decimal)
    assert result.is_finite()


@pytest.mark.parametrize("jenis", [JenisAngka.RUPIAH, JenisAngka.CACAH])
def test_misplaced_lone_group_in_rupiah_or_count_is_refused(jenis):
    with pytest.raises(AngkaError, match="misplaced"):
        parse_angka("5000,000", jenis)
