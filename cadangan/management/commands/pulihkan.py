from django.core.management.base import BaseCommand, CommandError

from cadangan.arsip import pulihkan
from dasar.galat import Ditolak


class Command(BaseCommand):
    help = (
        "Restore a backup made by `cadangkan` into an empty, migrated database (and empty file "
        "folders). Refuses a non-empty database and a damaged or foreign file; nothing is written "
        "then. See docs/deploy.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the backup file (.zip) written by cadangkan")

    def handle(self, *args, **opts):
        try:
            ringkasan = pulihkan(opts["file"])
        except Ditolak as exc:
            raise CommandError(f"pemulihan ditolak: {exc}") from None
        for line in ringkasan.teks():
            self.stdout.write(line)
        self.stdout.write("restored. Run `manage.py siapkan_dasbor --tahun N` to precompute the dashboards.")
