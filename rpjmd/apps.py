from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RpjmdConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "rpjmd"
    verbose_name = _("RPJMD/RPD")
