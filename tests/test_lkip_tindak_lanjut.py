"""LKIP BAB IV lists the follow-up of recommendations from earlier final evaluations."""

import pytest

from laporan.lkip import bangun_lkip
from tests.evaluasi_bantu import evaluasi_final

pytestmark = pytest.mark.django_db


def _bab_iv(dok):
    bab = dok.bab[-1]
    assert bab.judul == "PENUTUP"
    return bab.anak[-1]


def test_tanpa_rekomendasi_dikatakan_terus_terang(demo):
    bag = _bab_iv(bangun_lkip(demo, 2024))
    assert bag.judul == "Tindak Lanjut Rekomendasi Hasil Evaluasi"
    assert "Belum ada rekomendasi hasil evaluasi sebelum tahun 2024" in bag.isi[0].teks


def test_rekomendasi_tahun_lalu_masuk_bab_iv(pengguna_demo, demo):
    evaluasi_final(pengguna_demo, demo, tahun=2023)
    dok = bangun_lkip(demo, 2024)
    bag = _bab_iv(dok)
    tabel = bag.isi[1]
    assert tabel.baris[0][1:4] == [
        "Evaluasi AKIP 2023",
        "Perbaiki analisis capaian kinerja",
        "Sekretaris Kecamatan",
    ]
    assert tabel.baris[0][4] == "31 Maret 2024"
    assert "Terdapat 1 rekomendasi" in bag.isi[0].teks
    assert len(set(dok.daftar_tabel())) == len(dok.daftar_tabel())
