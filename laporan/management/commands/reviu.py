from django.core.management.base import BaseCommand

from laporan.reviu import reviu, ringkasan
from sakip.cli import dumps, get_instansi, tabel


class Command(BaseCommand):
    help = (
        "Reviu of a unit-year before its LKIP is issued: findings (error, warning, info) with their location."
    )

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True)
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, **opts):
        ins = get_instansi(opts["instansi"])
        temuan = reviu(ins, opts["tahun"])
        jumlah = ringkasan(temuan)
        if opts["format"] == "json":
            self.stdout.write(dumps({"findings": [t.as_dict() for t in temuan], "summary": jumlah}))
            return
        self.stdout.write(
            f"Reviu {ins.nama} tahun {opts['tahun']}: {jumlah['error']} error, "
            f"{jumlah['warning']} warning, {jumlah['info']} info\n"
        )
        if temuan:
            self.stdout.write(
                tabel(["Level", "Lokasi", "Temuan"], [[t.level, t.where, t.message] for t in temuan])
            )
