"""Delete finished and failed jobs (and their files) older than SAKIP_TUGAS_SIMPAN_JAM hours.

Run by cron or the scheduler once a day (docs/deploy.md, "Antrian tugas"); the task
``tugas.tugas.bersihkan`` does the same from the queue.
"""

from django.core.management.base import BaseCommand

from tugas.services import hapus_kedaluwarsa


class Command(BaseCommand):
    help = "Delete finished jobs and their files past their keeping time (SAKIP_TUGAS_SIMPAN_JAM)."

    def handle(self, *args, **options):
        n = hapus_kedaluwarsa()
        self.stdout.write(f"{n} tugas dihapus")
