from django.apps import AppConfig


class TembolokConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "tembolok"
    verbose_name = "tembolok dasbor"

    def ready(self):
        from . import services

        services.hubungkan()
