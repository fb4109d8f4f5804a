"""Compute and store the dashboards of every unit (and pemda) for a year, so the first visitor
after an import or a night of changes does not wait for them."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

import tembolok.selectors
from dasbor import halaman
from organisasi.models import Instansi, Pemda
from tembolok.models import Cuplikan
from tembolok.services import usangkan_semua


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
        t0 = time.perf_counter()
        if opts["ulang"]:
            usangkan_semua()
        lama = Cuplikan.objects.exclude(syarat__endswith=tembolok.selectors.sidik_kode()).delete()[0]
        if lama:
            self.stdout.write(f"{lama} pages stored by an earlier version of the code removed")
        n = 0
        for bahasa in opts["bahasa"] or ["id"]:
            with translation.override(bahasa):
                for p in pemda:
                    for ins in Instansi.objects.filter(pemda=p).select_related("pemda").order_by("nama"):
                        halaman.isi_unit(ins, opts["tahun"])
                        n += 1
                    halaman.isi_pemda(p, opts["tahun"])
                    n += 1
        self.stdout.write(f"{n} dashboards ready in {time.perf_counter() - t0:.1f} s")
