from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The public transparency portal: a pemda's and a unit's published documents and figures,
    and their open data (docs/portal.md). No models: it reads the domain apps' selectors."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
