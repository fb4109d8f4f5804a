"""An LKIP issue whose worker died after issuing the version (before marking its job finished) is
retried without issuing a second version: the retry offers the version the dead attempt issued."""

import datetime as dt
import socket

import pytest
from django.utils import timezone

from laporan.models import TerbitanLKIP
from laporan.services import terbitkan_lkip
from tests.terbitan_bantu import baca, tanpa_libreoffice
from tests.tugas_bantu import DB, isi_unduhan, pekerja_satu_putaran
from tugas.models import Tugas
from tugas.services import ulangi_terhenti

pytestmark = pytest.mark.django_db


def _pid_mati() -> int:
    """A process id no process can have: above Linux's PID_MAX_LIMIT (2**22)."""
    return 2**22 + 1


def test_a_retried_issue_offers_the_version_already_issued(
    pengguna_demo, masuk_sebagai, settings, monkeypatch
):
    settings.TASKS = DB
    tanpa_libreoffice(monkeypatch)
    c = masuk_sebagai("pimpinan")
    c.post("/unit/bantargebang/lkip/2024/terbitkan/")
    p = Tugas.objects.get()
    # a worker took the job, issued version 1 and died before finishing the job
    Tugas.objects.filter(pk=p.pk).update(
        status="jalan",
        percobaan=1,
        mulai=timezone.now() - dt.timedelta(minutes=1),
        pekerja=f"{socket.gethostname()[:80]}:{_pid_mati()}",
        detak=timezone.now(),
    )
    terbitkan_lkip(user=pengguna_demo["pimpinan"], instansi=p.instansi, tahun=2024)
    assert ulangi_terhenti() == 1
    pekerja_satu_putaran()
    p.refresh_from_db()
    assert (p.status, p.percobaan) == ("selesai", 2)
    t = TerbitanLKIP.objects.get()  # still one version
    assert t.nomor == 1
    d = c.get(f"/unit/bantargebang/tugas/{p.pk}/hasil/")
    assert d.status_code == 200 and isi_unduhan(d) == baca(t.berkas_pdf)
