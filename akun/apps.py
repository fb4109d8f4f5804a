from django.apps import AppConfig


def _masuk(sender, request, user, **kwargs):
    from . import sesi

    if request is not None and hasattr(request, "session"):
        sesi.mulai(request, user)


class AkunConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "akun"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        user_logged_in.connect(_masuk, dispatch_uid="akun-sesi-mulai")
