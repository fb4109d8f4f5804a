"""The same document job on the production backend: RQ on the real Redis server.

Skipped unless SAKIP_ANTRIAN=rq (then sakip/settings.py configures the RQ backend); .ci/run runs
``pytest -m rq`` with it set, against the Redis server at 127.0.0.1:6379 (SAKIP_REDIS_URL)."""

import pytest
from django.conf import settings

from tests.tugas_bantu import isi_unduhan
from tugas.models import Tugas

pytestmark = [
    pytest.mark.rq,
    pytest.mark.django_db,
    pytest.mark.skipif(settings.ANTRIAN != "rq", reason="SAKIP_ANTRIAN=rq selects the RQ backend"),
]


@pytest.fixture
def antrian_rq(settings, tmp_path):
    import django_rq

    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    antrian = django_rq.get_queue("default")
    antrian.connection.ping()  # the real server answers
    antrian.empty()
    yield antrian
    antrian.empty()


def _pekerja_rq(antrian):
    """An RQ worker in this process (SimpleWorker: no fork, so it sees the test's database), with
    django-tasks-rq's job class, until the queue is empty (``rqworker --burst``)."""
    import django_rq
    from django_tasks_rq import Job
    from rq import SimpleWorker

    pekerja = django_rq.get_worker("default", job_class=Job, worker_class=SimpleWorker)
    pekerja.work(burst=True)


def test_a_document_is_made_by_an_rq_worker_through_redis(pengguna_demo, masuk_sebagai, antrian_rq):
    from dasar.antrian import default_task_backend, task_backends

    assert type(task_backends["default"]).__name__ == "RQBackend"
    c = masuk_sebagai("pembaca")
    halaman = c.post("/unit/bantargebang/dokumen/pk/2024/docx/minta/")["Location"]
    assert c.post("/unit/bantargebang/dokumen/pk/2024/docx/minta/")["Location"] == halaman  # one job
    p = Tugas.objects.get()
    assert antrian_rq.job_ids == [p.id_antrian]  # waiting in Redis
    assert p.status == "antri"

    _pekerja_rq(antrian_rq)

    p.refresh_from_db()
    assert (p.status, p.kemajuan) == ("selesai", 100), p.alasan_gagal
    assert default_task_backend.get_result(p.id_antrian).status == "SUCCESSFUL"
    d = c.get(f"{halaman}hasil/")
    assert (
        d.status_code == 200
        and 'filename="perjanjian-kinerja-bantargebang-2024.docx"' in d["Content-Disposition"]
    )
    assert isi_unduhan(d)[:2] == b"PK"  # a zip: the DOCX
