from django.apps import AppConfig


class PengukuranConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pengukuran"
