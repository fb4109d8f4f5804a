"""``manage.py kirim_pengingat [--tanggal YYYY-MM-DD] [--dry-run] [--format json] [--antrikan]``:
the daily reminders (pengingat.services.kirim_pengingat). Run it once a day from cron, or with
``--antrikan`` let the task queue's worker run it (docs/deploy.md, "Pengingat")."""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from pengingat import services
from pengingat.tugas import kirim_harian


def _tanggal(teks: str) -> dt.date:
    try:
        return dt.date.fromisoformat(teks)
    except ValueError:
        raise CommandError(
            f"--tanggal {teks!r}: tulis tanggal sebagai YYYY-MM-DD, contoh 2025-07-08"
        ) from None


class Command(BaseCommand):
    help = "Kirim pengingat hari ini (atau --tanggal): dicatat di aplikasi dan dikirim lewat e-mail; aman dijalankan dua kali."

    def add_arguments(self, parser):
        parser.add_argument("--tanggal", help="hari yang dihitung (YYYY-MM-DD); bawaan: hari ini")
        parser.add_argument(
            "--dry-run", action="store_true", help="hanya tampilkan; tidak mencatat, tidak mengirim"
        )
        parser.add_argument("--format", choices=["table", "json"], default="table")
        parser.add_argument(
            "--antrikan",
            action="store_true",
            help="serahkan ke worker antrian tugas (hari ini) alih-alih menjalankan di sini",
        )

    def handle(self, *args, **opts):
        if opts["antrikan"]:
            if opts["tanggal"] or opts["dry_run"]:
                raise CommandError("--antrikan menjalankan pengingat hari ini: tanpa --tanggal dan --dry-run")
            hasil = kirim_harian.enqueue()
            self.stdout.write(f"diantrikan: {hasil.id}")
            return
        hari = _tanggal(opts["tanggal"]) if opts["tanggal"] else None
        laporan = services.kirim_pengingat(hari=hari, uji=opts["dry_run"])
        d = laporan.ke_dict()
        if opts["format"] == "json":
            self.stdout.write(json.dumps(d, ensure_ascii=False, indent=2))
            return
        if laporan.email_mati:
            self.stderr.write(
                "SAKIP_URL_DASAR belum diatur: pengingat dicatat di aplikasi, e-mail tidak dikirim."
            )
        judul = "akan dibuat" if laporan.uji else "dibuat"
        self.stdout.write(
            f"{d['tanggal']}: {d['baru']} pengingat {judul}, {d['sudah_ada']} sudah ada; "
            f"e-mail terkirim {d['email_terkirim']}, gagal {d['email_gagal']}"
        )
        for r in d["pengingat"]:
            surel = "e-mail" if r["email"] else "aplikasi"
            self.stdout.write(
                f"  {r['pengguna']:<20} {r['jenis']:<12} {r['jatuh_tempo']}  {surel:<8} {r['judul']}"
            )
