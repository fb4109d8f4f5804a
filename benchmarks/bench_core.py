#!/usr/bin/env python
"""Core benchmark: import a synthetic N-unit workbook, then roll budgets and PK capaian up.

    cd /work/main && .venv/bin/python benchmarks/bench_core.py [--units 500] [--database-url URL]

Without ``--database-url`` the run uses a temporary SQLite file. With a PostgreSQL URL the
script connects to that server's ``postgres`` maintenance database, creates a fresh database
``sakip_bench_<pid>``, migrates it, runs the benchmark and drops it at the end.

What is measured (targets from the issue: import < 30 s, roll-up < 2 s, constant queries):

- generation of the synthetic workbook (data built from the demo nomenclature, written with
  ``workbook.writer.tulis``) — in a child process, so its memory does not count below;
- the import (``workbook.importer.import_workbook``) into the freshly migrated database:
  wall time and ``ru_maxrss`` of an untraced run, plus the ``tracemalloc`` peak of an
  identical import (dry run, rolled back) done first in a child process, because tracing
  slows the import down and inflates the RSS;
- ``roll_up_instansi(all ids, 2024)`` and ``capaian_pk(all ids, 2024)``: wall time and query
  count (``CaptureQueriesContext``), with the query count also for 1 and 10 units;
- the naive baseline: one query per budget line for its realisasi sum.

If the import misses its target (or with ``--profile``) the import is run once more under
cProfile on another fresh database and the hot spots are printed.

The report is printed and written to ``benchmarks/out/core-<db>.json``.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import math
import os
import platform
import pstats
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import defaultdict
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "sakip.settings"
# Measure production behaviour: with DEBUG on, Django keeps the SQL text of every query.
os.environ.setdefault("DJANGO_DEBUG", "0")
# DEBUG off needs a real-shaped key (sakip/settings.py refuses to start without one); plain HTTP on
# loopback: no redirect to HTTPS, cookies sent without TLS. Subprocesses (gunicorn, lkip) inherit these.
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-key-never-deployed-0123456789-abcdefghijklmnop")
os.environ.setdefault("DJANGO_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")

OUT_DIR = ROOT / "benchmarks" / "out"
TAHUN = 2024
TAHUN_TARGET = (2024, 2025, 2026)
LINES_PER_UNIT = 40
INDICATORS_PER_UNIT = 10
SUBUNITS_PER_UNIT = 4
TARGET_IMPORT_S = 30.0
TARGET_ROLLUP_S = 2.0
MB = 1024 * 1024


# --------------------------------------------------------------------------------------------
# synthetic data
# --------------------------------------------------------------------------------------------


def _rp(x: float, step: int = 1000) -> int:
    """Round rupiah to a multiple of ``step``."""
    return int(round(x / step)) * step


def _d2(x: float) -> Decimal:
    return Decimal(f"{x:.2f}")


def generate(units: int, seed: int) -> dict[str, list[dict]]:
    """The workbook content ({sheet: [row dicts]}) for ``units`` units of one pemda."""
    from workbook.demo import baca_sumber

    demo = baca_sumber()
    rng = random.Random(seed)
    pemda = demo["pemda"][0]
    walikota = next(p for p in demo["pejabat"] if not p["instansi"])
    sub_codes = [r["kode"] for r in demo["sub_kegiatan"]]

    # four subunits shaped like the demo's (a parent before its children)
    chosen: list[dict] = []
    for r in demo["subunit"]:
        if r["induk"] is None or r["induk"] in {c["kode"] for c in chosen}:
            chosen.append(r)
        if len(chosen) == SUBUNITS_PER_UNIT:
            break
    if len(chosen) < SUBUNITS_PER_UNIT:
        raise SystemExit("the demo has fewer than 4 usable subunits")
    subunit_codes = [r["kode"] for r in chosen]

    extra = LINES_PER_UNIT - len(sub_codes)  # lines held by subunits, on top of one per code
    pairs = [(s, u) for s in sub_codes for u in subunit_codes]
    if not 0 <= extra <= len(pairs):
        raise SystemExit(f"cannot make {LINES_PER_UNIT} distinct lines from {len(sub_codes)} codes")

    ind_demo = demo["indikator"]
    satuan = sorted({r["satuan"] for r in ind_demo})
    agregasi = ("terakhir", "rata-rata", "jumlah")
    jenis = ("kecamatan", "dinas", "badan", "kantor")
    log_lo, log_hi = math.log(5_000_000), math.log(11_000_000_000)  # the demo's pagu range

    d: dict[str, list[dict]] = {
        name: []
        for name in (
            "pemda",
            "instansi",
            "subunit",
            "pejabat",
            "renstra",
            "tujuan",
            "sasaran",
            "program",
            "kegiatan",
            "sub_kegiatan",
            "indikator",
            "target",
            "pk",
            "pk_indikator",
            "realisasi",
            "anggaran",
            "realisasi_anggaran",
        )
    }
    d["pemda"].append({"kode": pemda["kode"], "nama": pemda["nama"]})
    d["pejabat"].append(dict(walikota))
    for sheet in ("program", "kegiatan", "sub_kegiatan"):
        d[sheet] = [dict(r) for r in demo[sheet]]

    for u in range(1, units + 1):
        slug = f"unit-{u:04d}"
        nama = f"Unit Sintetis {u:04d}"
        d["instansi"].append(
            {
                "slug": slug,
                "nama": nama,
                "pemda": pemda["kode"],
                "jenis": jenis[u % len(jenis)],
                "kota": "Bekasi",
                "alamat": f"Jl. Contoh No. {u}",
            }
        )
        for r in chosen:
            d["subunit"].append(
                {
                    "instansi": slug,
                    "kode": r["kode"],
                    "nama": f"{r['nama']} {u:04d}",
                    "jenis": r["jenis"],
                    "induk": r["induk"],
                }
            )
        nip = (
            f"19{rng.randint(60, 99)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            f"{rng.randint(1990, 2020)}{rng.randint(1, 12):02d}{rng.choice('12')}{rng.randint(1, 999):03d}"
        )
        kepala = f"kepala-{slug}"
        d["pejabat"].append(
            {
                "pemda": pemda["kode"],
                "kode": kepala,
                "jabatan": f"Kepala {nama}",
                "instansi": slug,
                "nama": f"PEJABAT {u:04d}, S.STP., M.M.",
                "pangkat_golongan": "Pembina Tingkat I (IV/b)",
                "nip": nip,
            }
        )
        d["renstra"].append(
            {
                "instansi": slug,
                "kode": "renstra-2024-2026",
                "nama": f"Rencana Strategis {nama} 2024-2026",
                "tahun_awal": 2024,
                "tahun_akhir": 2026,
            }
        )
        d["tujuan"].append(
            {
                "instansi": slug,
                "renstra": "renstra-2024-2026",
                "kode": "T1",
                "uraian": f"Terwujudnya tata kelola {nama} yang profesional dan akuntabel",
            }
        )
        d["sasaran"].append(
            {
                "instansi": slug,
                "tujuan": "T1",
                "kode": "S1.1",
                "uraian": f"Meningkatnya akuntabilitas kinerja {nama}",
            }
        )
        d["pk"].append(
            {
                "instansi": slug,
                "tahun": TAHUN,
                "versi": 1,
                "pihak_pertama": kepala,
                "pihak_kedua": walikota["kode"],
                "tanggal": dt.date(TAHUN, 1, 31),
                "status": "ditandatangani",
                "keterangan": f"Perjanjian Kinerja {nama} Tahun {TAHUN}",
            }
        )

        for k in range(1, INDICATORS_PER_UNIT + 1):
            src = ind_demo[(k - 1) % len(ind_demo)]
            kode = f"IKU{k}"
            agr = agregasi[k % len(agregasi)]
            d["indikator"].append(
                {
                    "instansi": slug,
                    "kode": kode,
                    "nama": f"{src['nama']} ({k})",
                    "level": "sasaran",
                    "induk": "S1.1",
                    "satuan": satuan[k % len(satuan)],
                    "formulasi": src["formulasi"],
                    "alasan": src["alasan"],
                    "sumber_data": src["sumber_data"],
                    "polaritas": "negatif" if k == 7 else "positif",
                    "agregasi": agr,
                    "iku": k <= 3,
                    "sumber_realisasi": "manual",
                }
            )
            base = rng.uniform(40, 95)
            targets = {}
            for i, t in enumerate(TAHUN_TARGET):
                targets[t] = _d2(base + i * rng.uniform(0.5, 2.5))
                d["target"].append({"instansi": slug, "indikator": kode, "tahun": t, "target": targets[t]})
            d["pk_indikator"].append(
                {
                    "instansi": slug,
                    "tahun": TAHUN,
                    "versi": 1,
                    "indikator": kode,
                    "target": targets[TAHUN],
                    "no": k,
                }
            )
            for q in range(1, 5):
                share = float(targets[TAHUN]) / 4 if agr == "jumlah" else float(targets[TAHUN])
                d["realisasi"].append(
                    {
                        "instansi": slug,
                        "indikator": kode,
                        "tahun": TAHUN,
                        "periode": f"TW{q}",
                        "nilai": _d2(share * rng.uniform(0.75, 1.15)),
                        "sumber": "Data sintetis (benchmark)",
                    }
                )

        lines = [(s, None) for s in sub_codes] + rng.sample(pairs, extra)
        for sub, su in lines:
            pagu = _rp(math.exp(rng.uniform(log_lo, log_hi)))
            w = [0.0 if rng.random() < 0.2 else rng.random() for _ in range(4)]
            if sum(w) == 0:
                w[3] = 1.0
            kas = [int(pagu * x / sum(w)) // 1000 * 1000 for x in w[:3]]
            kas.append(pagu - sum(kas))  # the four quarters sum to the pagu exactly
            murni = None if rng.random() < 0.6 else _rp(pagu * rng.uniform(0.9, 1.1))
            d["anggaran"].append(
                {
                    "instansi": slug,
                    "tahun": TAHUN,
                    "sub_kegiatan": sub,
                    "subunit": su,
                    "pagu_murni": murni,
                    "pagu": pagu,
                    **{f"kas_tw{i}": kas[i - 1] for i in range(1, 5)},
                }
            )
            d["realisasi_anggaran"].append(
                {
                    "instansi": slug,
                    "tahun": TAHUN,
                    "sub_kegiatan": sub,
                    "subunit": su,
                    "periode": "TAHUN",
                    "nilai": int(pagu * rng.uniform(0.55, 1.0)),
                }
            )
    return d


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _pg_url(url: str, dbname: str) -> str:
    p = urlsplit(url)
    return urlunsplit((p.scheme, p.netloc, "/" + dbname, p.query, p.fragment))


def _safe_url(url: str) -> str:
    p = urlsplit(url)
    netloc = p.netloc.rsplit("@", 1)
    if len(netloc) == 2 and ":" in netloc[0]:
        netloc[0] = netloc[0].split(":", 1)[0] + ":***"
    return urlunsplit((p.scheme, "@".join(netloc), p.path, p.query, p.fragment))


def db_kind(url: str | None) -> str:
    if not url or url.startswith("sqlite"):
        return "sqlite"
    if url.split(":", 1)[0] in ("postgres", "postgresql", "pgsql", "postgis"):
        return "postgresql"
    raise SystemExit(f"unsupported database URL {_safe_url(url)} (use sqlite:// or postgres://)")


@contextmanager
def fresh_database(url: str | None, suffix: str = ""):
    """Yield the URL of a new, empty database; remove it afterwards."""
    kind = db_kind(url)
    if kind == "sqlite":
        given = urlsplit(url).path[1:] if url else ""
        tmpdir = None
        if given and given != ":memory:":
            path = Path(given)
            path = path.with_name(path.stem + suffix + path.suffix)
            if path.exists():
                raise SystemExit(
                    f"{path} exists; the benchmark needs a fresh database (give a new file name)"
                )
        else:
            tmpdir = tempfile.mkdtemp(prefix="sakip_bench_")
            path = Path(tmpdir) / f"bench{suffix}.sqlite3"
        try:
            yield f"sqlite:///{path}"
        finally:
            _close_django()
            if tmpdir:
                shutil.rmtree(tmpdir, ignore_errors=True)
            else:
                for extra in ("", "-journal", "-wal", "-shm"):
                    Path(f"{path}{extra}").unlink(missing_ok=True)
        return
    import psycopg

    name = f"sakip_bench_{os.getpid()}{suffix}"
    maint = _pg_url(url, "postgres")
    with psycopg.connect(maint, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')
    try:
        yield _pg_url(url, name)
    finally:
        _close_django()
        with psycopg.connect(maint, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _close_django():
    if "django.db" in sys.modules:
        from django.apps import apps

        if apps.ready:
            from django.db import connections

            connections.close_all()


def _setup(database_url: str):
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()


class QueryCounter:
    """Exact query count via an execute wrapper (CaptureQueriesContext stops at 9000)."""

    def __init__(self):
        self.n = 0

    def __call__(self, execute, sql, params, many, context):
        self.n += 1
        return execute(sql, params, many, context)


@contextmanager
def counting(connection):
    qc = QueryCounter()
    with connection.execute_wrapper(qc):
        yield qc


def run_child(mode: str, args, workbook: Path, database_url: str | None, extra: list[str] = ()) -> dict:
    fd, result = tempfile.mkstemp(prefix="sakip_bench_", suffix=".json")
    os.close(fd)
    env = dict(os.environ)
    if database_url:
        env["DATABASE_URL"] = database_url
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        mode,
        "--workbook",
        str(workbook),
        "--result",
        result,
        "--units",
        str(args.units),
        "--seed",
        str(args.seed),
        *extra,
    ]
    try:
        proc = subprocess.run(cmd, env=env, cwd=ROOT)
        if proc.returncode != 0:
            raise SystemExit(f"child {mode} failed with exit code {proc.returncode}")
        return json.loads(Path(result).read_text())
    finally:
        Path(result).unlink(missing_ok=True)


# --------------------------------------------------------------------------------------------
# child processes
# --------------------------------------------------------------------------------------------


def child_main(args) -> int:
    import django

    django.setup()
    out: dict = {}
    wb = Path(args.workbook)
    if args.child == "generate":
        from workbook.writer import tulis

        t0 = time.perf_counter()
        data = generate(args.units, args.seed)
        t1 = time.perf_counter()
        tulis(data, wb)
        t2 = time.perf_counter()
        pagu = sum(Decimal(r["pagu"]) for r in data["anggaran"])
        real = sum(Decimal(r["nilai"]) for r in data["realisasi_anggaran"])
        out = {
            "build_s": t1 - t0,
            "write_s": t2 - t1,
            "seconds": t2 - t0,
            "bytes": wb.stat().st_size,
            "rows": {k: len(v) for k, v in data.items()},
            "total_rows": sum(len(v) for v in data.values()),
            "pagu_total": str(pagu),
            "realisasi_total": str(real),
            "maxrss_mb": maxrss_mb(),
        }
    elif args.child == "import-traced":
        from workbook.importer import import_workbook

        rss0 = maxrss_mb()
        tracemalloc.start()
        t0 = time.perf_counter()
        hasil = import_workbook(wb, dry_run=True)  # same work as a real import, then rolled back
        seconds = time.perf_counter() - t0
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        out = {
            "seconds_traced": seconds,
            "tracemalloc_peak_mb": peak / MB,
            "errors": hasil.errors[:20],
            "maxrss_before_mb": rss0,
            "maxrss_mb": maxrss_mb(),
        }
    elif args.child == "import-profile":
        from django.core.management import call_command

        from workbook.importer import import_workbook

        call_command("migrate", verbosity=0)
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        hasil = import_workbook(wb)
        prof.disable()
        seconds = time.perf_counter() - t0
        prof_path = Path(args.prof_out)
        prof.dump_stats(prof_path)
        out = {
            "seconds_profiled": seconds,
            "errors": hasil.errors[:20],
            "prof": str(prof_path),
            **summarise_profile(prof),
        }
    else:  # pragma: no cover
        raise SystemExit(f"unknown child mode {args.child}")
    Path(args.result).write_text(json.dumps(out, default=str))
    return 0


def summarise_profile(prof: cProfile.Profile) -> dict:
    st = pstats.Stats(prof)
    total = st.total_tt
    interesting_files = ("workbook/importer.py", "workbook/spec.py", "rumus/angka.py")
    interesting_funcs = {
        "bulk_create",
        "bulk_update",
        "iter_rows",
        "_cells_by_row",
        "load_workbook",
        "parse_xml",
        "execute",
        "executemany",
        "__iter__",
        "_batched_insert",
        "commit",
        "from_tree",
        "parse_cell",
        "_get_row",
    }
    rows = []
    for (fname, line, func), (_cc, nc, tt, ct, _callers) in st.stats.items():
        short = fname.replace(str(ROOT) + "/", "")
        if short.endswith(interesting_files) or func in interesting_funcs:
            rows.append(
                {
                    "func": f"{short}:{line}({func})",
                    "calls": nc,
                    "tottime": round(tt, 3),
                    "cumtime": round(ct, 3),
                }
            )
    rows.sort(key=lambda r: -r["cumtime"])
    s_cum, s_tot = io.StringIO(), io.StringIO()
    pstats.Stats(prof, stream=s_cum).sort_stats("cumulative").print_stats(35)
    pstats.Stats(prof, stream=s_tot).sort_stats("tottime").print_stats(25)
    return {
        "profile_total_s": total,
        "hot": rows[:40],
        "by_cumulative": s_cum.getvalue(),
        "by_tottime": s_tot.getvalue(),
    }


# --------------------------------------------------------------------------------------------
# the benchmark
# --------------------------------------------------------------------------------------------


def bench(args, database_url: str, kind: str, workdir: Path) -> dict:
    _setup(database_url)
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.db.models import Sum
    from django.test.utils import CaptureQueriesContext

    from anggaran.models import BarisAnggaran, RealisasiAnggaran
    from anggaran.selectors import roll_up_instansi
    from organisasi.models import Instansi, SubUnit
    from pengukuran.models import Realisasi
    from pengukuran.selectors import capaian_pk
    from perencanaan.models import Indikator, PKIndikator, Target
    from workbook.importer import baca, import_workbook

    report: dict = {
        "db": kind,
        "database": _safe_url(database_url),
        "units": args.units,
        "seed": args.seed,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "debug": os.environ.get("DJANGO_DEBUG"),
        "started": dt.datetime.now().isoformat(timespec="seconds"),
    }
    if kind == "postgresql":
        with connection.cursor() as c:
            c.execute("select version()")
            report["server"] = c.fetchone()[0].split(" on ")[0]
    else:
        import sqlite3

        report["server"] = f"SQLite {sqlite3.sqlite_version}"

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    report["migrate_s"] = time.perf_counter() - t0
    print(f"[{kind}] migrated a fresh database in {report['migrate_s']:.1f} s", flush=True)

    wb = workdir / f"bench-{args.units}.xlsx"
    gen = run_child("generate", args, wb, database_url)
    report["generate"] = gen
    print(
        f"[{kind}] workbook: {gen['total_rows']} rows, {gen['bytes'] / MB:.1f} MB, "
        f"generated in {gen['seconds']:.1f} s",
        flush=True,
    )

    if args.skip_tracemalloc:
        traced = {"seconds_traced": None, "tracemalloc_peak_mb": None}
    else:
        traced = run_child("import-traced", args, wb, database_url)
        if traced["errors"]:
            raise SystemExit("import reported errors:\n  " + "\n  ".join(traced["errors"]))
        print(
            f"[{kind}] traced dry-run import: {traced['seconds_traced']:.1f} s, "
            f"tracemalloc peak {traced['tracemalloc_peak_mb']:.0f} MB",
            flush=True,
        )

    # -- the real, untraced import -----------------------------------------------------------
    rss_before = maxrss_mb()
    t0 = time.perf_counter()
    hasil = import_workbook(wb)
    import_s = time.perf_counter() - t0
    rss_after = maxrss_mb()
    if hasil.errors:
        raise SystemExit("import reported errors:\n  " + "\n  ".join(hasil.errors[:20]))
    t0 = time.perf_counter()
    baca(wb)
    read_s = time.perf_counter() - t0
    report["import"] = {
        "seconds": import_s,
        "read_s": read_s,
        "save_s": import_s - read_s,
        "seconds_traced": traced["seconds_traced"],
        "tracemalloc_peak_mb": traced["tracemalloc_peak_mb"],
        "maxrss_mb": rss_after,
        "maxrss_before_mb": rss_before,
        "maxrss_growth_mb": rss_after - rss_before,
        "counts": hasil.counts,
        "target_s": TARGET_IMPORT_S,
        "ok": import_s < TARGET_IMPORT_S,
    }
    print(
        f"[{kind}] import: {import_s:.1f} s (reading {read_s:.1f} s), maxrss {rss_after:.0f} MB", flush=True
    )

    expected = {
        BarisAnggaran: args.units * LINES_PER_UNIT,
        RealisasiAnggaran: args.units * LINES_PER_UNIT,
        Indikator: args.units * INDICATORS_PER_UNIT,
        Target: args.units * INDICATORS_PER_UNIT * 3,
        PKIndikator: args.units * INDICATORS_PER_UNIT,
        Realisasi: args.units * INDICATORS_PER_UNIT * 4,
        SubUnit: args.units * SUBUNITS_PER_UNIT,
        Instansi: args.units,
    }
    got = {m.__name__: m.objects.count() for m in expected}
    report["rows_in_db"] = got
    wrong = {m.__name__: (got[m.__name__], n) for m, n in expected.items() if got[m.__name__] != n}
    if wrong:
        raise SystemExit(f"unexpected row counts after import (got, expected): {wrong}")

    # -- roll-ups ------------------------------------------------------------------------------
    ids = list(Instansi.objects.order_by("id").values_list("id", flat=True))

    def measure(fn, label, repeat=3):
        reset_queries()
        with CaptureQueriesContext(connection) as ctx:
            t0 = time.perf_counter()
            result = fn(ids)
            first = time.perf_counter() - t0
        times = [first]
        for _ in range(repeat - 1):
            with counting(connection) as qc:
                t0 = time.perf_counter()
                fn(ids)
                times.append(time.perf_counter() - t0)
            assert qc.n == len(ctx), (qc.n, len(ctx))
        small = {}
        for n in (1, 10):
            reset_queries()
            with CaptureQueriesContext(connection) as c_small:
                fn(ids[:n])
            small[n] = len(c_small)
        out = {
            "seconds": first,
            "seconds_all": times,
            "seconds_median": statistics.median(times),
            "queries": len(ctx),
            "queries_by_units": {**small, len(ids): len(ctx)},
            "constant_queries": len(set(small.values()) | {len(ctx)}) == 1,
        }
        print(
            f"[{kind}] {label}: {first:.3f} s (median of {repeat}: {out['seconds_median']:.3f} s), "
            f"{len(ctx)} queries",
            flush=True,
        )
        return result, out

    rollup, report["roll_up_instansi"] = measure(lambda i: roll_up_instansi(i, TAHUN), "roll_up_instansi")
    capaian, report["capaian_pk"] = measure(lambda i: capaian_pk(i, TAHUN), "capaian_pk")

    # sanity checks of the results
    assert len(rollup) == args.units, len(rollup)
    assert all(r.jumlah_baris == LINES_PER_UNIT for r in rollup.values())
    assert sum(r.pagu for r in rollup.values()) == Decimal(gen["pagu_total"])
    assert sum(r.realisasi for r in rollup.values()) == Decimal(gen["realisasi_total"])
    assert len(capaian) == args.units and all(len(v) == INDICATORS_PER_UNIT for v in capaian.values())
    assert all(b.capaian is not None for v in capaian.values() for b in v)

    # -- naive baseline: one query per budget line ----------------------------------------------
    def naive(instansi_ids):
        per_unit = defaultdict(Decimal)
        for b in BarisAnggaran.objects.filter(instansi_id__in=instansi_ids, tahun=TAHUN).only(
            "id", "instansi_id"
        ):
            s = RealisasiAnggaran.objects.filter(baris_id=b.id).aggregate(s=Sum("nilai"))["s"]
            per_unit[b.instansi_id] += s or 0
        return per_unit

    with counting(connection) as qc:
        t0 = time.perf_counter()
        per_unit = naive(ids)
        naive_s = time.perf_counter() - t0
    assert all(per_unit[i] == rollup[i].realisasi for i in ids), "naive and aggregated realisasi differ"
    agg = report["roll_up_instansi"]
    report["naive"] = {
        "seconds": naive_s,
        "queries": qc.n,
        "ratio_seconds": naive_s / agg["seconds_median"],
        "ratio_queries": qc.n / agg["queries"],
        "what": "per BarisAnggaran one SUM(RealisasiAnggaran.nilai) query (realisasi only); "
        "compared with roll_up_instansi (median), which also builds the full tree",
    }
    print(f"[{kind}] naive: {naive_s:.2f} s, {qc.n} queries", flush=True)
    report["targets"] = {
        "import_under_30s": import_s < TARGET_IMPORT_S,
        "roll_up_under_2s": report["roll_up_instansi"]["seconds"] + report["capaian_pk"]["seconds"]
        < TARGET_ROLLUP_S,
        "constant_queries": report["roll_up_instansi"]["constant_queries"]
        and report["capaian_pk"]["constant_queries"],
    }

    # -- profile the import when it misses the target ------------------------------------------
    if args.profile or import_s >= TARGET_IMPORT_S:
        print(f"[{kind}] profiling the import on another fresh database …", flush=True)
        OUT_DIR.mkdir(parents=True, exist_ok=True)
        prof_out = OUT_DIR / f"core-{kind}-import.prof"
        with fresh_database(args.database_url, "_prof") as prof_url:
            report["profile"] = run_child("import-profile", args, wb, prof_url, ["--prof-out", str(prof_out)])
    return report


def print_report(r: dict) -> None:
    g, i, ru, cp, nv = r["generate"], r["import"], r["roll_up_instansi"], r["capaian_pk"], r["naive"]
    rows = r["rows_in_db"]
    ok = lambda b: "OK" if b else "MISSED"  # noqa: E731
    print()
    print(
        f"== bench_core — {r['server']} ({r['db']}), {r['units']} units, seed {r['seed']}, "
        f"Python {r['python']}, {r['cpus']} CPUs, DEBUG={r['debug']}"
    )
    print(
        f"data        {rows['Instansi']} units, {rows['BarisAnggaran']} budget lines "
        f"(+{rows['RealisasiAnggaran']} realisasi), {rows['Indikator']} indicators "
        f"({rows['Target']} targets, {rows['PKIndikator']} PK rows, {rows['Realisasi']} realisasi), "
        f"{rows['SubUnit']} subunits; workbook {g['total_rows']} rows, {g['bytes'] / MB:.1f} MB"
    )
    print(
        f"generate    {g['seconds']:7.2f} s  (build {g['build_s']:.2f} s, write {g['write_s']:.2f} s; "
        f"child maxrss {g['maxrss_mb']:.0f} MB)"
    )
    print(f"migrate     {r['migrate_s']:7.2f} s")
    print(
        f"import      {i['seconds']:7.2f} s  [{ok(i['seconds'] < TARGET_IMPORT_S)} < {TARGET_IMPORT_S:.0f} s]  "
        f"read+validate {i['read_s']:.2f} s, resolve+save ≈{i['save_s']:.2f} s"
    )
    traced = (
        "tracemalloc skipped"
        if i["tracemalloc_peak_mb"] is None
        else f"tracemalloc peak {i['tracemalloc_peak_mb']:.0f} MB (traced run {i['seconds_traced']:.1f} s)"
    )
    print(
        f"            {traced}; "
        f"maxrss {i['maxrss_mb']:.0f} MB (before import {i['maxrss_before_mb']:.0f} MB, "
        f"+{i['maxrss_growth_mb']:.0f} MB)"
    )
    for label, m in (("roll_up", ru), ("capaian_pk", cp)):
        qs = ", ".join(f"{n} unit{'s' if n > 1 else ''}: {q}" for n, q in m["queries_by_units"].items())
        print(
            f"{label:11} {m['seconds']:7.3f} s  (median {m['seconds_median']:.3f} s)  {m['queries']} queries "
            f"[{qs}; constant: {ok(m['constant_queries'])}]"
        )
    print(
        f"            roll-up total {ru['seconds'] + cp['seconds']:.3f} s "
        f"[{ok(r['targets']['roll_up_under_2s'])} < {TARGET_ROLLUP_S:.0f} s]"
    )
    print(f"naive       {nv['seconds']:7.3f} s  {nv['queries']} queries (one per budget line)")
    print(
        f"ratio       naive/aggregated: {nv['ratio_seconds']:.1f}× time, {nv['ratio_queries']:.0f}× queries"
    )
    if "profile" in r:
        p = r["profile"]
        print(f"\n-- cProfile of the import ({p['seconds_profiled']:.1f} s under the profiler; {p['prof']})")
        for h in p["hot"][:25]:
            print(f"   {h['cumtime']:8.2f} cum {h['tottime']:8.2f} own {h['calls']:>9}  {h['func']}")
        print(p["by_tottime"])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, default=500)
    ap.add_argument(
        "--database-url", help="postgres://user@host:port/db (maintenance access) or sqlite:////new.sqlite3"
    )
    ap.add_argument("--seed", type=int, default=20240101)
    ap.add_argument("--profile", action="store_true", help="profile the import even when it meets the target")
    ap.add_argument(
        "--skip-tracemalloc",
        action="store_true",
        help="skip the traced import (tracing makes it ~5x slower); no tracemalloc peak then",
    )
    ap.add_argument("--keep-workbook", action="store_true", help="keep the generated .xlsx in benchmarks/out")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--workbook", help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    ap.add_argument("--prof-out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.units < 1:
        ap.error("--units must be at least 1")
    if args.child:
        return child_main(args)

    kind = db_kind(args.database_url)
    workdir = Path(tempfile.mkdtemp(prefix="sakip_bench_wb_"))
    try:
        with fresh_database(args.database_url) as url:
            report = bench(args, url, kind, workdir)
        if args.keep_workbook:
            OUT_DIR.mkdir(parents=True, exist_ok=True)
            shutil.copy(workdir / f"bench-{args.units}.xlsx", OUT_DIR / f"bench-{args.units}.xlsx")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print_report(report)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = OUT_DIR / f"core-{kind}.json"
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"\nreport written to {out.relative_to(ROOT)}")
    return 0 if all(report["targets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
