from django.core.management.base import BaseCommand

from workbook.demo import build


class Command(BaseCommand):
    help = "Regenerate data/demo/bantargebang-2024.xlsx from the readable CSV source in data/demo/source/."

    def add_arguments(self, parser):
        parser.add_argument("--out")

    def handle(self, *args, **opts):
        self.stdout.write(f"written {build(opts.get('out'))}")
