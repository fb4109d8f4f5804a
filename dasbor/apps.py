from django.apps import AppConfig


class DasborConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dasbor"

    def ready(self):
        from tembolok.services import data_diimpor

        from .tugas import setelah_impor

        # after a workbook or SKM import, the dashboards are computed again by the worker
        data_diimpor.connect(setelah_impor, dispatch_uid="dasbor.setelah_impor")
