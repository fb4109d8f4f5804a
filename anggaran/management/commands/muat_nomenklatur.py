from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from anggaran import services
from anggaran.nomenklatur import BAWAAN, NomenklaturError


class Command(BaseCommand):
    help = (
        "Load the budget nomenclature (programme, kegiatan, sub-kegiatan codes and names) from a CSV "
        "with the columns kode and nama (docs/nomenklatur.md). Idempotent; on any error nothing is saved "
        "and every bad row and column is listed. Without FILE, the shipped kecamatan list (urusan 7.01)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help=f"the CSV (default: {BAWAAN.name}, shipped)")
        parser.add_argument("--pengguna", help="username recorded in the audit trail (default: no user)")

    def handle(self, *args, **opts):
        path = Path(opts["file"]) if opts["file"] else BAWAAN
        try:
            teks = path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            raise CommandError(f"{path}: file not found") from None
        except UnicodeDecodeError:
            raise CommandError(f"{path}: not UTF-8 text (save the CSV as UTF-8)") from None
        pengguna = None
        if opts["pengguna"]:
            from django.contrib.auth import get_user_model

            pengguna = get_user_model().objects.filter(username=opts["pengguna"]).first()
            if pengguna is None:
                raise CommandError(f'unknown user "{opts["pengguna"]}"')
        try:
            counts = services.muat_nomenklatur(teks=teks, sumber=path.name, pengguna=pengguna)
        except NomenklaturError as exc:
            for p in exc.pesan:
                self.stderr.write(f"{path.name}: {p}")
            raise CommandError(f"{len(exc.pesan)} problem(s); nothing was saved.") from None
        for tingkat, c in counts.items():
            self.stdout.write(
                f"{tingkat}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            )
        self.stdout.write("saved.")
