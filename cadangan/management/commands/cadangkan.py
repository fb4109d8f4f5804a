from django.core.management.base import BaseCommand, CommandError

from cadangan.arsip import cadangkan
from dasar.galat import Ditolak


class Command(BaseCommand):
    help = (
        "Back up the database (every app, one consistent snapshot), the uploaded files (MEDIA_ROOT "
        "or the S3 bucket) and the generated documents (DOKUMEN_ROOT or the bucket) into one zip "
        "file. See docs/deploy.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="the backup file to write (.zip)")

    def handle(self, *args, **opts):
        try:
            ringkasan = cadangkan(opts["out"])
        except (Ditolak, OSError) as exc:
            raise CommandError(f"cadangan gagal: {exc}") from None
        for line in ringkasan.teks():
            self.stdout.write(line)
        self.stdout.write(f"backup written to {opts['out']}")
