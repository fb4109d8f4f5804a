"""The national budget nomenclature as data: reading and checking its CSV (docs/nomenklatur.md).

Kepmendagri 050-5889/2021 as updated by Kepmendagri 900.1.15.5-1317/2023 codes every programme,
kegiatan and sub-kegiatan. The system ships the kecamatan part (urusan 7.01,
``anggaran/data/nomenklatur_7_01.csv``, loaded by migration 0003); a pemda loads the rest of the
national list, or its own urusan, with ``manage.py muat_nomenklatur FILE.csv``.

The CSV: a header row naming the columns ``kode`` and ``nama`` (any order, any case; other
columns are ignored), ``,`` or ``;`` as separator, UTF-8 (a BOM is allowed). The level of a row is
read from its code: 3 parts a programme (``7.01.02``), 5 parts a kegiatan (``7.01.02.2.01``), 6
parts a sub-kegiatan (``7.01.02.2.01.0001``, the 4-digit sub-kegiatan number of the 2023 update);
rows of 1 or 2 parts (urusan, bidang urusan, as SIPD exports them) are skipped. A kegiatan's
programme and a sub-kegiatan's kegiatan must be in the file or already stored.

This module reads and checks only (no database); ``anggaran.services.muat_nomenklatur`` writes,
and ``tulis`` is the one write routine shared by the service and the data migration.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dasar.teks import masalah

BAWAAN = Path(__file__).resolve().parent / "data" / "nomenklatur_7_01.csv"
NAMA_MAKS = 300  # Program/Kegiatan/SubKegiatan.nama max_length

TINGKAT = {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}
INDUK = {5: 3, 6: 5}  # parts of a code -> parts of its parent's code
NAMA_TINGKAT = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan"}
# urusan (1 digit, or X for cross-urusan), bidang (2 digits), programme (2), then the kegiatan's
# "2" (or 1, 3, 4, 5 in the other urusan groups) and number (2), and the sub-kegiatan's 4 digits
POLA = {
    3: re.compile(r"^[0-9X]\.[0-9X]{2}\.[0-9]{2}$"),
    5: re.compile(r"^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}$"),
    6: re.compile(r"^[0-9X]\.[0-9X]{2}\.[0-9]{2}\.[0-9]\.[0-9]{2}\.[0-9]{4}$"),
}
CONTOH = {3: "7.01.02", 5: "7.01.02.2.01", 6: "7.01.02.2.01.0001"}


@dataclass(frozen=True)
class BarisNomenklatur:
    nomor: int  # the row number in the file (the header is row 1)
    kode: str
    nama: str

    @property
    def bagian(self) -> int:
        return len(self.kode.split("."))

    @property
    def tingkat(self) -> str:
        return TINGKAT[self.bagian]

    @property
    def kode_induk(self) -> str | None:
        n = INDUK.get(self.bagian)
        return ".".join(self.kode.split(".")[:n]) if n else None


class NomenklaturError(ValueError):
    """The file cannot be loaded; ``pesan`` lists every problem as "baris N, kolom X: …"."""

    def __init__(self, pesan: list[str]):
        super().__init__("; ".join(pesan))
        self.pesan = pesan


def baca_csv(teks: str, *, kode_tersimpan: frozenset[str] | set[str] = frozenset()) -> list[BarisNomenklatur]:
    """The rows of a nomenclature CSV (programme, kegiatan, sub-kegiatan), checked; every problem
    of the file raises one ``NomenklaturError`` naming each row and column. ``kode_tersimpan``:
    codes already in the database (a parent may be there instead of in the file)."""
    teks = teks.lstrip("\ufeff")
    pertama = teks.split("\n", 1)[0]
    pemisah = ";" if pertama.count(";") > pertama.count(",") else ","
    reader = csv.reader(io.StringIO(teks), delimiter=pemisah)
    try:
        kepala = next(reader)
    except StopIteration:
        raise NomenklaturError(["berkas kosong: baris 1 harus berisi judul kolom kode dan nama"]) from None
    kolom = {k.strip().lower(): i for i, k in enumerate(kepala)}
    hilang = [k for k in ("kode", "nama") if k not in kolom]
    if hilang:
        raise NomenklaturError(
            [
                f"baris 1: kolom {' dan '.join(hilang)} tidak ada (judul kolom yang ada: {', '.join(kepala) or '-'})"
            ]
        )
    ik, inama = kolom["kode"], kolom["nama"]
    pesan: list[str] = []
    hasil: list[BarisNomenklatur] = []
    dilihat: dict[str, int] = {}
    try:
        isi = list(enumerate(reader, start=2))
    except csv.Error as exc:
        raise NomenklaturError([f"berkas bukan CSV yang utuh: {exc}"]) from None
    for nomor, sel in isi:
        if not any(s.strip() for s in sel):
            continue
        kode = sel[ik].strip() if ik < len(sel) else ""
        nama = " ".join(sel[inama].split()) if inama < len(sel) else ""
        if not kode:
            pesan.append(f"baris {nomor}, kolom kode: kosong")
            continue
        bagian = len(kode.split("."))
        if bagian in (1, 2):
            continue  # urusan / bidang urusan: not stored
        if bagian not in POLA:
            pesan.append(
                f'baris {nomor}, kolom kode: "{kode}" bukan kode program (3 bagian, contoh 7.01.02), '
                "kegiatan (5 bagian, contoh 7.01.02.2.01) atau sub kegiatan (6 bagian, contoh 7.01.02.2.01.0001)"
            )
            continue
        if not POLA[bagian].match(kode):
            pesan.append(
                f'baris {nomor}, kolom kode: "{kode}" tidak berbentuk kode {NAMA_TINGKAT[TINGKAT[bagian]]} '
                f"(contoh {CONTOH[bagian]}; nomor sub kegiatan 4 angka sesuai Kepmendagri 900.1.15.5-1317/2023)"
            )
            continue
        if not nama:
            pesan.append(f"baris {nomor}, kolom nama: kosong (kode {kode})")
            continue
        if len(nama) > NAMA_MAKS:
            pesan.append(f"baris {nomor}, kolom nama: lebih dari {NAMA_MAKS} karakter")
            continue
        salah = masalah(nama)
        if salah:
            pesan.append(f"baris {nomor}, kolom nama: {salah}")
            continue
        if kode in dilihat:
            pesan.append(f"baris {nomor}, kolom kode: {kode} sudah ada di baris {dilihat[kode]}")
            continue
        dilihat[kode] = nomor
        hasil.append(BarisNomenklatur(nomor, kode, nama))
    ada = set(dilihat) | set(kode_tersimpan)
    for b in hasil:
        induk = b.kode_induk
        if induk and induk not in ada:
            jenis = NAMA_TINGKAT[TINGKAT[INDUK[b.bagian]]]
            pesan.append(
                f"baris {b.nomor}, kolom kode: {jenis} {induk} dari {b.kode} tidak ada di berkas maupun di database"
            )
    if pesan:
        raise NomenklaturError(pesan)
    if not hasil:
        raise NomenklaturError(["berkas tidak berisi satu pun program, kegiatan atau sub kegiatan"])
    return hasil


@cache
def bawaan() -> tuple[BarisNomenklatur, ...]:
    """The shipped kecamatan nomenclature (urusan 7.01), read once per process."""
    return tuple(baca_csv(BAWAAN.read_text(encoding="utf-8")))


def tulis(rows, Program, Kegiatan, SubKegiatan, *, timpa_nama: bool = True) -> dict[str, dict[str, int]]:
    """Create or update ``rows`` (parents first) with the given model classes (the real ones, or a
    migration's historical ones); idempotent. ``timpa_nama``: a stored row whose name differs takes
    the file's name (else it keeps its own). Returns counts per level: created/updated/unchanged."""
    models = {"program": Program, "kegiatan": Kegiatan, "sub_kegiatan": SubKegiatan}
    induk_field = {"kegiatan": "program", "sub_kegiatan": "kegiatan"}
    counts = {t: {"created": 0, "updated": 0, "unchanged": 0} for t in models}
    per_tingkat = {t: [r for r in rows if r.tingkat == t] for t in models}
    parent_of = induk_field
    stored: dict[str, dict] = {}
    for t in ("program", "kegiatan", "sub_kegiatan"):
        model = models[t]
        kodes = [r.kode for r in per_tingkat[t]]
        stored[t] = {o.kode: o for o in model.objects.filter(kode__in=kodes)}
        if t in parent_of:
            parents = {r.kode_induk for r in per_tingkat[t]}
            pmodel = models[parent_of[t]]
            stored.setdefault(parent_of[t], {})
            missing = parents - set(stored[parent_of[t]])
            stored[parent_of[t]].update({o.kode: o for o in pmodel.objects.filter(kode__in=missing)})
        baru, ubah = [], []
        for r in per_tingkat[t]:
            obj = stored[t].get(r.kode)
            if obj is None:
                values = {"kode": r.kode, "nama": r.nama}
                if t in induk_field:
                    values[induk_field[t]] = stored[parent_of[t]][r.kode_induk]
                obj = model(**values)
                baru.append(obj)
                stored[t][r.kode] = obj
            elif timpa_nama and obj.nama != r.nama:
                obj.nama = r.nama
                ubah.append(obj)
            else:
                counts[t]["unchanged"] += 1
        model.objects.bulk_create(baru, batch_size=500)  # sets the pks (PostgreSQL, SQLite ≥ 3.35)
        if ubah:
            model.objects.bulk_update(ubah, ["nama"])
        counts[t]["created"] += len(baru)
        counts[t]["updated"] += len(ubah)
    return counts
