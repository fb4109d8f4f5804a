from django.conf import settings
from django.core.management.base import BaseCommand

from workbook.demo import SOURCE_PK_JABATAN, build


class Command(BaseCommand):
    help = (
        "Regenerate data/demo/bantargebang-2024.xlsx from the readable CSV source in data/demo/source/ "
        "(and, without --out, its illustrative additions from data/demo/pk_jabatan/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out")

    def handle(self, *args, **opts):
        self.stdout.write(f"written {build(opts.get('out'))}")
        if not opts.get("out"):
            self.stdout.write(f"written {build(settings.DEMO_WORKBOOK_PK_JABATAN, SOURCE_PK_JABATAN)}")
