"""LKIP content of the demo unit (Bantargebang 2024): every number from the data, verdicts right,
numbering unique, bounded queries (laporan/lkip.py)."""

import pytest

from laporan.dokumen import Gambar, Tabel
from laporan.lkip import bangun_lkip
from rumus.skm import UNSUR

pytestmark = pytest.mark.django_db


@pytest.fixture
def lkip(demo):
    return bangun_lkip(demo, 2024)


@pytest.fixture
def teks(lkip):
    return "\n".join(lkip.semua_teks())


def _kalimat(lkip, *bagian):
    return [t for t in lkip.semua_teks() if all(b in t for b in bagian)]


@pytest.mark.parametrize(
    "angka",
    ["81,18", "97,8", "74,78", "100,8", "58,33", "145,8", "Rp 23.459.734.760", "95,05", "Rp 22.297.765.191"],
)
def test_angka_dari_data(teks, angka):
    assert angka in teks


def test_nama_program_zona_dan_unsur(demo, teks):
    from anggaran.models import Program
    from zona.models import Zona

    programs = Program.objects.filter(kegiatan__sub_kegiatan__baris__instansi=demo).distinct()
    assert programs.count() == 5
    for p in programs:
        assert p.nama in teks
    zones = Zona.objects.filter(instansi=demo)
    assert zones.count() == 12
    for z in zones:
        assert z.nama in teks
    for u in UNSUR:
        assert u in teks


def test_nomor_tabel_dan_gambar_unik(lkip):
    tabel, gambar = lkip.daftar_tabel(), lkip.daftar_gambar()
    assert len(tabel) >= 20 and len(set(tabel)) == len(tabel)
    assert len(gambar) >= 5 and len(set(gambar)) == len(gambar)
    nomor = [t.split(" ")[1] for t in tabel]
    assert len(set(nomor)) == len(nomor)
    assert {"Tabel 1.1", "Tabel 2.1", "Tabel 3.1"} <= {" ".join(t.split(" ")[:2]) for t in tabel}


def test_ikm_belum_mencapai_target(lkip):
    kalimat = _kalimat(lkip, "Target Indeks Kepuasan Masyarakat", "81,18", "97,8 %")
    assert kalimat
    for k in kalimat:
        assert "belum mencapai target" in k
        assert "melampaui" not in k
    # the other two IKU exceed their targets
    assert all("melampaui target" in k for k in _kalimat(lkip, "Target Nilai AKIP", "100,8 %"))
    assert all("melampaui target" in k for k in _kalimat(lkip, "Target Persentase Wilayah", "145,8 %"))


def test_anggaran_pendukung_ikm_pagu_bukan_realisasi(lkip):
    kalimat = _kalimat(lkip, "Program yang mendukung Indeks Kepuasan Masyarakat")
    assert len(kalimat) == 1
    k = kalimat[0]
    assert "pagu anggaran Rp 5.824.015.200" in k
    assert "realisasi Rp 5.654.327.020" in k
    assert "97,09 %" in k


def test_struktur_bab(lkip):
    assert [b.judul for b in lkip.bab] == [
        "PENDAHULUAN",
        "PERENCANAAN KINERJA",
        "AKUNTABILITAS KINERJA",
        "PENUTUP",
    ]
    assert [b.judul for b in lkip.pembuka] == ["Kata Pengantar", "Ikhtisar Eksekutif"]
    assert lkip.sampul is not None and "KECAMATAN BANTARGEBANG" in lkip.sampul.subjudul
    assert lkip.kepala == "Laporan Kinerja Instansi Pemerintah (LKIP) Kecamatan Bantargebang Tahun 2024"
    assert lkip.lampiran and "Perjanjian Kinerja" in lkip.lampiran[0].judul
    analisis = lkip.bab[2].anak[1]
    assert [a.judul for a in analisis.anak] == [
        "Indeks Kepuasan Masyarakat Terhadap Layanan Publik",
        "Nilai AKIP Kecamatan Bantargebang",
        "Persentase Wilayah yang Tertib",
    ]
    for iku in analisis.anak:
        assert any(
            isinstance(x, Tabel) and x.judul.startswith("Target, Realisasi dan Capaian") for x in iku.isi
        )


def test_kata_pengantar_ditandatangani_kepala(lkip):
    from laporan.dokumen import TandaTangan

    ttd = [x for x in lkip.pembuka[0].isi if isinstance(x, TandaTangan)]
    assert len(ttd) == 1
    assert ttd[0].nama == "CECEP MIFTAH FARID, S.STP., M.M."
    assert ttd[0].nip == "NIP. 19760913 199701 1 001"
    assert "Pembina Tingkat I" in ttd[0].pangkat


def test_tabel_pegawai_dan_perbandingan(lkip, teks):
    pegawai = next(t for t in lkip.bab[0].anak[3].isi if isinstance(t, Tabel))
    assert pegawai.baris[-1][0] == "Jumlah" and pegawai.baris[-1][-1] == "146"
    assert "menurun dibanding tahun 2023 (90,74)" in teks  # IKM 2024 vs the 2023 comparison value
    assert "meningkat dibanding tahun 2023 (74,5)" in teks  # AKIP
    assert "Kecamatan Pondokmelati" in teks and "84,94" in teks  # other units (NilaiPembanding)
    assert "7 zona berkategori baik" in teks


def test_teksblok_dipakai(demo):
    from laporan.models import TeksBlok

    TeksBlok.objects.create(
        instansi=demo, tahun=2024, bagian="latar_belakang", teks="Paragraf pertama.\n\nParagraf kedua."
    )
    TeksBlok.objects.create(instansi=demo, tahun=2024, bagian="analisis_IKU1", teks="Ruang tunggu sempit.")
    TeksBlok.objects.create(instansi=demo, tahun=2024, bagian="saran", teks="Saran satu.\r\n\r\nSaran dua.")
    dok = bangun_lkip(demo, 2024)
    teks = dok.semua_teks()
    assert "Saran satu." in teks and "Saran dua." in teks
    assert "Paragraf pertama." in teks and "Paragraf kedua." in teks
    assert "Ruang tunggu sempit." in teks
    assert "Belum diisi oleh unit." in teks  # the other blocks stay honest


def test_analisis_dari_realisasi(demo):
    from pengukuran.models import Realisasi
    from perencanaan.models import Indikator

    ind = Indikator.objects.get(instansi=demo, kode="IKU3")
    Realisasi.objects.create(
        indikator=ind,
        tahun=2024,
        periode="TW4",
        nilai=58,
        analisis_sebab="Patroli rutin",
        analisis_penghambat="PKL kembali berjualan",
    )
    teks = bangun_lkip(demo, 2024).semua_teks()
    # one labelled paragraph per analysis field, under the period's name: never glued together
    i = teks.index("Analisis Triwulan IV")
    assert teks[i + 1 : i + 3] == ["Penyebab: Patroli rutin", "Faktor penghambat: PKL kembali berjualan"]


def test_gambar_adalah_figure(lkip):
    from matplotlib.figure import Figure

    gambar = [x for bab in lkip.bab for bg in lkip._telusur(bab) for x in bg.isi if isinstance(x, Gambar)]
    assert gambar and all(isinstance(g.figure, Figure) for g in gambar)


def test_jumlah_kueri_terbatas(demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(60):
        bangun_lkip(demo, 2024)


def test_kueri_tidak_bertambah_dengan_data(demo):
    """More indicators, targets, budget lines, Dukungan links and comparison values: same query count."""
    from decimal import Decimal

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from anggaran.models import BarisAnggaran, Dukungan, SubKegiatan
    from organisasi.models import SubUnit
    from pengukuran.models import NilaiPembanding, Realisasi
    from perencanaan.models import Indikator, Sasaran, Target

    with CaptureQueriesContext(connection) as awal:
        bangun_lkip(demo, 2024)
    sasaran = Sasaran.objects.filter(instansi=demo).first()
    sub = SubKegiatan.objects.filter(baris__instansi=demo).distinct().first()
    for n in range(5):
        ind = Indikator.objects.create(
            instansi=demo,
            kode=f"X{n}",
            nama=f"Indikator tambahan {n}",
            level="sasaran",
            sasaran=sasaran,
            satuan="Nilai",
            iku=True,
        )
        Target.objects.create(indikator=ind, tahun=2024, nilai=Decimal(10))
        Realisasi.objects.create(indikator=ind, tahun=2023, periode="TAHUN", nilai=Decimal(9))
        NilaiPembanding.objects.create(indikator=ind, tahun=2024, unit="Kecamatan Lain", realisasi=Decimal(8))
        Dukungan.objects.create(instansi=demo, tahun=2024, kode=sub.kode, indikator=ind)
        su = SubUnit.objects.create(instansi=demo, kode=f"tambahan-{n}", nama=f"Unit tambahan {n}")
        BarisAnggaran.objects.create(
            instansi=demo, tahun=2024, sub_kegiatan=sub, subunit=su, pagu=Decimal(1000)
        )
    with CaptureQueriesContext(connection) as akhir:
        bangun_lkip(demo, 2024)
    assert len(akhir) == len(awal)
