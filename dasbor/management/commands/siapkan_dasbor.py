"""Compute and store the dashboards of every unit (and pemda) for a year, so the first visitor
after an import or a night of changes does not wait for them."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dasbor import halaman
from dasbor.tugas import siapkan_tugas
from organisasi.models import Pemda


class Command(BaseCommand):
    help = (
        "Store the unit and pemda dashboards of a year (only those whose data changed are recomputed) "
        "and remove pages stored by an earlier version of the code."
    )

    def add_arguments(self, parser):
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--pemda", help="kode of one pemda (default: all)")
        parser.add_argument(
            "--ulang",
            action="store_true",
            help="recompute every page, also those still current (after writes made outside "
            "the application, e.g. SQL maintenance)",
        )
        parser.add_argument(
            "--antrikan",
            action="store_true",
            help="hand the work to the task queue's worker (dasbor.tugas.siapkan_tugas) instead of doing it here",
        )
        parser.add_argument(
            "--bahasa",
            action="append",
            choices=[k for k, _ in settings.LANGUAGES],
            help="language(s) to prepare (default: id)",
        )

    def handle(self, *args, **opts):
        pemda = Pemda.objects.all()
        if opts["pemda"]:
            pemda = pemda.filter(kode=opts["pemda"])
            if not pemda.exists():
                raise CommandError(f"Pemda '{opts['pemda']}' tidak ditemukan.")
        if opts["antrikan"]:
            hasil = siapkan_tugas.enqueue(tahun=opts["tahun"], pemda=opts["pemda"], ulang=opts["ulang"])
            self.stdout.write(f"diantrikan: {hasil.id}")
            return
        t0 = time.perf_counter()
        lama, n = halaman.siapkan(opts["tahun"], pemda, ulang=opts["ulang"], bahasa=opts["bahasa"] or ["id"])
        if lama:
            self.stdout.write(f"{lama} pages stored by an earlier version of the code removed")
        self.stdout.write(f"{n} dashboards ready in {time.perf_counter() - t0:.1f} s")
