#!/usr/bin/env python
"""Task-queue benchmark (issue #17): the public survey and the dashboards while LKIP PDFs are made.

    cd /work/main && .venv/bin/python benchmarks/bench_antrian.py [--units 30] [--documents 10]
        [--concurrency 20] [--baseline-seconds 30] [--workers 2] [--task-workers 2]
        [--database-url postgres://postgres@127.0.0.1:5432/postgres]
    .venv/bin/python benchmarks/bench_antrian.py --units 14 --documents 2 --baseline-seconds 10  # quick

Creates a fresh PostgreSQL database ``sakip_bench_web_<pid>`` (dropped at the end) with the synthetic
N-unit workbook of ``bench_core`` and the two users of ``bench_web`` (its ``prepare``: migrate, import,
``siapkan_dasbor``), starts ``gunicorn sakip.wsgi -w 2`` (with the behind-a-proxy flag of
``bench_skm``, so each simulated respondent has its own X-Forwarded-For address) and
``--task-workers`` processes of ``manage.py db_worker`` (the database backend of the task queue, as
``make run`` starts it), all on this machine. With ``--cgroup auto`` (the default) the task
workers run in a CPU cgroup with ``cpu.idle = 1`` when the machine lets the benchmark make one, as
docs/deploy.md sets up a systemd deployment (``CPUWeight=idle``); ``--cgroup off`` leaves them out.

The same closed-loop load runs twice, in one run:

1. **baseline**: ``--baseline-seconds`` with the workers idle (no document job);
2. **with documents**: ``--documents`` LKIP PDFs of different units are requested through the real
   job path (``laporan.tugas.minta_dokumen`` → ``tugas.services.minta`` → the queue; the workers
   build, render through LibreOffice and store them), and the load runs until every job has
   finished (or ``--max-seconds``).

The load: ``--concurrency`` users, half of them survey respondents (each submission = GET the
questionnaire ``/s/<unit>/`` for its CSRF and form tokens, POST the answers, a 302 expected; a new
respondent address every ``SKM_MAKS_PER_MENIT`` submissions, as ``bench_skm``), half dashboard viewers
logged in as the pemda's admin (alternately a unit dashboard and the pemda dashboard of 2024).
Respondents answer for the last ``--survey-units`` units, whose dashboards nobody views; the
viewers view the other units' (a survey answer drops the stored pages of its unit and pemda, so the
pemda page is recomputed as answers come in, in both phases alike). No think time.

Targets (with documents): survey POST p95 < 200 ms, dashboards p95 < 300 ms; the ratio
with/without documents is printed for each. The report also gives the load average at the start and
end of each phase (the machine may be shared) and is written to
``benchmarks/out/antrian-postgresql.json``.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

os.environ["SAKIP_ANTRIAN"] = "db"  # this process enqueues to the database backend the workers read
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
import bench_core as core  # noqa: E402  (sets DJANGO_SETTINGS_MODULE and DJANGO_DEBUG=0)
import bench_skm as skm  # noqa: E402
import bench_web as web  # noqa: E402
from _gunicorn import persentil  # noqa: E402

TAHUN = 2024
TARGETS_MS = {"survey": 200.0, "dashboard": 300.0}


def worker_env(db_url: str, dokumen: str) -> dict:
    """The environment of gunicorn (``_gunicorn.gunicorn``) for the task workers, plus where the
    documents go."""
    env = {"DJANGO_SECRET_KEY": "benchmark-only-key-never-deployed-0123456789-abcdefghijklmnop", **os.environ}
    env.update(
        DATABASE_URL=db_url,
        DJANGO_DEBUG="0",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        SAKIP_ANTRIAN="db",
        SAKIP_DOKUMEN_ROOT=dokumen,
    )
    return env


def _cgroup_cpu() -> Path | None:
    """Where a CPU cgroup can be made on this machine: the v2 hierarchy when its cpu controller is
    on, else the v1 cpu hierarchy; None when neither is writable or has ``cpu.idle``."""
    v2 = Path("/sys/fs/cgroup")
    for root in (v2, v2 / "unified", v2 / "cpu"):
        ctl = root / "cgroup.controllers"
        if root.name == "cpu" and (root / "cpu.idle").exists() and os.access(root, os.W_OK):
            return root  # v1
        if ctl.exists() and "cpu" in ctl.read_text().split() and os.access(root, os.W_OK):
            if "cpu" not in (root / "cgroup.subtree_control").read_text().split():
                try:
                    (root / "cgroup.subtree_control").write_text("+cpu")
                except OSError:
                    continue
            return root
    return None


@contextmanager
def cgroup_idle(pids: list[int], mode: str):
    """As docs/deploy.md has it under systemd (``CPUWeight=idle`` on the worker's unit): the task
    workers, and the LibreOffice they start, in a CPU cgroup with ``cpu.idle = 1``, so the
    scheduler gives them only what the web leaves at the level of groups too. ``mode``: ``auto``
    (when this machine lets us), ``off``. Yields the cgroup's path or None."""
    root = _cgroup_cpu() if mode == "auto" else None
    if root is None:
        yield None
        return
    grup = root / f"sakip_bench_pekerja_{os.getpid()}"
    try:
        grup.mkdir()
        (grup / "cpu.idle").write_text("1")
        for pid in pids:
            (grup / "cgroup.procs").write_text(str(pid))
    except OSError as e:
        print(f"cgroup {grup}: {e}; the workers stay where they are", flush=True)
        yield None
        return
    print(f"task workers in {grup} (cpu.idle = 1)", flush=True)
    try:
        yield str(grup)
    finally:
        for pid in (grup / "cgroup.procs").read_text().split():
            try:
                (root / "cgroup.procs").write_text(pid)
            except OSError:
                pass
        try:
            grup.rmdir()
        except OSError:
            pass


@contextmanager
def task_workers(db_url: str, n: int, dokumen: str):
    """``n`` processes of ``manage.py db_worker`` (stopped with SIGTERM at the end); yields their pids."""
    env = worker_env(db_url, dokumen)
    logs, procs = [], []
    try:
        for i in range(n):
            log = tempfile.NamedTemporaryFile(prefix=f"sakip_bench_worker{i}_", suffix=".log", delete=False)
            logs.append(log)
            procs.append(
                subprocess.Popen(
                    [
                        str(ROOT / ".venv" / "bin" / "python"),
                        "manage.py",
                        "db_worker",
                        "--no-reload",
                        "--no-startup-delay",
                        "--worker-id",
                        f"bench-{os.getpid()}-{i}",
                    ],
                    cwd=ROOT,
                    env=env,
                    stdout=log,
                    stderr=log,
                    start_new_session=True,
                )
            )
        time.sleep(3)
        for p, log in zip(procs, logs, strict=True):
            if p.poll() is not None:
                raise SystemExit(f"db_worker exited ({p.returncode}); log: {log.name}")
        print(f"{n} task workers (manage.py db_worker): pids {[p.pid for p in procs]}", flush=True)
        yield [p.pid for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(60)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        for log in logs:
            log.close()
            Path(log.name).unlink(missing_ok=True)


def cpu_of(pids) -> float:
    """CPU seconds so far of these processes, their running children and the children they have
    waited for (/proc: utime + stime of each; a child that detached itself is not counted)."""
    anak: dict[int, list[int]] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            anak.setdefault(ppid, []).append(int(d.name))
    total, stack = 0.0, list(pids)
    while stack:
        p = stack.pop()
        try:
            f = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in f[11:15]) / os.sysconf("SC_CLK_TCK")  # utime stime cutime cstime
        stack.extend(anak.get(p, []))
    return total


_ALAMAT = itertools.count(1)  # respondent addresses, never reused in a run (the per-client limit)


def run_load(port, args, survey_slugs, dash_slugs, pemda, until, on_start=None) -> dict:
    """The mixed load until ``until(seconds)`` is true (checked twice a second); ``on_start()`` is
    called once every user is logged in and sending. Latencies per kind."""
    from skm.views import _maks_per_menit

    per_client = _maks_per_menit()
    stats = {"get_ms": [], "post_ms": [], "errors": []}
    dash = {"unit": [], "pemda": [], "errors": []}
    lock = threading.Lock()
    stop = threading.Event()
    n_survey = args.concurrency // 2
    ready = threading.Barrier(args.concurrency + 1)

    def ip_baru():
        with lock:
            n = next(_ALAMAT)
        return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"

    def responden(i):
        rng = random.Random(100 + i)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        ready.wait()
        while not stop.is_set():
            r = skm.Responden(conn, ip_baru())
            for _ in range(per_client):
                if stop.is_set():
                    break
                skm.submit(r, rng.choice(survey_slugs), rng, stats, lock)
        conn.close()

    def penonton(i):
        rng = random.Random(200 + i)
        try:
            c = web.Client(port)
            c.login("bench_admin")
        except Exception as e:  # noqa: BLE001
            with lock:
                dash["errors"].append(f"login {e!r}")
            ready.wait()
            return
        ready.wait()
        k = i
        while not stop.is_set():
            k += 1
            kind = "pemda" if k % 2 else "unit"
            path = (
                f"/pemda/{pemda}/?tahun={TAHUN}"
                if kind == "pemda"
                else f"/unit/{rng.choice(dash_slugs)}/?tahun={TAHUN}"
            )
            try:
                st, seconds, _n = c.get(path)
            except Exception as e:  # noqa: BLE001
                st, seconds = repr(e), 0.0
            with lock:
                if st == 200:
                    dash[kind].append(seconds * 1000)
                else:
                    dash["errors"].append(f"{path} {st}")

    threads = [threading.Thread(target=responden, args=(i,), daemon=True) for i in range(n_survey)]
    threads += [
        threading.Thread(target=penonton, args=(i,), daemon=True) for i in range(args.concurrency - n_survey)
    ]
    for t in threads:
        t.start()
    ready.wait()
    load0 = os.getloadavg()[0]
    t0 = time.perf_counter()
    if on_start:
        on_start()
    while not until(time.perf_counter() - t0):
        time.sleep(0.5)
    stop.set()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    semua = dash["unit"] + dash["pemda"]
    return {
        "seconds": wall,
        "load_average_start": load0,
        "load_average_end": os.getloadavg()[0],
        "survey_submissions": len(stats["post_ms"]),
        "survey_per_s": len(stats["post_ms"]) / wall,
        "survey_post_p50_ms": persentil(stats["post_ms"], 50),
        "survey_post_p95_ms": persentil(stats["post_ms"], 95),
        "survey_get_p95_ms": persentil(stats["get_ms"], 95),
        "survey_errors": len(stats["errors"]),
        "survey_error_samples": stats["errors"][:5],
        "dashboard_requests": len(semua),
        "dashboard_per_s": len(semua) / wall,
        "dashboard_p50_ms": persentil(semua, 50),
        "dashboard_p95_ms": persentil(semua, 95),
        "dashboard_unit_p95_ms": persentil(dash["unit"], 95),
        "dashboard_pemda_p95_ms": persentil(dash["pemda"], 95),
        "dashboard_mean_ms": statistics.fmean(semua) if semua else None,
        "dashboard_errors": len(dash["errors"]),
        "dashboard_error_samples": dash["errors"][:5],
    }


def minta_dokumen(slugs: list[str]) -> list[str]:
    """Request the LKIP 2024 PDF of each unit as the pemda's admin, through the job path the web
    uses (laporan.views.minta → laporan.tugas.minta_dokumen → tugas.services.minta)."""
    from django.contrib.auth import get_user_model

    from laporan.tugas import minta_dokumen as minta
    from organisasi.models import Instansi

    admin = get_user_model().objects.get(username="bench_admin")
    ids = []
    for slug in slugs:
        p = minta(
            user=admin,
            instansi=Instansi.objects.get(slug=slug),
            jenis="lkip",
            parameter={"tahun": TAHUN, "fmt": "pdf"},
        )
        ids.append(p.pk)
    return ids


def status_tugas(ids) -> dict[str, int]:
    from django.db.models import Count

    from tugas.models import Tugas

    return dict(Tugas.objects.filter(pk__in=ids).values_list("status").annotate(n=Count("pk")))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, default=30)
    ap.add_argument("--documents", type=int, default=10, help="LKIP PDFs requested in phase 2")
    ap.add_argument("--survey-units", type=int, default=5, help="units the respondents answer for")
    ap.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--concurrency", type=int, default=20, help="users: half respondents, half viewers")
    ap.add_argument("--baseline-seconds", type=float, default=30.0)
    ap.add_argument("--max-seconds", type=float, default=900.0, help="cap of phase 2")
    ap.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    ap.add_argument("--task-workers", type=int, default=2, help="manage.py db_worker processes")
    ap.add_argument(
        "--cgroup",
        choices=["auto", "off"],
        default="auto",
        help="auto: the task workers in a CPU cgroup with cpu.idle=1 when the machine allows it "
        "(docs/deploy.md: CPUWeight=idle under systemd); off: leave them in the benchmark's",
    )
    ap.add_argument("--seed", type=int, default=20240101)
    args = ap.parse_args(argv)
    args.cold = False  # bench_web.prepare: siapkan_dasbor first, as a deployment does
    if core.db_kind(args.database_url) != "postgresql":
        ap.error("bench_antrian needs a PostgreSQL --database-url")
    if args.documents + args.survey_units > args.units:
        ap.error("--units must be at least --documents + --survey-units")

    report = {
        "units": args.units,
        "documents": args.documents,
        "concurrency": args.concurrency,
        "gunicorn_workers": args.workers,
        "task_workers": args.task_workers,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "targets_p95_ms": TARGETS_MS,
    }
    with (
        tempfile.TemporaryDirectory(prefix="sakip_bench_dokumen_") as dokumen,
        web.fresh_pg(args.database_url) as db_url,
    ):
        os.environ["SAKIP_DOKUMEN_ROOT"] = dokumen
        info = web.prepare(args, db_url)
        report["server"] = info["server"]
        slugs = info["slugs"]
        survey_slugs = slugs[-args.survey_units :]
        dash_slugs = slugs[: -args.survey_units]
        doc_slugs = slugs[: args.documents]
        with (
            skm.gunicorn(db_url, args.workers) as port,
            task_workers(db_url, args.task_workers, dokumen) as pekerja,
            cgroup_idle(pekerja, args.cgroup) as grup,
        ):
            report["worker_cgroup"] = grup
            print(f"baseline: {args.concurrency} users for {args.baseline_seconds:.0f} s, no document job")
            cpu0 = cpu_of(pekerja)
            base = run_load(
                port, args, survey_slugs, dash_slugs, info["pemda"], lambda s: s >= args.baseline_seconds
            )
            base["task_worker_cpu_s"] = cpu_of(pekerja) - cpu0
            report["baseline"] = base
            print(f"with documents: {args.documents} LKIP PDFs requested, the same load until they are done")
            cpu0 = cpu_of(pekerja)
            ids, waktu = [], {}

            def mulai():  # the load is running: request the documents
                waktu["t0"] = time.perf_counter()
                ids.extend(minta_dokumen(doc_slugs))
                waktu["diminta"] = time.perf_counter() - waktu["t0"]

            def habis(s):
                st = status_tugas(ids)
                if st.get("antri", 0) + st.get("jalan", 0) == 0:
                    waktu.setdefault("selesai", time.perf_counter() - waktu["t0"])
                    return True
                return s >= args.max_seconds

            dok = run_load(port, args, survey_slugs, dash_slugs, info["pemda"], habis, on_start=mulai)
            dok["task_worker_cpu_s"] = cpu_of(pekerja) - cpu0
            dok["documents_requested_s"] = waktu.get("diminta")
            dok["documents_seconds"] = waktu.get("selesai")
            dok["jobs"] = status_tugas(ids)
            report["with_documents"] = dok
            from django.db import connection

            connection.close()

    print(
        f"\n== bench_antrian — {report['server']}, {args.units} units, gunicorn -w {args.workers}, "
        f"{args.task_workers} db_worker, {args.concurrency} users, Python {report['python']}, "
        f"{report['cpus']} CPUs"
    )
    f = lambda v: "-" if v is None else f"{v:.0f}"  # noqa: E731
    for name, r in (("baseline", base), ("with documents", dok)):
        print(
            f"{name:15} {r['seconds']:5.0f} s (load average {r['load_average_start']:.1f} → "
            f"{r['load_average_end']:.1f}): survey {r['survey_submissions']} posts ({r['survey_per_s']:.1f}/s), "
            f"POST p50/p95 {f(r['survey_post_p50_ms'])}/{f(r['survey_post_p95_ms'])} ms, "
            f"GET p95 {f(r['survey_get_p95_ms'])} ms, errors {r['survey_errors']}; dashboards "
            f"{r['dashboard_requests']} ({r['dashboard_per_s']:.1f}/s), p50/p95 {f(r['dashboard_p50_ms'])}/"
            f"{f(r['dashboard_p95_ms'])} ms (unit {f(r['dashboard_unit_p95_ms'])}, pemda "
            f"{f(r['dashboard_pemda_p95_ms'])}), errors {r['dashboard_errors']}; db_worker processes "
            f"{r['task_worker_cpu_s']:.0f} CPU-s"
        )
    print(
        f"documents: {dok['jobs']} in {f(dok['documents_seconds'])} s from the first request "
        f"({args.documents} LKIP PDFs requested in {dok['documents_requested_s']:.1f} s, "
        f"{args.task_workers} workers)"
    )
    summary = {}
    for kind, key in (("survey", "survey_post_p95_ms"), ("dashboard", "dashboard_p95_ms")):
        lo, hi = base[key], dok[key]
        ratio = hi / lo if hi and lo else None
        errors = dok[f"{kind}_errors"]
        met = hi is not None and hi < TARGETS_MS[kind] and errors == 0
        summary[kind] = {
            "p95_without_ms": lo,
            "p95_with_documents_ms": hi,
            "ratio": ratio,
            "target_ms": TARGETS_MS[kind],
            "met": met,
        }
        print(
            f"{kind:9} p95 without documents {f(lo)} ms, with {f(hi)} ms (×{ratio or 0:.2f}); "
            f"target < {TARGETS_MS[kind]:.0f} ms: {'OK' if met else 'MISSED'}"
        )
    jobs_ok = dok["jobs"].get("selesai", 0) == args.documents
    summary["documents_done"] = jobs_ok
    if not jobs_ok:
        print(f"documents: only {dok['jobs'].get('selesai', 0)} of {args.documents} finished: MISSED")
    report["summary"] = summary
    core.OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = core.OUT_DIR / "antrian-postgresql.json"
    out.write_text(json.dumps(report, indent=2, default=str))
    print(f"report written to {out.relative_to(ROOT)}")
    return 0 if jobs_ok and summary["survey"]["met"] and summary["dashboard"]["met"] else 1


if __name__ == "__main__":
    sys.exit(main())
