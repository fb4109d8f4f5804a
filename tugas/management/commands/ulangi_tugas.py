"""Start again the jobs whose worker died mid-way (tugas.services.ulangi_terhenti).

Run by cron every minute beside the workers (docs/deploy.md, "Antrian tugas"); the next same
request for a job does it too."""

from django.core.management.base import BaseCommand

from tugas.services import ulangi_terhenti


class Command(BaseCommand):
    help = "Antrikan lagi tugas yang pekerjanya berhenti di tengah jalan (paling banyak SAKIP_TUGAS_MAKS_PERCOBAAN kali)."

    def handle(self, *args, **options):
        n = ulangi_terhenti()
        self.stdout.write(f"{n} tugas diantrikan lagi")
