"""Serapan, efisiensi, cash-plan check and roll-ups (rumus/anggaran.py)."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rumus.anggaran import Baris, RollUp, cek_kas, efisiensi, efisiensi_seed, roll_up, serapan
from rumus.format import bulat

D = Decimal

# --- serapan / efisiensi ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pagu", "realisasi", "serapan_2", "efisiensi_2"),
    [
        (17585719560, 16599958171, "94.39", "5.61"),
        (23459734760, 22297765191, "95.05", "4.95"),
        (5824015200, 5654327020, "97.09", "2.91"),
    ],
)
def test_seed_serapan_and_efisiensi(pagu, realisasi, serapan_2, efisiensi_2):
    s = serapan(D(pagu), D(realisasi))
    e = efisiensi(D(pagu), D(realisasi))
    assert bulat(s, 2) == D(serapan_2)
    assert bulat(e, 2) == D(efisiensi_2)
    assert e == 100 - s


def test_serapan_exact():
    assert serapan(D(200), D(150)) == D(75)
    assert serapan(D(17585719560), D(16599958171)) == D(16599958171) / D(17585719560) * 100


@pytest.mark.parametrize(("pagu", "realisasi"), [(D(0), D(0)), (D(0), D(5)), (None, D(5)), (D(5), None)])
def test_serapan_undefined(pagu, realisasi):
    assert serapan(pagu, realisasi) is None
    assert efisiensi(pagu, realisasi) is None
    assert efisiensi_seed(pagu, realisasi) is None


def test_efisiensi_method_is_pluggable():
    def metode(pagu, realisasi):
        return D(42)

    assert efisiensi(D(100), D(90), metode) == D(42)
    assert efisiensi(D(100), D(90)) == D(10)


@settings(deadline=None)
@given(
    st.decimals(min_value=D("0.01"), max_value=D("1e13"), places=2),
    st.decimals(min_value=D(0), max_value=D("1e13"), places=2),
)
def test_efisiensi_is_100_minus_serapan(pagu, realisasi):
    assert efisiensi(pagu, realisasi) == 100 - serapan(pagu, realisasi)


# --- cek_kas ------------------------------------------------------------------------------


def test_cek_kas_seed_row_with_negative_tw4():
    assert cek_kas(D(22694000), [D(0), D(0), D(70000000), D(-47306000)]) == D(0)


def test_cek_kas_difference():
    assert cek_kas(D(100), [D(25), D(25), D(25), D(20)]) == D(5)
    assert cek_kas(D(100), [D(50), D(60)]) == D(-10)
    assert cek_kas(D(100), []) == D(100)


def test_cek_kas_accepts_generator():
    assert cek_kas(D(10), (D(x) for x in (1, 2, 3, 4))) == D(0)


# --- roll_up ------------------------------------------------------------------------------


def test_roll_up_empty():
    total = roll_up([])
    assert total.pagu == 0 and total.realisasi == 0 and total.jumlah_baris == 0
    assert total.anak == {}
    assert total.serapan is None


def test_same_sub_kegiatan_at_two_subunits_gives_two_leaves():
    lines = [
        Baris("7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001", D(100), D(90), subunit="Kel. Bantargebang"),
        Baris("7.01.02", "7.01.02.2.01", "7.01.02.2.01.0001", D(200), D(150), subunit="Kel. Sumurbatu"),
    ]
    total = roll_up(lines)
    kegiatan = total.anak["7.01.02"].anak["7.01.02.2.01"]
    assert len(kegiatan.anak) == 2
    leaves = sorted(kegiatan.anak.values(), key=lambda r: r.subunit)
    assert [(r.kode, r.subunit, r.pagu) for r in leaves] == [
        ("7.01.02.2.01.0001", "Kel. Bantargebang", D(100)),
        ("7.01.02.2.01.0001", "Kel. Sumurbatu", D(200)),
    ]
    assert kegiatan.pagu == D(300) and kegiatan.realisasi == D(240)
    assert kegiatan.serapan == D(80)
    assert kegiatan.efisiensi == D(20)


def test_same_line_twice_is_one_leaf_with_two_lines():
    b = Baris("P", "K", "S", D(10), subunit=None)
    total = roll_up([b, b])
    (leaf,) = total.anak["P"].anak["K"].anak.values()
    assert leaf.jumlah_baris == 2
    assert leaf.pagu == D(20)


def test_pagu_murni_none_if_any_line_lacks_it():
    lines = [
        Baris("P1", "K1", "S1", D(100), pagu_murni=D(90)),
        Baris("P1", "K1", "S2", D(100), pagu_murni=None),
        Baris("P1", "K2", "S3", D(100), pagu_murni=D(80)),
        Baris("P2", "K3", "S4", D(50), pagu_murni=D(40)),
    ]
    total = roll_up(lines)
    assert total.pagu_murni is None
    assert total.anak["P1"].pagu_murni is None
    assert total.anak["P1"].anak["K1"].pagu_murni is None
    assert total.anak["P1"].anak["K2"].pagu_murni == D(80)  # sibling untouched
    assert total.anak["P2"].pagu_murni == D(40)
    assert total.anak["P1"].anak["K1"].anak[("S1", None)].pagu_murni == D(90)
    assert total.anak["P1"].anak["K1"].anak[("S2", None)].pagu_murni is None


def test_pagu_murni_stays_none_once_unknown():
    lines = [
        Baris("P", "K", "S1", D(100), pagu_murni=None),
        Baris("P", "K", "S2", D(100), pagu_murni=D(90)),
    ]
    assert roll_up(lines).pagu_murni is None


def test_pagu_murni_sum_when_all_known():
    lines = [Baris("P", "K", f"S{i}", D(100), pagu_murni=D(10 * i)) for i in range(1, 4)]
    assert roll_up(lines).pagu_murni == D(60)


money = st.decimals(min_value=D("-1e11"), max_value=D("1e12"), places=0)


@st.composite
def baris(draw):
    program = draw(st.sampled_from(["7.01.01", "7.01.02", "7.01.03", "7.01.04"]))
    kegiatan = program + draw(st.sampled_from([".2.01", ".2.02", ".2.03"]))
    sub = kegiatan + draw(st.sampled_from([".0001", ".0002", ".0006"]))
    return Baris(
        program=program,
        kegiatan=kegiatan,
        sub_kegiatan=sub,
        pagu=draw(money),
        realisasi=draw(money),
        pagu_murni=draw(st.none() | money),
        kas=tuple(draw(money) for _ in range(4)),
        subunit=draw(st.sampled_from([None, "Kel. A", "Kel. B", "Kel. C"])),
    )


def _fields(node: RollUp):
    return node.pagu, node.realisasi, tuple(node.kas), node.jumlah_baris


def _check_node(node: RollUp, lines: list[Baris]):
    assert node.pagu == sum((b.pagu for b in lines), D(0))
    assert node.realisasi == sum((b.realisasi for b in lines), D(0))
    assert node.kas == [sum((b.kas[i] for b in lines), D(0)) for i in range(4)]
    assert node.jumlah_baris == len(lines)
    if any(b.pagu_murni is None for b in lines):
        assert node.pagu_murni is None
    else:
        assert node.pagu_murni == sum((b.pagu_murni for b in lines), D(0))


@settings(deadline=None)
@given(st.lists(baris(), max_size=40))
def test_roll_up_totals_equal_sum_of_leaves_at_every_level(lines):
    total = roll_up(lines)
    _check_node(total, lines)
    leaf_keys = set()
    assert set(total.anak) == {b.program for b in lines}
    for p_kode, p in total.anak.items():
        assert p.kode == p_kode
        p_lines = [b for b in lines if b.program == p_kode]
        _check_node(p, p_lines)
        assert set(p.anak) == {b.kegiatan for b in p_lines}
        for k_kode, k in p.anak.items():
            assert k.kode == k_kode
            k_lines = [b for b in p_lines if b.kegiatan == k_kode]
            _check_node(k, k_lines)
            assert set(k.anak) == {(b.sub_kegiatan, b.subunit) for b in k_lines}
            for (s_kode, subunit), s in k.anak.items():
                assert (s.kode, s.subunit) == (s_kode, subunit)
                assert s.anak == {}
                s_lines = [b for b in k_lines if (b.sub_kegiatan, b.subunit) == (s_kode, subunit)]
                _check_node(s, s_lines)
                leaf_keys.add((p_kode, k_kode, s_kode, subunit))
            # parent = sum of children
            assert k.pagu == sum((s.pagu for s in k.anak.values()), D(0))
            assert k.jumlah_baris == sum(s.jumlah_baris for s in k.anak.values())
        assert p.pagu == sum((k.pagu for k in p.anak.values()), D(0))
        assert p.realisasi == sum((k.realisasi for k in p.anak.values()), D(0))
    assert total.pagu == sum((p.pagu for p in total.anak.values()), D(0))
    assert total.kas == [sum((p.kas[i] for p in total.anak.values()), D(0)) for i in range(4)]
    assert leaf_keys == {(b.program, b.kegiatan, b.sub_kegiatan, b.subunit) for b in lines}


@settings(deadline=None)
@given(st.lists(baris(), max_size=20), st.randoms(use_true_random=False))
def test_roll_up_independent_of_line_order(lines, rnd):
    shuffled = list(lines)
    rnd.shuffle(shuffled)
    a, b = roll_up(lines), roll_up(shuffled)
    assert _fields(a) == _fields(b)
    assert a.pagu_murni == b.pagu_murni
