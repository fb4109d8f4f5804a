"""The schedule pages of a pemda (admin_pemda): the year's dates in one form, and the late-entry
exceptions granted to its units. Thin: reads in selectors, writes in services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from akun.izin import boleh_pemda
from dasar.galat import Ditolak
from organisasi.models import Pemda

from . import selectors, services
from .forms import JadwalForm, PengecualianForm
from .models import Pengecualian


def _pemda(request, kode):
    """The pemda of the URL, only for its admin_pemda (anyone else: 404)."""
    pemda = get_object_or_404(Pemda, kode=kode)
    if not boleh_pemda(request.user, "kelola", pemda):
        raise Http404
    return pemda


@login_required
def jadwal(request, kode, tahun):
    """Every date of the pemda's year on one page, one save."""
    pemda = _pemda(request, kode)
    form = JadwalForm(
        request.POST if request.method == "POST" else None,
        tahun=tahun,
        initial=selectors.jadwal_tahun(pemda, tahun),
    )
    if request.method == "POST" and form.is_valid():
        try:
            n = services.simpan_jadwal(user=request.user, pemda=pemda, tahun=tahun, data=form.cleaned_data)
        except Ditolak as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Jadwal %(tahun)s disimpan (%(n)s tanggal berubah).") % {"tahun": tahun, "n": n}
            )
            return redirect("jadwal:jadwal", pemda.kode, tahun)
    return render(
        request,
        "jadwal/jadwal.html",
        {"pemda": pemda, "tahun": tahun, "form": form, "tersimpan": selectors.jadwal_tersimpan(pemda, tahun)},
    )


@login_required
def pengecualian(request, kode, tahun):
    """The exceptions of the pemda's year, and the form granting one (or moving its date)."""
    pemda = _pemda(request, kode)
    units = list(pemda.instansi.order_by("nama"))
    form = PengecualianForm(request.POST if request.method == "POST" else None, units=units)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        instansi = next(u for u in units if str(u.pk) == d["instansi"])
        try:
            services.beri_pengecualian(
                user=request.user,
                instansi=instansi,
                tahun=tahun,
                alur=d["alur"],
                periode=d["periode"],
                sampai=d["sampai"],
                alasan=d["alasan"],
            )
        except Ditolak as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Pengecualian untuk %(unit)s disimpan.") % {"unit": instansi.nama})
            return redirect("jadwal:pengecualian", pemda.kode, tahun)
    return render(
        request,
        "jadwal/pengecualian.html",
        {"pemda": pemda, "tahun": tahun, "form": form, "daftar": selectors.pengecualian_tahun(pemda, tahun)},
    )


@login_required
def cabut(request, kode, tahun, pk):
    pemda = _pemda(request, kode)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    p = get_object_or_404(
        Pengecualian.objects.select_related("instansi"), pk=pk, instansi__pemda=pemda, tahun=tahun
    )
    services.cabut_pengecualian(user=request.user, pengecualian=p)
    messages.success(request, _("Pengecualian untuk %(unit)s dicabut.") % {"unit": p.instansi.nama})
    return redirect("jadwal:pengecualian", pemda.kode, tahun)
