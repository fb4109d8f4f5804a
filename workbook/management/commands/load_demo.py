import sys

from django.conf import settings
from django.core.management.base import BaseCommand

from workbook.importer import import_workbook, ringkas


class Command(BaseCommand):
    help = "Load the Kecamatan Bantargebang 2024 dataset (idempotent: loading twice changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(settings.DEMO_WORKBOOK))

    def handle(self, *args, **opts):
        berkas = [opts["file"]]
        if opts["file"] == str(settings.DEMO_WORKBOOK):  # the illustrative additions, on top of it
            berkas.append(str(settings.DEMO_WORKBOOK_PK_JABATAN))
        for b in berkas:
            hasil = import_workbook(b)
            if not hasil.ok:
                for e in hasil.errors:
                    self.stderr.write(e)
                sys.exit(1)
            for line in ringkas(hasil):
                self.stdout.write(line)
        self.stdout.write("demo data loaded: Kecamatan Bantargebang (bantargebang), 2024")
