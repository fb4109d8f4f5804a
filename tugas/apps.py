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
