from django.apps import AppConfig


class TugasConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tugas"
    verbose_name = "Tugas latar"

    def ready(self):
        # The database backend's own admin of its queue rows is neither audited nor confined to a
        # pemda (sakip/admin_site.py); jobs are seen on their pages (tugas/views.py).
        from django.contrib import admin
        from django_tasks_db.models import DBTaskResult

        if admin.site.is_registered(DBTaskResult):
            admin.site.unregister(DBTaskResult)

        from dasar.antrian import task_started

        task_started.connect(turunkan_prioritas_pekerja, dispatch_uid="tugas.turunkan_prioritas_pekerja")


def turunkan_prioritas_pekerja(sender, **kwargs) -> None:
    """A worker (db_worker, an RQ work horse) goes to the background as its first task starts
    (settings.PEKERJA_PRIORITAS, dasar/prioritas.py). A task run inside a web request (the
    immediate backend) leaves the web process alone."""
    from django.conf import settings

    from dasar.antrian import ImmediateBackend
    from dasar.prioritas import ke_latar

    backend = sender if isinstance(sender, type) else type(sender)  # db_worker sends an instance
    if settings.PEKERJA_PRIORITAS == "latar" and not issubclass(backend, ImmediateBackend):
        ke_latar()
