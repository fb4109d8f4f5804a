from django.core.management.base import BaseCommand

from sakip.cli import get_instansi
from workbook.exporter import export_workbook


class Command(BaseCommand):
    help = "Write one unit's data for a year in the workbook format."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True)
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--out", required=True)

    def handle(self, *args, **opts):
        counts = export_workbook(get_instansi(opts["instansi"]), opts["tahun"], opts["out"])
        self.stdout.write(f"{opts['out']}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
