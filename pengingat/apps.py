from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PengingatConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "pengingat"
    verbose_name = _("Pengingat")
