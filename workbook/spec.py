"""Declarative description of the workbook: sheets, their columns and column types.

docs/workbook.md documents the same structure for people; tests check the two agree.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from dasar import teks
from organisasi.models import normalise_nip
from rumus.angka import AngkaError, JenisAngka, parse_angka

PERIODE = ("TW1", "TW2", "TW3", "TW4", "S1", "S2", "TAHUN")
PERIODE_ANGGARAN = ("TW1", "TW2", "TW3", "TW4", "TAHUN")
TRIWULAN_RA = ("TW1", "TW2", "TW3", "TW4")  # the periods of a Rencana Aksi
BULAN_RA = tuple(f"B{i:02d}" for i in range(1, 13))  # its months, for a pemda planning per month


BATAS = Decimal(10) ** 15  # largest magnitude a number cell may hold


class CellError(ValueError):
    """A cell value broke a column rule; the message says which rule."""


@dataclass(frozen=True)
class Kolom:
    nama: str
    jenis: str = "teks"  # teks, kode, angka, rupiah, bulat, tahun, pilihan, ya_tidak, tanggal, nip, periode
    wajib: bool = False
    pilihan: tuple[str, ...] = ()
    default: object = None
    desimal: int = 6  # most decimal places accepted (money: 2)
    batas_atas: Decimal | None = None  # largest possible value: resolves "3,144" (rumus.angka)
    maks: int | None = None  # most characters of a text or code: the model field's max_length (below)

    @property
    def jenis_angka(self) -> JenisAngka | None:
        """The number kind of the column (docs/workbook.md, "Number columns"), None if not a number."""
        return JENIS_ANGKA.get(self.jenis)

    def parse(self, raw):
        """Return the typed value of a cell or raise CellError."""
        if raw is None or (isinstance(raw, str) and raw.strip() == ""):
            if self.wajib:
                raise CellError(f"{self.nama} is required")
            return self.default
        j = self.jenis
        if j in ("teks", "kode"):
            if isinstance(raw, float) and raw.is_integer():
                raw = int(raw)
            text = str(raw).strip()
            salah = teks.masalah(text)
            if salah:
                raise CellError(f"{self.nama} {salah}")
            text = teks.bersihkan(text)  # line breaks as \n
            if self.maks and len(text) > self.maks:
                raise CellError(f"{self.nama} is longer than {self.maks} characters ({len(text)})")
            if j == "kode" and not re.fullmatch(r"[\w.\-/]+", text):
                raise CellError(f'{self.nama} must be a code (letters, digits, . - _ /), got "{text}"')
            return text
        if j in ("angka", "rupiah"):
            try:
                number = parse_angka(raw, self.jenis_angka, batas_atas=self.batas_atas)
            except AngkaError as exc:
                raise CellError(f"{self.nama} must be a number, {_reason(exc, raw)}") from None
            if abs(number) >= BATAS:
                raise CellError(
                    f"{self.nama} is too large ({raw}); at most 15 digits before the decimal mark"
                )
            if number != number.quantize(Decimal(1).scaleb(-self.desimal)):
                raise CellError(f"{self.nama} has more than {self.desimal} decimal places ({raw})")
            return number
        if j in ("bulat", "tahun"):
            try:
                number = parse_angka(raw, self.jenis_angka)
            except AngkaError as exc:
                raise CellError(
                    f"{self.nama} must be a whole number (not negative), {_reason(exc, raw)}"
                ) from None
            if number != number.to_integral_value():
                raise CellError(f"{self.nama} must be a whole number, got {raw}")
            value = int(number)
            if j == "tahun" and not 1990 <= value <= 2100:
                raise CellError(f"{self.nama} must be a year between 1990 and 2100, got {value}")
            if j == "bulat" and value < 0:
                raise CellError(f"{self.nama} must not be negative, got {value}")
            return value
        if j in ("pilihan", "periode"):
            text = str(raw).strip()
            for p in self.pilihan:
                if text.lower() == p.lower():
                    return p
            raise CellError(f'{self.nama} must be one of {", ".join(self.pilihan)}; got "{text}"')
        if j == "ya_tidak":
            text = str(raw).strip().lower()
            if text in ("ya", "y", "yes", "true", "1", "iku"):
                return True
            if text in ("tidak", "t", "no", "false", "0", "bukan"):
                return False
            raise CellError(f'{self.nama} must be "ya" or "tidak", got "{raw}"')
        if j == "tanggal":
            if isinstance(raw, dt.datetime):
                return raw.date()
            if isinstance(raw, dt.date):
                return raw
            try:
                return dt.date.fromisoformat(str(raw).strip())
            except ValueError:
                raise CellError(f'{self.nama} must be a date (YYYY-MM-DD), got "{raw}"') from None
        if j == "nip":
            if isinstance(raw, (int, float)):
                raw = f"{int(raw)}"
            digits = normalise_nip(str(raw))
            if len(digits) != 18 or not digits.isdigit():
                raise CellError(f'nip must have 18 digits, got "{raw}" ({len(digits)} characters)')
            return digits
        raise AssertionError(j)  # pragma: no cover


# how each number column reads a text (rumus.angka.JenisAngka; docs/workbook.md "Number columns")
JENIS_ANGKA = {
    "angka": JenisAngka.DESIMAL,
    "rupiah": JenisAngka.RUPIAH,
    "bulat": JenisAngka.CACAH,
    "tahun": JenisAngka.CACAH,
}


def _reason(exc: AngkaError, raw) -> str:
    text = str(exc)
    return text if text.startswith("ambiguous") else f'got "{raw}"'


@dataclass(frozen=True)
class Sheet:
    nama: str
    kolom: tuple[Kolom, ...]
    kunci: tuple[str, ...]
    kolom_map: dict = field(default=None, compare=False, hash=False)

    def __post_init__(self):
        object.__setattr__(self, "kolom_map", {k.nama: k for k in self.kolom})

    @property
    def nama_kolom(self) -> list[str]:
        return [k.nama for k in self.kolom]


def K(nama, jenis="teks", wajib=False, pilihan=(), default=None, desimal=6, batas_atas=None):
    return Kolom(nama, jenis, wajib, tuple(pilihan), default, desimal, batas_atas)


def UANG(nama, wajib=False, default=None):
    """A rupiah amount: at most 2 decimal places; "850,000" is Rp 850.000."""
    return K(nama, "rupiah", wajib=wajib, default=default, desimal=2)


def W(nama, jenis="teks", **kw):
    return K(nama, jenis, wajib=True, **kw)


INSTANSI = W("instansi", "kode")
TAHUN = W("tahun", "tahun")
# Unsur columns: u1..u9 in every scheme, u10..u14 only in the 14-unsur one (KepMenPAN 25/2004); a
# header may name them by code, code and name, or name (rumus.skm.baca_kepala; docs/workbook.md).
UNSUR_SHEETS = ("skm_nrr", "skm_responden")
MAKS_UNSUR = 14
NRR_KOLOM = tuple(
    K(f"u{i}", "angka", wajib=i <= 9, desimal=4, batas_atas=4) for i in range(1, MAKS_UNSUR + 1)
)

SHEETS: tuple[Sheet, ...] = (
    Sheet(
        "pemda",
        (
            W("kode", "kode"),
            W("nama"),
            # blank: a new pemda plans per quarter, a stored one keeps its setting
            K("periode_rencana_aksi", "pilihan", pilihan=("triwulan", "bulan")),
        ),
        ("kode",),
    ),
    Sheet(
        "instansi",
        (
            W("slug", "kode"),
            W("nama"),
            W("pemda", "kode"),
            K(
                "jenis",
                "pilihan",
                pilihan=("kecamatan", "dinas", "badan", "kantor", "sekretariat", "lainnya"),
                default="lainnya",
            ),
            K("kota"),
            K("alamat"),
        ),
        ("slug",),
    ),
    Sheet(
        "subunit",
        (
            INSTANSI,
            W("kode", "kode"),
            W("nama"),
            K(
                "jenis",
                "pilihan",
                pilihan=("kelurahan", "sekretariat", "bagian", "seksi", "subbagian", "bidang", "lainnya"),
                default="lainnya",
            ),
            K("induk", "kode"),
        ),
        ("instansi", "kode"),
    ),
    Sheet(
        "pejabat",
        (
            W("pemda", "kode"),
            W("kode", "kode"),
            W("jabatan"),
            K("instansi", "kode"),
            K("nama"),
            K("pangkat_golongan"),
            K("nip", "nip"),
        ),
        ("pemda", "instansi", "kode"),
    ),
    Sheet(
        "pegawai",
        (
            INSTANSI,
            TAHUN,
            W("kategori"),
            *(
                K(p, "bulat", default=0)
                for p in ("sd", "smp", "sma", "d1", "d2", "d3", "d4", "s1", "s2", "s3")
            ),
        ),
        ("instansi", "tahun", "kategori"),
    ),
    Sheet("layanan", (INSTANSI, W("kode", "kode"), W("nama")), ("instansi", "kode")),
    Sheet(
        "renstra",
        (
            INSTANSI,
            W("kode", "kode"),
            W("nama"),
            W("tahun_awal", "tahun"),
            W("tahun_akhir", "tahun"),
            K("rpjmd", default=""),
        ),
        ("instansi", "kode"),
    ),
    Sheet(
        "tujuan",
        (
            INSTANSI,
            W("renstra", "kode"),
            W("kode", "kode"),
            W("uraian"),
            K("urutan", "bulat", default=0),
            K("tahun_nonaktif", "tahun"),
        ),
        ("instansi", "kode"),
    ),
    Sheet(
        "sasaran",
        (
            INSTANSI,
            W("tujuan", "kode"),
            W("kode", "kode"),
            W("uraian"),
            K("urutan", "bulat", default=0),
            K("tahun_nonaktif", "tahun"),
            K("pemilik", "kode"),
        ),
        ("instansi", "kode"),
    ),
    # the pemda level (rpjmd): the pemda's RPJMD/RPD and its tree, then the unit's links to it
    Sheet(
        "rpjmd",
        (
            W("pemda", "kode"),
            W("kode", "kode"),
            W("jenis", "pilihan", pilihan=("rpjmd", "rpd")),
            W("nama"),
            W("tahun_awal", "tahun"),
            W("tahun_akhir", "tahun"),
            K("visi", default=""),
        ),
        ("pemda", "kode"),
    ),
    Sheet(
        "rpjmd_misi",
        (
            W("pemda", "kode"),
            W("rpjmd", "kode"),
            W("kode", "kode"),
            W("uraian"),
            K("urutan", "bulat", default=0),
        ),
        ("pemda", "rpjmd", "kode"),
    ),
    Sheet(
        "rpjmd_tujuan",
        (
            W("pemda", "kode"),
            W("rpjmd", "kode"),
            W("kode", "kode"),
            W("uraian"),
            K("misi", "kode"),
            K("urutan", "bulat", default=0),
        ),
        ("pemda", "rpjmd", "kode"),
    ),
    Sheet(
        "rpjmd_sasaran",
        (
            W("pemda", "kode"),
            W("rpjmd", "kode"),
            W("tujuan", "kode"),
            W("kode", "kode"),
            W("uraian"),
            K("urutan", "bulat", default=0),
        ),
        ("pemda", "rpjmd", "kode"),
    ),
    Sheet(
        "rpjmd_indikator",
        (
            W("pemda", "kode"),
            W("rpjmd", "kode"),
            W("kode", "kode"),
            W("nama"),
            W("level", "pilihan", pilihan=("tujuan", "sasaran")),
            W("induk", "kode"),
            W("satuan"),
            K("polaritas", "pilihan", pilihan=("positif", "negatif", "rentang"), default="positif"),
            K("formulasi", default=""),
            K("urutan", "bulat", default=0),
        ),
        ("pemda", "rpjmd", "kode"),
    ),
    Sheet(
        "rpjmd_target",
        (
            W("pemda", "kode"),
            W("rpjmd", "kode"),
            W("indikator", "kode"),
            TAHUN,
            K("nilai", "angka", wajib=True),
            K("nilai_atas", "angka"),
        ),
        ("pemda", "rpjmd", "indikator", "tahun"),
    ),
    Sheet(
        "rpjmd_kontribusi",
        (
            INSTANSI,
            W("rpjmd", "kode"),
            W("sasaran_pemda", "kode"),
            W("level", "pilihan", pilihan=("tujuan", "sasaran")),
            W("unsur", "kode"),
            W("uraian"),
        ),
        ("instansi", "rpjmd", "sasaran_pemda", "level", "unsur"),
    ),
    Sheet("program", (W("kode", "kode"), W("nama")), ("kode",)),
    Sheet("kegiatan", (W("kode", "kode"), W("nama")), ("kode",)),
    Sheet("sub_kegiatan", (W("kode", "kode"), W("nama")), ("kode",)),
    Sheet(
        "indikator",
        (
            INSTANSI,
            W("kode", "kode"),
            W("nama"),
            W("level", "pilihan", pilihan=("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")),
            W("induk", "kode"),
            W("satuan"),
            K("formulasi"),
            K("alasan"),
            K("sumber_data"),
            K("polaritas", "pilihan", pilihan=("positif", "negatif", "rentang"), default="positif"),
            K("agregasi", "pilihan", pilihan=("terakhir", "jumlah", "rata-rata"), default="terakhir"),
            K("iku", "ya_tidak", default=False),
            K(
                "sumber_realisasi",
                "pilihan",
                pilihan=("manual", "skm", "akip", "zi", "zona"),
                default="manual",
            ),
            K("penanggung_jawab"),
            K("urutan", "bulat", default=0),
            K("tahun_nonaktif", "tahun"),
            K("jenjang", "kode"),
            K("jenis_hasil", "pilihan", pilihan=("outcome", "output")),
        ),
        ("instansi", "kode"),
    ),
    Sheet(
        "target",
        (INSTANSI, W("indikator", "kode"), TAHUN, W("target", "angka"), K("target_atas", "angka")),
        ("instansi", "indikator", "tahun"),
    ),
    Sheet(
        "pk",
        (
            INSTANSI,
            TAHUN,
            W("versi", "bulat"),
            W("pihak_pertama", "kode"),
            K("pihak_kedua", "kode"),
            K("tanggal", "tanggal"),
            K("status", "pilihan", pilihan=("draft", "ditandatangani"), default="draft"),
            K("keterangan"),
            K("jabatan", "kode"),  # a position's own PK (its official's kode); blank: the unit head's
        ),
        ("instansi", "tahun", "jabatan", "versi"),
    ),
    Sheet(
        "pk_indikator",
        (
            INSTANSI,
            TAHUN,
            W("versi", "bulat"),
            W("indikator", "kode"),
            W("target", "angka"),
            K("target_atas", "angka"),
            K("no", "bulat", default=0),
            K("jabatan", "kode"),
        ),
        ("instansi", "tahun", "jabatan", "versi", "indikator"),
    ),
    Sheet(
        "realisasi",
        (
            INSTANSI,
            W("indikator", "kode"),
            TAHUN,
            W("periode", "periode", pilihan=PERIODE),
            W("nilai", "angka"),
            K("catatan"),
            K("sumber"),
        ),
        ("instansi", "indikator", "tahun", "periode"),
    ),
    Sheet(
        "pembanding",
        (
            INSTANSI,
            W("indikator", "kode"),
            TAHUN,
            W("unit"),
            W("realisasi", "angka"),
            K("target", "angka"),
            K("sumber"),
        ),
        ("instansi", "indikator", "tahun", "unit"),
    ),
    Sheet(
        "anggaran",
        (
            INSTANSI,
            TAHUN,
            W("sub_kegiatan", "kode"),
            K("subunit", "kode"),
            UANG("pagu_murni"),
            UANG("pagu", wajib=True),
            *(UANG(f"kas_tw{i}", default=Decimal(0)) for i in range(1, 5)),
        ),
        ("instansi", "tahun", "sub_kegiatan", "subunit"),
    ),
    Sheet(
        "pagu_program",
        (INSTANSI, TAHUN, W("program", "kode"), UANG("pagu_murni", wajib=True)),
        ("instansi", "tahun", "program"),
    ),
    Sheet(
        "realisasi_anggaran",
        (
            INSTANSI,
            TAHUN,
            W("sub_kegiatan", "kode"),
            K("subunit", "kode"),
            W("periode", "periode", pilihan=PERIODE_ANGGARAN),
            UANG("nilai", wajib=True),
        ),
        ("instansi", "tahun", "sub_kegiatan", "subunit", "periode"),
    ),
    Sheet(
        "dukungan",
        (INSTANSI, TAHUN, W("kode", "kode"), W("indikator", "kode")),
        ("instansi", "tahun", "kode", "indikator"),
    ),
    # the cascade inside a unit (perencanaan.Jenjang), loaded after the budget lines it rests on
    Sheet(
        "jenjang",
        (
            INSTANSI,
            W("kode", "kode"),
            W("level", "pilihan", pilihan=("program", "kegiatan", "sub_kegiatan")),
            W("induk", "kode"),
            W("uraian"),
            K("pemilik", "kode"),
            W("anggaran", "kode"),
            K("urutan", "bulat", default=0),
            K("tahun_nonaktif", "tahun"),
        ),
        ("instansi", "kode"),
    ),
    Sheet(
        "rhk",
        (
            INSTANSI,
            TAHUN,
            W("nama_pegawai"),
            K("nip", "nip"),
            W("jabatan"),
            W("urutan", "bulat"),
            W("uraian"),
            W("indikator_atasan", "kode"),
            W("nama_indikator"),
            K("aspek", "pilihan", pilihan=("kuantitas", "kualitas", "waktu", "biaya"), default="kuantitas"),
            W("target", "angka"),
            W("satuan"),
        ),
        ("instansi", "tahun", "nama_pegawai", "urutan"),
    ),
    # Rencana Aksi (docs/rencana_aksi.md): quarter targets of a PK indicator and its action steps
    Sheet(
        "rencana_aksi",
        (
            INSTANSI,
            W("indikator", "kode"),
            TAHUN,
            W("periode", "periode", pilihan=TRIWULAN_RA + BULAN_RA),
            W("target", "angka"),
        ),
        ("instansi", "indikator", "tahun", "periode"),
    ),
    Sheet(
        "langkah_aksi",
        (
            INSTANSI,
            W("indikator", "kode"),
            TAHUN,
            W("urutan", "bulat"),
            W("periode", "periode", pilihan=TRIWULAN_RA),
            W("uraian"),
            K("penanggung_jawab"),
            K("sub_kegiatan", "kode"),
        ),
        ("instansi", "indikator", "tahun", "urutan"),
    ),
    Sheet(
        "zona",
        (
            INSTANSI,
            W("kode", "kode"),
            W("nama"),
            K("subunit", "kode"),
            K("urutan", "bulat", default=0),
            K("tahun_nonaktif", "tahun"),
        ),
        ("instansi", "kode"),
    ),
    Sheet(
        "zona_penilaian",
        (
            INSTANSI,
            W("zona", "kode"),
            TAHUN,
            K("bulan", "bulat"),
            K("kategori", "pilihan", pilihan=("baik", "cukup", "kurang"), default=""),
            K("catatan"),
        ),
        ("instansi", "zona", "tahun", "bulan"),
    ),
    Sheet(
        "skm_nrr",
        (
            INSTANSI,
            TAHUN,
            W("periode", "periode", pilihan=PERIODE),
            K("layanan", "kode"),
            *NRR_KOLOM,
            K("responden", "bulat"),
        ),
        ("instansi", "tahun", "periode", "layanan"),
    ),
    # raw SKM answers (1–4 per unsur); rows replace the earlier imported rows of the same unit, year and period
    Sheet(
        "skm_responden",
        (
            INSTANSI,
            TAHUN,
            K("periode", "periode", pilihan=PERIODE),
            K("layanan", "kode"),
            K("tanggal_layanan", "tanggal"),
            K("jenis_kelamin", "pilihan", pilihan=("L", "P"), default=""),
            K("umur", "bulat"),
            K("pendidikan", default=""),
            K("pekerjaan", default=""),
            *(K(f"u{i}", "bulat", wajib=i <= 9) for i in range(1, MAKS_UNSUR + 1)),
            K("saran", default=""),
        ),
        ("instansi", "tahun", "periode"),
    ),
    Sheet(
        "evaluasi_nilai",
        (
            INSTANSI,
            TAHUN,
            W("jenis", "pilihan", pilihan=("akip", "zi")),
            W("komponen"),
            K("bobot", "angka", wajib=True, desimal=4, batas_atas=100),
            K("nilai", "angka", wajib=True, desimal=4, batas_atas=100),
            K("no", "bulat", default=0),
        ),
        ("instansi", "tahun", "jenis", "komponen"),
    ),
)

# The model each sheet's rows are stored in: a text or code column named like one of the
# model's character fields is limited to that field's max_length (docs/workbook.md, "Text
# lengths"); columns that only refer to other rows (instansi, induk, indikator …) are looked up.
MODEL = {
    "pemda": "organisasi.Pemda",
    "instansi": "organisasi.Instansi",
    "subunit": "organisasi.SubUnit",
    "pejabat": "organisasi.Pejabat",
    "pegawai": "organisasi.Pegawai",
    "layanan": "organisasi.Layanan",
    "renstra": "perencanaan.Renstra",
    "tujuan": "perencanaan.Tujuan",
    "sasaran": "perencanaan.Sasaran",
    "rpjmd": "rpjmd.Rpjmd",
    "rpjmd_misi": "rpjmd.Misi",
    "rpjmd_tujuan": "rpjmd.TujuanPemda",
    "rpjmd_sasaran": "rpjmd.SasaranPemda",
    "rpjmd_indikator": "rpjmd.IndikatorPemda",
    "rpjmd_target": "rpjmd.TargetPemda",
    "rpjmd_kontribusi": "rpjmd.Kontribusi",
    "program": "anggaran.Program",
    "kegiatan": "anggaran.Kegiatan",
    "sub_kegiatan": "anggaran.SubKegiatan",
    "indikator": "perencanaan.Indikator",
    "target": "perencanaan.Target",
    "pk": "perencanaan.PerjanjianKinerja",
    "pk_indikator": "perencanaan.PKIndikator",
    "realisasi": "pengukuran.Realisasi",
    "pembanding": "pengukuran.NilaiPembanding",
    "anggaran": "anggaran.BarisAnggaran",
    "pagu_program": "anggaran.PaguProgram",
    "realisasi_anggaran": "anggaran.RealisasiAnggaran",
    "dukungan": "anggaran.Dukungan",
    "jenjang": "perencanaan.Jenjang",
    "rhk": "perencanaan.RencanaHasilKerja",
    "rencana_aksi": "perencanaan.TargetTriwulan",
    "langkah_aksi": "perencanaan.LangkahAksi",
    "zona": "zona.Zona",
    "zona_penilaian": "zona.PenilaianZona",
    "skm_nrr": "skm.RingkasanNRR",
    "skm_responden": "skm.Responden",
    "evaluasi_nilai": "evaluasi.NilaiKomponen",
}


def _medan_teks(model, nama: str):
    """The character field ``nama`` of ``model`` (None for a relation or no such field)."""
    from django.core.exceptions import FieldDoesNotExist

    try:
        f = model._meta.get_field(nama)
    except FieldDoesNotExist:
        return None
    return (
        None if f.is_relation or f.get_internal_type() not in ("CharField", "SlugField", "TextField") else f
    )


def _dengan_batas(sheet: Sheet) -> Sheet:
    from dataclasses import replace

    from django.apps import apps

    model = apps.get_model(MODEL[sheet.nama])
    kolom = []
    for k in sheet.kolom:
        f = _medan_teks(model, k.nama) if k.jenis in ("teks", "kode") else None
        kolom.append(replace(k, maks=f.max_length) if f is not None else k)
    return replace(sheet, kolom=tuple(kolom))


SHEETS = tuple(_dengan_batas(s) for s in SHEETS)
SHEET_MAP = {s.nama: s for s in SHEETS}
