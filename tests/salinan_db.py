"""Replay what a fixture wrote to the test database, instead of running it again (the ``demo`` import).

The first time a fixture runs in a pytest worker from a given database state, ``ulangi`` runs it
for real and records, for every table it changed, the table's rows afterwards. The next time the
fixture starts from exactly the same state, those rows are written back with plain ``INSERT``s
(and, on PostgreSQL, the id sequences moved past them, as ``loaddata`` does) and the fixture's
return value is computed again by its own ``hasil`` function. Any other state runs the fixture for
real. "Exactly the same state" is checked, not assumed: the row count of every table, every row
of each non-empty table (the rows migrations and ``post_migrate`` put there: content types,
permissions, audit actions …) and, on SQLite, ``sqlite_sequence`` (so even the ids of the new
rows are the ones the fixture would give).

Each test still runs in its own transaction (or is flushed afterwards) exactly as before: only
the Python work of the import is saved, never the isolation. ``tests/test_salinan_db.py`` checks
that a replay leaves the database holding the same rows as the import itself.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import connection, transaction

MAKS_SALINAN = 8  # recorded start states per fixture and worker (each holds the rows it wrote)


@dataclass
class _Salinan:
    tabel: dict[str, tuple[tuple[str, ...], list[tuple]]]  # table -> (columns, rows after the fixture)
    kosongkan: tuple[str, ...]  # tables that held rows before and must be emptied first
    urutan: list[tuple]  # SQLite: the sqlite_sequence rows the fixture changed (name, seq)
    nilai: object  # what ``jalankan`` returned (e.g. the text a command printed), given to ``hasil``


_SALINAN: dict[tuple[str, str], _Salinan] = {}
_TABEL: dict[str, list[tuple[str, str]]] = {}  # vendor -> [(table, primary key column)]


def _tabel() -> list[tuple[str, str]]:
    daftar = _TABEL.get(connection.vendor)
    if daftar is None:
        with connection.cursor() as cur:
            names = sorted(connection.introspection.table_names(cur))
            daftar = [(t, connection.introspection.get_primary_key_column(cur, t)) for t in names]
        _TABEL[connection.vendor] = daftar
    return daftar


def _q(nama: str) -> str:
    return connection.ops.quote_name(nama)


def _jumlah(cur, daftar) -> dict[str, int]:
    sql = " UNION ALL ".join(f"SELECT %s, COUNT(*) FROM {_q(t)}" for t, _ in daftar)
    cur.execute(sql, [t for t, _ in daftar])
    return dict(cur.fetchall())


def _isi(cur, tabel: str, pk: str | None) -> tuple[tuple[str, ...], list[tuple]]:
    urut = f" ORDER BY {_q(pk)}" if pk else ""
    cur.execute(f"SELECT * FROM {_q(tabel)}{urut}")
    kolom = tuple(c[0] for c in cur.description)
    baris = [tuple(r) for r in cur.fetchall()]
    if not pk:
        baris.sort(key=repr)
    return kolom, baris


def _urutan(cur) -> list[tuple]:
    """SQLite's AUTOINCREMENT counters (the next id of each table); nothing elsewhere."""
    if connection.vendor != "sqlite":
        return []
    cur.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name")
    return [tuple(r) for r in cur.fetchall()]


def _keadaan(cur, daftar):
    """The database as it is now: (fingerprint, row count per table, rows of the non-empty tables,
    SQLite's id counters)."""
    jumlah = _jumlah(cur, daftar)
    isi = {t: _isi(cur, t, pk) for t, pk in daftar if jumlah[t]}
    urutan = _urutan(cur)
    bagian = [sorted(jumlah.items()), sorted(isi.items()), urutan]
    return hashlib.sha256(repr(bagian).encode()).hexdigest(), jumlah, isi, urutan


def _pasang(cur, salinan: _Salinan) -> None:
    for t in salinan.kosongkan:
        cur.execute(f"DELETE FROM {_q(t)}")
    for t, (kolom, baris) in salinan.tabel.items():
        if baris:
            tanda = ", ".join(["%s"] * len(kolom))
            cur.executemany(
                f"INSERT INTO {_q(t)} ({', '.join(_q(k) for k in kolom)}) VALUES ({tanda})", baris
            )
    for nama, seq in salinan.urutan:
        cur.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [seq, nama])
        if not cur.rowcount:
            cur.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [nama, seq])
    if connection.vendor == "postgresql":
        from django.apps import apps

        tabel = set(salinan.tabel)
        models = [m for m in apps.get_models(include_auto_created=True) if m._meta.db_table in tabel]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cur.execute(sql)


def ulangi(nama: str, jalankan, hasil):
    """``jalankan()`` (the fixture's writes), or a replay of the rows it wrote last time from this
    same database state; then ``hasil(nilai)`` with what ``jalankan`` returned that time (what the
    fixture returns, read from the database)."""
    daftar = _tabel()
    with connection.cursor() as cur:
        sidik, jumlah, isi_awal, urutan_awal = _keadaan(cur, daftar)
    salinan = _SALINAN.get((nama, sidik))
    if salinan is not None:
        with transaction.atomic(), connection.cursor() as cur:
            _pasang(cur, salinan)
        return hasil(salinan.nilai)
    nilai = jalankan()
    with connection.cursor() as cur:
        jumlah_akhir = _jumlah(cur, daftar)
        tabel = {}
        for t, pk in daftar:
            if jumlah_akhir[t] or jumlah[t]:
                isi = _isi(cur, t, pk)
                if isi != isi_awal.get(t, (isi[0], [])):
                    tabel[t] = isi
        urutan = [r for r in _urutan(cur) if r not in urutan_awal]
    if sum(1 for k in _SALINAN if k[0] == nama) < MAKS_SALINAN:
        _SALINAN[(nama, sidik)] = _Salinan(tabel, tuple(t for t in tabel if jumlah[t]), urutan, nilai)
    return hasil(nilai)
