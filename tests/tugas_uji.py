"""A task of the killed-worker test (tests/test_tugas_pekerja_mati.py), imported by the worker
processes it starts: the first attempt reports 30 % and then hangs (until its worker is killed);
a later attempt finishes. Each finish leaves a mark, so the test counts completions."""

import os
import time
from pathlib import Path

from dasar.antrian import task
from tugas.services import jalankan


def _kerja(p, lapor):
    tanda = Path(p.parameter["tanda"])
    lapor(30)
    if not (tanda / "mulai").exists():  # the first attempt
        (tanda / "mulai").write_text(str(os.getpid()))
        time.sleep(600)  # "mid-way": the test kills this worker here
    lapor(90)
    (tanda / f"selesai-{os.getpid()}").write_text("1")
    return b"isi dokumen", "hasil.txt", "text/plain"


@task()
def kerja_lambat(tugas_id: str) -> dict:
    return jalankan(tugas_id, _kerja)
