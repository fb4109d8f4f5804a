"""A stored target shown in the targets grid reads back, by the project's one number rule
(rumus.angka.parse_angka, desimal), as exactly the stored value: saving the grid unchanged never
changes or refuses a target (hypothesis over every value a Target column holds)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from perencanaan.forms import tampil_nilai
from rumus.angka import JenisAngka, parse_angka

NILAI = st.decimals(
    min_value=Decimal("-999999999999999999"),
    max_value=Decimal("999999999999999999"),
    places=6,
    allow_nan=False,
    allow_infinity=False,
)


@given(NILAI)
def test_shown_value_reads_back_exactly(nilai):
    teks = tampil_nilai(nilai)
    assert parse_angka(teks, JenisAngka.DESIMAL) == nilai, teks
    assert "." not in teks  # no thousands separator: one reading in every column kind


def test_examples():
    assert [tampil_nilai(Decimal(x)) for x in ("80.000000", "97.8", "80.125", "1250", "-3.5", "0.05")] == [
        "80",
        "97,8",
        "80,1250",
        "1250",
        "-3,5",
        "0,05",
    ]
    assert tampil_nilai(None) == ""
