"""The plausibility rules of rumus/kewajaran.py (docs/rules.md §10)."""

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from hypothesis import given
from hypothesis import strategies as st

from rumus.capaian import agregasi
from rumus.kewajaran import FAKTOR_LONJAKAN, di_luar_rentang, tahunan_bertentangan, tampak_kumulatif

D = Decimal
nilai = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


@given(st.lists(nilai, min_size=1, max_size=4), st.sampled_from(["terakhir", "jumlah", "rata-rata"]))
def test_the_aggregate_of_the_periods_never_contradicts_itself(periode, cara):
    tahunan = agregasi(periode, cara).quantize(D("0.01"), ROUND_HALF_UP)
    assert tahunan_bertentangan(tahunan, periode, cara) is None


@given(st.lists(nilai, min_size=1, max_size=4))
def test_a_cut_average_agrees_too(periode):
    tahunan = agregasi(periode, "rata-rata").quantize(D("0.01"), ROUND_DOWN)
    assert tahunan_bertentangan(tahunan, periode, "rata-rata") is None


def test_a_different_yearly_value_contradicts():
    assert tahunan_bertentangan(D("90"), [D(10), D(20), D(30), D(40)], "terakhir") == D(40)
    assert tahunan_bertentangan(D("81.18"), [D("80.88"), D("81.485")], "rata-rata") is None
    assert tahunan_bertentangan(D("81.2"), [D("80.88"), D("81.485")], "rata-rata") is None
    assert tahunan_bertentangan(D("81.3"), [D("80.88"), D("81.485")], "rata-rata") is not None
    assert tahunan_bertentangan(D("81.20"), [D("80.88"), D("81.485")], "rata-rata") is None  # 81,2 entered


@given(st.lists(nilai, min_size=2, max_size=4), nilai)
def test_cumulative_means_rising_and_above_pagu(triwulan, pagu):
    naik = all(b >= a for a, b in zip(triwulan, triwulan[1:], strict=False))
    assert tampak_kumulatif(triwulan, pagu) == (naik and sum(triwulan) > pagu)


def test_one_quarter_is_never_cumulative():
    assert not tampak_kumulatif([D(10**9)], D(1))


@given(st.lists(nilai.filter(lambda v: v > 0), min_size=1, max_size=5))
def test_values_inside_the_range_are_never_flagged(lalu):
    for v in (min(lalu), max(lalu), max(lalu) * FAKTOR_LONJAKAN, min(lalu) / FAKTOR_LONJAKAN):
        assert not di_luar_rentang(v, lalu)


def test_far_outside_is_flagged():
    assert di_luar_rentang(D(161), [D(80)])
    assert di_luar_rentang(D("39.9"), [D(80)])
    assert not di_luar_rentang(D(10**6), [])
