"""LKE answer conversion and worksheet totals (rumus/evaluasi.py)."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumus.evaluasi import JawabanTidakSah, fraksi_jawaban, rekap_skor, skor_kriteria


@pytest.mark.parametrize(
    ("jenis", "jawaban", "maks", "fraksi"),
    [
        ("yt", "Ya", None, D(1)),
        ("yt", "tidak", None, D(0)),
        ("yt", " YA ", None, D(1)),
        ("abcde", "A", None, D(1)),
        ("abcde", "b", None, D("0.75")),
        ("abcde", "C", None, D("0.5")),
        ("abcde", "D", None, D("0.25")),
        ("abcde", "E", None, D(0)),
        ("angka", "3,2", D(4), D("0.8")),
        ("angka", "50", None, D("0.5")),
        ("angka", "4", D(4), D(1)),
        ("yt", "", None, None),
        ("abcde", None, None, None),
    ],
)
def test_fraksi(jenis, jawaban, maks, fraksi):
    assert fraksi_jawaban(jenis, jawaban, maks) == fraksi


@pytest.mark.parametrize(
    ("jenis", "jawaban", "maks"),
    [
        ("yt", "mungkin", None),
        ("abcde", "F", None),
        ("abcde", "AA", None),
        ("angka", "x", None),
        ("angka", "-1", None),
        ("angka", "4.5", D(4)),
        ("angka", "NaN", None),
        ("angka", "Infinity", None),
        ("lain", "A", None),
    ],
)
def test_fraksi_tidak_sah(jenis, jawaban, maks):
    with pytest.raises(JawabanTidakSah):
        fraksi_jawaban(jenis, jawaban, maks)


def test_rekap_per_sub_komponen_dan_total():
    rows = [
        ("K1", "S1", D("1.5"), D(1)),
        ("K1", "S1", D("1.5"), D("0.5")),
        ("K1", "S2", D(3), None),
        ("K2", "S3", D("2.5"), D("0.75")),
    ]
    r = rekap_skor(rows)
    assert r["sub"] == {"S1": D("2.25"), "S2": D(0), "S3": D("1.875")}
    assert r["komponen"] == {"K1": D("2.25"), "K2": D("1.875")}
    assert r["total"] == D("4.125")


@given(
    st.lists(
        st.tuples(
            st.sampled_from("ABC"),
            st.decimals(min_value=0, max_value=10, places=2),
            st.sampled_from([None, D(0), D("0.25"), D("0.5"), D("0.75"), D(1)]),
        ),
        max_size=30,
    )
)
def test_total_sama_dengan_jumlah_skor(rows):
    r = rekap_skor((k, k + "s", b, f) for k, b, f in rows)
    assert r["total"] == sum((skor_kriteria(b, f) for _k, b, f in rows), D(0))
    assert r["total"] <= sum((b for _k, b, _f in rows), D(0))
