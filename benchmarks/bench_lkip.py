#!/usr/bin/env python
"""LKIP rendering benchmark.

    cd /work/main && .venv/bin/python benchmarks/bench_lkip.py [--units 50] [--jobs 2] [--all-pdf]

Uses temporary SQLite databases (created, migrated and removed by the script):

1. the demo database (``load_demo``): ``bangun_lkip`` + ``render_docx`` for Bantargebang 2024
   (median of 3; target < 3 s), ``render_html``, and the PDF through LibreOffice (target < 15 s);
2. a synthetic database of ``--units`` units (``benchmarks/bench_core.generate``, the same
   generator as the core benchmark, imported with ``workbook.importer``): ``manage.py lkip --all``
   run as a child process, sequential (``--jobs 1``, the baseline) then parallel (``--jobs N``),
   with wall time and peak memory (ru_maxrss of the biggest process of each run). DOCX by
   default; ``--all-pdf`` also renders every unit as PDF (slow: one LibreOffice per document).

The report is printed and written to ``benchmarks/out/lkip.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
MB = 1024  # ru_maxrss is in KiB on Linux


def _env(db: Path) -> dict:
    return {
        "DJANGO_SECRET_KEY": "benchmark-only-key-never-deployed-0123456789-abcdefghijklmnop",
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "DJANGO_SETTINGS_MODULE": "sakip.settings",
        "DJANGO_DEBUG": "0",
        "PYTHONPATH": str(ROOT),
    }


WRAP = (
    "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
    "print('MAXRSS', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(r.returncode)"
)


def _run(cmd: list[str], env: dict) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of the biggest process of this run (through a fresh wrapper process)."""
    t0 = time.perf_counter()
    res = subprocess.run([PY, "-c", WRAP, *cmd], env=env, cwd=ROOT, capture_output=True, text=True)
    sekon = time.perf_counter() - t0
    if res.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{res.stdout}\n{res.stderr[-3000:]}")
    rss = [int(line.split()[1]) for line in res.stderr.splitlines() if line.startswith("MAXRSS ")]
    return sekon, (rss[-1] / MB if rss else float("nan"))


DEMO_CHILD = r"""
import json, statistics, sys, time, django
django.setup()
from organisasi.models import Instansi
from laporan import keluaran
from laporan.lkip import bangun_lkip
ins = Instansi.objects.get(slug="bantargebang")
bangun_lkip(ins, 2024)  # warm-up: imports, matplotlib fonts
bangun, docx, html = [], [], []
for _ in range(3):
    t0 = time.perf_counter(); dok = bangun_lkip(ins, 2024); t1 = time.perf_counter()
    data = keluaran.render_docx(dok); t2 = time.perf_counter()
    keluaran.render_html(dok); t3 = time.perf_counter()
    bangun.append(t1 - t0); docx.append(t2 - t1); html.append(t3 - t2)
t0 = time.perf_counter(); pdf = keluaran.render_pdf(bangun_lkip(ins, 2024)); t_pdf = time.perf_counter() - t0
from pypdf import PdfReader
import io
pages = len(PdfReader(io.BytesIO(pdf)).pages)
print(json.dumps({"bangun_s": statistics.median(bangun), "docx_render_s": statistics.median(docx),
                  "docx_total_s": statistics.median(b + d for b, d in zip(bangun, docx)),
                  "html_render_s": statistics.median(html), "docx_bytes": len(data),
                  "pdf_total_s": t_pdf, "pdf_pages": pages, "pdf_bytes": len(pdf)}))
"""


def bench(args) -> dict:
    out: dict = {
        "date": time.strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "units": args.units,
        "jobs": args.jobs,
    }
    tmp = Path(tempfile.mkdtemp(prefix="sakip_bench_lkip_"))
    try:
        # 1. the demo unit
        db = tmp / "demo.sqlite3"
        env = _env(db)
        for cmd in (["migrate", "-v0"], ["load_demo"]):
            _run([PY, "manage.py", *cmd], env)
        res = subprocess.run([PY, "-c", DEMO_CHILD], env=env, cwd=ROOT, capture_output=True, text=True)
        if res.returncode:
            raise SystemExit(res.stderr[-3000:])
        out["demo"] = json.loads(res.stdout.strip().splitlines()[-1])
        sekon, rss = _run(
            [
                PY,
                "manage.py",
                "lkip",
                "--instansi",
                "bantargebang",
                "--tahun",
                "2024",
                "--out",
                str(tmp / "demo.docx"),
            ],
            env,
        )
        out["demo"]["command_docx_s"] = sekon
        # 2. synthetic units
        db = tmp / "sintetis.sqlite3"
        env = _env(db)
        _run([PY, "manage.py", "migrate", "-v0"], env)
        wb = tmp / "sintetis.xlsx"
        gen = (
            f"import sys; sys.path.insert(0, {str(ROOT / 'benchmarks')!r}); import django; django.setup()\n"
            "from bench_core import generate\nfrom workbook.writer import tulis\n"
            "from workbook.importer import import_workbook\n"
            f"tulis(generate({args.units}, 7), {str(wb)!r})\n"
            f"h = import_workbook({str(wb)!r}); assert h.ok, h.errors[:5]\n"
            "from organisasi.models import Pemda; print(Pemda.objects.get().kode)"
        )
        res = subprocess.run([PY, "-c", gen], env=env, cwd=ROOT, capture_output=True, text=True)
        if res.returncode:
            raise SystemExit(res.stderr[-3000:])
        pemda = res.stdout.strip().splitlines()[-1]
        formats = ["docx", "pdf"] if args.all_pdf else ["docx"]
        out["all"] = {}
        for fmt in formats:
            runs = {}
            for jobs in (1, args.jobs):
                folder = tmp / f"all-{fmt}-{jobs}"
                sekon, rss = _run(
                    [
                        PY,
                        "manage.py",
                        "lkip",
                        "--all",
                        "--pemda",
                        pemda,
                        "--tahun",
                        "2024",
                        "--format",
                        fmt,
                        "--jobs",
                        str(jobs),
                        "--out",
                        str(folder),
                    ],
                    env,
                )
                n = len(list(folder.iterdir()))
                runs[f"jobs{jobs}"] = {
                    "seconds": sekon,
                    "per_unit_s": sekon / n,
                    "files": n,
                    "maxrss_mb": rss,
                }
            runs["speedup"] = runs["jobs1"]["seconds"] / runs[f"jobs{args.jobs}"]["seconds"]
            out["all"][fmt] = runs
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def report(r: dict) -> str:
    d = r["demo"]
    lines = [
        f"LKIP benchmark {r['date']} — Python {r['python']}, {r['cpus']} CPUs",
        f"demo unit: build {d['bangun_s']:.2f} s + DOCX render {d['docx_render_s']:.2f} s = "
        f"{d['docx_total_s']:.2f} s (target < 3 s); HTML render {d['html_render_s']:.2f} s; "
        f"manage.py lkip .docx {d['command_docx_s']:.1f} s (with Django start-up)",
        f"demo unit PDF: {d['pdf_total_s']:.1f} s, {d['pdf_pages']} pages (target < 15 s)",
    ]
    for fmt, runs in r["all"].items():
        j = f"jobs{r['jobs']}"
        lines.append(
            f"--all {r['units']} units {fmt}: sequential {runs['jobs1']['seconds']:.1f} s "
            f"({runs['jobs1']['per_unit_s']:.2f} s/unit, peak {runs['jobs1']['maxrss_mb']:.0f} MB); "
            f"--jobs {r['jobs']} {runs[j]['seconds']:.1f} s (peak per process {runs[j]['maxrss_mb']:.0f} MB); "
            f"speed-up {runs['speedup']:.2f}×"
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--units", type=int, default=50)
    p.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2))
    p.add_argument("--all-pdf", action="store_true", help="also render every unit as PDF")
    args = p.parse_args(argv)
    r = bench(args)
    print(report(r))
    (ROOT / "benchmarks" / "out").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "out" / "lkip.json").write_text(json.dumps(r, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
