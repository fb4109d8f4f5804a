#!/usr/bin/env python
"""SKM benchmark: IKM of every unit × period over 1,000,000 raw responses, and survey
submissions per second through the app.

    cd /work/main && .venv/bin/python benchmarks/bench_skm.py [--rows 1000000] [--units 500]
        [--database-url postgres://postgres@127.0.0.1:5432/postgres] [--seconds 15] [--threads 8]

Creates a fresh PostgreSQL database ``sakip_bench_<pid>_skm`` (dropped at the end), migrates it,
creates ``--units`` units with 7 layanan each and inserts ``--rows`` responses spread over the
units, layanan and the 4 quarters of 2024 with one ``INSERT … SELECT generate_series`` statement.

1. Database path: ``skm.selectors.ikm_tahun(all unit ids, 2024)`` — the service the pages and the
   ``ikm`` command use (one GROUP BY over instansi × periode summing u1..u9) — and, for
   comparison, loading the same rows into pandas and grouping there. Both are timed in the same
   run (best of ``--repeat``) and must give the same IKM for every unit × period. Target:
   < 3 s and ≥ 3× faster than pandas.
2. Submissions: ``gunicorn sakip.wsgi -w 2`` on loopback with a settings module written to a
   temporary folder that sets ``PROXY_TEPERCAYA = 1`` (the benchmark only), so each
   simulated respondent is told apart by its X-Forwarded-For address as behind a real proxy.
   ``--threads`` threads with http.client: GET the form (CSRF cookie and token), POST the
   answers (302 expected), a new respondent identity every ``SKM_MAKS_PER_MENIT`` (5)
   submissions. Target: ≥ 150 submissions/s, POST p95 < 200 ms. Every 302 must be stored.

The report is printed and written to ``benchmarks/out/skm-postgresql.json``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import statistics
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
import _gunicorn  # noqa: E402
import bench_core as core  # noqa: E402  (sets DJANGO_SETTINGS_MODULE and DJANGO_DEBUG=0)
from _gunicorn import persentil  # noqa: E402

TAHUN = 2024
LAYANAN = 7
PERIODE = ("TW1", "TW2", "TW3", "TW4")
TARGET_DB_S = 3.0
TARGET_RATIO = 3.0
TARGET_RPS = 150.0
TARGET_P95_MS = 200.0


# --------------------------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------------------------


def prepare(units: int, rows: int) -> dict:
    from django.core.management import call_command
    from django.db import connection

    from organisasi.models import Instansi, Layanan, Pemda

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    t1 = time.perf_counter()
    pemda = Pemda.objects.create(kode="bench", nama="Pemda Sintetis")
    Instansi.objects.bulk_create(
        [Instansi(pemda=pemda, slug=f"unit-{u:04d}", nama=f"Unit Sintetis {u:04d}") for u in range(units)]
    )
    ids = list(Instansi.objects.order_by("slug").values_list("id", flat=True))
    Layanan.objects.bulk_create(
        [
            Layanan(instansi_id=i, kode=f"L{k + 1}", nama=f"Layanan {k + 1}")
            for i in ids
            for k in range(LAYANAN)
        ]
    )
    t2 = time.perf_counter()
    with connection.cursor() as c:
        # unit n = g % units, layanan k = (g / units) % 7, quarter q = (g / (units*7)) % 4; answers 1..4
        # skewed per unit so that units differ (unit bias b in 0..1 shifts the answer distribution)
        c.execute("""
            CREATE TEMP TABLE bench_unit AS
              SELECT (row_number() OVER (ORDER BY slug) - 1)::int AS n, id, (abs(hashtext(slug)) % 100) / 100.0 AS b
              FROM organisasi_instansi;
            CREATE TEMP TABLE bench_lay AS
              SELECT u.n, (substr(l.kode, 2)::int - 1) AS k, l.id
              FROM organisasi_layanan l JOIN bench_unit u ON u.id = l.instansi_id;
        """)
        t3 = time.perf_counter()
        ans = ", ".join("least(4, 1 + floor(random() * 3.2 + u.b))::smallint" for _ in range(9))
        c.execute(f"""
            INSERT INTO skm_responden (instansi_id, layanan_id, tahun, periode, tanggal_layanan, jenis_kelamin,
                                       umur, pendidikan, pekerjaan, saran, dibuat, klien,
                                       u1, u2, u3, u4, u5, u6, u7, u8, u9)
            SELECT u.id, l.id, {TAHUN}, 'TW' || (1 + (g / ({units} * {LAYANAN})) % 4),
                   make_date({TAHUN}, 3 * ((g / ({units} * {LAYANAN})) % 4) + 1, 1 + g % 28),
                   CASE WHEN g % 2 = 0 THEN 'L' ELSE 'P' END, 18 + g % 60, '', '', '', now(), 'bench', {ans}
            FROM generate_series(0, {rows - 1}) AS g
            JOIN bench_unit u ON u.n = g % {units}
            JOIN bench_lay l ON l.n = u.n AND l.k = (g / {units}) % {LAYANAN}
        """)
        inserted = c.rowcount
        t4 = time.perf_counter()
        c.execute("ANALYZE skm_responden")
        c.execute("SELECT pg_size_pretty(pg_total_relation_size('skm_responden')), version()")
        size, server = c.fetchone()
    t5 = time.perf_counter()
    if inserted != rows:
        raise SystemExit(f"inserted {inserted} rows, expected {rows}")
    return {
        "ids": ids,
        "migrate_s": t1 - t0,
        "units_s": t2 - t1,
        "insert_s": t4 - t3,
        "analyze_s": t5 - t4,
        "table_size": size,
        "server": server.split(" on ")[0],
    }


# --------------------------------------------------------------------------------------------
# 1. IKM of every unit × period: database GROUP BY (the service) vs pandas
# --------------------------------------------------------------------------------------------


def via_service(ids) -> dict:
    from skm.selectors import ikm_tahun

    hasil = ikm_tahun(ids, TAHUN)
    return {(iid, p.periode): p.ikm for iid, h in hasil.items() for p in h.periode} | {
        (iid, "TAHUN"): h.ikm for iid, h in hasil.items()
    }


def via_pandas(ids) -> dict:
    """Load the rows into a DataFrame and group there (the analyst's usual path)."""
    import pandas as pd
    from django.db import connection

    kolom = ["instansi_id", "periode", *[f"u{i}" for i in range(1, 10)]]
    with connection.cursor() as c:
        c.execute(
            f"SELECT {', '.join(kolom)} FROM skm_responden WHERE tahun = %s AND instansi_id = ANY(%s)",
            [TAHUN, list(ids)],
        )
        df = pd.DataFrame(c.fetchall(), columns=kolom)
    u = [f"u{i}" for i in range(1, 10)]
    nrr = df.groupby(["instansi_id", "periode"])[u].mean()
    ikm = nrr.sum(axis=1) * 25 / 9
    out = {k: v for k, v in ikm.items()}
    # yearly value as the service's default method: mean of semesters, each the mean of its quarters
    sem = ikm.reset_index(name="ikm")
    sem["s"] = sem["periode"].map({"TW1": "S1", "TW2": "S1", "TW3": "S2", "TW4": "S2"})
    tahun = sem.groupby(["instansi_id", "s"])["ikm"].mean().groupby("instansi_id").mean()
    out.update({(iid, "TAHUN"): v for iid, v in tahun.items()})
    return out


def best_of(fn, n):
    times, out = [], None
    for _ in range(n):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), out


def bench_db(ids, repeat: int) -> dict:
    from django.db import connection

    with core.counting(connection) as qc:
        via_service(ids)
    queries = qc.n
    svc_best, svc_med, svc = best_of(lambda: via_service(ids), repeat)
    pd_best, pd_med, pdr = best_of(lambda: via_pandas(ids), repeat)
    if set(svc) != set(pdr):
        raise SystemExit(f"the two paths give different unit × period sets ({len(svc)} vs {len(pdr)})")
    worst = max(abs(float(svc[k]) - float(pdr[k])) for k in svc)
    if worst > 1e-9:
        raise SystemExit(f"service and pandas IKM differ by up to {worst}")
    ratio = pd_best / svc_best
    res = {
        "pairs": sum(1 for k in svc if k[1] != "TAHUN"),
        "units": len({k[0] for k in svc}),
        "service_best_s": svc_best,
        "service_median_s": svc_med,
        "service_queries": queries,
        "pandas_best_s": pd_best,
        "pandas_median_s": pd_med,
        "ratio": ratio,
        "max_abs_difference": worst,
        "target_s": TARGET_DB_S,
        "target_ratio": TARGET_RATIO,
        "ok": svc_best < TARGET_DB_S and ratio >= TARGET_RATIO,
        "sample": {f"{k[0]}/{k[1]}": str(round(svc[k], 2)) for k in sorted(svc)[:5]},
    }
    print(
        f"IKM of {res['pairs']} unit × period pairs ({res['units']} units): service {svc_best:.3f} s "
        f"({queries} queries), pandas {pd_best:.3f} s → {ratio:.1f}× "
        f"[{'OK' if res['ok'] else 'MISSED'}: < {TARGET_DB_S} s and ≥ {TARGET_RATIO}×]",
        flush=True,
    )
    return res


# --------------------------------------------------------------------------------------------
# 2. submissions through gunicorn
# --------------------------------------------------------------------------------------------

_gunicorn_pid = [0]
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
FORMULIR = re.compile(rb'name="token" value="([^"]+)"')  # the form view's one-time token


def gunicorn(db_url: str, workers: int):
    """gunicorn with the behind-a-proxy flag on: the load generator plays the proxy, one
    X-Forwarded-For per simulated respondent."""
    return _gunicorn.gunicorn(
        db_url,
        workers,
        settings_extra="PROXY_TEPERCAYA = 1\n",
        on_start=lambda pid: _gunicorn_pid.__setitem__(0, pid),
    )


def Responden(conn, ip: str) -> _gunicorn.Klien:  # noqa: N802  (one simulated respondent)
    return _gunicorn.Klien(conn, ip)


def submit(resp: Responden, slug: str, rng: random.Random, stats: dict, lock) -> None:
    path = f"/s/{slug}/"
    st, body, t_get = resp.req("GET", path)
    m = TOKEN.search(body)
    f = FORMULIR.search(body)
    if st != 200 or not m or not f:
        with lock:
            stats["errors"].append(f"GET {st}")
        return
    form = {
        "csrfmiddlewaretoken": m.group(1).decode(),
        "token": f.group(1).decode(),
        **{f"u{i}": str(rng.randint(1, 4)) for i in range(1, 10)},
        "umur": str(rng.randint(18, 70)),
        "jenis_kelamin": rng.choice("LP"),
        "saran": "",
    }
    st, _body, t_post = resp.req("POST", path, urlencode(form))
    with lock:
        stats["get_ms"].append(t_get * 1000)
        if st == 302:
            stats["post_ms"].append(t_post * 1000)
        else:
            stats["errors"].append(f"POST {st}")


def bench_web(db_url: str, slugs: list[str], args) -> dict:
    from skm.views import _maks_per_menit

    per_client = _maks_per_menit()
    stats = {"get_ms": [], "post_ms": [], "errors": []}
    lock = threading.Lock()
    counter = [0]
    stop = [0.0]
    ready = threading.Barrier(args.threads + 1)

    def ip_baru():
        with lock:
            counter[0] += 1
            n = counter[0]
        return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"

    def worker(i, warm):
        rng = random.Random(i)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for _ in range(warm):  # warm-up (not measured): imports, connections, template cache
            submit(
                Responden(conn, ip_baru()),
                rng.choice(slugs),
                rng,
                {"get_ms": [], "post_ms": [], "errors": []},
                lock,
            )
        ready.wait()
        while time.perf_counter() < stop[0]:
            r = Responden(conn, ip_baru())
            for _ in range(per_client):
                if time.perf_counter() >= stop[0]:
                    break
                submit(r, rng.choice(slugs), rng, stats, lock)
        conn.close()

    from django.db import connection

    from skm.models import Responden as Model

    with gunicorn(db_url, args.workers) as port:
        threads = [threading.Thread(target=worker, args=(i, 3), daemon=True) for i in range(args.threads)]
        stop[0] = time.perf_counter() + 10**6
        for t in threads:
            t.start()
        ready.wait()
        before = Model.objects.exclude(klien="bench").count()
        cpu0 = cpu_snapshot(_gunicorn_pid[0])
        t0 = time.perf_counter()
        stop[0] = t0 + args.seconds
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        cpu1 = cpu_snapshot(_gunicorn_pid[0])
    stored = Model.objects.exclude(klien="bench").count() - before
    connection.close()
    ok = len(stats["post_ms"])
    rps = ok / wall
    res = {
        "threads": args.threads,
        "seconds": wall,
        "submissions": ok,
        "stored": stored,
        "errors": len(stats["errors"]),
        "error_samples": stats["errors"][:5],
        "per_client": per_client,
        "submissions_per_s": rps,
        "requests_per_s": (ok + len(stats["get_ms"])) / wall,
        "post_p50_ms": persentil(stats["post_ms"], 50),
        "post_p95_ms": persentil(stats["post_ms"], 95),
        "post_p99_ms": persentil(stats["post_ms"], 99),
        "get_p50_ms": persentil(stats["get_ms"], 50),
        "get_p95_ms": persentil(stats["get_ms"], 95),
        "target_rps": TARGET_RPS,
        "target_p95_ms": TARGET_P95_MS,
        # CPU seconds used during the run, and per submission (GET + POST) in milliseconds
        "cpu_s": {k: cpu1[k] - cpu0[k] for k in cpu0},
        "cpu_ms_per_submission": {k: (cpu1[k] - cpu0[k]) * 1000 / max(ok, 1) for k in cpu0},
        "cpu_available_s": (os.cpu_count() or 1) * wall,
    }
    # what the machine could sustain if the three parts had every CPU to themselves (other users of a
    # shared machine take the rest; see cpu_s against cpu_available_s)
    per = sum(res["cpu_ms_per_submission"].values())
    res["capacity_per_s"] = (os.cpu_count() or 1) * 1000 / per if per else None
    res["ok"] = (
        rps >= TARGET_RPS
        and res["post_p95_ms"] is not None
        and res["post_p95_ms"] < TARGET_P95_MS
        and not stats["errors"]
    )
    print(
        f"submissions: {ok} in {wall:.1f} s = {rps:.0f}/s with {args.threads} threads, stored {stored}, "
        f"errors {len(stats['errors'])}; POST p50 {res['post_p50_ms']:.0f} ms, p95 {res['post_p95_ms']:.0f} ms; "
        f"GET p95 {res['get_p95_ms']:.0f} ms "
        f"[{'OK' if res['ok'] else 'MISSED'}: ≥ {TARGET_RPS:.0f}/s, p95 < {TARGET_P95_MS:.0f} ms]",
        flush=True,
    )
    print(
        "  CPU ms per submission: "
        + ", ".join(f"{k} {v:.1f}" for k, v in res["cpu_ms_per_submission"].items())
        + f" (of {res['cpu_available_s']:.0f} CPU-s available: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in res["cpu_s"].items())
        + f"); capacity with all {os.cpu_count()} CPUs ≈ {res['capacity_per_s'] or 0:.0f}/s",
        flush=True,
    )
    if stored != ok:
        raise SystemExit(f"{ok} submissions answered 302 but {stored} were stored")
    return res


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_snapshot(gunicorn_pid: int) -> dict[str, float]:
    """CPU seconds so far of the gunicorn processes, of all postgres processes and of this process."""
    import resource

    g = p = 0.0
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
        except OSError:
            continue
        comm = stat[stat.index("(") + 1 : stat.rindex(")")]
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if int(d.name) == gunicorn_pid or ppid == gunicorn_pid:
            g += _cpu_s(int(d.name))
        elif comm.startswith("postgres"):
            p += _cpu_s(int(d.name))
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return {"gunicorn": g, "postgres": p, "load_generator": ru.ru_utime + ru.ru_stime}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--units", type=int, default=500)
    ap.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seconds", type=float, default=15.0, help="length of the submission run")
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--skip-web", action="store_true")
    args = ap.parse_args(argv)
    if core.db_kind(args.database_url) != "postgresql":
        ap.error("bench_skm needs a PostgreSQL --database-url")
    report = {
        "rows": args.rows,
        "units": args.units,
        "layanan_per_unit": LAYANAN,
        "periods": len(PERIODE),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
    }
    with core.fresh_database(args.database_url, suffix="_skm") as db_url:
        core._setup(db_url)
        info = prepare(args.units, args.rows)
        ids = info.pop("ids")
        report["server"] = info.pop("server")
        report["prepare"] = info
        print(
            f"{report['server']}: {args.rows} responses for {args.units} units inserted in "
            f"{info['insert_s']:.1f} s ({info['table_size']})",
            flush=True,
        )
        report["db"] = bench_db(ids, args.repeat)
        if not args.skip_web:
            from organisasi.models import Instansi

            slugs = list(Instansi.objects.values_list("slug", flat=True))
            report["web"] = bench_web(db_url, slugs, args)
        core._close_django()
    core.OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = core.OUT_DIR / "skm-postgresql.json"
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"report: {out.relative_to(ROOT)}")
    return 0 if report["db"]["ok"] and report.get("web", {"ok": True})["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
