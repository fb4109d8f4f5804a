"""Monthly targets of a Rencana Aksi follow the same aggregation rules as quarters
(rumus.rencana_aksi.cek_target_bulan: terakhir — December equals the annual target; jumlah — the
twelve add up to it; rata-rata — their mean equals it), and the quarter view derived from months
(triwulan_dari_bulan) follows the rule whenever the months do. Only the rules are built: the pemda
setting that chooses monthly plans is not (docs/rencana_aksi.md, "Not yet")."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumus.rencana_aksi import BULAN, cek_target_bulan, cek_target_triwulan, triwulan_dari_bulan

nilai = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
dua_belas = st.lists(nilai, min_size=12, max_size=12)


@given(dua_belas)
def test_jumlah_months_and_their_quarters(bln):
    total = sum(bln, Decimal(0))
    assert cek_target_bulan(total, bln, "jumlah") is None
    s = cek_target_bulan(total + Decimal("0.01"), bln, "jumlah")
    assert s is not None and s.aturan == "jumlah" and s.hasil == total
    tw = triwulan_dari_bulan(bln, "jumlah")
    assert cek_target_triwulan(total, tw, "jumlah") is None


@given(dua_belas)
def test_terakhir_is_december_and_tw4_is_december(bln):
    assert cek_target_bulan(bln[11], bln, "terakhir") is None
    s = cek_target_bulan(bln[11] + 1, bln, "terakhir")
    assert s is not None and s.aturan == "terakhir" and s.hasil == bln[11]
    tw = triwulan_dari_bulan(bln, "terakhir")
    assert tw == [bln[2], bln[5], bln[8], bln[11]]
    assert cek_target_triwulan(bln[11], tw, "terakhir") is None


@given(dua_belas, nilai)
def test_rata_rata_mean_of_months(bln, tahunan):
    total = sum(bln, Decimal(0))
    assert (cek_target_bulan(tahunan, bln, "rata-rata") is None) == (total == 12 * tahunan)
    # the quarter means average to the month mean (up to Decimal's 28 significant digits)
    tw = triwulan_dari_bulan(bln, "rata-rata")
    assert abs(sum(tw, Decimal(0)) / 4 - total / 12) < Decimal("1e-15")


@given(dua_belas, st.integers(min_value=0, max_value=11))
def test_an_empty_month_is_named_and_its_quarter_is_empty(bln, i):
    bln = list(bln)
    bln[i] = None
    s = cek_target_bulan(Decimal(1), bln, "jumlah")
    assert s is not None and s.aturan == "lengkap" and s.kosong == (BULAN[i],)
    tw = triwulan_dari_bulan(bln, "jumlah")
    assert tw[i // 3] is None and sum(v is None for v in tw) == 1


def test_twelve_months_required():
    with pytest.raises(ValueError):
        cek_target_bulan(Decimal(1), [Decimal(1)] * 4, "jumlah")
    with pytest.raises(ValueError):
        triwulan_dari_bulan([Decimal(1)] * 4, "jumlah")
