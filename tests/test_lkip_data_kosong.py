"""The LKIP of a unit with little data still builds and says plainly what is missing."""

from decimal import Decimal

import pytest

from laporan.lkip import bangun_lkip
from pengukuran.models import Realisasi
from tests.factories import (
    IndikatorFactory,
    InstansiFactory,
    PejabatFactory,
    PerjanjianKinerjaFactory,
    PKIndikatorFactory,
    SasaranFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    ins = InstansiFactory(nama="Kecamatan Uji", kota="Kotauji")
    sas = SasaranFactory(tujuan__renstra__instansi=ins, uraian="Meningkatnya layanan")
    skm = IndikatorFactory(
        sasaran=sas,
        kode="IKU1",
        nama="Indeks Kepuasan Masyarakat",
        satuan="Nilai",
        sumber_realisasi="skm",
        iku=True,
        agregasi="rata-rata",
    )
    kosong = IndikatorFactory(sasaran=sas, kode="IKU2", nama="Persentase Layanan Tepat Waktu", iku=True)
    terisi = IndikatorFactory(
        sasaran=sas, kode="IKU3", nama="Persentase Aduan Selesai", iku=True, agregasi="rata-rata"
    )
    for ind in (skm, kosong, terisi):
        TargetFactory(indikator=ind, tahun=2024, nilai=Decimal(80))
    pk = PerjanjianKinerjaFactory(
        instansi=ins, pihak_pertama=PejabatFactory(instansi=ins, jabatan="Camat Uji")
    )
    for no, ind in enumerate((skm, kosong, terisi), 1):
        PKIndikatorFactory(pk_dokumen=pk, indikator=ind, target=Decimal(80), no=no)
    Realisasi.objects.create(indikator=terisi, tahun=2024, periode="TW1", nilai=Decimal(70))
    Realisasi.objects.create(indikator=terisi, tahun=2024, periode="TW2", nilai=Decimal(90))
    return ins


def test_dokumen_tetap_dibangun_dan_jujur(unit):
    dok = bangun_lkip(unit, 2024)
    teks = dok.semua_teks()
    semua = "\n".join(teks)
    assert "Data SKM tahun 2024 belum tersedia." in teks
    assert (
        "Realisasi Persentase Layanan Tepat Waktu tahun 2024 belum diisi, sehingga capaian terhadap target "
        "80 % belum dapat dihitung."
    ) in teks
    assert "Realisasi Indeks Kepuasan Masyarakat tahun 2024 belum diisi" in semua
    # the IKU with realisasi: average of TW1 and TW2 = 80 → exactly the target
    assert "capaian kinerja 100,0 % atau mencapai target" in semua
    assert "Data realisasi Persentase Aduan Selesai tahun 2023 belum tersedia" in semua
    assert "Anggaran tahun 2024 belum diisi." in teks
    assert "Data pegawai tahun 2024 belum diisi." in teks
    assert "Belum ada nilai pembanding dari unit lain untuk Persentase Aduan Selesai tahun 2024." in teks
    assert "Belum diisi oleh unit." in teks
    assert "Program/kegiatan yang mendukung Persentase Aduan Selesai belum dikaitkan" in semua
    tabel = dok.daftar_tabel()
    assert len(set(tabel)) == len(tabel)
    # "-" in the capaian table for the IKU without realisasi, not a made-up number
    capaian = next(t for t in dok.bab[2].anak[0].isi if hasattr(t, "baris"))
    baris = {b[2]: b for b in capaian.baris}
    assert baris["Persentase Layanan Tepat Waktu"][5:7] == ["-", "-"]


def test_tanpa_pk_dan_tanpa_renstra(db):
    ins = InstansiFactory(nama="Kecamatan Kosong")
    dok = bangun_lkip(ins, 2024)
    teks = dok.semua_teks()
    assert "Perjanjian Kinerja tahun 2024 belum dibuat." in teks
    assert "Renstra yang berlaku pada tahun 2024 belum diisi." in teks
    assert "Pejabat penandatangan (kepala unit) belum diisi pada data organisasi." in teks
    assert dok.daftar_gambar() == []
