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
        for username, (jenis, scope) in DEMO_USERS.items():
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(DEMO_PASSWORD)
                # staff opens the Django admin; what admin_pemda may do there is decided in
                # akun/izin.py (its pemda's master data and users), not by Django permissions
                user.is_staff = jenis == "admin_pemda"
                user.save()
            Peran.objects.get_or_create(
                user=user,
                jenis=jenis,
                instansi=unit if scope == "unit" else None,
                pemda=pemda if scope == "pemda" else None,
            )
        self.stdout.write(f"demo users: admin, {', '.join(DEMO_USERS)} — password {DEMO_PASSWORD}")
