from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from laporan.reviu_dokumen import BerkasTidakDikenal, reviu_berkas
from rumus.reviu_dokumen import ringkas
from sakip.cli import dumps, tabel


class Command(BaseCommand):
    help = (
        "Reviu of an LKIP/LKjIP file made elsewhere (PDF, DOCX or plain text): the figures its tables and "
        "sentences let us recompute, the contradictions between them (docs/laporan.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("berkas", metavar="FILE")
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, **opts):
        path = Path(opts["berkas"])
        if not path.is_file():
            raise CommandError(_('Berkas "%(nama)s" tidak ditemukan.') % {"nama": path})
        try:
            temuan = reviu_berkas(path)
        except BerkasTidakDikenal as exc:
            raise CommandError(_('Berkas "%(nama)s" bukan PDF, DOCX atau teks.') % {"nama": path}) from exc
        jumlah = ringkas(temuan)
        if opts["format"] == "json":
            self.stdout.write(dumps({"findings": [t.as_dict() for t in temuan], "summary": jumlah}))
            return
        self.stdout.write(f"Reviu {path.name}: {jumlah['error']} error, {jumlah['warning']} warning\n")
        if temuan:
            self.stdout.write(
                tabel(
                    ["Level", "Lokasi", "Temuan", "Tertulis", "Dihitung"],
                    [[t.level, t.where, t.message, t.printed or "", t.recomputed or ""] for t in temuan],
                )
            )
