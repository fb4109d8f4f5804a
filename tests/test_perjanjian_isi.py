"""Perjanjian Kinerja document content (laporan/perjanjian.py)."""

import pytest

from laporan.dokumen import DuaTandaTangan, Tabel
from laporan.perjanjian import bangun_perjanjian

pytestmark = pytest.mark.django_db


def _semua(dok, jenis):
    return [x for bg in (*dok.pembuka, *dok.lampiran) for x in bg.isi if isinstance(x, jenis)]


def test_pernyataan_dua_pihak(demo):
    dok = bangun_perjanjian(demo, 2024)
    teks = "\n".join(dok.semua_teks())
    assert "Perjanjian Kinerja Kecamatan Bantargebang Tahun 2024" == dok.judul
    assert "PIHAK PERTAMA" in teks and "PIHAK KEDUA" in teks
    assert "Nama: CECEP MIFTAH FARID, S.STP., M.M." in teks
    assert "Jabatan: Camat Bantargebang" in teks
    assert "Jabatan: Penjabat Wali Kota Bekasi" in teks  # the pemda's official (Pejabat without instansi)
    assert "Draf" not in teks  # the demo PK is signed


def test_tanda_tangan_dua_pihak(demo):
    dok = bangun_perjanjian(demo, 2024)
    ttd = _semua(dok, DuaTandaTangan)
    assert ttd
    t = ttd[0]
    assert "PIHAK KEDUA" in t.kiri.jabatan and "Wali Kota" in t.kiri.jabatan
    assert "PIHAK PERTAMA" in t.kanan.jabatan and "Camat" in t.kanan.jabatan
    assert t.kanan.nama == "CECEP MIFTAH FARID, S.STP., M.M."
    assert t.kanan.nip == "NIP. 19760913 199701 1 001"
    assert t.kanan.pangkat == "Pembina Tingkat I (IV/b)"
    assert t.kanan.tempat_tanggal.startswith("Bantargebang, ")
    assert t.kiri.nama == "(nama belum diisi)"  # the demo data has no name for the Wali Kota: said so


def test_lampiran_sasaran_dan_program(demo):
    dok = bangun_perjanjian(demo, 2024)
    tabel = _semua(dok, Tabel)
    assert len(tabel) == 2
    sasaran, program = tabel
    assert sasaran.kepala[0] == ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]
    assert [b[2] for b in sasaran.baris] == [
        "Indeks Kepuasan Masyarakat Terhadap Layanan Publik",
        "Nilai AKIP Kecamatan Bantargebang",
        "Persentase Wilayah yang Tertib",
    ]
    assert [b[4] for b in sasaran.baris] == ["83", "74,15", "40 %"]
    assert program.kepala[0] == ["No", "Program", "Anggaran (Rp)"]
    assert len(program.baris) == 6
    assert program.baris[-1] == ["Jumlah", "", "Rp 23.459.734.760"]
    assert any("Penyelenggaraan Pemerintahan dan Pelayanan Publik" in b[1] for b in program.baris)


def test_draf_dan_pihak_kedua_pk(demo):
    from organisasi.models import Pejabat
    from perencanaan.models import PerjanjianKinerja, PKIndikator

    lama = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024, versi=1)
    atasan = Pejabat.objects.create(
        pemda=demo.pemda, kode="sekda", nama="Nama Atasan", jabatan="Sekretaris Daerah"
    )
    baru = PerjanjianKinerja.objects.create(
        instansi=demo, tahun=2025, versi=1, pihak_pertama=lama.pihak_pertama, pihak_kedua=atasan
    )
    ind = lama.indikator.first().indikator
    PKIndikator.objects.create(pk_dokumen=baru, indikator=ind, target=84, no=1)
    dok = bangun_perjanjian(demo, 2025)
    teks = "\n".join(dok.semua_teks())
    assert "Draf: Perjanjian Kinerja ini belum ditandatangani." in teks
    assert "Nama: Nama Atasan" in teks and "Jabatan: Sekretaris Daerah" in teks
    assert "Anggaran tahun 2025 belum diisi." in teks


def test_tanpa_pk(demo):
    dok = bangun_perjanjian(demo, 2030)
    assert "Perjanjian Kinerja Kecamatan Bantargebang tahun 2030 belum dibuat." in dok.semua_teks()
    assert not dok.lampiran
