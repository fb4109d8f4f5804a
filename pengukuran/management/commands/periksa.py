from django.core.management.base import BaseCommand

from pengukuran.periksa import periksa
from sakip.cli import dumps, get_instansi, tabel


class Command(BaseCommand):
    help = "Consistency findings for a unit-year (errors and warnings)."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True)
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, **opts):
        ins = get_instansi(opts["instansi"])
        temuan = periksa(ins, opts["tahun"])
        if opts["format"] == "json":
            self.stdout.write(dumps([t.as_dict() for t in temuan]))
            return
        errors = sum(1 for t in temuan if t.level == "error")
        self.stdout.write(
            f"Pemeriksaan {ins.nama} tahun {opts['tahun']}: {errors} error(s), "
            f"{len(temuan) - errors} warning(s)\n"
        )
        if temuan:
            self.stdout.write(
                tabel(["Level", "Where", "Message"], [[t.level, t.where, t.message] for t in temuan])
            )
