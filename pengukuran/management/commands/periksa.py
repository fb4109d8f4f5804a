from pengukuran.periksa import periksa
from sakip.cli import PerintahKueri, dumps, tabel


class Command(PerintahKueri):
    help = "Consistency findings for a unit-year (errors and warnings)."

    def jawab(self, ins, **opts):
        temuan = periksa(ins, opts["tahun"])
        if opts["format"] == "json":
            self.stdout.write(dumps([t.as_dict() for t in temuan]))
            return
        errors = sum(1 for t in temuan if t.level == "error")
        self.stdout.write(
            f"Pemeriksaan {ins.nama} tahun {opts['tahun']}: {errors} error(s), "
            f"{len(temuan) - errors} warning(s)\n"
        )
        if temuan:
            self.stdout.write(
                tabel(["Level", "Where", "Message"], [[t.level, t.where, t.message] for t in temuan])
            )
