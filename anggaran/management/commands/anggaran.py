from anggaran.selectors import nama_nomenklatur, pagu_murni_program, roll_up_instansi
from rumus.format import format_persen, format_rupiah
from sakip.cli import PerintahKueri, angka_json, dumps, tabel


def _node(n, nama, extra=None):
    d = {
        "kode": n.kode,
        "nama": nama.get(n.kode, ""),
        "pagu": angka_json(n.pagu),
        "realisasi": angka_json(n.realisasi),
        "serapan": angka_json(n.serapan, 2),
        "efisiensi": angka_json(n.efisiensi, 2),
        "kas": [angka_json(k) for k in n.kas],
    }
    d.update(extra or {})
    return d


def _kode(total) -> set[str]:
    codes = set()
    for p in total.anak.values():
        codes.add(p.kode)
        for k in p.anak.values():
            codes.add(k.kode)
            codes.update(s.kode for s in k.anak.values())
    return codes


def data_json(ins, tahun: int, total=None):
    """The command's JSON answer (also the API's, ``api``): the budget tree of the unit-year with
    pagu, realisasi, serapan, efisiensi and cash plan as JSON numbers; None without budget lines."""
    if total is None:
        total = roll_up_instansi([ins.id], tahun).get(ins.id)
        if total is None:
            return None
    nama = nama_nomenklatur(_kode(total))
    murni = pagu_murni_program(ins.id, tahun)

    def pagu_murni(p):
        return p.pagu_murni if p.pagu_murni is not None else murni.get(p.kode)

    programmes = []
    for p in sorted(total.anak.values(), key=lambda n: n.kode):
        kegiatan = []
        for k in sorted(p.anak.values(), key=lambda n: n.kode):
            subs = [
                _node(s, nama, {"subunit": s.subunit})
                for s in sorted(k.anak.values(), key=lambda n: (n.kode, n.subunit or ""))
            ]
            kegiatan.append(_node(k, nama, {"sub_kegiatan": subs}))
        programmes.append(_node(p, nama, {"pagu_murni": angka_json(pagu_murni(p)), "kegiatan": kegiatan}))
    murni_total = [pagu_murni(p) for p in total.anak.values()]
    total_d = _node(
        total,
        nama,
        {
            "pagu_murni": angka_json(sum(murni_total)) if None not in murni_total else None,
            "jumlah_program": len(programmes),
            "jumlah_kegiatan": sum(len(p["kegiatan"]) for p in programmes),
            "jumlah_sub_kegiatan": total.jumlah_baris,
        },
    )
    del total_d["kode"], total_d["nama"]
    return {"instansi": ins.slug, "tahun": tahun, "program": programmes, "total": total_d}


class Command(PerintahKueri):
    help = "Budget per programme → kegiatan → sub-kegiatan with pagu, realisasi, serapan and efisiensi."

    def jawab(self, ins, **opts):
        total = roll_up_instansi([ins.id], opts["tahun"]).get(ins.id)
        if total is None:
            self.stdout.write(f"{ins.nama} {opts['tahun']}: no budget lines.")
            return
        if opts["format"] == "json":
            self.stdout.write(dumps(data_json(ins, opts["tahun"], total)))
            return
        nama = nama_nomenklatur(_kode(total))
        murni = pagu_murni_program(ins.id, opts["tahun"])

        def pagu_murni(p):
            return p.pagu_murni if p.pagu_murni is not None else murni.get(p.kode)

        murni_total = [pagu_murni(p) for p in total.anak.values()]
        rows = []
        for p in sorted(total.anak.values(), key=lambda n: n.kode):
            rows.append(
                [
                    p.kode,
                    nama.get(p.kode, ""),
                    format_rupiah(pagu_murni(p)),
                    format_rupiah(p.pagu),
                    format_rupiah(p.realisasi),
                    format_persen(p.serapan, 2),
                    format_persen(p.efisiensi, 2),
                ]
            )
            for k in sorted(p.anak.values(), key=lambda n: n.kode):
                rows.append(
                    [
                        "  " + k.kode,
                        "  " + nama.get(k.kode, ""),
                        "",
                        format_rupiah(k.pagu),
                        format_rupiah(k.realisasi),
                        format_persen(k.serapan, 2),
                        format_persen(k.efisiensi, 2),
                    ]
                )
                for s in sorted(k.anak.values(), key=lambda n: (n.kode, n.subunit or "")):
                    label = nama.get(s.kode, "") + (f" [{s.subunit}]" if s.subunit else "")
                    rows.append(
                        [
                            "    " + s.kode,
                            "    " + label,
                            "",
                            format_rupiah(s.pagu),
                            format_rupiah(s.realisasi),
                            format_persen(s.serapan, 2),
                            format_persen(s.efisiensi, 2),
                        ]
                    )
        rows.append(
            [
                "",
                "TOTAL",
                format_rupiah(sum(murni_total)) if None not in murni_total else "-",
                format_rupiah(total.pagu),
                format_rupiah(total.realisasi),
                format_persen(total.serapan, 2),
                format_persen(total.efisiensi, 2),
            ]
        )
        self.stdout.write(f"Anggaran {ins.nama} tahun {opts['tahun']}\n")
        self.stdout.write(
            tabel(
                [
                    "Kode",
                    "Program / Kegiatan / Sub Kegiatan",
                    "Pagu murni",
                    "Pagu",
                    "Realisasi",
                    "Serapan",
                    "Efisiensi",
                ],
                rows,
                "llrrrrr",
            )
        )
