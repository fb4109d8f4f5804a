"""Write workbooks in the documented format (used by export_workbook and build_demo)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from dasar.xlsx import aman_ditulis

from .spec import JENIS_ANGKA, SHEETS

NUMERIC = set(JENIS_ANGKA)  # number columns go in as numeric cells


def cell_value(jenis: str, value):
    """Typed value → what goes in the cell: numbers as numeric cells, booleans as ya/tidak."""
    if value is None or value == "":
        return None
    if jenis in NUMERIC:
        d = value if isinstance(value, Decimal) else Decimal(str(value))
        return int(d) if d == d.to_integral_value() else float(d.normalize())
    if jenis == "ya_tidak":
        return "ya" if value else "tidak"
    if jenis == "tanggal":
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return str(value)


OPSIONAL_KOSONG = {f"u{i}" for i in range(10, 15)}


def tulis(data: dict[str, list[dict]], path) -> None:
    """Write the sheets present in ``data`` (in the documented order), header first."""
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for spec in SHEETS:
        if spec.nama not in data:
            continue
        ws = wb.create_sheet(spec.nama)
        # a column that is optional and empty in every row is left out: u10..u14 of the SKM sheets
        # hold values only in the 14-unsur scheme
        kolom = [
            k
            for k in spec.kolom
            if k.nama not in OPSIONAL_KOSONG or any(row.get(k.nama) is not None for row in data[spec.nama])
        ]
        ws.append([k.nama for k in kolom])
        for c in ws[1]:
            c.font = bold
        for row in data[spec.nama]:
            ws.append([cell_value(k.jenis, row.get(k.nama)) for k in kolom])
            if any(k.jenis == "tanggal" for k in kolom):
                for k_i, k in enumerate(kolom, start=1):
                    if k.jenis == "tanggal":
                        ws.cell(ws.max_row, k_i).number_format = "yyyy-mm-dd"
        for i, k in enumerate(kolom, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(10, min(50, len(k.nama) + 4))
        ws.freeze_panes = "A2"
    wb.properties.creator = "SAKIP"
    wb.properties.created = dt.datetime(2000, 1, 1)
    wb.properties.modified = dt.datetime(2000, 1, 1)
    aman_ditulis(wb)  # text like =1+1 stays text (docs/workbook.md)
    wb.save(path)


# What each sheet holds, for the instructions sheet of the empty template (docs/workbook.md has
# the full rules).
URAIAN_LEMBAR = {
    "pemda": "Pemerintah daerah: kode dan nama (hanya dibaca; harus sama dengan yang tersimpan).",
    "instansi": "Unit (perangkat daerah): slug, nama, pemda, jenis, kota, alamat (hanya dibaca).",
    "subunit": "Sub-unit: kelurahan, sekretariat, seksi … dengan kodenya; induk = kode sub-unit lain.",
    "pejabat": "Pejabat penanda tangan: kode unik di unit (misalnya camat), jabatan, nama, pangkat, NIP 18 angka.",
    "pegawai": "Jumlah pegawai per kategori dan pendidikan (Tabel 1.1).",
    "layanan": "Layanan publik unit (kode, nama), dipakai SKM.",
    "renstra": "Periode Renstra: tahun awal dan akhir (paling lama lima tahun) dan RPJMD/RPD yang diikuti.",
    "tujuan": "Tujuan Renstra (kode renstra, kode tujuan, uraian).",
    "sasaran": "Sasaran (kode tujuan, kode sasaran, uraian).",
    "rpjmd": "RPJMD/RPD pemda: kode, jenis (rpjmd, rpd), nama, periode, visi (hanya admin pemda yang dapat mengubahnya).",
    "rpjmd_misi": "Misi RPJMD: kode dan uraian (RPD boleh tanpa misi).",
    "rpjmd_tujuan": "Tujuan pemda: kode, uraian, misi (kosong bila tanpa misi).",
    "rpjmd_sasaran": "Sasaran pemda: kode tujuan pemda, kode sasaran, uraian.",
    "rpjmd_indikator": "Indikator pemda: kode, nama, tingkat (tujuan, sasaran), induk, satuan, polaritas.",
    "rpjmd_target": "Target tahunan indikator pemda dalam periode RPJMD/RPD.",
    "rpjmd_kontribusi": "Tujuan/sasaran Renstra unit yang mendukung sasaran pemda, dengan kontribusinya.",
    "program": "Nomenklatur program nasional (hanya dibaca), contoh 7.01.02.",
    "kegiatan": "Nomenklatur kegiatan nasional (hanya dibaca), contoh 7.01.02.2.01.",
    "sub_kegiatan": "Nomenklatur sub-kegiatan nasional (hanya dibaca), contoh 7.01.02.2.01.0001.",
    "indikator": "Indikator kinerja: level, induk, satuan, polaritas (positif — makin tinggi makin baik, "
    "contoh IKM; negatif — makin rendah makin baik), agregasi, IKU, sumber realisasi.",
    "target": "Target indikator per tahun Renstra (angka; target_atas hanya untuk polaritas rentang).",
    "pk": "Perjanjian Kinerja per tahun dan versi: pihak pertama dan kedua (kode pejabat), status.",
    "pk_indikator": "Target indikator dalam Perjanjian Kinerja.",
    "realisasi": "Realisasi indikator per periode (TW1–TW4, S1, S2, TAHUN).",
    "pembanding": "Nilai unit lain yang dipublikasikan, sebagai pembanding.",
    "anggaran": "Baris anggaran (DPA): sub-kegiatan per sub-unit, pagu murni, pagu, anggaran kas TW1–TW4.",
    "pagu_program": "Pagu murni per program, untuk tahun yang hanya diketahui per program.",
    "realisasi_anggaran": "Realisasi anggaran per baris dan triwulan.",
    "dukungan": "Kode program/kegiatan/sub-kegiatan yang mendukung sebuah indikator.",
    "jenjang": "Jenjang kinerja di bawah sasaran strategis: sasaran program (induk = kode sasaran, "
    "anggaran = kode program), sasaran kegiatan dan output sub kegiatan (induk = kode jenjang di atasnya), "
    "pemilik = kode pejabat unit.",
    "rhk": "Rencana hasil kerja (RHK) pegawai per tahun: indikator, target, dan indikator atasan yang diintervensi.",
    "rencana_aksi": "Rencana Aksi: target indikator PK per triwulan (TW1–TW4), mengikuti agregasinya.",
    "langkah_aksi": "Rencana Aksi: langkah per triwulan (urutan, uraian, penanggung jawab, sub-kegiatan DPA).",
    "zona": "Zona tertib: kode, nama, sub-unit, urutan, tahun_nonaktif.",
    "zona_penilaian": "Penilaian zona per bulan (baik, cukup, kurang); bulan kosong = rekap tahun.",
    "skm_nrr": "NRR SKM per periode dan layanan (u1–u9, 1–4).",
    "skm_responden": "Jawaban kuesioner SKM dari kertas (satu baris per responden).",
    "evaluasi_nilai": "Nilai komponen evaluasi (LHE) dari luar sistem.",
}
ISIAN = {
    "teks": "teks",
    "kode": "kode (huruf, angka, . - _ /)",
    "angka": "angka, contoh 97,8 atau 1.250",
    "rupiah": "rupiah, contoh 8.500.000.000",
    "bulat": "bilangan bulat, tidak negatif",
    "tahun": "tahun, contoh 2025",
    "ya_tidak": "ya atau tidak",
    "tanggal": "tanggal TTTT-BB-HH, contoh 2025-01-10",
    "nip": "NIP 18 angka, spasi boleh",
}
# (sheet, column) -> the list of codes it is validated against (exporter.kode_templat); a column
# named like a list in any sheet uses it, except the sheet's own key
DAFTAR_KOLOM = {
    ("subunit", "induk"): "subunit",
    ("tujuan", "renstra"): "renstra",
    ("sasaran", "tujuan"): "tujuan",
    ("zona_penilaian", "zona"): "zona",
    ("pk", "pihak_pertama"): "pejabat",
    ("pk", "pihak_kedua"): "pejabat",
    ("anggaran", "sub_kegiatan"): "sub_kegiatan",
    ("realisasi_anggaran", "sub_kegiatan"): "sub_kegiatan",
    ("pagu_program", "program"): "program",
    ("dukungan", "kode"): "anggaran_kode",
    ("sasaran", "pemilik"): "pejabat",
    # the pemda-level sheets refer to the pemda's plans, not to the unit's Renstra
    ("rpjmd_misi", "rpjmd"): "rpjmd",
    ("rpjmd_tujuan", "rpjmd"): "rpjmd",
    ("rpjmd_sasaran", "rpjmd"): "rpjmd",
    ("rpjmd_sasaran", "tujuan"): "rpjmd_tujuan",
    ("rpjmd_indikator", "rpjmd"): "rpjmd",
    ("rpjmd_target", "rpjmd"): "rpjmd",
    ("rpjmd_target", "indikator"): "rpjmd_indikator",
    ("rpjmd_kontribusi", "rpjmd"): "rpjmd",
    ("rpjmd_kontribusi", "sasaran_pemda"): "rpjmd_sasaran",
    ("jenjang", "pemilik"): "pejabat",
    ("jenjang", "anggaran"): "anggaran_kode",
    ("indikator", "jenjang"): "jenjang",
    ("rhk", "indikator_atasan"): "indikator",
    ("langkah_aksi", "sub_kegiatan"): "sub_kegiatan",
}
DAFTAR_UMUM = ("instansi", "pemda", "indikator", "subunit", "layanan")
BARIS_VALIDASI = 2000  # rows of each sheet the validation lists cover


def _daftar_kolom(sheet: str, kolom: str) -> str | None:
    if (sheet, kolom) in DAFTAR_KOLOM:
        return DAFTAR_KOLOM[(sheet, kolom)]
    if kolom in DAFTAR_UMUM and not (sheet == kolom or (sheet == "pemda" and kolom == "kode")):
        return kolom
    return None


def tulis_templat(kode: dict[str, list[str]], out) -> None:
    """The empty template: first the instructions sheet "Petunjuk" (in Indonesian: the rules, every
    sheet and column), then every sheet of the format with its header only, each column with a
    data validation: choices and yes/no as lists, years and counts as whole numbers, references
    as lists of the codes in ``kode`` (exporter.kode_templat), kept on the hidden sheet
    ``_daftar`` (the import skips sheets starting with _ and the Petunjuk sheet)."""
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    petunjuk = wb.active
    petunjuk.title = "Petunjuk"
    bold = Font(bold=True)
    for baris in (
        ["Petunjuk pengisian workbook SAKIP"],
        [],
        ["1. Setiap lembar berisi satu tabel; baris 1 adalah nama kolom (jangan diubah)."],
        ["2. Isi mulai baris 2. Baris kosong dilewati. Lembar yang tidak dipakai boleh dibiarkan kosong."],
        [
            "3. Kolom bertanda 'wajib' harus diisi. Kode yang dirujuk (indikator, sub-unit …) "
            "dapat dipilih dari daftar di sel."
        ],
        ["4. Angka boleh ditulis cara Indonesia: 8.500.000.000 atau 97,8. Tanggal: TTTT-BB-HH."],
        [
            "5. Unggah di halaman Workbook unit: sistem memeriksa dulu (uji coba) dan menampilkan setiap "
            "masalah sebagai lembar!sel: pesan beserta jumlah baris baru, diubah dan tetap."
        ],
        [
            "6. Data baru tersimpan hanya setelah Anda menekan 'Terapkan'; bila ada satu masalah, "
            "tidak ada yang disimpan."
        ],
        ["7. Lembar ini dan lembar yang namanya diawali _ tidak dibaca saat diunggah."],
        [],
        ["Lembar", "Kolom", "Wajib", "Isian", "Keterangan"],
    ):
        petunjuk.append(baris)
    petunjuk["A1"].font = Font(bold=True, size=14)
    for c in petunjuk[petunjuk.max_row]:
        c.font = bold
    for spec in SHEETS:
        for i, k in enumerate(spec.kolom):
            if k.jenis in ("pilihan", "periode"):
                isian = "salah satu dari: " + ", ".join(k.pilihan)
            else:
                isian = ISIAN[k.jenis]
            if k.default not in (None, "") and not k.wajib:
                isian += f" (kosong = {cell_value(k.jenis, k.default)})"
            petunjuk.append(
                [
                    spec.nama,
                    k.nama,
                    "wajib" if k.wajib else "",
                    isian,
                    URAIAN_LEMBAR[spec.nama] if i == 0 else "",
                ]
            )
    for kol, lebar in zip("ABCDE", (20, 22, 8, 48, 90), strict=True):
        petunjuk.column_dimensions[kol].width = lebar
    for row in petunjuk.iter_rows(min_row=12):
        row[4].alignment = Alignment(wrap_text=True, vertical="top")
    petunjuk.freeze_panes = "A12"

    daftar = wb.create_sheet("_daftar")
    kolom_daftar: dict[str, str] = {}
    for nama, nilai in kode.items():
        if not nilai:
            continue
        j = len(kolom_daftar) + 1
        huruf = get_column_letter(j)
        daftar.cell(1, j, nama).font = bold
        for n, v in enumerate(nilai, start=2):
            daftar.cell(n, j, v)
        kolom_daftar[nama] = f"'_daftar'!${huruf}$2:${huruf}${len(nilai) + 1}"
    daftar.sheet_state = "hidden"

    for spec in SHEETS:
        ws = wb.create_sheet(spec.nama)
        ws.append([k.nama for k in spec.kolom])
        for c in ws[1]:
            c.font = bold
        for i, k in enumerate(spec.kolom, start=1):
            huruf = get_column_letter(i)
            ws.column_dimensions[huruf].width = max(10, min(50, len(k.nama) + 4))
            dv = None
            if k.jenis in ("pilihan", "periode"):
                dv = DataValidation(type="list", formula1='"' + ",".join(k.pilihan) + '"')
            elif k.jenis == "ya_tidak":
                dv = DataValidation(type="list", formula1='"ya,tidak"')
            elif k.jenis == "tahun":
                dv = DataValidation(type="whole", operator="between", formula1="1990", formula2="2100")
            elif k.jenis == "bulat":
                dv = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0")
            else:
                nama_daftar = _daftar_kolom(spec.nama, k.nama)
                if nama_daftar in kolom_daftar:
                    # a warning only: a code added in another sheet of the same file is not listed yet
                    dv = DataValidation(type="list", formula1=kolom_daftar[nama_daftar], errorStyle="warning")
            if dv is None:
                continue
            dv.allow_blank = not k.wajib
            dv.error = f"Isian kolom {k.nama} tidak sah: {ISIAN.get(k.jenis, 'pilih dari daftar')}."
            dv.errorTitle = "Isian tidak sah"
            dv.showErrorMessage = True
            ws.add_data_validation(dv)
            dv.add(f"{huruf}2:{huruf}{BARIS_VALIDASI}")
        ws.freeze_panes = "A2"
    wb.properties.creator = "SAKIP"
    aman_ditulis(wb)
    wb.save(out)


def isi(path) -> dict[str, list[list]]:
    """Cell values of every sheet (for content comparisons)."""
    from openpyxl import load_workbook

    from dasar.xlsx import cek_berkas

    cek_berkas(path)  # every .xlsx read is checked first (dasar/xlsx.py)
    wb = load_workbook(path, read_only=True, data_only=True)
    out = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    wb.close()
    return out
