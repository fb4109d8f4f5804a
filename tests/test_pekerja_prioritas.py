"""A task-queue worker goes to the background as its first task starts (issue #17: documents made
by the workers must not take the cores from the web pages). dasar/prioritas.py, tugas/apps.py."""

import json
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest

from dasar import prioritas
from dasar.antrian import ImmediateBackend, task_backends, task_started
from tugas.apps import turunkan_prioritas_pekerja

ROOT = Path(__file__).resolve().parent.parent
AUTOGROUP = Path("/proc/self/autogroup").exists()

KODE = """
import json, subprocess, sys
from dasar.prioritas import ke_latar, keadaan
sebelum = keadaan()
sesudah = ke_latar()
lagi = ke_latar()
anak = subprocess.run(
    [sys.executable, "-c", "import json; from dasar.prioritas import keadaan; print(json.dumps(keadaan()))"],
    capture_output=True, text=True, process_group=0,
).stdout
print(json.dumps({"sebelum": sebelum, "sesudah": sesudah, "lagi": lagi, "anak": json.loads(anak)}))
"""


def _di_proses_baru(sesi_baru: bool) -> dict:
    """Run KODE in a fresh Python (a new session if asked, as systemd or a supervisor starts a
    worker); returns what it reports."""
    hasil = subprocess.run(
        [sys.executable, "-c", KODE],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        start_new_session=sesi_baru,
    )
    assert hasil.returncode == 0, hasil.stderr
    return json.loads(hasil.stdout)


def test_ke_latar_dan_diwarisi_anak():
    """Niceness 19 and SCHED_IDLE, unchanged by a second call, inherited by a child such as
    LibreOffice; a worker sharing the caller's session leaves the session's autogroup alone."""
    r = _di_proses_baru(sesi_baru=False)
    assert r["sesudah"]["nice"] == 19 and r["lagi"] == r["sesudah"]
    assert r["anak"]["nice"] == 19
    if hasattr(os, "SCHED_IDLE"):
        assert r["sesudah"]["idle"] and r["anak"]["idle"]
    assert r["sesudah"]["autogroup"] == r["sebelum"]["autogroup"]


@pytest.mark.skipif(not AUTOGROUP, reason="no scheduler autogroups here")
def test_pemimpin_sesi_menurunkan_autogroup():
    """A worker in a session of its own also lowers the session's autogroup: with autogroups the
    niceness alone orders processes only inside one session."""
    r = _di_proses_baru(sesi_baru=True)
    assert r["sesudah"]["autogroup"] == 19 and r["anak"]["autogroup"] == 19


def test_galat_os_diabaikan(monkeypatch):
    """A refused priority change never fails the job."""
    monkeypatch.setattr(prioritas, "_sudah", set())
    with (
        mock.patch.object(os, "setpriority", side_effect=PermissionError) as setpriority,
        mock.patch.object(os, "sched_setscheduler", side_effect=PermissionError),
        mock.patch.object(os, "getsid", return_value=os.getpid()),
        mock.patch.object(
            prioritas, "AUTOGROUP", mock.Mock(write_text=mock.Mock(side_effect=PermissionError))
        ),
        mock.patch.object(os, "getpriority", return_value=0),
        mock.patch.object(prioritas, "keadaan", return_value={"nice": 0}),
    ):
        assert prioritas.ke_latar() == {"nice": 0}
    setpriority.assert_called_once()


@pytest.mark.parametrize("sender", [type(task_backends["default"]), task_backends["default"]])
def test_sinyal_tugas_mulai_di_pekerja(settings, sender):
    """db_worker sends ``task_started`` with the backend instance, the RQ work horse with its class:
    either way the worker goes to the background."""
    settings.PEKERJA_PRIORITAS = "latar"
    with mock.patch("dasar.prioritas.ke_latar") as ke_latar:
        turunkan_prioritas_pekerja(sender=sender)
    ke_latar.assert_called_once_with()


def test_backend_langsung_tidak_menurunkan_proses_web(settings):
    """A task run inside the request (the immediate backend) must not lower the web process."""
    settings.PEKERJA_PRIORITAS = "latar"
    with mock.patch("dasar.prioritas.ke_latar") as ke_latar:
        turunkan_prioritas_pekerja(sender=ImmediateBackend)
    ke_latar.assert_not_called()


def test_pilihan_normal(settings):
    """SAKIP_PEKERJA_PRIORITAS=normal (a machine that runs only workers) leaves it alone."""
    settings.PEKERJA_PRIORITAS = "normal"
    with mock.patch("dasar.prioritas.ke_latar") as ke_latar:
        turunkan_prioritas_pekerja(sender=task_backends["default"])
    ke_latar.assert_not_called()


def test_penerima_terpasang():
    assert any("turunkan_prioritas_pekerja" in str(r[0]) for r in task_started.receivers)
