"""The open data files of the portal (docs/portal.md, "Open data"): CSV (one file per table, the
data dictionary as a separate ``kamus.json``), JSON (the tables and the dictionary in one object)
and XLSX (a sheet per table and a ``kamus`` sheet). Written from the data of
``portal.selectors`` as it is: the same numbers as the pages and the query commands.

Text that a spreadsheet would read as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return: ``dasar.xlsx.AWAL_RUMUS``) is neutralised: in the CSV it is prefixed with
an apostrophe (OWASP "CSV injection"), in the XLSX it is stored as a text cell with the
quote-prefix style (``dasar.xlsx.aman_ditulis``, as every workbook the project writes). Numbers
are numbers (a negative number is not text and is never prefixed).
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from django.utils.translation import gettext as _

from dasar.xlsx import AWAL_RUMUS, aman_ditulis

TABEL = ("dokumen", "capaian", "ikm", "akip", "anggaran")


def kamus() -> dict:
    """The data dictionary: per table, what it holds and what each column means (in the active
    language)."""
    unit = _("slug unit (instansi) pemilik baris")
    tahun = _("tahun anggaran/kinerja")
    return {
        "dokumen": {
            "keterangan": _(
                "Dokumen yang diterbitkan: LKIP terbitan dan Perjanjian Kinerja yang ditandatangani"
            ),
            "kolom": {
                "instansi": unit,
                "jenis": _("LKIP atau PK"),
                "tahun": tahun,
                "versi": _("nomor versi terbitan LKIP, atau versi PK (1 = PK awal, 2 = PK Perubahan ke-1)"),
                "tanggal": _("tanggal terbit atau tanggal penandatanganan (ISO 8601, TTTT-BB-HH)"),
                "sha256": _("kode verifikasi SHA-256 isi dokumen yang dibekukan"),
                "format": _("format berkas yang dapat diunduh, dipisah |"),
            },
        },
        "capaian": {
            "keterangan": _("Capaian indikator Perjanjian Kinerja yang ditandatangani, per tahun"),
            "kolom": {
                "instansi": unit,
                "tahun": tahun,
                "no": _("nomor urut indikator dalam Perjanjian Kinerja"),
                "kode": _("kode indikator"),
                "indikator": _("nama indikator"),
                "iku": _("true bila Indikator Kinerja Utama (IKU)"),
                "satuan": _("satuan indikator"),
                "target": _("target dalam Perjanjian Kinerja"),
                "realisasi": _("realisasi tahun itu (2 desimal)"),
                "capaian": _("capaian dalam persen menurut polaritas indikator (1 desimal)"),
                "kategori": _("kategori capaian"),
                "status": _("status terhadap target"),
                "sumber_realisasi": _("asal realisasi: manual, skm, akip, zi atau zona"),
            },
        },
        "ikm": {
            "keterangan": _("Indeks Kepuasan Masyarakat per periode survei dan per tahun (periode TAHUN)"),
            "kolom": {
                "instansi": unit,
                "tahun": tahun,
                "periode": _("periode survei (TW1–TW4, S1, S2) atau TAHUN"),
                "ikm": _("nilai IKM 25–100 (2 desimal)"),
                "mutu": _("mutu pelayanan A–D"),
                "responden": _("jumlah responden; kosong bila hanya ringkasan NRR yang diimpor"),
            },
        },
        "akip": {
            "keterangan": _("Hasil evaluasi AKIP yang final (LKE final atau nilai LHE yang diimpor)"),
            "kolom": {
                "instansi": unit,
                "tahun": tahun,
                "nilai": _("nilai hasil evaluasi 0–100 (2 desimal)"),
                "predikat": _("predikat AKIP (AA, A, BB, B, CC, C, D)"),
                "interpretasi": _("arti predikat"),
                "sumber": _("lke (evaluasi dalam aplikasi) atau imported (nilai LHE yang diimpor)"),
            },
        },
        "anggaran": {
            "keterangan": _("Pagu, realisasi dan serapan anggaran per program; baris TOTAL untuk unit"),
            "kolom": {
                "instansi": unit,
                "tahun": tahun,
                "kode": _("kode program menurut nomenklatur (kosong pada baris TOTAL)"),
                "program": _("nama program, atau TOTAL"),
                "pagu": _("pagu anggaran dalam rupiah"),
                "realisasi": _("realisasi anggaran dalam rupiah"),
                "serapan": _("serapan: realisasi / pagu × 100 (persen, 2 desimal)"),
            },
        },
    }


def _nilai(v):
    if isinstance(v, list):
        return "|".join(str(x) for x in v)
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    return v


def aman_csv(v) -> str:
    """A cell of the CSV: text starting like a formula gets a leading apostrophe."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return "'" + v if v.startswith(AWAL_RUMUS) else v
    return str(_nilai(v))


def kolom(tabel: str) -> list[str]:
    return list(kamus()[tabel]["kolom"])


def ke_csv(data: dict, tabel: str) -> bytes:
    """One table as CSV (UTF-8 with a byte-order mark, comma separated, dot decimals)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    nama = kolom(tabel)
    w.writerow(nama)
    for baris in data[tabel]:
        w.writerow([aman_csv(_nilai(baris.get(k))) for k in nama])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _json_bawaan(v):
    if isinstance(v, Decimal):
        return _nilai(v)
    raise TypeError(type(v))


def ke_json(data: dict) -> bytes:
    """The data and its dictionary in one JSON object."""
    keluaran = {**data, "kamus": kamus()}
    return json.dumps(keluaran, ensure_ascii=False, indent=2, default=_json_bawaan).encode("utf-8")


def kamus_json(data: dict) -> bytes:
    """The dictionary of the CSV files, with the tables' file names."""
    return json.dumps(
        {"format": data.get("format"), "tabel": {t: f"{t}.csv" for t in TABEL}, "kamus": kamus()},
        ensure_ascii=False,
        indent=2,
    ).encode("utf-8")


def ke_xlsx(data: dict) -> bytes:
    """A sheet per table and a ``kamus`` sheet (table, column, meaning)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    k = kamus()
    for tabel in TABEL:
        ws = wb.create_sheet(tabel)
        nama = list(k[tabel]["kolom"])
        ws.append(nama)
        for baris in data[tabel]:
            ws.append([_nilai(baris.get(c)) for c in nama])
    ws = wb.create_sheet("kamus")
    ws.append(["tabel", "kolom", "arti"])
    for tabel in TABEL:
        ws.append([tabel, "", k[tabel]["keterangan"]])
        for c, arti in k[tabel]["kolom"].items():
            ws.append([tabel, c, arti])
    aman_ditulis(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
