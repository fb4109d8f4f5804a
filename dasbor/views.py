from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from akun.izin import boleh, instansi_terlihat, perlu
from evaluasi.services import tindak_lanjut_terbuka
from organisasi.models import Pemda
from pengukuran.periksa import periksa
from pengukuran.services import Pengukuran, capaian_pk

from . import grafik as grafik_mod
from . import services


def _tahun(request, default=2024):
    try:
        return int(request.GET.get("tahun", default))
    except ValueError:
        return default


@login_required
def beranda(request):
    units = instansi_terlihat(request.user).select_related("pemda").order_by("nama")
    pemda = Pemda.objects.filter(id__in=request.user.peran.filter(pemda__isnull=False,
                                                                   jenis__in=["admin_pemda", "evaluator"])
                                 .values("pemda_id"))
    return render(request, "dasbor/beranda.html", {"units": units, "pemda_list": pemda})


@perlu("lihat")
def unit(request, instansi):
    tahun = _tahun(request)
    tahun_tren = list(range(tahun - 3, tahun + 1))
    peng = Pengukuran([instansi.id], tahun_tren)
    rows = capaian_pk([instansi.id], tahun, peng).get(instansi.id, [])
    tren, kurang = {}, []
    for r in rows:
        per_tw = peng.manual.get((r.indikator.id, tahun), {})
        triwulan = [(p, per_tw[p].nilai if p in per_tw else None) for p in ("TW1", "TW2", "TW3", "TW4")]
        tahunan = [(str(t), peng.realisasi(r.indikator, t).nilai) for t in tahun_tren]
        tren[r.indikator.id] = {"lalu": peng.realisasi(r.indikator, tahun - 1), "triwulan": triwulan,
                                "svg_tahun": grafik_mod.tren(tahunan, _("Tren realisasi per tahun")),
                                "svg_triwulan": grafik_mod.tren(triwulan, _("Tren realisasi per triwulan"))}
        if r.indikator.sumber_realisasi == "manual" and r.realisasi.nilai is None:
            kurang.append(r.indikator)
    for r in rows:
        r.tren = tren[r.indikator.id]
    total, programmes = services.anggaran_program(instansi, tahun)
    temuan = periksa(instansi, tahun)
    rencana, realisasi = services.serapan_kumulatif(instansi, tahun, programmes)
    grafik = {"capaian": grafik_mod.capaian_iku(rows),
              "serapan": grafik_mod.serapan_triwulan(programmes, rencana, realisasi)}
    return render(request, "dasbor/unit.html", {"grafik": grafik,
        "instansi": instansi, "tahun": tahun, "rows": rows, "total": total, "programmes": programmes,
        "temuan": temuan, "jumlah_error": sum(1 for t in temuan if t.level == "error"),
        "boleh_isi": boleh(request.user, "isi", instansi), "kurang": kurang, "tahun_lalu": tahun - 1,
        "tindak_lanjut": tindak_lanjut_terbuka(instansi),
    })


SORT = {"nama": lambda r: r.instansi.nama, "ikm": lambda r: r.ikm, "akip": lambda r: r.nilai_akip,
        "capaian": lambda r: r.rata_capaian, "serapan": lambda r: r.serapan}


@login_required
def pemda(request, kode):
    pemda = get_object_or_404(Pemda, kode=kode)
    if not request.user.peran.filter(pemda=pemda, jenis__in=["admin_pemda", "evaluator"]).exists():
        raise Http404
    tahun = _tahun(request)
    units = list(pemda.instansi.order_by("nama"))
    peng = Pengukuran([u.id for u in units], [tahun], ringan=True)
    rows = services.ringkasan_pemda(units, tahun, peng)
    urut = request.GET.get("urut", "nama")
    if urut not in SORT:
        urut = "nama"
    key = SORT[urut]
    if urut == "nama":
        rows.sort(key=key)
    else:  # highest first, units without a value last
        rows.sort(key=lambda r: (key(r) is not None, key(r) or 0), reverse=True)
    tabel = services.tabel_pembanding(units, tahun, peng)
    return render(request, "dasbor/pemda.html", {"pemda": pemda, "tahun": tahun, "rows": rows, "urut": urut,
                                                 "pembanding": tabel})
