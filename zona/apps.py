from django.apps import AppConfig


class ZonaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "zona"
