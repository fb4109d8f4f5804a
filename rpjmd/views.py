"""Pages of the pemda level: the pemda's RPJMD/RPD in the console (admin_pemda: the plan's header,
its tree, one page per level with one save, deletes confirmed with a summary) and a unit's page
choosing the pemda sasaran its Renstra tujuan and sasaran support. Thin: a selector or a
service, refusals shown as messages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from akun import izin
from dasar.galat import Ditolak

from . import selectors, services
from .forms import (
    RpjmdForm,
    awal_kontribusi,
    awal_tingkat,
    baris_dari,
    formset_kontribusi,
    formset_tingkat,
    tampilkan_galat_baris,
)
from .models import IndikatorPemda, Kontribusi, Misi, Rpjmd, SasaranPemda, TargetPemda, TujuanPemda

MODEL_TINGKAT = {"misi": Misi, "tujuan": TujuanPemda, "sasaran": SasaranPemda, "indikator": IndikatorPemda}
JUDUL_TINGKAT = {
    "misi": _l("Misi"),
    "tujuan": _l("Tujuan pemda"),
    "sasaran": _l("Sasaran pemda"),
    "indikator": _l("Indikator dan target"),
}


def _rpjmd(pemda, pk) -> Rpjmd:
    return get_object_or_404(Rpjmd.objects.select_related("pemda"), pemda=pemda, pk=pk)


def _galat_form(form, exc) -> None:
    for bidang, pesan in exc.bidang.items():
        for p in pesan:
            form.add_error(bidang if bidang in form.fields else None, p)
    if not exc.bidang:
        form.add_error(None, str(exc))


@izin.perlu_konsol
def daftar(request, pemda):
    return render(request, "rpjmd/daftar.html", {"pemda": pemda, "daftar": selectors.daftar_rpjmd(pemda)})


@izin.perlu_konsol
def baru(request, pemda):
    return _header(request, pemda, None)


@izin.perlu_konsol
def ubah(request, pemda, pk):
    return _header(request, pemda, _rpjmd(pemda, pk))


def _header(request, pemda, rpjmd):
    form = RpjmdForm(request.POST or None, instance=rpjmd)
    if request.method == "POST" and form.is_valid():
        try:
            obj = services.simpan_rpjmd(user=request.user, pemda=pemda, rpjmd=rpjmd, **form.cleaned_data)
        except Ditolak as exc:
            _galat_form(form, exc)
        else:
            messages.success(request, _("%(nama)s disimpan.") % {"nama": obj.nama})
            return redirect("rpjmd:lihat", obj.pk)
    judul = _("RPJMD/RPD baru") if rpjmd is None else _("Ubah %(nama)s") % {"nama": rpjmd.nama}
    return render(
        request, "rpjmd/formulir.html", {"pemda": pemda, "form": form, "judul": judul, "rpjmd": rpjmd}
    )


@izin.perlu_konsol
def lihat(request, pemda, pk):
    rpjmd = _rpjmd(pemda, pk)
    return render(
        request,
        "rpjmd/rpjmd.html",
        {"pemda": pemda, "rpjmd": rpjmd, "pohon": selectors.pohon_rpjmd(rpjmd), "tingkat": JUDUL_TINGKAT},
    )


@izin.perlu_konsol
def tingkat(request, pemda, pk, tingkat):
    """Every row of one level of the plan on one page (existing rows and a few empty ones), one
    save; a refused row keeps everything typed and is marked."""
    if tingkat not in MODEL_TINGKAT:
        raise Http404
    rpjmd = _rpjmd(pemda, pk)
    qs = MODEL_TINGKAT[tingkat].objects.filter(rpjmd=rpjmd).order_by("urutan", "kode")
    if tingkat == "indikator":
        qs = qs.prefetch_related(Prefetch("target", queryset=TargetPemda.objects.order_by("tahun")))
    awal = awal_tingkat(tingkat, list(qs))
    fs = formset_tingkat(tingkat, rpjmd, request.POST or None, initial=awal)
    if request.method == "POST" and fs.is_valid():
        baris, indeks = baris_dari(fs, tingkat)
        try:
            n = services.simpan_tingkat(user=request.user, rpjmd=rpjmd, tingkat=tingkat, baris=baris)
        except Ditolak as exc:
            tampilkan_galat_baris(fs, indeks, exc)
        else:
            messages.success(
                request,
                _("%(judul)s disimpan (%(n)d perubahan).") % {"judul": JUDUL_TINGKAT[tingkat], "n": n},
            )
            return redirect("rpjmd:lihat", rpjmd.pk)
    perlu_induk = {
        "tujuan": False,
        "sasaran": not TujuanPemda.objects.filter(rpjmd=rpjmd).exists(),
        "indikator": not TujuanPemda.objects.filter(rpjmd=rpjmd).exists(),
    }.get(tingkat, False)
    return render(
        request,
        "rpjmd/tingkat.html",
        {
            "pemda": pemda,
            "rpjmd": rpjmd,
            "fs": fs,
            "tingkat": tingkat,
            "judul": JUDUL_TINGKAT[tingkat],
            "perlu_induk": perlu_induk,
        },
    )


def _hapus(request, pemda, obj, rpjmd, label):
    r = selectors.ringkasan_hapus(obj)
    if request.method == "POST":
        try:
            services.hapus(user=request.user, obj=obj)
        except Ditolak as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(label)s dihapus.") % {"label": label})
            return redirect("rpjmd:lihat", rpjmd.pk) if rpjmd is not obj else redirect("rpjmd:daftar")
    return render(
        request, "rpjmd/hapus.html", {"pemda": pemda, "rpjmd": rpjmd, "obj": obj, "r": r, "label": label}
    )


@izin.perlu_konsol
def hapus_rpjmd(request, pemda, pk):
    rpjmd = _rpjmd(pemda, pk)
    return _hapus(request, pemda, rpjmd, rpjmd, rpjmd.nama)


@izin.perlu_konsol
def hapus_item(request, pemda, pk, tingkat, item):
    if tingkat not in MODEL_TINGKAT:
        raise Http404
    rpjmd = _rpjmd(pemda, pk)
    obj = get_object_or_404(MODEL_TINGKAT[tingkat], rpjmd=rpjmd, pk=item)
    label = f"{JUDUL_TINGKAT[tingkat] if tingkat != 'indikator' else _('Indikator')} {obj.kode}"
    return _hapus(request, pemda, obj, rpjmd, label)


# --- a unit's links ------------------------------------------------------------------------------


@izin.perlu("lihat")
def kontribusi(request, instansi):
    """The pemda sasaran the unit's Renstra tujuan and sasaran support, each with its contribution;
    whoever sets the unit's Renstra up (``atur``) changes them here, one save."""
    boleh_ubah = izin.boleh_tautkan_rpjmd(request.user, instansi)
    if request.method == "POST" and not boleh_ubah:
        raise PermissionDenied
    unsur = selectors.unsur_unit(instansi)
    pilihan = selectors.sasaran_pilihan(instansi)
    ada = selectors.kontribusi_unit(instansi).semua
    fs = formset_kontribusi(unsur, pilihan, request.POST or None, initial=awal_kontribusi(ada))
    if request.method == "POST" and fs.is_valid():
        baris, indeks = [], []
        for i, f in enumerate(fs.forms):
            if f.cleaned_data and (f.has_changed() or f.cleaned_data.get("id")):
                baris.append(f.cleaned_data)
                indeks.append(i)
        try:
            n = services.simpan_kontribusi(user=request.user, instansi=instansi, baris=baris)
        except Ditolak as exc:
            tampilkan_galat_baris(fs, indeks, exc)
        else:
            messages.success(request, _("Tautan ke sasaran pemda disimpan (%(n)d perubahan).") % {"n": n})
            return redirect("rpjmd:kontribusi", instansi.slug)
    return render(
        request,
        "rpjmd/kontribusi.html",
        {
            "instansi": instansi,
            "fs": fs,
            "ada": ada,
            "unsur": unsur,
            "pilihan": pilihan,
            "boleh_ubah": boleh_ubah,
        },
    )


@izin.perlu("atur")
def kontribusi_hapus(request, instansi, pk):
    k = get_object_or_404(
        Kontribusi.objects.select_related("sasaran_pemda__rpjmd", "tujuan", "sasaran", "instansi"),
        instansi=instansi,
        pk=pk,
    )
    if request.method == "POST":
        try:
            services.hapus_kontribusi(user=request.user, kontribusi=k)
        except Ditolak as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Tautan dilepas."))
        return redirect("rpjmd:kontribusi", instansi.slug)
    return render(request, "rpjmd/kontribusi_hapus.html", {"instansi": instansi, "k": k})
