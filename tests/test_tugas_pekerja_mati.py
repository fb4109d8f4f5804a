"""A job whose worker process is killed mid-way is started again (manage.py ulangi_tugas) and
completes once: real `manage.py db_worker` processes on a copy of the test database (SQLite: a
file made with VACUUM INTO; PostgreSQL: the test database itself, the test's rows committed)."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import InstansiFactory
from tests.tugas_uji import kerja_lambat
from tugas.models import Tugas

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(settings.ANTRIAN != "db", reason="the database backend's worker (db_worker)"),
]
AKAR = Path(__file__).resolve().parent.parent


def _lingkungan(tmp_path) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sakip.settings_test", "SAKIP_ANTRIAN": "db"}
    env["SAKIP_DOKUMEN_ROOT"] = str(tmp_path / "dokumen")
    if connection.vendor == "sqlite":
        berkas = tmp_path / "antrian.sqlite3"
        with connection.cursor() as c:
            c.execute("VACUUM INTO %s", [str(berkas)])
        env["DATABASE_URL"] = f"sqlite:///{berkas}"
    else:
        s = connection.settings_dict
        env["DATABASE_URL"] = (
            f"postgres://{s['USER']}:{s['PASSWORD'] or ''}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"
        )
    return env


def _baca(env, pk) -> dict:
    """The job's row as the worker processes left it."""
    if env["DATABASE_URL"].startswith("sqlite:"):
        with sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///")) as db:
            db.row_factory = sqlite3.Row
            return dict(db.execute("SELECT * FROM tugas_tugas WHERE id = ?", [pk.hex]).fetchone())
    return Tugas.objects.filter(pk=pk).values()[0]


def _manage(env, *args, **kw):
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=AKAR, env=env, **kw)


def _tunggu(syarat, detik=120):
    akhir = time.monotonic() + detik
    while not syarat():
        assert time.monotonic() < akhir, "timed out"
        time.sleep(0.2)


def test_a_killed_worker_job_is_retried_and_completes_once(tmp_path):
    tanda = tmp_path / "tanda"
    tanda.mkdir()
    p = Tugas.objects.create(
        instansi=InstansiFactory(),
        jenis="lkip",
        parameter={"tanda": str(tanda)},
        sidik="uji-pekerja-mati",
        nama_tugas=kerja_lambat.module_path,
    )
    Tugas.objects.filter(pk=p.pk).update(id_antrian=str(kerja_lambat.enqueue(str(p.pk)).id))
    env = _lingkungan(tmp_path)

    pekerja = _manage(env, "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2")
    try:
        _tunggu(lambda: (tanda / "mulai").exists())
        baris = _baca(env, p.pk)
        assert (baris["status"], baris["percobaan"], baris["kemajuan"]) == ("jalan", 1, 30)
        assert baris["pekerja"].endswith(f":{pekerja.pid}")
        pekerja.send_signal(signal.SIGKILL)  # the worker dies mid-way
        pekerja.wait(30)
    finally:
        if pekerja.poll() is None:
            pekerja.kill()
    assert _baca(env, p.pk)["status"] == "jalan"  # nobody knows yet

    ulang = _manage(env, "ulangi_tugas", stdout=subprocess.PIPE, text=True)
    assert "1 tugas diantrikan lagi" in ulang.communicate(timeout=120)[0]
    assert _baca(env, p.pk)["status"] == "antri"
    batch = _manage(env, "db_worker", "--no-reload", "--no-startup-delay", "--batch")
    assert batch.wait(180) == 0

    baris = _baca(env, p.pk)
    assert (baris["status"], baris["percobaan"], baris["kemajuan"]) == ("selesai", 2, 100)
    assert len(list(tanda.glob("selesai-*"))) == 1  # completed once
    folder = tmp_path / "dokumen" / "tugas" / str(p.pk)
    assert baris["berkas"] == f"tugas/{p.pk}/2/hasil.txt"  # the second attempt's file
    assert (folder / "2" / "hasil.txt").read_bytes() == b"isi dokumen"
    tersimpan = sorted(f.relative_to(folder).as_posix() for f in folder.rglob("*") if f.is_file())
    assert tersimpan == ["2/hasil.txt"]  # nothing else of any attempt

    # nothing left to retry, and a worker runs nothing again
    ulang = _manage(env, "ulangi_tugas", stdout=subprocess.PIPE, text=True)
    assert "0 tugas diantrikan lagi" in ulang.communicate(timeout=120)[0]
    assert _manage(env, "db_worker", "--no-reload", "--no-startup-delay", "--batch").wait(180) == 0
    assert len(list(tanda.glob("selesai-*"))) == 1
    assert _baca(env, p.pk)["percobaan"] == 2
