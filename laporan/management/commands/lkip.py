"""python manage.py lkip --instansi SLUG --tahun N --out FILE   (.docx, .pdf or .html)
python manage.py lkip --all [--pemda KODE] --tahun N --out DIR [--format pdf] [--jobs 4]"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dasar.galat import Ditolak
from laporan import keluaran
from laporan.selectors import bangun
from organisasi.models import Instansi, Pemda
from sakip.cli import get_instansi


def _satu(jenis: str, instansi_id: int, tahun: int, path: str) -> tuple[str, float]:
    """Build and write one document (also run in worker processes)."""
    t0 = time.perf_counter()
    instansi = Instansi.objects.select_related("pemda").get(pk=instansi_id)
    keluaran.simpan(bangun(jenis, instansi, tahun), path)
    return path, time.perf_counter() - t0


def _bar(selesai: int, total: int, label: str, lebar: int = 30) -> str:
    isi = int(lebar * selesai / total) if total else lebar
    return f"\r[{'#' * isi}{'.' * (lebar - isi)}] {selesai}/{total} {label[:40]:<40}"


class DokumenCommand(BaseCommand):
    jenis = "lkip"
    nama_file = "lkip"

    def add_arguments(self, parser):
        parser.add_argument("--instansi", help="slug of the unit")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument(
            "--out", required=True, help="output file (.docx, .pdf, .html); with --all an output directory"
        )
        parser.add_argument("--all", action="store_true", help="every unit (of --pemda, or of every pemda)")
        parser.add_argument("--pemda", help="pemda kode for --all")
        parser.add_argument(
            "--format",
            choices=["docx", "pdf", "html"],
            default="docx",
            help="file format for --all (default docx)",
        )
        parser.add_argument("--jobs", type=int, default=1, help="parallel processes for --all")

    def handle(self, *args, **opts):
        try:
            if opts["all"]:
                return self._semua(opts)
            return self._tunggal(opts)
        except Ditolak as exc:
            raise CommandError(str(exc)) from None

    @staticmethod
    def _cek_folder(folder: Path) -> None:
        if not folder.is_dir():
            raise CommandError(f"Folder {folder} tidak ada.")
        if not os.access(folder, os.W_OK):
            raise CommandError(f"Folder {folder} tidak dapat ditulisi.")

    def _tunggal(self, opts) -> None:
        if not opts["instansi"]:
            raise CommandError("Sebutkan --instansi SLUG (atau --all).")
        out = Path(opts["out"])
        if out.is_dir():
            raise CommandError(f"{out} adalah folder; sebutkan nama file.")
        if out.suffix.lower() not in keluaran.FORMAT:
            raise CommandError(
                f"Ekstensi {out.suffix or '(kosong)'} tidak didukung; gunakan {', '.join(keluaran.FORMAT)}."
            )
        self._cek_folder(out.parent if str(out.parent) else Path("."))
        ins = get_instansi(opts["instansi"])
        try:
            path, detik = _satu(self.jenis, ins.pk, opts["tahun"], str(out))
        except OSError as exc:
            raise CommandError(f"Tidak dapat menulis {out}: {exc.strerror or exc}") from None
        self.stdout.write(f"{path} ({detik:.1f} s)\n")

    def _semua(self, opts) -> None:
        if opts["instansi"]:
            raise CommandError("--instansi dan --all tidak dapat dipakai bersama.")
        folder = Path(opts["out"])
        if folder.suffix.lower() in keluaran.FORMAT:
            raise CommandError("Dengan --all, --out adalah folder (format dipilih dengan --format).")
        if not folder.exists() and folder.parent.is_dir():
            try:
                folder.mkdir()
            except OSError:
                pass  # reported just below
        self._cek_folder(folder)
        qs = Instansi.objects.order_by("pemda__kode", "slug")
        if opts["pemda"]:
            if not Pemda.objects.filter(kode=opts["pemda"]).exists():
                raise CommandError(f'Pemda "{opts["pemda"]}" tidak dikenal.')
            qs = qs.filter(pemda__kode=opts["pemda"])
        tugas = [
            (i.pk, i.slug, str(folder / f"{self.nama_file}-{i.slug}-{opts['tahun']}.{opts['format']}"))
            for i in qs
        ]
        if not tugas:
            raise CommandError("Tidak ada instansi.")
        jobs = max(1, opts["jobs"])
        gagal: list[str] = []
        t0 = time.perf_counter()
        sys.stderr.write(_bar(0, len(tugas), ""))
        if jobs == 1:
            for n, (pk, slug, path) in enumerate(tugas, 1):
                try:
                    _satu(self.jenis, pk, opts["tahun"], path)
                except Exception as exc:  # noqa: BLE001 - reported per unit, the others go on
                    gagal.append(f"{slug}: {exc}")
                sys.stderr.write(_bar(n, len(tugas), slug))
        else:
            # the documents are built here (database) and rendered by the workers (CPU, LibreOffice):
            # the workers never touch the database
            ctx = multiprocessing.get_context("fork")
            with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
                futs = {}
                for pk, slug, path in tugas:
                    try:
                        ins = Instansi.objects.select_related("pemda").get(pk=pk)
                        futs[pool.submit(keluaran.simpan, bangun(self.jenis, ins, opts["tahun"]), path)] = (
                            slug
                        )
                    except Exception as exc:  # noqa: BLE001
                        gagal.append(f"{slug}: {exc}")
                n = len(gagal)
                for fut in as_completed(futs):
                    n += 1
                    try:
                        fut.result()
                    except Exception as exc:  # noqa: BLE001
                        gagal.append(f"{futs[fut]}: {exc}")
                    sys.stderr.write(_bar(n, len(tugas), futs[fut]))
        sys.stderr.write("\n")
        self.stdout.write(
            f"{len(tugas) - len(gagal)} dokumen di {folder} ({time.perf_counter() - t0:.1f} s)\n"
        )
        if gagal:
            raise CommandError(f"{len(gagal)} dokumen gagal:\n" + "\n".join(gagal))


class Command(DokumenCommand):
    help = "LKIP of a unit for a year as DOCX, PDF or HTML (format from the --out extension); --all for every unit."
    jenis = "lkip"
    nama_file = "lkip"
