from rumus.format import format_angka
from sakip.cli import PerintahKueri, angka_json, dumps, tabel
from skm.selectors import ikm_tahun


def data_json(hasil):
    """The command's JSON answer for an ``IKMTahun`` (also the API's, ``api``)."""
    return {
        "periods": [
            {
                "period": p.periode,
                "nrr": [angka_json(n, 3) for n in p.nrr],
                "ikm_unsur": [angka_json(v, 2) for v in p.ikm_unsur],
                "mutu_unsur": p.mutu_unsur,
                "ikm": angka_json(p.ikm, 2),
                "mutu": p.mutu,
                "respondents": p.responden,
            }
            for p in hasil.periode
        ],
        "tahun": {"ikm": angka_json(hasil.ikm, 2), "mutu": hasil.mutu, "method": hasil.metode},
    }


class Command(PerintahKueri):
    help = (
        "IKM of a unit per survey period and for the year, in the unit's survey scheme "
        "(PermenPANRB 14/2017 unless its SKM settings choose another)."
    )

    def jawab(self, ins, **opts):
        hasil = ikm_tahun([ins.id], opts["tahun"]).get(ins.id)
        if hasil is None:
            self.stdout.write(
                dumps({"periods": [], "tahun": None})
                if opts["format"] == "json"
                else f"{ins.nama} {opts['tahun']}: no SKM data."
            )
            return
        data = data_json(hasil)
        if opts["format"] == "json":
            self.stdout.write(dumps(data))
            return
        self.stdout.write(f"IKM {ins.nama} tahun {opts['tahun']} ({hasil.skema.nama})\n")
        jumlah = max(len(p.nrr) for p in hasil.periode)
        header = ["Periode", *[f"U{i}" for i in range(1, jumlah + 1)], "IKM", "Mutu"]
        rows = []
        for p in hasil.periode:
            kosong = [""] * (jumlah - len(p.nrr))
            rows.append([f"{p.periode} NRR", *[format_angka(n, 3) for n in p.nrr], *kosong, "", ""])
            rows.append(
                [
                    f"{p.periode} IKM",
                    *[f"{format_angka(v, 2)} {m}" for v, m in zip(p.ikm_unsur, p.mutu_unsur, strict=True)],
                    *kosong,
                    format_angka(p.ikm, 2),
                    p.mutu,
                ]
            )
        self.stdout.write(tabel(header, rows, "l" + "r" * (jumlah + 2)))
        self.stdout.write(
            f"\nIKM tahun {opts['tahun']}: {format_angka(hasil.ikm, 2)} ({hasil.mutu}) — {hasil.metode}"
        )
