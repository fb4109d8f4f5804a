"""Survey schemes in rumus/skm.py: the weight 1/n and the bands of each scheme, and how an unsur
column header is read (code, code and name, name)."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumus.format import bulat
from rumus.skm import (
    KEPMENPAN_25_2004,
    PERMENPANRB_14_2017,
    SKEMA_BAWAAN,
    baca_kepala,
    gabung_responden,
    ikm_dari_nrr,
    mutu,
)

D = Decimal
NRR = st.decimals(min_value=1, max_value=4, places=3)


def test_the_two_schemes():
    assert PERMENPANRB_14_2017.jumlah == 9 and KEPMENPAN_25_2004.jumlah == 14
    assert PERMENPANRB_14_2017.batas == (D("88.31"), D("76.61"), D("65.00"))
    assert KEPMENPAN_25_2004.batas == (D("81.26"), D("62.51"), D("43.76"))
    assert SKEMA_BAWAAN[0] is PERMENPANRB_14_2017  # the default


@given(st.lists(NRR, min_size=14, max_size=14))
def test_14_unsur_weight_is_exactly_one_fourteenth(nrr):
    ikm = ikm_dari_nrr(nrr, KEPMENPAN_25_2004)
    exact = sum(Fraction(v) for v in nrr) * 25 / 14
    assert abs(Fraction(ikm) - exact) < Fraction(1, 10**20)


@given(st.lists(NRR, min_size=9, max_size=9))
def test_a_scheme_needs_its_number_of_values(nrr):
    with pytest.raises(ValueError, match="need 14"):
        ikm_dari_nrr(nrr, KEPMENPAN_25_2004)
    with pytest.raises(ValueError, match="need 14"):
        gabung_responden([(nrr, 3)], KEPMENPAN_25_2004)


@pytest.mark.parametrize(
    ("ikm", "lama", "baru"),
    [
        ("100", "A", "A"),
        ("88.31", "A", "A"),
        ("82.50", "A", "B"),
        ("81.26", "A", "B"),
        ("81.255", "A", "B"),  # rounded to 81,26 first
        ("81.25", "B", "B"),
        ("70.00", "B", "C"),
        ("62.51", "B", "D"),
        ("62.50", "C", "D"),
        ("43.76", "C", "D"),
        ("43.75", "D", "D"),
        ("25", "D", "D"),
    ],
)
def test_bands_of_each_scheme(ikm, lama, baru):
    assert mutu(D(ikm), KEPMENPAN_25_2004)[0] == lama
    assert mutu(D(ikm), PERMENPANRB_14_2017)[0] == baru
    assert mutu(D(ikm))[0] == baru  # the default scheme


@given(st.floats(min_value=25, max_value=100, allow_nan=False).map(lambda f: bulat(D(f), 2)))
def test_bands_are_monotone(ikm):
    for skema in SKEMA_BAWAAN:
        huruf = mutu(ikm, skema)[0]
        assert huruf == next((h for b, h, _a in skema.mutu if ikm >= b), "D")


def _tulisan(nama, draw):
    """The same name as a publisher might write it: case, spacing, commas changed."""
    kata = nama.replace(",", "").split()
    kata = [draw(st.sampled_from([k, k.upper(), k.lower(), k.title()])) for k in kata]
    sela = draw(st.sampled_from([" ", "  ", " , "]))
    return draw(st.sampled_from(["", " "])) + sela.join(kata) + draw(st.sampled_from(["", " "]))


@st.composite
def _kepala(draw):
    skema = draw(st.sampled_from(SKEMA_BAWAAN))
    nomor = draw(st.integers(1, skema.jumlah))
    nama = _tulisan(skema.unsur[nomor - 1], draw)
    bentuk = draw(st.sampled_from(["kode", "kode nama", "nama"]))
    kode = draw(st.sampled_from([f"U{nomor}", f"u{nomor}", f"U {nomor}", f"U{nomor}."]))
    teks = {"kode": kode, "kode nama": f"{kode} {nama}", "nama": nama}[bentuk]
    return skema, nomor, bentuk, teks


@given(_kepala())
def test_every_way_of_writing_a_header_reads_its_unsur(contoh):
    skema, nomor, bentuk, teks = contoh
    k = baca_kepala(teks)
    assert k.nomor == nomor
    if bentuk == "kode":
        assert k.skema is None
    else:
        assert skema.kode in k.skema


def test_examples():
    assert baca_kepala("U8 Sarana dan Prasarana").nomor == 8
    assert baca_kepala("sarana DAN prasarana").nomor == 8
    assert baca_kepala("Penanganan Pengaduan, Saran dan Masukan").nomor == 9
    assert baca_kepala("u14").nomor == 14
    assert baca_kepala("Keamanan Pelayanan").skema == {KEPMENPAN_25_2004.kode}
    for lain in ("instansi", "umur", "responden", "saran", "periode"):
        assert baca_kepala(lain) is None


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        (
            "U8 Penanganan Pengaduan, Saran, dan Masukan",
            'U8 is not "Penanganan Pengaduan, Saran, dan Masukan"',
        ),
        ("U9 Sarana dan Prasarana", '"Sarana dan Prasarana" is PermenPANRB 14/2017: U8 Sarana dan Prasarana'),
        ("u15", "unknown unsur"),
        ("U0", "unknown unsur"),
        ("U3 Kualitas", 'U3 is not "Kualitas"'),
    ],
)
def test_refused_headers(teks, pesan):
    with pytest.raises(ValueError, match=pesan.replace("(", r"\(").replace(")", r"\)")):
        baca_kepala(teks)
