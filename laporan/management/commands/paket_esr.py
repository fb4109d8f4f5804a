"""python manage.py paket_esr --instansi SLUG --tahun N --out FILE.zip

The ESR package of a unit-year (``laporan.esr``): a ZIP of the unit's documents in folders by ESR
document type with ``manifest.json`` and ``MANIFEST.txt`` (docs/esr.md). Synchronous."""

from __future__ import annotations

import os
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dasar.galat import Ditolak
from laporan.esr import cek_tahun, paket_esr
from sakip.cli import get_instansi


class Command(BaseCommand):
    help = "ESR package (ZIP by ESR document type, with manifest) of a unit for a year."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True, help="slug of the unit")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--out", required=True, help="output file (.zip)")

    def handle(self, *args, **opts):
        out = Path(opts["out"])
        if out.suffix.lower() != ".zip":
            raise CommandError(f"Ekstensi {out.suffix or '(kosong)'} tidak didukung; gunakan .zip.")
        if out.is_dir():
            raise CommandError(f"{out} adalah folder; sebutkan nama file.")
        folder = out.parent if str(out.parent) else Path(".")
        if not folder.is_dir():
            raise CommandError(f"Folder {folder} tidak ada.")
        if not os.access(folder, os.W_OK):
            raise CommandError(f"Folder {folder} tidak dapat ditulisi.")
        ins = get_instansi(opts["instansi"])
        alasan = cek_tahun(ins, opts["tahun"])
        if alasan:
            raise CommandError(alasan)
        try:
            data, m = paket_esr(ins, opts["tahun"])
        except Ditolak as exc:
            raise CommandError(str(exc)) from None
        out.write_bytes(data)
        ada = sum(len(j["berkas"]) for j in m["jenis"])
        kurang = [j["folder"] for j in m["jenis"] if not j["berkas"]]
        self.stdout.write(f"{out}: {ada} berkas, {len(data)} bita.")
        if kurang:
            self.stdout.write("Tidak ada dokumen: " + "; ".join(kurang) + " (lihat MANIFEST.txt).")
