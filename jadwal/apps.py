from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JadwalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "jadwal"
    verbose_name = _("Jadwal")
