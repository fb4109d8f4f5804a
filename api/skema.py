"""The API's request and response shapes (pydantic, through django-ninja): what the OpenAPI
document (``/api/v1/openapi.json``) declares. The figures are JSON numbers, rounded as the query
commands print them (``sakip.cli.angka_json``)."""

from __future__ import annotations

from typing import Annotated, Generic, TypeVar

from ninja import Field, Schema
from pydantic import StrictFloat, StrictInt, StrictStr

Angka = int | float  # a JSON number
# a number sent by an integration: a JSON number, or text in the Indonesian way ("76,5")
AngkaMasuk = Annotated[
    StrictInt | StrictFloat | StrictStr,
    Field(description='Angka JSON (76.5) atau teks cara Indonesia ("76,5"; "Rp 1.250.000").'),
]

T = TypeVar("T")


class Galat(Schema):
    """A refusal: the message in Bahasa Indonesia, shown to people as is."""

    pesan: str
    galat: list[str] = []


class Halaman(Schema, Generic[T]):
    """One page of a list: ``jumlah`` rows in all, ``hasil`` those of page ``halaman``."""

    jumlah: int
    halaman: int
    per_halaman: int
    hasil: list[T]


class PemdaKeluar(Schema):
    kode: str
    nama: str
    tahun_berjalan: int | None


class InstansiKeluar(Schema):
    slug: str
    nama: str
    jenis: str
    pemda: str = Field(description="kode pemda")
    aktif: bool


# --- Renstra ----------------------------------------------------------------------------------


class TargetKeluar(Schema):
    tahun: int
    nilai: Angka
    nilai_atas: Angka | None


class IndikatorKeluar(Schema):
    kode: str
    nama: str
    level: str
    satuan: str
    polaritas: str
    agregasi: str
    iku: bool
    sumber_realisasi: str
    formulasi: str
    target: list[TargetKeluar]


class SasaranKeluar(Schema):
    kode: str
    uraian: str
    indikator: list[IndikatorKeluar]


class TujuanKeluar(Schema):
    kode: str
    uraian: str
    indikator: list[IndikatorKeluar]
    sasaran: list[SasaranKeluar]


class RenstraKeluar(Schema):
    kode: str
    nama: str
    tahun_awal: int
    tahun_akhir: int
    tujuan: list[TujuanKeluar]


class IndikatorTahunKeluar(Schema):
    kode: str
    nama: str
    level: str
    satuan: str
    iku: bool
    sumber_realisasi: str
    target: Angka | None
    target_atas: Angka | None


# --- PK, realisasi, capaian ------------------------------------------------------------------


class PKIndikatorKeluar(Schema):
    no: int
    kode: str
    indikator: str
    satuan: str
    target: Angka
    target_atas: Angka | None


class PKKeluar(Schema):
    instansi: str
    tahun: int
    versi: int
    status: str
    tanggal: str | None
    sha256: str
    indikator: list[PKIndikatorKeluar]


class RealisasiKeluar(Schema):
    kode: str
    periode: str
    nilai: Angka
    status_periode: str = Field(description="draft, diajukan, diverifikasi, dikembalikan, terkunci")
    versi: int


class CapaianBaris(Schema):
    no: int
    sasaran: str
    kode: str
    indikator: str
    satuan: str
    target: Angka | None
    realisasi: Angka | None
    capaian: Angka | None
    kategori: str | None
    status: str | None
    sumber_realisasi: str
    keterangan: str


class CapaianKeluar(Schema):
    instansi: str
    tahun: int
    indikator: list[CapaianBaris] = Field(description="the `capaian --format json` list")
    alasan: str | None = Field(description="why there is no row (no PK, a PK without indicators)")


# --- budget -------------------------------------------------------------------------------------


class SimpulAnggaran(Schema):
    kode: str
    nama: str
    pagu: Angka | None
    realisasi: Angka | None
    serapan: Angka | None
    efisiensi: Angka | None
    kas: list[Angka | None]


class SubKegiatanKeluar(SimpulAnggaran):
    subunit: str | None


class KegiatanKeluar(SimpulAnggaran):
    sub_kegiatan: list[SubKegiatanKeluar]


class ProgramKeluar(SimpulAnggaran):
    pagu_murni: Angka | None
    kegiatan: list[KegiatanKeluar]


class TotalAnggaran(Schema):
    pagu: Angka | None
    realisasi: Angka | None
    serapan: Angka | None
    efisiensi: Angka | None
    kas: list[Angka | None]
    pagu_murni: Angka | None
    jumlah_program: int
    jumlah_kegiatan: int
    jumlah_sub_kegiatan: int


class AnggaranKeluar(Schema):
    """The `anggaran --format json` answer."""

    instansi: str
    tahun: int
    program: list[ProgramKeluar]
    total: TotalAnggaran


class BarisAnggaranKeluar(Schema):
    id: int = Field(description="the line's id: what a budget realisasi write names")
    kode: str
    sub_kegiatan: str
    subunit: str | None
    pagu: Angka
    realisasi: dict[str, Angka] = Field(description="per period (TW1–TW4, TAHUN)")


# --- IKM, AKIP, zones -------------------------------------------------------------------------


class IKMPeriodeKeluar(Schema):
    period: str
    nrr: list[Angka | None]
    ikm_unsur: list[Angka | None]
    mutu_unsur: list[str | None]
    ikm: Angka | None
    mutu: str | None
    respondents: int | None


class IKMTahunKeluar(Schema):
    ikm: Angka | None
    mutu: str | None
    method: str


class IKMKeluar(Schema):
    """The `ikm --format json` answer."""

    periods: list[IKMPeriodeKeluar]
    tahun: IKMTahunKeluar


class KomponenAKIP(Schema):
    nama: str
    bobot: Angka | None
    nilai: Angka | None


class AKIPKeluar(Schema):
    """The `akip --format json` answer."""

    components: list[KomponenAKIP]
    total: Angka | None
    predikat: str
    interpretasi: str
    source: str


class ZonaBaris(Schema):
    kode: str
    nama: str
    kategori: str = Field(description="the latest assessment of the year ('' = not assessed)")


class ZonaKeluar(Schema):
    instansi: str
    tahun: int
    persentase: Angka | None
    tertib: int
    jumlah: int
    zona: list[ZonaBaris]


# --- writes ---------------------------------------------------------------------------------------


class IsianRealisasi(Schema):
    kode: StrictStr = Field(max_length=50, description="the indicator's code in the unit (IKU1)")
    nilai: AngkaMasuk
    analisis_sebab: StrictStr = Field("", max_length=5000)
    analisis_pendukung: StrictStr = Field("", max_length=5000)
    analisis_penghambat: StrictStr = Field("", max_length=5000)
    analisis_tindak_lanjut: StrictStr = Field("", max_length=5000)
    versi: StrictInt | None = Field(
        None, ge=0, description="the versi read before (GET realisasi); none or 0 for a new row"
    )


class TulisRealisasi(Schema):
    isian: list[IsianRealisasi] = Field(min_length=1, max_length=500)


class HasilTulisRealisasi(Schema):
    disimpan: list[str] = Field(description="codes of the indicators whose value changed")
    status_periode: str


class IsianAnggaran(Schema):
    baris: StrictInt = Field(ge=1, description="the budget line's id (GET …/anggaran/{tahun}/baris)")
    nilai: AngkaMasuk


class TulisAnggaran(Schema):
    isian: list[IsianAnggaran] = Field(min_length=1, max_length=5000)


class HasilTulisAnggaran(Schema):
    berubah: int = Field(description="number of lines whose value changed")
    status_periode: str
