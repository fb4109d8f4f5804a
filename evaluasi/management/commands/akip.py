from django.core.management.base import BaseCommand

from evaluasi.services import hasil_evaluasi
from rumus.format import format_angka
from sakip.cli import angka_json, dumps, get_instansi, tabel


class Command(BaseCommand):
    help = "Nilai AKIP of a unit for a year: component scores, total, predikat."

    def add_arguments(self, parser):
        parser.add_argument("--instansi", required=True)
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, **opts):
        ins = get_instansi(opts["instansi"])
        hasil = hasil_evaluasi(ins.id, opts["tahun"], "akip")
        if hasil is None:
            if opts["format"] == "json":
                self.stdout.write(dumps(None))
            else:
                self.stdout.write(f"{ins.nama} {opts['tahun']}: no AKIP evaluation.")
            return
        predikat, arti = hasil.predikat
        # Only imported LHE scores exist so far; the LKE worksheet comes with the evaluation issue.
        data = {"components": [{"nama": k.komponen, "bobot": angka_json(k.bobot), "nilai": angka_json(k.nilai)}
                               for k in hasil.komponen],
                "total": angka_json(hasil.total, 2), "predikat": predikat, "interpretasi": arti,
                "source": "imported"}
        if opts["format"] == "json":
            self.stdout.write(dumps(data))
            return
        self.stdout.write(f"Evaluasi AKIP {ins.nama} tahun {opts['tahun']}\n")
        rows = [[c["nama"], format_angka(k.bobot, 2), format_angka(k.nilai, 2)]
                for c, k in zip(data["components"], hasil.komponen, strict=True)]
        rows.append(["Nilai hasil evaluasi", "", format_angka(hasil.total, 2)])
        rows.append(["Predikat", "", f"{predikat} ({arti})"])
        self.stdout.write(tabel(["Komponen", "Bobot", "Nilai"], rows, "lrr"))
