"""parse_angka: Indonesian/English number parsing (rumus/angka.py)."""

from decimal import Decimal

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from rumus.angka import AngkaError, parse_angka
from rumus.format import format_angka, format_rupiah

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
        ("3,144", Decimal("3.144")),
        ("1,500", Decimal("1.5")),
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
    assert str(parse_angka("3,144")) == "3.144"


def test_negative_zero_in_parentheses_is_zero():
    assert parse_angka("(0,00)") == 0


@pytest.mark.parametrize("text", ["1.500", "Rp 1.500", "0.500", "-1.500", "(1.500)", "999.999"])
def test_single_dot_with_three_digits_is_ambiguous(text):
    with pytest.raises(AngkaError, match="ambiguous"):
        parse_angka(text)


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
    """Whole numbers read back, except a single thousands group ("1.500"), which is
    refused as ambiguous by design, never misread."""
    text = format_angka(Decimal(n), 0)
    if 1000 <= abs(n) < 1_000_000:
        with pytest.raises(AngkaError, match="ambiguous"):
            parse_angka(text)
    else:
        assert parse_angka(text) == n


@settings(deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_rupiah_positive(n):
    text = format_rupiah(Decimal(n))
    if 1000 <= n < 1_000_000:
        with pytest.raises(AngkaError, match="ambiguous"):
            parse_angka(text)
    else:
        assert parse_angka(text) == n


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
