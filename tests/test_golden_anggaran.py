"""Golden test: the seed's budget tables (2.4, 3.8, 3.16, 3.21, 3.22) from the 40 raw lines."""

from decimal import Decimal

import pytest

pytestmark = pytest.mark.django_db

# Tabel 3.21 (final): programme → (pagu murni, pagu, realisasi, serapan)
TABEL_3_21 = {
    "7.01.01": (17279475560, 17585719560, 16599958171, 94.39),
    "7.01.02": (250000000, 202694000, 169880420, 83.81),
    "7.01.03": (5349921200, 5571321200, 5436187600, 97.57),
    "7.01.04": (80000000, 50000000, 43480000, 86.96),
    "7.01.05": (50000000, 50000000, 48259000, 96.52),
}

# Tabel 3.8 / 3.16 / 3.22: kegiatan → (pagu, realisasi, serapan %, efisiensi)
KEGIATAN = {
    "7.01.01.2.01": (5000000, 3774000, 75.48, 24.5),
    "7.01.01.2.02": (10609715000, 10006112730, 94.31, 5.7),
    "7.01.01.2.05": (10000000, 10000000, 100, 0.0),
    "7.01.01.2.06": (605278000, 531120676, 87.75, 12.3),
    "7.01.01.2.07": (243918000, 234600000, 96.18, 3.8),
    "7.01.01.2.08": (5566808560, 5323118951, 95.62, 4.4),
    "7.01.01.2.09": (545000000, 491231814, 90.13, 9.9),
    "7.01.02.2.03": (180000000, 148850920, 82.7, 17.3),
    "7.01.02.2.04": (22694000, 21029500, 92.7, 7.3),
    "7.01.03.2.02": (5411321200, 5276187600, 97.5, 2.5),
    "7.01.03.2.03": (160000000, 160000000, 100, 0.0),
    "7.01.04.2.01": (50000000, 43480000, 86.96, 13.0),
    "7.01.05.2.01": (50000000, 48259000, 96.5, 3.5),
}

# A sample of sub-kegiatan lines: (code, pagu) → (realisasi, serapan as printed, efisiensi as printed)
LINES = {
    ("7.01.01.2.06.0009", 117276000): (90402676, 77.09, 22.9),
    ("7.01.01.2.08.0002", 400000000): (310215964, 77.55, 22.5),
    ("7.01.01.2.09.0006", 105000000): (83508028, 79.53, 20.5),
    ("7.01.03.2.02.0003", 386628000): (335681000, 86.82, 13.2),
    ("7.01.03.2.02.0003", 1286916000): (1282552600, 99.66, 0.3),
    ("7.01.03.2.02.0004", 50000000): (37276600, 74.55, 25.5),
    ("7.01.02.2.03.0001", 30000000): None,  # two lines of 30.000.000: checked below
}


@pytest.fixture
def anggaran(demo, run_json):
    return run_json("anggaran", "--instansi", "bantargebang", "--tahun", "2024")


def test_totals_match_tabel_3_21(anggaran):
    total = anggaran["total"]
    assert total["pagu"] == 23459734760
    assert total["realisasi"] == 22297765191
    assert total["serapan"] == 95.05
    assert total["pagu_murni"] == 23009396760
    assert (total["jumlah_program"], total["jumlah_kegiatan"], total["jumlah_sub_kegiatan"]) == (5, 13, 40)


def test_each_programme_matches_tabel_3_21(anggaran):
    got = {p["kode"]: (p["pagu_murni"], p["pagu"], p["realisasi"], p["serapan"]) for p in anggaran["program"]}
    assert got == TABEL_3_21


def test_each_kegiatan_matches_tabel_3_8_3_16_3_22(anggaran):
    kegiatan = {k["kode"]: k for p in anggaran["program"] for k in p["kegiatan"]}
    assert set(kegiatan) == set(KEGIATAN)
    for kode, (pagu, real, serapan, efisiensi) in KEGIATAN.items():
        k = kegiatan[kode]
        assert (k["pagu"], k["realisasi"]) == (pagu, real), kode
        assert k["serapan"] == pytest.approx(serapan, abs=0.1), kode
        assert k["efisiensi"] == pytest.approx(efisiensi, abs=0.1), kode


def test_sub_kegiatan_lines(anggaran):
    lines = [s for p in anggaran["program"] for k in p["kegiatan"] for s in k["sub_kegiatan"]]
    assert len(lines) == 40
    for (kode, pagu), expected in LINES.items():
        found = [s for s in lines if s["kode"] == kode and s["pagu"] == pagu]
        assert found, (kode, pagu)
        if expected:
            real, serapan, efisiensi = expected
            assert found[0]["realisasi"] == real
            assert found[0]["serapan"] == pytest.approx(serapan, abs=0.1)
            assert found[0]["efisiensi"] == pytest.approx(efisiensi, abs=0.1)
    # Tabel 3.8: the two 30.000.000 Koordinasi/Sinergi lines, 93,95 % and 82,75 %
    koordinasi = sorted(
        s["serapan"] for s in lines if s["kode"] == "7.01.02.2.03.0001" and s["pagu"] == 30000000
    )
    assert koordinasi == [82.75, 93.95]


def test_ikm_supporting_budget(demo):
    """docs/rules.md §9: the IKM programmes' pagu is Rp 5.824.015.200 (the seed printed the realisasi)."""
    from anggaran.models import Dukungan
    from anggaran.selectors import muat_baris

    lines = muat_baris([demo.id], 2024)[demo.id]
    links = list(Dukungan.objects.filter(instansi=demo, tahun=2024, indikator__kode="IKU1"))
    mine = [b for b in lines if any(d.mencakup(b.sub_kegiatan) for d in links)]
    assert sum(b.pagu for b in mine) == Decimal("5824015200")
    assert sum(b.realisasi for b in mine) == Decimal("5654327020")


def test_cash_plan_quarter_totals_match_tabel_2_4(anggaran):
    assert anggaran["total"]["kas"] == [4828654346, 8000872213, 5709442055, 4920766146]
