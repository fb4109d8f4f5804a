#!/usr/bin/env python
"""Web benchmark: unit and pemda dashboards under concurrent load, served by gunicorn.

    cd /work/main && .venv/bin/python benchmarks/bench_web.py [--units 500] \
        [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--concurrency 20] [--requests 400]

Creates a fresh PostgreSQL database ``sakip_bench_web_<pid>`` (dropped at the end), migrates it,
imports the synthetic N-unit workbook of ``bench_core`` and creates two users (admin_pemda of the
synthetic pemda, operator of the first unit). Then starts ``gunicorn sakip.wsgi -w 2`` on a free
loopback port and drives it with plain threads + ``http.client``: every worker logs in once through
/akun/masuk/ (CSRF token + session cookie), does warm-up requests (not measured), then requests.

Unless --cold, ``siapkan_dasbor --tahun 2024`` then computes and stores every dashboard (what a
deployment runs after an import or at night; a page is otherwise computed on its first view after
a change and stored, see tembolok/services.py) and its time is reported.

Scenarios (each bounded by --requests and --max-seconds):
  A  unit dashboard /unit/<random unit>/?tahun=2024 as admin_pemda
  A-op  unit dashboard of the first unit as its operator
  B  pemda dashboard /pemda/<kode>/?tahun=2024 as admin_pemda
each at concurrency 1 (baseline) and at --concurrency; then, at --concurrency only,
  A-op+w  A-op while --write-rate SKM answers per second are stored for that same unit
  B+w     B while --write-rate SKM answers per second are stored for random units
(each runs --write-seconds; every write drops the stored pages it affects, so these measure
recomputation under load). Targets: p95 < 300 ms (unit), < 800 ms
(pemda) at the given concurrency. Report printed and written to benchmarks/out/web-postgresql.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
import _gunicorn  # noqa: E402
import bench_core as core  # noqa: E402  (sets DJANGO_SETTINGS_MODULE and DJANGO_DEBUG=0)
from _gunicorn import persentil  # noqa: E402

TAHUN = 2024
PASSWORD = "bench-Pa55word!"
TARGETS_MS = {"unit": 300.0, "pemda": 800.0}


@contextmanager
def fresh_pg(url: str):
    import psycopg

    name = f"sakip_bench_web_{os.getpid()}"
    maint = core._pg_url(url, "postgres")
    with psycopg.connect(maint, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}"')
        c.execute(f'CREATE DATABASE "{name}"')
    try:
        yield core._pg_url(url, name)
    finally:
        core._close_django()
        with psycopg.connect(maint, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def prepare(args, db_url: str) -> dict:
    core._setup(db_url)
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from akun.models import Peran
    from organisasi.models import Instansi, Pemda
    from workbook.importer import import_workbook
    from workbook.writer import tulis

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrated in {time.perf_counter() - t0:.1f} s", flush=True)
    with tempfile.TemporaryDirectory(prefix="sakip_bench_web_") as d:
        wb = Path(d) / "bench.xlsx"
        t0 = time.perf_counter()
        data = core.generate(args.units, args.seed)
        tulis(data, wb)
        hasil = import_workbook(wb)
        if hasil.errors:
            raise SystemExit("import errors:\n  " + "\n  ".join(hasil.errors[:20]))
    print(f"generated + imported {args.units} units in {time.perf_counter() - t0:.1f} s", flush=True)
    siapkan_s = None
    if not args.cold:
        import io

        t0 = time.perf_counter()
        call_command("siapkan_dasbor", "--tahun", str(TAHUN), stdout=io.StringIO())
        siapkan_s = time.perf_counter() - t0
        print(
            f"siapkan_dasbor: {args.units} unit dashboards + the pemda dashboard computed and stored in "
            f"{siapkan_s:.1f} s ({siapkan_s * 1000 / (args.units + 1):.0f} ms per page)",
            flush=True,
        )
    pemda = Pemda.objects.get()
    slugs = list(Instansi.objects.order_by("slug").values_list("slug", flat=True))
    ids = list(Instansi.objects.order_by("slug").values_list("id", flat=True))
    User = get_user_model()
    admin = User(username="bench_admin")
    admin.set_password(PASSWORD)
    admin.save()
    Peran.objects.create(user=admin, jenis="admin_pemda", pemda=pemda)
    op = User(username="bench_operator")
    op.set_password(PASSWORD)
    op.save()
    Peran.objects.create(user=op, jenis="operator", instansi=Instansi.objects.get(slug=slugs[0]))
    with connection.cursor() as c:
        c.execute("select version()")
        server = c.fetchone()[0].split(" on ")[0]
    core._close_django()
    return {"pemda": pemda.kode, "slugs": slugs, "ids": ids, "server": server, "siapkan_s": siapkan_s}


class Client(_gunicorn.Klien):
    def login(self, username: str):
        st, body, _ = self.req("GET", "/akun/masuk/")
        m = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        if st != 200 or not m or "csrftoken" not in self.cookies:
            raise RuntimeError(f"login page: status {st}, token {bool(m)}")
        form = urlencode(
            {"csrfmiddlewaretoken": m.group(1).decode(), "username": username, "password": PASSWORD}
        )
        st, _, _ = self.req("POST", "/akun/masuk/", form, {"Referer": "http://127.0.0.1/akun/masuk/"})
        if st != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"login failed for {username}: status {st}")

    def get(self, path):
        st, body, seconds = self.req("GET", path)
        return st, seconds, len(body)


def run_scenario(port, name, user, paths, concurrency, total, max_s, warmup) -> dict:
    lat, errors, sizes = [], [], []
    lock = threading.Lock()
    issued = [0]
    ready = threading.Barrier(concurrency + 1)
    stop_at = [0.0]
    fail = []

    def worker(i):
        rng = random.Random(1000 + i)
        try:
            c = Client(port)
            c.login(user)
            for _ in range(warmup):
                c.get(paths(rng))
        except Exception as e:  # noqa: BLE001
            fail.append(repr(e))
            ready.wait()
            return
        ready.wait()
        while True:
            with lock:
                if issued[0] >= total or time.perf_counter() > stop_at[0]:
                    return
                issued[0] += 1
            try:
                st, dtm, n = c.get(paths(rng))
            except Exception as e:  # noqa: BLE001
                st, dtm, n = repr(e), 0.0, 0
            with lock:
                if st == 200:
                    lat.append(dtm)
                    sizes.append(n)
                else:
                    errors.append(st)

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(concurrency)]
    for t in threads:
        t.start()
    stop_at[0] = time.perf_counter() + 10**6
    ready.wait()
    t0 = time.perf_counter()
    stop_at[0] = t0 + max_s
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ms = [x * 1000 for x in lat]
    res = {
        "scenario": name,
        "user": user,
        "concurrency": concurrency,
        "count": len(lat) + len(errors),
        "ok": len(lat),
        "errors": len(errors),
        "error_samples": [str(e) for e in errors[:5]],
        "login_failures": fail[:5],
        "seconds": wall,
        "throughput_rps": len(lat) / wall if wall else 0,
        "p50_ms": persentil(ms, 50),
        "p95_ms": persentil(ms, 95),
        "p99_ms": persentil(ms, 99),
        "mean_ms": statistics.fmean(ms) if ms else None,
        "max_ms": max(ms) if ms else None,
        "mean_bytes": statistics.fmean(sizes) if sizes else None,
        "time_capped": wall >= max_s,
    }
    f = lambda v: "-" if v is None else f"{v:7.0f}"  # noqa: E731
    print(
        f"  {name:6} C={concurrency:<3} n={res['count']:4} err={res['errors']:3} "
        f"{res['throughput_rps']:6.1f} req/s  p50 {f(res['p50_ms'])}  p95 {f(res['p95_ms'])}  "
        f"p99 {f(res['p99_ms'])} ms  ({wall:.1f} s)",
        flush=True,
    )
    return res


@contextmanager
def penulis(pick, rate: float):
    """While the scenario runs, store ``rate`` SKM answers per second (year 2024) through the model
    — each drops the unit's and its pemda's stored dashboards, as any write does."""
    stop = threading.Event()
    count = [0]

    def run():
        from django.db import connection

        from skm.models import Responden

        rng = random.Random(7)
        while not stop.wait(1 / rate):
            Responden.objects.create(
                instansi_id=pick(rng),
                tahun=TAHUN,
                periode="TW4",
                klien="bench-penulis",
                **{f"u{i}": rng.randint(1, 4) for i in range(1, 10)},
            )
            count[0] += 1
        connection.close()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    try:
        yield count
    finally:
        stop.set()
        t.join()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, default=500)
    ap.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--concurrency", type=int, default=20)
    ap.add_argument("--requests", type=int, default=400, help="per scenario at --concurrency")
    ap.add_argument(
        "--baseline-requests", type=int, default=None, help="per scenario at C=1 (default requests/4)"
    )
    ap.add_argument("--max-seconds", type=float, default=120.0, help="cap per scenario")
    ap.add_argument("--warmup", type=int, default=2, help="unmeasured requests per worker")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--seed", type=int, default=20240101)
    ap.add_argument(
        "--write-rate",
        type=float,
        default=1.0,
        help="writes per second during the '+w' scenarios (0: skip them)",
    )
    ap.add_argument("--write-seconds", type=float, default=20.0, help="length of each '+w' scenario")
    ap.add_argument(
        "--cold",
        action="store_true",
        help="do not run siapkan_dasbor first: every first view of a page computes it",
    )
    args = ap.parse_args(argv)
    if core.db_kind(args.database_url) != "postgresql":
        ap.error("bench_web needs a PostgreSQL --database-url")
    base_n = args.baseline_requests or max(20, args.requests // 4)

    report = {
        "units": args.units,
        "concurrency": args.concurrency,
        "requests": args.requests,
        "baseline_requests": base_n,
        "max_seconds": args.max_seconds,
        "gunicorn_workers": args.workers,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "targets_p95_ms": TARGETS_MS,
        "scenarios": [],
    }
    with fresh_pg(args.database_url) as db_url:
        info = prepare(args, db_url)
        report["server"] = info["server"]
        report["siapkan_dasbor_s"] = info["siapkan_s"]
        report["cold"] = args.cold
        slugs, kode, ids = info["slugs"], info["pemda"], info["ids"]
        unit_any = lambda rng: f"/unit/{rng.choice(slugs)}/?tahun={TAHUN}"  # noqa: E731
        unit_first = lambda rng: f"/unit/{slugs[0]}/?tahun={TAHUN}"  # noqa: E731
        pemda_path = lambda rng: f"/pemda/{kode}/?tahun={TAHUN}"  # noqa: E731
        plan = [
            ("A", "bench_admin", unit_any, "unit"),
            ("A-op", "bench_operator", unit_first, "unit"),
            ("B", "bench_admin", pemda_path, "pemda"),
        ]
        tulis = (
            [
                ("A-op+w", "bench_operator", unit_first, "unit", lambda rng: ids[0]),
                ("B+w", "bench_admin", pemda_path, "pemda", lambda rng: rng.choice(ids)),
            ]
            if args.write_rate
            else []
        )
        with _gunicorn.gunicorn(db_url, args.workers) as port:
            for name, user, paths, kind in plan:
                for c, n in ((1, base_n), (args.concurrency, args.requests)):
                    r = run_scenario(port, name, user, paths, c, n, args.max_seconds, args.warmup)
                    r["page"] = kind
                    report["scenarios"].append(r)
            for name, user, paths, kind, pick in tulis:
                with penulis(pick, args.write_rate) as ditulis:
                    r = run_scenario(
                        port, name, user, paths, args.concurrency, 10**9, args.write_seconds, args.warmup
                    )
                r.update(page=kind, writes=ditulis[0], write_rate=args.write_rate)
                print(f"         ({ditulis[0]} writes during the run)", flush=True)
                report["scenarios"].append(r)

    by = {(s["scenario"], s["concurrency"]): s for s in report["scenarios"]}
    summary = {}
    print(
        f"\n== bench_web — {report['server']}, {args.units} units, gunicorn -w {args.workers}, "
        f"Python {report['python']}, {report['cpus']} CPUs"
    )
    for name, _u, _p, kind in plan:
        lo, hi = by[(name, 1)], by[(name, args.concurrency)]
        ratio = hi["p95_ms"] / lo["p95_ms"] if hi["p95_ms"] and lo["p95_ms"] else None
        met = hi["p95_ms"] is not None and hi["p95_ms"] < TARGETS_MS[kind] and hi["errors"] == 0
        summary[name] = {
            "p95_c1_ms": lo["p95_ms"],
            f"p95_c{args.concurrency}_ms": hi["p95_ms"],
            "ratio_p95": ratio,
            "target_ms": TARGETS_MS[kind],
            "met": met,
        }
        print(
            f"{name:5} p95 C=1 {lo['p95_ms']:.0f} ms, C={args.concurrency} {hi['p95_ms']:.0f} ms "
            f"(×{ratio:.1f}); {hi['throughput_rps']:.1f} req/s; target < {TARGETS_MS[kind]:.0f} ms: "
            f"{'OK' if met else 'MISSED'}"
        )
    for name, _u, _p, kind, _w in tulis:
        hi = next(s for s in report["scenarios"] if s["scenario"] == name)
        met = hi["p95_ms"] is not None and hi["p95_ms"] < TARGETS_MS[kind] and hi["errors"] == 0
        summary[name] = {
            f"p95_c{args.concurrency}_ms": hi["p95_ms"],
            "writes": hi["writes"],
            "target_ms": TARGETS_MS[kind],
            "met": met,
        }
        print(
            f"{name:6} p95 C={args.concurrency} {hi['p95_ms']:.0f} ms with {args.write_rate:g} write/s "
            f"({hi['writes']} writes); {hi['throughput_rps']:.1f} req/s; target < {TARGETS_MS[kind]:.0f} ms: "
            f"{'OK' if met else 'MISSED'}"
        )
    report["summary"] = summary
    core.OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = core.OUT_DIR / "web-postgresql.json"
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"report written to {out.relative_to(ROOT)}")
    return 0 if all(s["met"] for s in summary.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
