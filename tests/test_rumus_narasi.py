"""Narrative sentences (rumus/narasi.py): verdict wording, comparisons, budget sentence."""

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from rumus.capaian import capaian, status_target
from rumus.format import bulat, format_persen, format_rupiah
from rumus.narasi import (
    angka,
    kalimat_anggaran,
    kalimat_banding_tahun,
    kalimat_capaian,
    kalimat_pembanding_unit,
    kalimat_target_akhir,
    nilai_satuan,
)

D = Decimal
nilai = st.decimals(
    min_value=D("0.01"), max_value=D("100000"), places=4, allow_nan=False, allow_infinity=False
)
uang = st.decimals(min_value=D(1), max_value=D("1e13"), places=2, allow_nan=False, allow_infinity=False)


def _kembali(teks: str) -> Decimal:
    return D(teks.replace(".", "").replace(",", "."))


@pytest.mark.parametrize(
    ("v", "teks"),
    [
        ("83", "83"),
        ("74.15", "74,15"),
        ("81.18125", "81,18"),
        ("58.33333", "58,33"),
        ("74.50", "74,5"),
        ("1234.5", "1.234,5"),
        ("0.004", "0"),
    ],
)
def test_angka(v, teks):
    assert angka(D(v)) == teks


@given(nilai)
def test_angka_adalah_nilai_dibulatkan(v):
    assert _kembali(angka(v)) == bulat(v, 2)


def test_nilai_satuan_persen():
    assert nilai_satuan(D("58.3333"), "Persen (%)") == "58,33 %"
    assert nilai_satuan(D("81.18"), "Nilai") == "81,18"
    assert nilai_satuan(None, "Nilai") == "-"


def test_ikm_seed_belum_mencapai_target():
    c = capaian(D(83), D("81.18125"))
    k = kalimat_capaian("Indeks Kepuasan Masyarakat", 2024, D(83), D("81.18125"), c, "Nilai")
    assert k == (
        "Target Indeks Kepuasan Masyarakat tahun 2024 sebesar 83 dengan realisasi 81,18, sehingga "
        "capaian kinerja 97,8 % atau belum mencapai target (kategori Sangat Baik)."
    )


@given(nilai, nilai)
@example(D(80), D(80))
def test_vonis_mengikuti_status_target(target, realisasi):
    c = capaian(target, realisasi)
    k = kalimat_capaian("X", 2024, target, realisasi, c)
    assert f"atau {status_target(c)} (" in k
    assert format_persen(c) in k
    # the three verdicts exclude each other
    assert (
        sum(v in k for v in ("atau melampaui target", "atau mencapai target", "atau belum mencapai target"))
        == 1
    )


def test_kalimat_capaian_data_kurang():
    assert "belum diisi" in kalimat_capaian("X", 2024, D(80), None, None)
    assert "belum ditetapkan" in kalimat_capaian("X", 2024, None, D(1), None)
    assert "tidak dapat dihitung" in kalimat_capaian("X", 2024, D(0), D(1), None)


@given(nilai, nilai)
def test_banding_tahun_arah(kini, lalu):
    k = kalimat_banding_tahun("X", 2024, kini, [(2023, lalu)])
    if kini > lalu:
        assert "meningkat dibanding tahun 2023" in k and "lebih baik" in k
    elif kini < lalu:
        assert "menurun dibanding tahun 2023" in k and "lebih buruk" in k
    else:
        assert "sama dengan tahun 2023" in k
    kn = kalimat_banding_tahun("X", 2024, kini, [(2023, lalu)], "negatif")
    if kini < lalu:
        assert "menurun" in kn and "lebih baik" in kn
    elif kini > lalu:
        assert "meningkat" in kn and "lebih buruk" in kn


def test_banding_tahun_data_kosong():
    assert "tahun 2023 belum tersedia" in kalimat_banding_tahun("X", 2024, D(1), [(2023, None)])
    k = kalimat_banding_tahun("IKM", 2024, D("81.18"), [(2023, D("90.74")), (2022, None)])
    assert k == (
        "Realisasi IKM tahun 2024 sebesar 81,18 menurun dibanding tahun 2023 (90,74), lebih buruk. "
        "Data tahun 2022 belum tersedia."
    )
    assert "belum diisi" in kalimat_banding_tahun("X", 2024, None, [(2023, D(1))])


def test_target_akhir():
    k = kalimat_target_akhir(
        "Persentase Wilayah yang Tertib",
        2024,
        D(7) / D(12) * 100,
        D(60),
        2026,
        capaian(D(60), D(7) / D(12) * 100),
        "Persen (%)",
    )
    assert "target akhir Renstra tahun 2026 sebesar 60 %" in k
    assert "58,33 %" in k and "97,2 %" in k and "belum mencapai target akhir Renstra" in k
    assert "belum ditetapkan" in kalimat_target_akhir("X", 2024, D(1), None, None, None)


@given(nilai, st.lists(nilai, min_size=1, max_size=6))
def test_pembanding_peringkat(kini, lain):
    k = kalimat_pembanding_unit("Unit", "X", 2024, kini, [(f"U{i}", v) for i, v in enumerate(lain)])
    peringkat = 1 + sum(1 for v in lain if v > kini)
    assert f"peringkat {peringkat} dari {len(lain) + 1}" in k
    assert f"lebih baik dari {sum(1 for v in lain if v < kini)} unit" in k


def test_pembanding_kosong():
    assert kalimat_pembanding_unit("U", "X", 2024, D(1), []).startswith("Belum ada nilai pembanding")


@given(uang, uang)
def test_anggaran_pagu_dan_realisasi_tidak_tertukar(pagu, realisasi):
    k = kalimat_anggaran("Program", pagu, realisasi)
    assert f"pagu anggaran {format_rupiah(pagu)} dengan realisasi {format_rupiah(realisasi)}" in k
    assert f"serapan {format_persen(realisasi / pagu * 100, 2)}" in k


def test_anggaran_seed_ikm():
    k = kalimat_anggaran("Program pendukung IKM", D("5824015200"), D("5654327020"))
    assert k == (
        "Program pendukung IKM memiliki pagu anggaran Rp 5.824.015.200 dengan realisasi Rp 5.654.327.020 "
        "(serapan 97,09 %, tingkat efisiensi 2,91 %)."
    )
    assert "belum memiliki pagu" in kalimat_anggaran("P", D(0), D(0))
