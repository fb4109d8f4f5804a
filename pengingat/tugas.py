"""Tasks of the reminders: the daily run, for the task queue's worker (docs/deploy.md, "Pengingat")."""

from dasar.antrian import task

from . import services


@task()
def kirim_harian() -> dict:
    """Give today's reminders (as ``manage.py kirim_pengingat``); idempotent, so a retry or a second
    run the same day sends nothing twice."""
    laporan = services.kirim_pengingat()
    d = laporan.ke_dict()
    d.pop("pengingat")
    return d
