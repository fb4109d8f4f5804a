"""rumus.skm.ikm_dari_jumlah: the IKM from the sums of the answers is the exact quotient
25 × Σ sums / (respondents × unsur) rounded once, and agrees with the IKM of the NRR
(ikm_dari_nrr) to the context's last digits and in its mutu; ikm_dari_total, given the one sum
over all unsur, is the same value."""

from decimal import Decimal, localcontext
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumus.skm import (
    KEPMENPAN_25_2004,
    PERMENPANRB_14_2017,
    ikm_dari_jumlah,
    ikm_dari_nrr,
    ikm_dari_total,
    mutu,
)


@st.composite
def jawaban(draw):
    skema = draw(st.sampled_from([PERMENPANRB_14_2017, KEPMENPAN_25_2004]))
    n = draw(st.integers(1, 5000))
    # each unsur's sum lies between n (everyone answered 1) and 4n
    jumlah = draw(st.lists(st.integers(n, 4 * n), min_size=skema.jumlah, max_size=skema.jumlah))
    return skema, n, jumlah


@given(jawaban())
def test_sama_dengan_hasil_bagi_eksak(data):
    skema, n, jumlah = data
    hasil = ikm_dari_jumlah(jumlah, n, skema)
    eksak = Fraction(25 * sum(jumlah), n * skema.jumlah)
    with localcontext() as ctx:  # the exact quotient rounded once to the default 28 digits
        ctx.prec = 28
        assert hasil == Decimal(eksak.numerator) / Decimal(eksak.denominator)
    assert Decimal(25) <= hasil <= Decimal(100)


@given(jawaban())
def test_sesuai_ikm_dari_nrr(data):
    skema, n, jumlah = data
    nrr = [Decimal(s) / Decimal(n) for s in jumlah]
    dari_nrr = ikm_dari_nrr(nrr, skema)
    hasil = ikm_dari_jumlah(jumlah, n, skema)
    assert abs(hasil - dari_nrr) < Decimal("1e-24")
    if round(hasil, 2) == round(dari_nrr, 2):
        assert mutu(hasil, skema) == mutu(dari_nrr, skema)


@given(jawaban())
def test_dari_total_sama(data):
    skema, n, jumlah = data
    assert ikm_dari_total(sum(jumlah), n, skema.jumlah) == ikm_dari_jumlah(jumlah, n, skema)


def test_menolak_data_yang_tidak_cocok():
    with pytest.raises(ValueError):
        ikm_dari_jumlah([10] * 8, 5, PERMENPANRB_14_2017)
    with pytest.raises(ValueError):
        ikm_dari_jumlah([0] * 9, 0, PERMENPANRB_14_2017)
    with pytest.raises(ValueError):
        ikm_dari_total(0, 0, 9)
    with pytest.raises(ValueError):
        ikm_dari_total(10, 5, 0)


def test_contoh():
    # 4 respondents answering 3 to every unsur: NRR 3, IKM 75
    assert ikm_dari_jumlah([12] * 9, 4) == Decimal(75)
