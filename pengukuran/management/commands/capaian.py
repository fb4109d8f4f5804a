from django.utils.translation import gettext as _

from pengukuran.selectors import capaian_pk, pk_berlaku
from rumus.format import format_angka, format_persen
from sakip.cli import PerintahKueri, angka_json, dumps, tabel


class Command(PerintahKueri):
    help = (
        "Capaian kinerja of every indicator of a unit's Perjanjian Kinerja for a year. "
        "--format json prints a list of indicators; an empty result carries its reason: "
        '{"indikator": [], "alasan": "..."} (no PK for the year, or a PK without indicators).'
    )

    def jawab(self, ins, **opts):
        rows = capaian_pk([ins.id], opts["tahun"]).get(ins.id, [])
        if opts["format"] == "json":
            self.stdout.write(dumps(data_json(ins, opts["tahun"], rows)))
            return
        if not rows:
            self.stdout.write(f"{ins.nama} {opts['tahun']}: {alasan_kosong(ins, opts['tahun'])}")
            return
        self.stdout.write(f"Capaian kinerja {ins.nama} tahun {opts['tahun']}\n")
        self.stdout.write(
            tabel(
                ["No", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori", "Sumber"],
                [
                    [
                        r.no,
                        r.indikator.nama,
                        r.satuan,
                        format_angka(r.target, 2),
                        format_angka(r.realisasi.nilai, 2),
                        format_persen(r.capaian),
                        r.kategori or "-",
                        r.realisasi.keterangan,
                    ]
                    for r in rows
                ],
                "rlllrrll",
            )
        )


_BACA = object()


def data_json(ins, tahun: int, rows=None, pk=_BACA):
    """The command's JSON answer (also the API's, ``api``): a list of indicators with target,
    realisasi and capaian as JSON numbers, or ``{"indikator": [], "alasan": ...}``. ``pk``: the
    unit-year's PK in force when the caller has read it already (many units at once)."""
    if rows is None:
        rows = capaian_pk([ins.id], tahun).get(ins.id, [])
    if not rows:
        return {"indikator": [], "alasan": alasan_kosong(ins, tahun, pk)}
    out = []
    for r in rows:
        d = r.as_dict()
        d.update(
            target=angka_json(r.target),
            realisasi=angka_json(r.realisasi.nilai, 2),
            capaian=angka_json(r.capaian, 1),
        )
        out.append(d)
    return out


def alasan_kosong(ins, tahun: int, pk=_BACA) -> str:
    """Why a unit-year has no capaian row: no PK in force, or a PK without indicators."""
    if pk is _BACA:
        pk = pk_berlaku([ins.id], tahun).get(ins.id)
    if pk is None:
        return _("belum ada Perjanjian Kinerja tahun %(tahun)s") % {"tahun": tahun}
    return _("Perjanjian Kinerja tahun %(tahun)s versi %(versi)s belum memuat indikator") % {
        "tahun": tahun,
        "versi": pk.versi,
    }
