"""Backup and restore: one zip holding the database as JSON and the stored files.

Layout of a backup (``cadangkan``):

- ``manifest.json`` — ``format`` (``FORMAT``), ``versi``, when, from which database vendor, the
  applied migrations per app, per model the entry name, row count and SHA-256, per file its
  size and SHA-256;
- ``data/<app>.<model>.json`` — every row of the model (Django's JSON serialisation, natural
  keys for content types, permissions and users), read inside one transaction so all models
  come from the same moment (REPEATABLE READ, read only on PostgreSQL; SQLite's read
  transaction is a snapshot by itself);
- ``media/…`` — the uploaded files (the default storage: ``MEDIA_ROOT``, or the S3 bucket's
  ``media`` prefix; evidence, photos);
- ``dokumen/…`` — the generated documents (the ``dokumen`` storage, ``dasar.dokumen``:
  ``DOKUMEN_ROOT`` or the bucket's ``dokumen`` prefix).

``pulihkan`` checks everything before it writes anything (format, checksums, migrations), refuses
a database that already holds data, then loads every row in one transaction and writes the
files. The JSON is independent of the database, so a SQLite backup restores into PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.core import serializers
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from dasar.dokumen import semua_berkas
from dasar.galat import Ditolak

FORMAT = "sakip-cadangan"
VERSI = 1
CHUNK = 1024 * 1024

# Not backed up: rebuilt by `migrate` (content types, permissions), sessions (everyone logs in
# again), the dashboard cache (recomputed; `siapkan_dasbor` after a restore) and the survey's
# rate-limit counters.
TIDAK_DICADANGKAN = {
    "contenttypes.contenttype",
    "auth.permission",
    "sessions.session",
    "admin.logentry",
    "tembolok.token",
    "tembolok.cuplikan",
    "skm.bataskiriman",
    "skm.jumlahjawaban",  # derived: the triggers rebuild it as the answers are restored
    "skm.jumlahjawabanunit",  # the same
    "skm.jumlahtahununit",  # the same
}
# Rows a freshly migrated database already holds (the evaluation templates shipped with the
# system, the kecamatan budget nomenclature of anggaran's migration 0003 — the nomenclature is
# shared reference data, so any of it): they do not make it "non-empty" and are replaced by the
# backup's copy (deleted children first).
BAWAAN = {
    "anggaran.subkegiatan": {},
    "anggaran.kegiatan": {},
    "anggaran.program": {},
    "evaluasi.templatevaluasi": {"pemda__isnull": True},
    "evaluasi.komponen": {"templat__pemda__isnull": True},
    "evaluasi.subkomponen": {"komponen__templat__pemda__isnull": True},
    "evaluasi.kriteria": {"sub__komponen__templat__pemda__isnull": True},
}
FOLDER = {"media": "default", "dokumen": "dokumen"}  # the backup's folder -> the STORAGES alias


@dataclass
class Ringkasan:
    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, int] = field(default_factory=dict)

    def teks(self) -> list[str]:
        return [
            f"{sum(self.rows.values())} rows in {len(self.rows)} tables",
            *(f"{n} files in {k}/" for k, n in self.files.items()),
        ]


def model_dicadangkan() -> list:
    """Every concrete model whose rows belong in a backup, parents before children."""
    semua = [m for m in apps.get_models() if not m._meta.proxy and m._meta.managed]
    app_list = {}
    for m in semua:
        app_list.setdefault(m._meta.app_config, []).append(m)
    urut = serializers.sort_dependencies(app_list.items(), allow_cycles=True)
    return [m for m in urut if m._meta.label_lower not in TIDAK_DICADANGKAN]


def _migrasi() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        out.setdefault(app, []).append(name)
    return out


def _penyimpanan(kunci: str) -> Storage:
    return storages[FOLDER[kunci]]


def _berkas(s: Storage) -> list[str]:
    """Every stored file of ``s`` (on local files: not the symbolic links)."""
    semua = semua_berkas(s)
    if isinstance(s, FileSystemStorage):
        semua = [n for n in semua if not os.path.islink(s.path(n))]
    return semua


def cadangkan(tujuan: str | os.PathLike) -> Ringkasan:
    """Write a backup of the database and the files to ``tujuan`` (a new zip; written next to it
    first and renamed at the end, so a failed run never leaves a half file under that name)."""
    tujuan = Path(tujuan)
    ringkasan = Ringkasan()
    manifest = {
        "format": FORMAT,
        "versi": VERSI,
        "dibuat": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "migrasi": {},
        "data": [],
        "berkas": [],
    }
    fd, sementara = tempfile.mkstemp(prefix=".cadangan-", suffix=".zip", dir=tujuan.parent or ".")
    os.close(fd)
    try:
        with zipfile.ZipFile(sementara, "w", zipfile.ZIP_DEFLATED) as zf:
            luar = connection.in_atomic_block  # inside a caller's transaction: that is the snapshot
            with transaction.atomic():
                if connection.vendor == "postgresql" and not luar:
                    with connection.cursor() as c:
                        c.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                manifest["migrasi"] = _migrasi()
                for model in model_dicadangkan():
                    nama = f"data/{model._meta.label_lower}.json"
                    qs = model._default_manager.order_by("pk")
                    hitung = _Hitung(qs.iterator(chunk_size=2000))
                    with zf.open(nama, "w") as out:
                        h = _Hash(out)
                        serializers.serialize("json", hitung, stream=h, use_natural_foreign_keys=True)
                    manifest["data"].append(
                        {
                            "model": model._meta.label_lower,
                            "nama": nama,
                            "baris": hitung.n,
                            "sha256": h.hexdigest(),
                        }
                    )
                    ringkasan.rows[model._meta.label_lower] = hitung.n
                # the files are copied while the snapshot is open: a file of a row in the backup
                # cannot be deleted by a restore of an older state of this very backup
                for kunci in FOLDER:
                    s = _penyimpanan(kunci)
                    n = 0
                    for rel in _berkas(s):
                        nama = f"{kunci}/{rel}"
                        h, ukuran = hashlib.sha256(), 0
                        with s.open(rel, "rb") as src, zf.open(nama, "w", force_zip64=True) as dst:
                            while b := src.read(CHUNK):
                                h.update(b)
                                ukuran += len(b)
                                dst.write(b)
                        manifest["berkas"].append({"nama": nama, "ukuran": ukuran, "sha256": h.hexdigest()})
                        n += 1
                    ringkasan.files[kunci] = n
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
        os.replace(sementara, tujuan)
    except BaseException:
        Path(sementara).unlink(missing_ok=True)
        raise
    return ringkasan


class _Hitung:
    """Passes the rows through and counts them."""

    def __init__(self, it):
        self.it, self.n = it, 0

    def __iter__(self):
        for o in self.it:
            self.n += 1
            yield o


class _Hash:
    """A text stream into a zip entry that hashes what passes."""

    def __init__(self, out):
        self.out, self.h = out, hashlib.sha256()

    def write(self, s: str):
        b = s.encode()
        self.h.update(b)
        self.out.write(b)

    def flush(self):
        pass

    def hexdigest(self) -> str:
        return self.h.hexdigest()


def baca_manifest(zf: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(zf.read("manifest.json"))
    except KeyError:
        raise Ditolak("bukan berkas cadangan SAKIP: manifest.json tidak ada") from None
    except (ValueError, zipfile.BadZipFile, OSError) as exc:
        raise Ditolak(f"manifest.json rusak: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise Ditolak("bukan berkas cadangan SAKIP (format manifest tidak dikenal)")
    if manifest.get("versi") != VERSI:
        raise Ditolak(f"versi cadangan {manifest.get('versi')!r} tidak didukung (didukung: {VERSI})")
    return manifest


def cek_arsip(zf: zipfile.ZipFile) -> dict:
    """Check a backup completely before anything is written: format, every entry's SHA-256,
    file names that stay inside their folder, and migrations this code knows."""
    manifest = baca_manifest(zf)
    try:
        entri = {i.filename for i in zf.infolist()}
        for d in [*manifest["data"], *manifest["berkas"]]:
            nama = d["nama"]
            if nama not in entri:
                raise Ditolak(f"{nama}: tercantum di manifest tetapi tidak ada di berkas")
            h = hashlib.sha256()
            with zf.open(nama) as f:
                while b := f.read(CHUNK):
                    h.update(b)
            if h.hexdigest() != d["sha256"]:
                raise Ditolak(f"{nama}: isi rusak (SHA-256 tidak cocok dengan manifest)")
        for d in manifest["berkas"]:
            p = PurePosixPath(d["nama"])
            if p.is_absolute() or ".." in p.parts or p.parts[0] not in FOLDER or len(p.parts) < 2:
                raise Ditolak(f"{d['nama']}: nama berkas tidak sah")
        model_dikenal = {m._meta.label_lower for m in model_dicadangkan()}
        for d in manifest["data"]:
            if d["model"] not in model_dikenal:
                raise Ditolak(f"{d['nama']}: model {d['model']} tidak dikenal oleh versi aplikasi ini")
    except (KeyError, TypeError) as exc:
        raise Ditolak(f"manifest.json tidak lengkap: {exc}") from None
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise Ditolak(f"berkas cadangan rusak: {exc}") from None
    ada = _migrasi()
    kurang = [
        f"{app}.{m}" for app, names in manifest["migrasi"].items() for m in names if m not in ada.get(app, [])
    ]
    if kurang:
        raise Ditolak(
            "cadangan dibuat dengan migrasi yang belum diterapkan di database ini "
            f"(jalankan `manage.py migrate` dengan versi aplikasi yang sama): {', '.join(kurang[:5])}"
        )
    return manifest


def isi_database() -> dict[str, int]:
    """Models that hold rows a freshly migrated database does not have (model → count)."""
    out = {}
    for model in model_dicadangkan():
        qs = model._default_manager.all()
        if model._meta.label_lower in BAWAAN:
            qs = qs.exclude(**BAWAAN[model._meta.label_lower])
        n = qs.count()
        if n:
            out[model._meta.label_lower] = n
    return out


def pulihkan(sumber: str | os.PathLike) -> Ringkasan:
    """Restore a backup into an empty, migrated database and empty file folders."""
    try:
        zf = zipfile.ZipFile(sumber)
    except FileNotFoundError:
        raise Ditolak(f"{sumber}: berkas tidak ada") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise Ditolak(f"{sumber}: bukan berkas cadangan (bukan zip yang utuh: {exc})") from None
    with zf:
        manifest = cek_arsip(zf)
        isi = isi_database()
        if isi:
            daftar = ", ".join(f"{k} ({n})" for k, n in sorted(isi.items())[:5])
            raise Ditolak(
                "database tujuan tidak kosong; pulihkan hanya ke database baru yang sudah di-migrate "
                f"(berisi: {daftar})"
            )
        for kunci in FOLDER:
            if semua_berkas(_penyimpanan(kunci)):
                raise Ditolak(f"penyimpanan {kunci} tidak kosong; pulihkan ke folder atau bucket kosong")
        ringkasan = Ringkasan()
        ditulis: list[tuple[Storage, str]] = []
        try:
            with transaction.atomic():
                for label, syarat in BAWAAN.items():
                    apps.get_model(label).objects.filter(**syarat).delete()
                dimuat, tertunda = [], []
                with connection.constraint_checks_disabled():
                    for d in manifest["data"]:
                        n = 0
                        with zf.open(d["nama"]) as f:
                            for obj in serializers.deserialize(
                                "json", f.read().decode(), handle_forward_references=True
                            ):
                                obj.save()
                                if obj.deferred_fields:
                                    tertunda.append(obj)
                                n += 1
                        if n != d["baris"]:
                            raise Ditolak(f"{d['nama']}: {n} baris, manifest menyebut {d['baris']}")
                        ringkasan.rows[d["model"]] = n
                        dimuat.append(apps.get_model(d["model"]))
                    for obj in tertunda:
                        obj.save_deferred_fields()
                connection.check_constraints(table_names=[m._meta.db_table for m in dimuat])
                with connection.cursor() as c:
                    for sql in connection.ops.sequence_reset_sql(no_style(), dimuat):
                        c.execute(sql)
                for d in manifest["berkas"]:
                    kunci, *bagian = PurePosixPath(d["nama"]).parts
                    s, rel = _penyimpanan(kunci), "/".join(bagian)
                    with zf.open(d["nama"]) as src:
                        disimpan = s.save(rel, File(src, name=rel))
                    ditulis.append((s, disimpan))
                    if disimpan != rel:
                        raise Ditolak(f"{d['nama']}: nama berkas sudah terpakai di penyimpanan {kunci}")
                    ringkasan.files[kunci] = ringkasan.files.get(kunci, 0) + 1
        except BaseException:
            for s, rel in ditulis:
                s.delete(rel)
            raise
    from tembolok.services import usangkan_semua

    usangkan_semua()
    return ringkasan
