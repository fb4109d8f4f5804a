"""factory_boy factories for the domain models."""

from decimal import Decimal

import factory

from anggaran.models import BarisAnggaran, Kegiatan, Program, SubKegiatan
from organisasi.models import Instansi, Pejabat, Pemda, SubUnit
from perencanaan.models import Indikator, PerjanjianKinerja, PKIndikator, Renstra, Sasaran, Target, Tujuan


class PemdaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pemda
        django_get_or_create = ("kode",)

    kode = factory.Sequence(lambda n: f"pemda-{n}")
    nama = factory.Sequence(lambda n: f"Kota Contoh {n}")


class InstansiFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Instansi

    pemda = factory.SubFactory(PemdaFactory)
    slug = factory.Sequence(lambda n: f"unit-{n}")
    nama = factory.Sequence(lambda n: f"Kecamatan Contoh {n}")
    jenis = "kecamatan"


class SubUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubUnit

    instansi = factory.SubFactory(InstansiFactory)
    kode = factory.Sequence(lambda n: f"kel-{n}")
    nama = factory.Sequence(lambda n: f"Kelurahan {n}")
    jenis = "kelurahan"


class PejabatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pejabat

    instansi = factory.SubFactory(InstansiFactory)
    pemda = factory.SelfAttribute("instansi.pemda")
    kode = factory.Sequence(lambda n: f"pejabat-{n}")
    nama = "Nama Pejabat, S.STP."
    jabatan = "Camat"
    nip = "197609131997011001"


class RenstraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Renstra

    instansi = factory.SubFactory(InstansiFactory)
    kode = factory.Sequence(lambda n: f"renstra-{n}")
    nama = "Renstra 2024-2026"
    tahun_awal = 2024
    tahun_akhir = 2026


class TujuanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Tujuan

    renstra = factory.SubFactory(RenstraFactory)
    instansi = factory.SelfAttribute("renstra.instansi")
    kode = factory.Sequence(lambda n: f"T{n}")
    uraian = "Tujuan contoh"


class SasaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sasaran

    tujuan = factory.SubFactory(TujuanFactory)
    instansi = factory.SelfAttribute("tujuan.instansi")
    kode = factory.Sequence(lambda n: f"S{n}")
    uraian = "Sasaran contoh"


class IndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indikator

    sasaran = factory.SubFactory(SasaranFactory)
    instansi = factory.SelfAttribute("sasaran.instansi")
    kode = factory.Sequence(lambda n: f"IK{n}")
    nama = factory.Sequence(lambda n: f"Indikator {n}")
    level = "sasaran"
    satuan = "Persen (%)"
    formulasi = "a / b × 100 %"
    sumber_data = "Laporan"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    indikator = factory.SubFactory(IndikatorFactory)
    tahun = 2024
    nilai = Decimal(80)


class PerjanjianKinerjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PerjanjianKinerja

    instansi = factory.SubFactory(InstansiFactory)
    tahun = 2024
    versi = 1
    pihak_pertama = factory.SubFactory(PejabatFactory, instansi=factory.SelfAttribute("..instansi"))


class PKIndikatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PKIndikator

    pk_dokumen = factory.SubFactory(PerjanjianKinerjaFactory)
    indikator = factory.SubFactory(IndikatorFactory)
    target = Decimal(80)


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program
        django_get_or_create = ("kode",)

    kode = "7.01.01"
    nama = "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"


class KegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kegiatan
        django_get_or_create = ("kode",)

    program = factory.SubFactory(ProgramFactory)
    kode = "7.01.01.2.01"
    nama = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"


class SubKegiatanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubKegiatan
        django_get_or_create = ("kode",)

    kegiatan = factory.SubFactory(KegiatanFactory)
    kode = "7.01.01.2.01.0006"
    nama = "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"


class BarisAnggaranFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BarisAnggaran

    instansi = factory.SubFactory(InstansiFactory)
    tahun = 2024
    sub_kegiatan = factory.SubFactory(SubKegiatanFactory)
    pagu = Decimal(100_000_000)
    kas_tw1 = Decimal(25_000_000)
    kas_tw2 = Decimal(25_000_000)
    kas_tw3 = Decimal(25_000_000)
    kas_tw4 = Decimal(25_000_000)
