from django.core.management.base import BaseCommand

from evaluasi.services import pastikan_templat_bawaan


class Command(BaseCommand):
    help = (
        "Create the shipped LKE templates (PermenPANRB 88/2021 AKIP, 90/2021 ZI) if missing. "
        "Idempotent; migrate already does this, this repairs a flushed database."
    )

    def handle(self, *args, **opts):
        n = pastikan_templat_bawaan()
        self.stdout.write(f"{n} templat dibuat." if n else "Templat bawaan sudah ada.")
