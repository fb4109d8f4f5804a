from laporan.reviu import reviu, ringkasan
from sakip.cli import PerintahKueri, dumps, tabel


class Command(PerintahKueri):
    help = (
        "Reviu of a unit-year before its LKIP is issued: findings (error, warning, info) with their location."
    )

    def jawab(self, ins, **opts):
        temuan = reviu(ins, opts["tahun"])
        jumlah = ringkasan(temuan)
        if opts["format"] == "json":
            self.stdout.write(dumps({"findings": [t.as_dict() for t in temuan], "summary": jumlah}))
            return
        self.stdout.write(
            f"Reviu {ins.nama} tahun {opts['tahun']}: {jumlah['error']} error, "
            f"{jumlah['warning']} warning, {jumlah['info']} info\n"
        )
        if temuan:
            self.stdout.write(
                tabel(["Level", "Lokasi", "Temuan"], [[t.level, t.where, t.message] for t in temuan])
            )
