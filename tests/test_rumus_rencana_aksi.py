"""Quarter targets of a Rencana Aksi follow the indicator's aggregation (rumus.rencana_aksi,
docs/rules.md §11): accepted exactly when the rule holds, refused otherwise with what is wrong."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from rumus.capaian import Agregasi
from rumus.rencana_aksi import SESUAI, TERTINGGAL, cek_target_triwulan, status_rencana

nilai = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(nilai, min_size=4, max_size=4))
def test_jumlah_accepts_exactly_the_sum(tw):
    total = sum(tw, Decimal(0))
    assert cek_target_triwulan(total, tw, "jumlah") is None
    s = cek_target_triwulan(total + Decimal("0.01"), tw, "jumlah")
    assert s is not None and s.aturan == "jumlah" and s.hasil == total


@given(st.lists(nilai, min_size=4, max_size=4))
def test_terakhir_accepts_exactly_tw4(tw):
    assert cek_target_triwulan(tw[3], tw, Agregasi.TERAKHIR) is None
    s = cek_target_triwulan(tw[3] + 1, tw, "terakhir")
    assert s is not None and s.aturan == "terakhir" and s.hasil == tw[3] and s.harapan == tw[3] + 1


@given(st.lists(nilai, min_size=4, max_size=4), nilai)
def test_rata_rata_accepts_exactly_the_mean(tw, tahunan):
    s = cek_target_triwulan(tahunan, tw, "rata-rata")
    assert (s is None) == (sum(tw, Decimal(0)) == 4 * tahunan)
    if s is not None:
        assert s.aturan == "rata-rata" and s.hasil == sum(tw, Decimal(0)) / 4


@given(st.lists(st.one_of(st.none(), nilai), min_size=4, max_size=4).filter(lambda v: None in v), nilai)
def test_an_empty_quarter_is_refused_naming_it(tw, tahunan):
    for cara in Agregasi:
        s = cek_target_triwulan(tahunan, tw, cara)
        assert s.aturan == "lengkap"
        assert s.kosong == tuple(
            q for q, v in zip(("TW1", "TW2", "TW3", "TW4"), tw, strict=True) if v is None
        )


def test_seed_like_examples():
    d = Decimal
    assert cek_target_triwulan(d("97.8"), [d(97), d("97.5"), d(98), d("97.8")], "terakhir") is None
    assert cek_target_triwulan(d(40), [d(10)] * 4, "jumlah") is None
    assert cek_target_triwulan(d(10), [d(8), d(12), d(10), d(10)], "rata-rata") is None


def test_status_rencana_judges_the_latest_quarter_against_its_own_target():
    d = Decimal
    # negative polarity (complaints): 12 in TW1 against a TW1 target of 5 is behind
    assert status_rencana([d(5), d(5), d(5), d(5)], [d(12), None, None, None], "negatif") == (
        TERTINGGAL,
        "TW1",
    )
    assert status_rencana([d(5), d(5), d(5), d(5)], [d(12), d(4), None, None], "negatif") == (SESUAI, "TW2")
    assert status_rencana([d(5)] * 4, [None] * 4, "positif") is None
