import sys

from django.core.management.base import BaseCommand

from workbook.importer import import_workbook, ringkas


class Command(BaseCommand):
    help = "Validate and load a workbook (.xlsx). On any error nothing is saved and the command exits 1."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="validate and count, save nothing")

    def handle(self, *args, **opts):
        hasil = import_workbook(opts["file"], dry_run=opts["dry_run"])
        if not hasil.ok:
            for e in hasil.errors:
                self.stderr.write(e)
            self.stderr.write(f"{len(hasil.errors)} problem(s); nothing was saved.")
            sys.exit(1)
        for line in ringkas(hasil):
            self.stdout.write(line)
        self.stdout.write("dry run: nothing was saved." if opts["dry_run"] else "saved.")
