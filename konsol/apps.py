from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KonsolConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "konsol"
    verbose_name = _("Konsol pemda")
