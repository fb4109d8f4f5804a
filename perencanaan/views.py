"""Planning screens: Renstra tree, IKU sheet, Perjanjian Kinerja (build, edit while draft, sign, revise)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from akun.izin import boleh, perlu
from dasar.galat import Ditolak
from organisasi.models import Pejabat
from rumus.angka import AngkaError, JenisAngka, parse_angka

from . import services
from .forms import RenstraForm
from .models import Indikator, PerjanjianKinerja, PKIndikator, Renstra, Target


@perlu("lihat")
def renstra(request, instansi):
    items = []
    targets = {}
    for t in Target.objects.filter(indikator__instansi=instansi):
        targets.setdefault(t.indikator_id, {})[t.tahun] = t.nilai
    for r in Renstra.objects.filter(instansi=instansi).prefetch_related(
        "tujuan__indikator", "tujuan__sasaran__indikator"
    ):
        tahun = list(r.tahun())
        items.append(
            {
                "renstra": r,
                "tahun": tahun,
                "tujuan": [
                    {
                        "tujuan": t,
                        "indikator": [
                            (i, [targets.get(i.id, {}).get(y) for y in tahun]) for i in t.indikator.all()
                        ],
                        "sasaran": [
                            {
                                "sasaran": s,
                                "indikator": [
                                    (i, [targets.get(i.id, {}).get(y) for y in tahun])
                                    for i in s.indikator.all()
                                ],
                            }
                            for s in t.sasaran.all()
                        ],
                    }
                    for t in r.tujuan.all()
                ],
            }
        )
    return render(
        request,
        "perencanaan/renstra.html",
        {
            "instansi": instansi,
            "items": items,
            "boleh_isi": boleh(request.user, "isi", instansi),
            "boleh_atur": boleh(request.user, "atur", instansi),
        },
    )


@perlu("atur")
def renstra_buat(request, instansi):
    """Create a Renstra period of the unit (the operator, or the pemda's admin)."""
    form = RenstraForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            r = services.buat_renstra(user=request.user, instansi=instansi, **form.cleaned_data)
        except Ditolak as exc:
            for bidang, pesan in exc.bidang.items():
                for p in pesan:
                    form.add_error(bidang if bidang in form.fields else None, p)
            if not exc.bidang:
                form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(nama)s dibuat.") % {"nama": r.nama})
            return redirect("perencanaan:renstra", instansi.slug)
    lain = Renstra.objects.filter(instansi=instansi).order_by("tahun_awal")
    return render(
        request, "perencanaan/renstra_buat.html", {"instansi": instansi, "form": form, "lain": lain}
    )


@perlu("lihat")
def iku(request, instansi):
    rows = (
        Indikator.objects.filter(instansi=instansi, iku=True)
        .select_related("sasaran")
        .prefetch_related("target")
    )
    return render(request, "perencanaan/iku.html", {"instansi": instansi, "rows": rows})


@perlu("lihat")
def pk(request, instansi, tahun):
    versi = list(
        PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("pihak_pertama", "pihak_kedua")
        .prefetch_related("indikator__indikator")
    )
    return render(
        request,
        "perencanaan/pk.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "versi": versi,
            "boleh_isi": boleh(request.user, "isi", instansi),
            "boleh_tandatangani": boleh(request.user, "tandatangani", instansi),
        },
    )


@perlu("isi")
@require_POST
def pk_buat(request, instansi, tahun):
    pertama = Pejabat.objects.filter(instansi=instansi).first()
    kedua = Pejabat.objects.filter(pemda=instansi.pemda, instansi__isnull=True).first()
    if pertama is None:
        messages.error(request, "Belum ada pejabat penanda tangan untuk unit ini.")
    else:
        try:
            p = services.buat_pk(
                user=request.user, instansi=instansi, tahun=tahun, pihak_pertama=pertama, pihak_kedua=kedua
            )
            messages.success(request, f"{p} dibuat dari target Renstra {tahun}.")
        except Ditolak as exc:
            messages.error(request, str(exc))
    return redirect("perencanaan:pk", instansi.slug, tahun)


@perlu("isi")
@require_POST
def pk_target(request, instansi, tahun, row_id):
    row = get_object_or_404(
        PKIndikator.objects.select_related("pk_dokumen__instansi", "indikator"),
        pk=row_id,
        pk_dokumen__instansi=instansi,
        pk_dokumen__tahun=tahun,
    )
    try:
        services.ubah_target(
            user=request.user,
            row=row,
            target=parse_angka(request.POST.get("target", ""), JenisAngka.DESIMAL),
        )
        messages.success(request, f"Target {row.indikator.nama} diubah.")
    except AngkaError as exc:
        messages.error(request, f"Target tidak valid: {exc}")
    except Ditolak as exc:
        messages.error(request, str(exc))
    return redirect("perencanaan:pk", instansi.slug, tahun)


@perlu("tandatangani")
@require_POST
def pk_tandatangani(request, instansi, tahun, versi):
    p = PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun, versi=versi).first()
    if p is None:
        raise Http404
    try:
        services.tandatangani(user=request.user, pk=p)
        messages.success(request, f"{p} ditandatangani; sekarang hanya dapat dibaca.")
    except Ditolak as exc:
        messages.error(request, str(exc))
    except PermissionDenied:
        raise
    return redirect("perencanaan:pk", instansi.slug, tahun)


FORMS = {
    "tujuan": ("Tujuan", "perencanaan.forms.TujuanForm"),
    "sasaran": ("Sasaran", "perencanaan.forms.SasaranForm"),
    "indikator": ("Indikator", "perencanaan.forms.IndikatorForm"),
}


@perlu("isi")
def ubah_objek(request, instansi, jenis, pk=None):
    """Create (pk None) or edit a tujuan, sasaran or indikator of the unit's Renstra."""
    from django.utils.module_loading import import_string

    if jenis not in FORMS:
        raise Http404
    judul, form_path = FORMS[jenis]
    Form = import_string(form_path)
    model = Form._meta.model
    obj = get_object_or_404(model, pk=pk, instansi=instansi) if pk else model(instansi=instansi)
    if jenis == "tujuan" and obj.pk is None:
        # the latest Renstra; without one the unit first creates it (reading obj.renstra unset raises)
        terbaru = Renstra.objects.filter(instansi=instansi).order_by("-tahun_awal").first()
        if terbaru is None:
            messages.error(
                request, _("Belum ada Renstra: buat Renstra terlebih dahulu, lalu tambahkan tujuannya.")
            )
            return redirect("perencanaan:renstra_buat", instansi.slug)
        obj.renstra = terbaru
    kwargs = {} if jenis == "tujuan" else {"instansi": instansi}
    form = Form(request.POST or None, instance=obj, **kwargs)
    if request.method == "POST" and form.is_valid():
        services.simpan_objek(user=request.user, instansi=instansi, obj=form.save(commit=False))
        messages.success(request, f"{judul} disimpan.")
        return redirect("perencanaan:renstra", instansi.slug)
    return render(
        request,
        "perencanaan/ubah.html",
        {"instansi": instansi, "form": form, "judul": judul, "baru": obj.pk is None},
    )


@perlu("isi")
@require_POST
def target(request, instansi, indikator_id, tahun):
    ind = get_object_or_404(Indikator, pk=indikator_id, instansi=instansi)
    try:
        services.simpan_target(
            user=request.user,
            indikator=ind,
            tahun=tahun,
            nilai=parse_angka(request.POST.get("target", ""), JenisAngka.DESIMAL),
        )
        messages.success(request, f"Target {tahun} {ind.nama} disimpan.")
    except AngkaError as exc:
        messages.error(request, f"Target tidak valid: {exc}")
    except Ditolak as exc:
        messages.error(request, str(exc))
    return redirect("perencanaan:renstra", instansi.slug)
