from evaluasi.selectors import hasil_akip
from rumus.format import format_angka
from sakip.cli import PerintahKueri, angka_json, dumps, tabel


def data_json(hasil: dict):
    """The command's JSON answer for ``evaluasi.selectors.hasil_akip`` (also the API's, ``api``)."""
    predikat, arti = hasil["predikat"]
    return {
        "components": [
            {"nama": n, "bobot": angka_json(b), "nilai": angka_json(v, 2)} for n, b, v in hasil["components"]
        ],
        "total": angka_json(hasil["total"], 2),
        "predikat": predikat,
        "interpretasi": arti,
        "source": hasil["source"],
    }


class Command(PerintahKueri):
    help = (
        "Nilai AKIP of a unit for a year: component scores, total, predikat; from the final LKE "
        "evaluation (source lke), else the imported LHE scores (source imported)."
    )

    def jawab(self, ins, **opts):
        hasil = hasil_akip(ins.id, opts["tahun"], "akip")
        if hasil is None:
            if opts["format"] == "json":
                self.stdout.write(dumps(None))
            else:
                self.stdout.write(f"{ins.nama} {opts['tahun']}: no AKIP evaluation.")
            return
        predikat, arti = hasil["predikat"]
        data = data_json(hasil)
        if opts["format"] == "json":
            self.stdout.write(dumps(data))
            return
        self.stdout.write(f"Evaluasi AKIP {ins.nama} tahun {opts['tahun']} ({hasil['source']})\n")
        rows = [[n, format_angka(b, 2), format_angka(v, 2)] for n, b, v in hasil["components"]]
        rows.append(["Nilai hasil evaluasi", "", format_angka(hasil["total"], 2)])
        rows.append(["Predikat", "", f"{predikat} ({arti})"])
        self.stdout.write(tabel(["Komponen", "Bobot", "Nilai"], rows, "lrr"))
