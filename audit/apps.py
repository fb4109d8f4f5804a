from django.apps import AppConfig


def _otp_terdaftar(sender, user, perangkat, **kwargs):
    """A user enrolled an authenticator app (``akun.services.otp_terdaftar``): one audit row with
    the user and their pemda. Its removal is recorded by the admin that removes it (``Diaudit``)."""
    from akun import izin

    from .models import Aksi, catat

    catat(
        user,
        perangkat,
        Aksi.TAMBAH,
        {"name": (None, perangkat.name)},
        pemda_id=izin.pemda_baris(user),
        keterangan="aplikasi autentikator",
    )


class AuditConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "audit"

    def ready(self):
        from akun.services import otp_terdaftar

        otp_terdaftar.connect(_otp_terdaftar, dispatch_uid="audit-otp-terdaftar")
