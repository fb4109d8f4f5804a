"""CPU used by each test, for finding what makes the suite slow on a shared machine.

A pytest plugin, off unless asked for:

    SAKIP_PROFIL_CPU=/tmp/profil .venv/bin/python -m pytest -q -n auto -p tests.profil_cpu
    .venv/bin/python -m tests.profil_cpu /tmp/profil [FILES] [TESTS]   # summary per file, then per test

For each test (setup + call + teardown) it writes one JSON line to ``$SAKIP_PROFIL_CPU/<worker>.jsonl``:
the CPU seconds of the pytest process and of every process below it (Chromium under Playwright's
driver, LibreOffice, subprocesses: utime + stime + the children they waited for, from /proc), the
pytest process alone (``time.process_time``: the test, the live server's thread) and the wall time.
CPU time, unlike wall time, stays comparable while other jobs share the cores. A browser closed at
the end of the session shows as a negative figure on the last test of its worker.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict

import pytest

_DETAK = os.sysconf("SC_CLK_TCK")
_keluaran = None


def _cpu_pohon() -> float:
    """CPU seconds of this process and all its descendants (Linux /proc)."""
    anak: dict[int, list[list[str]]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    bidang = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            anak.setdefault(int(bidang[1]), []).append([d, *bidang])
    with open(f"/proc/{os.getpid()}/stat") as f:
        total = sum(int(x) for x in f.read().rsplit(")", 1)[1].split()[11:15])
    tumpuk = [os.getpid()]
    while tumpuk:
        for baris in anak.get(tumpuk.pop(), []):
            total += sum(int(x) for x in baris[12:16])
            tumpuk.append(int(baris[0]))
    return total / _DETAK


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    global _keluaran
    folder = os.environ.get("SAKIP_PROFIL_CPU")
    if not folder:
        yield
        return
    if _keluaran is None:
        os.makedirs(folder, exist_ok=True)
        nama = f"{os.environ.get('PYTEST_XDIST_WORKER', 'utama')}-{os.getpid()}.jsonl"
        _keluaran = open(os.path.join(folder, nama), "a")  # noqa: SIM115 - open for the session
    c0, p0, w0 = _cpu_pohon(), time.process_time(), time.perf_counter()
    yield
    c1, p1, w1 = _cpu_pohon(), time.process_time(), time.perf_counter()
    _keluaran.write(json.dumps({"id": item.nodeid, "pohon": c1 - c0, "proses": p1 - p0, "dinding": w1 - w0}))
    _keluaran.write("\n")
    _keluaran.flush()


def ringkas(folder: str, berkas: int = 40, uji: int = 25) -> None:
    """Print the totals, the ``berkas`` test files and the ``uji`` tests using the most CPU."""
    baris = []
    for nama in sorted(os.listdir(folder)):
        if nama.endswith(".jsonl"):
            with open(os.path.join(folder, nama)) as f:
                baris += [json.loads(b) for b in f if b.strip()]
    per = defaultdict(lambda: [0.0, 0.0, 0.0, 0])
    for b in baris:
        p = per[b["id"].split("::")[0]]
        p[0], p[1], p[2], p[3] = p[0] + b["pohon"], p[1] + b["proses"], p[2] + b["dinding"], p[3] + 1
    jumlah = [sum(b[k] for b in baris) for k in ("pohon", "proses", "dinding")]
    print(
        f"{len(baris)} tests: CPU {jumlah[0]:.0f} s (pytest process {jumlah[1]:.0f} s), wall {jumlah[2]:.0f} s"
    )
    print("   CPU  process    wall  tests  file")
    for nama, p in sorted(per.items(), key=lambda kv: -kv[1][0])[:berkas]:
        print(f"{p[0]:6.1f} {p[1]:8.1f} {p[2]:7.1f} {p[3]:6}  {nama}")
    print("   CPU  process    wall  test")
    for b in sorted(baris, key=lambda b: -b["pohon"])[:uji]:
        print(f"{b['pohon']:6.1f} {b['proses']:8.1f} {b['dinding']:7.1f}  {b['id']}")


if __name__ == "__main__":
    ringkas(sys.argv[1], *(int(a) for a in sys.argv[2:4]))
