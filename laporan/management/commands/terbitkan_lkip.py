"""python manage.py terbitkan_lkip --instansi SLUG --tahun N --pengguna USERNAME [--akui-galat]

Issue the next version of a unit's LKIP as that user (the unit's pimpinan):
``laporan.services.terbitkan_lkip`` freezes the content, renders and stores the DOCX and PDF."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from dasar.galat import Ditolak
from laporan.services import terbitkan_lkip
from sakip.cli import get_instansi


class Command(BaseCommand):
    help = "Issue (terbitkan) the next version of a unit's LKIP: frozen DOCX and PDF with their SHA-256."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True, help="slug of the unit")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--pengguna", required=True, help="username of the issuer (the unit's pimpinan)")
        parser.add_argument(
            "--akui-galat", action="store_true", help="issue although the reviu finds errors (acknowledged)"
        )

    def handle(self, *args, **opts):
        instansi = get_instansi(opts["instansi"])
        user = get_user_model().objects.filter(username=opts["pengguna"], is_active=True).first()
        if user is None:
            raise CommandError(f'Pengguna "{opts["pengguna"]}" tidak dikenal.')
        try:
            t = terbitkan_lkip(
                user=user, instansi=instansi, tahun=opts["tahun"], akui_galat=opts["akui_galat"]
            )
        except PermissionDenied:
            raise CommandError(
                f"{user.get_username()} tidak boleh menerbitkan LKIP {instansi.nama}."
            ) from None
        except Ditolak as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"LKIP {instansi.nama} {t.tahun} versi {t.nomor}")
        self.stdout.write(f"SHA-256 isi  {t.sha256}")
        self.stdout.write(f"SHA-256 DOCX {t.sha256_docx}  {t.berkas_docx}")
        self.stdout.write(f"SHA-256 PDF  {t.sha256_pdf}  {t.berkas_pdf}")
        for p in t.perubahan:
            self.stdout.write(f"- {p}")
