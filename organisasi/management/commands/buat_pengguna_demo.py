import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

DEMO_PASSWORD = os.environ.get("SAKIP_DEMO_PASSWORD", "demo-sakip-2024")


class Command(BaseCommand):
    help = "Create the demo users (idempotent). Demo only: never run on a production database."

    def handle(self, *args, **opts):
        User = get_user_model()
        user, created = User.objects.get_or_create(username="admin", defaults={"is_staff": True, "is_superuser": True})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        self.stdout.write(f"demo user admin ({'created' if created else 'exists'}), password {DEMO_PASSWORD}")
