"""Helpers of the task-queue tests: the database backend's worker for one pass, the job's file."""

from unittest import mock

from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker

DB = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def pekerja_satu_putaran() -> None:
    """What `manage.py db_worker --batch` does: run every waiting task, then return. The worker's
    ``close_old_connections`` is skipped: it would close the test's connection (on PostgreSQL)
    inside the test's transaction, which a worker process never has."""
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        _pekerja().run()


def _pekerja() -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="uji",
        excluded_queue_names=[],
    )


def isi_unduhan(resp) -> bytes:
    """The body of a (streamed) file download."""
    try:
        return b"".join(resp.streaming_content)
    finally:
        resp.close()
