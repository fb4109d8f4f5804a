from django.apps import AppConfig


class OrganisasiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "organisasi"
