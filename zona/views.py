"""Zona tertib monitoring: zones, monthly assessment, the resulting percentage."""

import datetime as dt

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from akun.izin import boleh, perlu
from dasar.galat import Ditolak
from dasar.tahun import dari_teks as tahun_dari_teks
from dasar.teks import ambil
from dasar.unggahan import sajikan

from . import services
from .forms import ZonaAturForm
from .models import PenilaianZona, Zona, aktif_pada
from .selectors import persentase_tertib


def _tahun(request):
    """``?tahun=`` (or the form's), else the year the user chose in the top bar (never the clock)."""
    from sakip.kerangka import tahun_pengguna

    teks = request.GET.get("tahun") or request.POST.get("tahun")
    return tahun_dari_teks(teks, None) if teks else (tahun_pengguna(request) or dt.date.today().year)


@perlu("lihat")
def daftar(request, instansi):
    tahun = _tahun(request)
    hasil = persentase_tertib([instansi.id], tahun).get(instansi.id)
    zones = list(Zona.objects.filter(aktif_pada(tahun), instansi=instansi).order_by("urutan", "kode"))
    penilaian = {}
    for p in PenilaianZona.objects.filter(zona__in=zones, tahun=tahun):
        penilaian.setdefault(p.zona_id, []).append(p)
    rows = [(z, sorted(penilaian.get(z.id, []), key=lambda p: p.bulan or 13)) for z in zones]
    return render(
        request,
        "zona/daftar.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "hasil": hasil,
            "rows": rows,
            "bulan": range(1, 13),
            "kategori": PenilaianZona.Kategori.choices,
            "boleh_isi": boleh(request.user, "isi", instansi),
            "boleh_atur": boleh(request.user, "atur", instansi),
        },
    )


@perlu("atur")
def atur(request, instansi):
    """The unit's zones on one page: create, rename, order, retire, delete; one save."""
    zones = list(Zona.objects.filter(instansi=instansi).order_by("urutan", "kode"))
    dinilai = set(PenilaianZona.objects.filter(zona__in=zones).values_list("zona_id", flat=True))
    form = ZonaAturForm(request.POST or None, zona_list=zones, dinilai=dinilai)
    if request.method == "POST" and form.is_valid():
        try:
            services.atur_zona(user=request.user, instansi=instansi, ubah=form.ubah(), baru=form.baru())
        except Ditolak as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Daftar zona disimpan."))
            return redirect("zona:atur", instansi.slug)
    return render(
        request,
        "zona/atur.html",
        {"instansi": instansi, "form": form, "tahun_ini": dt.date.today().year},
    )


@perlu("isi")
@require_POST
def nilai(request, instansi):
    zona = get_object_or_404(Zona, instansi=instansi, kode=ambil(request.POST, "zona"))
    tahun = _tahun(request)
    try:
        bulan = int(request.POST.get("bulan", ""))
    except ValueError:
        bulan = 0  # refused by the service with the month message
    try:
        services.simpan_penilaian(
            user=request.user,
            zona=zona,
            tahun=tahun,
            bulan=bulan,
            kategori=request.POST.get("kategori", ""),
            catatan=ambil(request.POST, "catatan"),
            foto=request.FILES.get("foto"),
        )
    except Ditolak as exc:
        messages.error(request, str(exc))
        return redirect(f"/unit/{instansi.slug}/zona/?tahun={tahun}")
    messages.success(request, f"Penilaian {zona.nama} bulan {bulan} disimpan.")
    return redirect(f"/unit/{instansi.slug}/zona/?tahun={tahun}")


@perlu("lihat")
def foto(request, instansi, pk):
    p = get_object_or_404(PenilaianZona, pk=pk, zona__instansi=instansi)
    return sajikan(p.foto, lampiran=False)
