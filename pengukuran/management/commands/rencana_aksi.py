from pengukuran.selectors import pantau_rencana
from perencanaan.services import nama_bulan, pesan_selisih
from rumus.format import format_angka, format_persen
from rumus.rencana_aksi import BULAN
from sakip.cli import PerintahKueri, angka_json, dumps, tabel


class Command(PerintahKueri):
    help = (
        "Rencana Aksi of a unit-year: per indicator of the PK in force the quarter targets, the "
        "realisasi entered per quarter and the capaian of each quarter against that quarter's target "
        "(against the annual target, flagged, where the indicator has no plan). --format json: "
        "docs/rencana_aksi.md."
    )

    def jawab(self, ins, **opts):
        tahun = opts["tahun"]
        pk, rows = pantau_rencana(ins, tahun)
        if opts["format"] == "json":
            self.stdout.write(
                dumps(
                    {
                        "instansi": ins.slug,
                        "tahun": tahun,
                        "pk": pk.label if pk else None,
                        "indikator": [_json(n, r) for n, r in enumerate(rows, 1)],
                    }
                )
            )
            return
        if pk is None:
            self.stdout.write(f"{ins.nama} {tahun}: belum ada Perjanjian Kinerja")
            return
        self.stdout.write(f"Rencana Aksi {ins.nama} tahun {tahun} ({pk.label})\n")
        baris = []
        for r in rows:
            ind = r.baris.indikator
            for t in r.triwulan:
                baris.append(
                    [
                        ind.kode,
                        t.periode,
                        format_angka(t.target, 2) + ("" if t.triwulan else " (tahunan)"),
                        format_angka(t.realisasi, 2),
                        format_persen(t.capaian),
                        r.status or "-" if t.periode == "TW4" else "",
                    ]
                )
        self.stdout.write(
            tabel(["Indikator", "TW", "Target", "Realisasi", "Capaian", "Status"], baris, "llrrrl")
        )


def _json(no, r):
    b = r.baris
    ind = b.indikator
    out = {
        "no": no,
        "kode": ind.kode,
        "indikator": ind.nama,
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "agregasi": ind.agregasi,
        "target_tahunan": angka_json(b.pk_row.target),
        "rencana_aksi": b.ada_rencana,
        "selisih": pesan_selisih(b.selisih, ind.satuan) if b.selisih else None,
        "status": r.status,
        "status_triwulan": r.status_periode,
        "triwulan": [
            {
                "periode": t.periode,
                "target": angka_json(t.target),
                "terhadap": "target triwulan" if t.triwulan else "target tahunan",
                "realisasi": angka_json(t.realisasi, 2),
                "capaian": angka_json(t.capaian, 1),
                "kategori": t.kategori,
            }
            for t in r.triwulan
        ],
        "langkah": [
            {
                "periode": lk.periode,
                "uraian": lk.uraian,
                "penanggung_jawab": lk.penanggung_jawab,
                "sub_kegiatan": lk.sub_kegiatan.kode if lk.sub_kegiatan else None,
            }
            for lk in b.langkah
        ],
    }
    if b.target_bulan:  # a monthly plan: its months (the quarters above are derived from them)
        out["bulan"] = [
            {"periode": p, "nama": nama_bulan(p), "target": angka_json(b.target_bulan.get(p))} for p in BULAN
        ]
    return out
