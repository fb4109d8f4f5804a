"""The dashboard pages' content, computed from data and stored under the data's token (``tembolok``).

The content does not depend on who looks at it (the permission check happens before), only on
the unit's (or pemda's) data, the year, the language and today's date (overdue follow-ups), which
together form the key of the stored fragment.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

import tembolok.selectors
from evaluasi.selectors import tindak_lanjut_terbuka
from pengukuran.models import Alur, PengajuanRealisasi, StatusPeriode
from pengukuran.periksa import periksa
from pengukuran.selectors import Pengukuran, capaian_pk, pantau_rencana
from tembolok.services import cuplikan

from . import grafik as grafik_mod
from . import selectors

SORT = {
    "nama": lambda r: r.instansi.nama,
    "ikm": lambda r: r.ikm,
    "akip": lambda r: r.nilai_akip,
    "capaian": lambda r: r.rata_capaian,
    "serapan": lambda r: r.serapan,
}


def _kunci(*bagian) -> str:
    return ":".join(str(b) for b in (*bagian, get_language()))


def _syarat() -> str:
    """What else a page depends on: today's date (overdue follow-ups) and the code version. Not
    part of the key, so a new day or a deployment overwrites the page's row."""
    return f"{timezone.localdate().isoformat()}:{tembolok.selectors.sidik_kode()}"


def konteks_unit(instansi, tahun: int) -> dict:
    tahun_tren = list(range(tahun - 3, tahun + 1))
    peng = Pengukuran([instansi.id], tahun_tren)
    rows = capaian_pk([instansi.id], tahun, peng).get(instansi.id, [])
    kurang = []
    # the Rencana Aksi: per indicator "sesuai rencana" / "tertinggal" at the latest judged quarter
    rencana = {p.baris.indikator.id: p for p in pantau_rencana(instansi, tahun)[1]}
    # quarters verified or locked by the pimpinan; a value of any other quarter is shown as
    # "belum diverifikasi" (submitted, returned or still a draft)
    terverifikasi = set(
        PengajuanRealisasi.objects.filter(
            instansi=instansi,
            tahun=tahun,
            alur=Alur.KINERJA,
            status__in=(StatusPeriode.DIVERIFIKASI, StatusPeriode.TERKUNCI),
        ).values_list("periode", flat=True)
    )
    for r in rows:
        r.rencana = rencana.get(r.indikator.id)
        per_tw = peng.manual.get((r.indikator.id, tahun), {})
        triwulan = [(p, per_tw[p].nilai if p in per_tw else None) for p in ("TW1", "TW2", "TW3", "TW4")]
        r.belum_diverifikasi = (
            [p for p, v in triwulan if v is not None and p not in terverifikasi]
            if r.realisasi.sumber == "manual" and "TAHUN" not in per_tw
            else []
        )
        tahunan = [(str(t), peng.realisasi(r.indikator, t).nilai) for t in tahun_tren]
        r.tren = {
            "lalu": peng.realisasi(r.indikator, tahun - 1),
            "triwulan": triwulan,
            "svg_tahun": grafik_mod.tren(tahunan, _("Tren realisasi per tahun")),
            "svg_triwulan": grafik_mod.tren(triwulan, _("Tren realisasi per triwulan")),
        }
        if r.indikator.sumber_realisasi == "manual" and r.realisasi.nilai is None:
            kurang.append(r.indikator)
    total, programmes = selectors.anggaran_program(instansi, tahun)
    temuan = periksa(instansi, tahun)
    rencana, realisasi = selectors.serapan_kumulatif(instansi, tahun, programmes)
    grafik = {
        "capaian": grafik_mod.capaian_iku(rows),
        "serapan": grafik_mod.serapan_triwulan(programmes, rencana, realisasi),
    }
    return {
        "grafik": grafik,
        "instansi": instansi,
        "tahun": tahun,
        "rows": rows,
        "total": total,
        "programmes": programmes,
        "temuan": temuan,
        "jumlah_error": sum(1 for t in temuan if t.level == "error"),
        "kurang": kurang,
        "tahun_lalu": tahun - 1,
        "tindak_lanjut": tindak_lanjut_terbuka(instansi),
    }


def isi_unit(instansi, tahun: int) -> str:
    """The unit dashboard's content (HTML), stored until the unit's data changes."""
    return mark_safe(
        cuplikan(
            _kunci("unit", instansi.id, tahun),
            "i",
            instansi.id,
            lambda: render_to_string("dasbor/_unit_isi.html", konteks_unit(instansi, tahun)),
            _syarat(),
        )
    )


def konteks_pemda(pemda, tahun: int, urut: str) -> dict:
    units = list(pemda.instansi.order_by("nama"))
    rows = selectors.ringkasan_tersimpan(units, tahun)
    key = SORT[urut]
    if urut == "nama":
        rows.sort(key=key)
    else:  # highest first, units without a value last
        rows.sort(key=lambda r: (key(r) is not None, key(r) or 0), reverse=True)
    return {
        "pemda": pemda,
        "tahun": tahun,
        "rows": rows,
        "urut": urut,
        "pembanding": selectors.tabel_pembanding(units, tahun),
    }


def isi_pemda(pemda, tahun: int, urut: str = "nama") -> str:
    """The pemda dashboard's content (HTML), stored until any of its units' data changes."""
    if urut not in SORT:
        urut = "nama"
    return mark_safe(
        cuplikan(
            _kunci("pemda", pemda.id, tahun, urut),
            "p",
            pemda.id,
            lambda: render_to_string("dasbor/_pemda_isi.html", konteks_pemda(pemda, tahun, urut)),
            _syarat(),
        )
    )


def siapkan(tahun: int, pemda=None, *, ulang: bool = False, bahasa=("id",)) -> tuple[int, int]:
    """Compute and store every unit and pemda dashboard of a year ahead (those whose data did not
    change are read from the store), after removing the pages stored by an earlier version of the
    code; ``ulang``: every page again. ``pemda``: a queryset (default every pemda). Returns (pages
    removed, dashboards ready). ``manage.py siapkan_dasbor`` and the task dasbor.tugas.siapkan_tugas."""
    from django.utils import translation

    from organisasi.models import Instansi, Pemda
    from tembolok.models import Cuplikan
    from tembolok.services import usangkan_semua

    pemda = Pemda.objects.all() if pemda is None else pemda
    if ulang:
        usangkan_semua()
    lama = Cuplikan.objects.exclude(syarat__endswith=tembolok.selectors.sidik_kode()).delete()[0]
    n = 0
    for kode in bahasa:
        with translation.override(kode):
            for p in pemda:
                for ins in Instansi.objects.filter(pemda=p).select_related("pemda").order_by("nama"):
                    isi_unit(ins, tahun)
                    n += 1
                isi_pemda(p, tahun)
                n += 1
    return lama, n
