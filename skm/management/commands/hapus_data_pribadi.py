from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from skm.services import batas_retensi, hapus_data_pribadi


class Command(BaseCommand):
    help = (
        "Blank survey respondents' personal data (jenis kelamin, umur, pendidikan, pekerjaan, saran, "
        "client hash) stored more than SKM_RETENSI_BULAN months ago (environment "
        "SAKIP_SKM_RETENSI_BULAN, default 24); the answers stay. Run daily from cron. See docs/skm.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--bulan", type=int, help="keep this many months instead of the setting (at least 1)"
        )
        parser.add_argument("--dry-run", action="store_true", help="count only, change nothing")
        parser.add_argument("--pengguna", default="command line", help="who ran it, for the audit trail")

    def handle(self, *args, **opts):
        bulan = opts["bulan"] if opts["bulan"] is not None else settings.SKM_RETENSI_BULAN
        if bulan < 1:
            raise CommandError("--bulan must be at least 1")
        sebelum = batas_retensi(bulan=bulan)
        per_unit = hapus_data_pribadi(sebelum=sebelum, oleh=opts["pengguna"], coba=opts["dry_run"])
        n = sum(per_unit.values())
        kata = "would be blanked" if opts["dry_run"] else "blanked"
        self.stdout.write(
            f"{n} respondents' personal data stored before {sebelum:%Y-%m-%d} {kata} ({len(per_unit)} units)."
        )
