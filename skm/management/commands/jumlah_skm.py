import json
from importlib import import_module

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from skm.selectors import selisih_jumlah_jawaban


class Command(BaseCommand):
    help = (
        "Check the survey's running sums (skm.JumlahJawaban, JumlahJawabanUnit and JumlahTahunUnit, kept by database "
        "triggers with every "
        "answer) against a full recomputation over the answers; --perbaiki rebuilds them. Exit status "
        "1 when they differ and were not rebuilt. See docs/skm.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--perbaiki", action="store_true", help="rebuild the sums from the answers")
        parser.add_argument("--format", choices=["teks", "json"], default="teks")

    def handle(self, *args, **opts):
        selisih = selisih_jumlah_jawaban()
        dibangun = False
        if selisih and opts["perbaiki"]:
            m = import_module("skm.migrations.0011_jumlah_tahun_unit")
            with transaction.atomic():
                if connection.vendor == "postgresql":
                    # no answer may be written while the sums are rebuilt (writers wait, readers do not)
                    with connection.cursor() as c:
                        c.execute("LOCK TABLE skm_responden IN SHARE MODE")
                with connection.cursor() as c:
                    for tabel in m.TABEL:
                        c.execute(f"DELETE FROM {tabel}")
                    for sql in m.ISI_ULANG:
                        c.execute(sql)
            dibangun = True
        if opts["format"] == "json":
            self.stdout.write(
                json.dumps({"selisih": len(selisih), "dibangun_ulang": dibangun, "contoh": selisih[:20]})
            )
        elif not selisih:
            self.stdout.write("The running sums equal a full recomputation over the answers.")
        else:
            self.stdout.write(f"{len(selisih)} groups differ" + (": rebuilt." if dibangun else "."))
            for s in selisih[:20]:
                self.stdout.write(f"  {s}")
        if selisih and not dibangun:
            raise CommandError("running sums differ from the answers (run with --perbaiki)")
