from django.apps import AppConfig


class DasborConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "dasbor"
