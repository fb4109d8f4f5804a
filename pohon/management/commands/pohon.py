from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from organisasi.models import Pemda
from pohon.selectors import pohon_pemda, pohon_unit
from pohon.tampilan import NAMA_LEVEL, pesan_temuan
from rumus.format import format_angka, format_persen
from sakip.cli import PerintahKueri, angka_json, dumps, get_instansi


def simpul_json(s) -> dict:
    """One node as the command prints it (numbers as ``manage.py capaian`` and ``anggaran`` do)."""
    return {
        "level": s.level,
        "kode": s.kode,
        "nama": s.nama,
        "instansi": s.instansi or None,
        "pemilik": s.pemilik,
        "indikator": [
            {
                "kode": i.kode,
                "nama": i.nama,
                "satuan": i.satuan,
                "jenis": i.jenis,
                "pemilik": i.pemilik,
                "target": angka_json(i.target),
                "realisasi": angka_json(i.realisasi, 2),
                "capaian": angka_json(i.capaian, 1),
                "kategori": i.kategori,
            }
            for i in s.indikator
        ],
        "anggaran": [
            {"kode": a.kode, "nama": a.nama, "pagu": angka_json(a.pagu), "realisasi": angka_json(a.realisasi)}
            for a in s.anggaran
        ],
        "anak": [simpul_json(a) for a in s.anak],
    }


def pohon_json(p) -> dict:
    return {
        "tahun": p.tahun,
        "pohon": [simpul_json(s) for s in p.akar],
        "temuan": [
            {
                "jenis": t.jenis,
                "instansi": t.instansi or None,
                "kode": t.kode,
                "nama": t.nama,
                "pesan": pesan_temuan(t),
            }
            for t in p.temuan
        ],
    }


class Command(PerintahKueri):
    help = (
        "Pohon kinerja (performance tree) of a unit-year (--instansi) or of a pemda-year across its "
        "units (--pemda): nodes with level, nama, indikator (target, realisasi, capaian), pemilik, "
        "anggaran (linked budget codes with pagu and realisasi) and anak; and the tree's findings."
    )

    def add_arguments(self, parser):
        parser.add_argument("--instansi")
        parser.add_argument("--pemda")
        parser.add_argument("--tahun", type=int, required=True)
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args, **opts):
        if bool(opts["instansi"]) == bool(opts["pemda"]):
            raise CommandError(_("Sebutkan salah satu: --instansi atau --pemda."))
        if opts["pemda"]:
            pemda = Pemda.objects.filter(kode=opts["pemda"]).first()
            if pemda is None:
                raise CommandError(_('Pemda "%(kode)s" tidak dikenal.') % {"kode": opts["pemda"]})
            p = pohon_pemda(pemda, opts["tahun"])
            judul = pemda.nama
        else:
            ins = get_instansi(opts["instansi"])
            p = pohon_unit(ins, opts["tahun"])
            judul = ins.nama
        if opts["format"] == "json":
            self.stdout.write(dumps(pohon_json(p)))
            return
        self.stdout.write(f"{_('Pohon kinerja')} {judul} {opts['tahun']}\n")

        def tulis(s, dalam):
            self.stdout.write(f"{'  ' * dalam}- [{NAMA_LEVEL.get(s.level, s.level)}] {s.kode} {s.nama}")
            for i in s.indikator:
                self.stdout.write(
                    f"{'  ' * (dalam + 1)}· {i.nama}: {format_angka(i.target, 2)} / "
                    f"{format_angka(i.realisasi, 2)} → {format_persen(i.capaian)} ({i.pemilik or '-'})"
                )
            for a in s.anak:
                tulis(a, dalam + 1)

        for s in p.akar:
            tulis(s, 0)
        if p.temuan:
            self.stdout.write("\n" + _("Temuan") + ":")
            for t in p.temuan:
                self.stdout.write(f"- {pesan_temuan(t)}")
