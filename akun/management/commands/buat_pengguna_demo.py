import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from akun.models import Peran
from organisasi.models import Instansi, Pemda

DEMO_PASSWORD = os.environ.get("SAKIP_DEMO_PASSWORD", "demo-sakip-2024")

# username -> (role, scope): scope "unit" = Kecamatan Bantargebang, "pemda" = Kota Bekasi
DEMO_USERS = {
    "operator": ("operator", "unit"),
    "pimpinan": ("pimpinan", "unit"),
    "evaluator": ("evaluator", "pemda"),
    "adminpemda": ("admin_pemda", "pemda"),
    "pembaca": ("viewer", "unit"),
}


def grup_admin_pemda():
    """The Django-admin permissions of admin_pemda: master data (units, users, roles, nomenclature)."""
    from django.contrib.auth.models import Group, Permission

    grup, _ = Group.objects.get_or_create(name="Admin Pemda")
    grup.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["organisasi", "akun", "anggaran"])
        | Permission.objects.filter(content_type__app_label="auth", content_type__model="user")
    )
    return grup


class Command(BaseCommand):
    help = "Create the demo users, one per role (idempotent). Demo only: never on a production database."

    def handle(self, *args, **opts):
        User = get_user_model()
        admin, created = User.objects.get_or_create(
            username="admin", defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            admin.set_password(DEMO_PASSWORD)
            admin.save()
        unit = Instansi.objects.filter(slug="bantargebang").first()
        pemda = Pemda.objects.filter(kode="kota-bekasi").first()
        if unit is None or pemda is None:
            self.stdout.write("demo data not loaded: only the admin user was created")
            return
        grup = grup_admin_pemda()
        for username, (jenis, scope) in DEMO_USERS.items():
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = jenis == "admin_pemda"
                user.save()
            if jenis == "admin_pemda":
                user.groups.add(grup)
            Peran.objects.get_or_create(
                user=user,
                jenis=jenis,
                instansi=unit if scope == "unit" else None,
                pemda=pemda if scope == "pemda" else None,
            )
        self.stdout.write(f"demo users: admin, {', '.join(DEMO_USERS)} — password {DEMO_PASSWORD}")
