"""A job is never stuck for good, and a queue that cannot be reached is said in Indonesian: a job
waiting or running past SAKIP_TUGAS_BATAS_DETIK is given up and the next request starts anew; a
finished job past SAKIP_TUGAS_SIMPAN_JAM is not reused."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.tugas_bantu import DB, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db
MINTA = "/unit/bantargebang/dokumen/pk/2024/docx/minta/"


@pytest.fixture
def pembaca(pengguna_demo, masuk_sebagai, settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    return masuk_sebagai("pembaca")


def test_a_job_whose_worker_died_is_given_up_and_requested_anew(pembaca, settings):
    pertama = pembaca.post(MINTA)["Location"]
    lama = Tugas.objects.get()
    # its worker took it and died: running since longer than the limit
    Tugas.objects.filter(pk=lama.pk).update(
        status="jalan", mulai=timezone.now() - timedelta(seconds=settings.TUGAS_BATAS_DETIK + 1)
    )
    kedua = pembaca.post(MINTA)["Location"]
    assert kedua != pertama
    lama.refresh_from_db()
    assert lama.status == "gagal" and "melewati batas waktu" in lama.alasan_gagal
    pekerja_satu_putaran()  # the old task, still queued, does not run again; the new one does
    assert list(Tugas.objects.order_by("dibuat").values_list("status", "percobaan")) == [
        ("gagal", 0),
        ("selesai", 1),
    ]


def test_a_finished_job_past_its_keeping_time_is_made_again(pembaca, settings):
    pertama = pembaca.post(MINTA)["Location"]
    pekerja_satu_putaran()
    Tugas.objects.update(selesai=timezone.now() - timedelta(hours=settings.TUGAS_SIMPAN_JAM, seconds=1))
    assert pembaca.post(MINTA)["Location"] != pertama
    assert Tugas.objects.count() == 2


def test_an_unreachable_queue_fails_the_job_with_the_reason(pembaca, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    settings.RQ_QUEUES = {
        "default": {"URL": "redis://127.0.0.1:1/0", "DEFAULT_TIMEOUT": 60}
    }  # nothing listens
    halaman = pembaca.post(MINTA)["Location"]
    p = Tugas.objects.get()
    assert p.status == "gagal"
    assert p.alasan_gagal == "Antrian tugas tidak dapat dihubungi. Coba lagi beberapa saat lagi."
    assert "Antrian tugas tidak dapat dihubungi" in pembaca.get(halaman).content.decode()
    assert pembaca.post(MINTA)["Location"] != halaman  # a failed job is not reused: asking again retries
