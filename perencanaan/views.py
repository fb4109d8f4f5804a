"""Planning screens: Renstra tree, IKU sheet, Perjanjian Kinerja (build, edit while draft, sign, revise)."""

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_http_methods, require_POST

from akun.izin import boleh, perlu
from dasar.galat import Ditolak
from organisasi.models import Pejabat
from rumus.angka import AngkaError, JenisAngka, parse_angka

from . import selectors, services
from .forms import (
    ArsipForm,
    IndikatorForm,
    KisiTargetForm,
    LembarIKUForm,
    PenandatanganForm,
    PKJabatanForm,
    RencanaAksiForm,
    RenstraForm,
    RevisiForm,
    SasaranForm,
    TujuanForm,
)
from .models import Indikator, PerjanjianKinerja, PKIndikator, Renstra, Sasaran, Target, Tujuan
from .selectors import (
    beda_target,
    beda_versi,
    kurang_untuk_tandatangan,
    pejabat_pilihan,
    target_pk,
    target_renstra,
)


@perlu("lihat")
def renstra(request, instansi):
    """The unit's Renstra: tujuan → sasaran → indikator with their targets; the operator's
    actions (edit, move up/down, delete or archive, the targets grid) beside each item."""
    items = []
    targets = {}
    for t in Target.objects.filter(indikator__instansi=instansi):
        targets.setdefault(t.indikator_id, {})[t.tahun] = t.nilai
    for r in (
        Renstra.objects.filter(instansi=instansi)
        .order_by("tahun_awal")
        .prefetch_related(
            Prefetch("tujuan", queryset=Tujuan.objects.order_by("urutan", "kode")),
            Prefetch("tujuan__indikator", queryset=Indikator.objects.order_by("urutan", "kode")),
            Prefetch("tujuan__sasaran", queryset=Sasaran.objects.order_by("urutan", "kode")),
            Prefetch("tujuan__sasaran__indikator", queryset=Indikator.objects.order_by("urutan", "kode")),
        )
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
        {"instansi": instansi, "items": items, "boleh_atur": boleh(request.user, "atur", instansi)},
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
    return render(
        request,
        "perencanaan/iku.html",
        {
            "instansi": instansi,
            "rows": selectors.lembar_iku(instansi),
            "boleh_atur": boleh(request.user, "atur", instansi),
        },
    )


@perlu("atur")
def iku_ubah(request, instansi):
    """The IKU sheet's texts (alasan, formulasi, sumber data, penanggung jawab) of every IKU of
    the unit on one page, one save."""
    form = LembarIKUForm(request.POST or None, iku=selectors.lembar_iku(instansi))
    if request.method == "POST" and form.is_valid():
        try:
            n = services.simpan_lembar_iku(user=request.user, instansi=instansi, isian=form.isian())
        except Ditolak as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Lembar IKU disimpan (%(n)d indikator diubah).") % {"n": n})
            return redirect("perencanaan:iku", instansi.slug)
    return render(request, "perencanaan/iku_ubah.html", {"instansi": instansi, "form": form})


def _jabatan(instansi, kode: str | None) -> Pejabat | None:
    """The position named by the URL's ``jabatan`` (an official's code in the unit); None for the
    unit head's PK (the URLs without it)."""
    if kode is None:
        return None
    return get_object_or_404(Pejabat, instansi=instansi, kode=kode)


def tautan_pk(instansi, tahun: int, jabatan: Pejabat | None, nama: str, *args) -> str:
    """The URL of a PK page (``nama`` of the head's URLs: pk, pk_buat, pk_penandatangan, or
    laporan:pk_dokumen …) for the head's PK or, with ``jabatan``, for that position's."""
    app, _sep, url = nama.rpartition(":")
    app = app or "perencanaan"
    if jabatan is None:
        return reverse(f"{app}:{url}", args=[instansi.slug, tahun, *args])
    return reverse(f"{app}:{url}_jabatan", args=[instansi.slug, tahun, jabatan.kode, *args])


def _halaman_pk(request, instansi, tahun, jabatan=None, form_ttd=None, status=200):
    versi = list(
        PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun, jabatan=jabatan)
        .select_related("pihak_pertama", "pihak_kedua", "jabatan")
        .prefetch_related("indikator__indikator")
    )
    draf = next((p for p in versi if not p.ditandatangani), None)
    boleh_isi = boleh(request.user, "isi", instansi)
    if draf is not None and boleh_isi and form_ttd is None:
        form_ttd = PenandatanganForm(
            instansi=instansi,
            pilihan=pejabat_pilihan(instansi),
            initial={
                "pihak_pertama": draf.pihak_pertama_id,
                "pihak_kedua": draf.pihak_kedua_id,
                "tempat": draf.tempat,
                "tanggal": draf.tanggal,
            },
        )
    beda = beda_versi(versi)
    for p in versi:
        p.beda = beda.get(p.id)
        p.kurang = [] if p.ditandatangani else kurang_untuk_tandatangan(p)
        p.tautan_dokumen = tautan_pk(instansi, tahun, jabatan, "laporan:pk_dokumen", p.versi)
        p.tautan_tandatangani = tautan_pk(instansi, tahun, jabatan, "laporan:pk_tandatangani", p.versi)
    daftar = selectors.daftar_pk(instansi, tahun) if jabatan is None else []
    for r in daftar:
        r.tautan = tautan_pk(instansi, tahun, r.jabatan, "pk")
    return render(
        request,
        "perencanaan/pk.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "jabatan": jabatan,
            "versi": versi,
            "draf": draf,
            "daftar": daftar,
            "form_ttd": form_ttd,
            "tautan_penandatangan": tautan_pk(instansi, tahun, jabatan, "pk_penandatangan"),
            "tautan_buat": tautan_pk(instansi, tahun, jabatan, "pk_buat"),
            "tautan_kembali": reverse("perencanaan:pk", args=[instansi.slug, tahun]),
            "boleh_isi": boleh_isi,
            "boleh_tandatangani": boleh(request.user, "tandatangani", instansi),
        },
        status=status,
    )


@perlu("lihat")
def pk(request, instansi, tahun, jabatan=None):
    """The unit's PK of the year (the head's, with its versions) and the list of every PK of the
    year by position; with ``jabatan``, that position's PK and its versions."""
    return _halaman_pk(request, instansi, tahun, _jabatan(instansi, jabatan))


@perlu("isi")
@require_POST
def pk_penandatangan(request, instansi, tahun, jabatan=None):
    """Save the draft's signatories, place and date (one form); errors keep every typed value."""
    pj = _jabatan(instansi, jabatan)
    draf = (
        PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun, jabatan=pj, status="draft")
        .select_related("instansi__pemda", "jabatan")
        .first()
    )
    if draf is None:
        raise Http404
    form = PenandatanganForm(request.POST, instansi=instansi, pilihan=pejabat_pilihan(instansi))
    if form.is_valid():
        try:
            services.ubah_penandatangan(user=request.user, pk=draf, **form.cleaned_data)
        except Ditolak as exc:
            for bidang, pesan in exc.bidang.items():
                for t in pesan:
                    form.add_error(bidang if bidang in form.fields else None, t)
            if not exc.bidang:
                form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Penanda tangan, tempat dan tanggal %(pk)s disimpan.") % {"pk": draf.label}
            )
            return redirect(tautan_pk(instansi, tahun, pj, "pk"))
    return _halaman_pk(request, instansi, tahun, pj, form_ttd=form, status=400)


@perlu("isi")
def pk_buat(request, instansi, tahun, jabatan=None):
    """Make the year's first PK from the Renstra targets, or a PK Perubahan: the page shows the
    previous version's targets beside today's Renstra targets and the user chooses which to start
    from; the POST makes it. With ``jabatan``: a position's PK Perubahan (its first versi is made
    on ``pk_jabatan_buat``)."""
    pj = _jabatan(instansi, jabatan)
    terakhir = (
        PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun, jabatan=pj)
        .order_by("-versi")
        .first()
    )
    if pj is not None and terakhir is None:
        return redirect("perencanaan:pk_jabatan_buat", instansi.slug, tahun)
    if pj is None:
        renstra = [(i, t) for i, t, _atas in target_renstra(instansi, tahun)]
    else:
        renstra = [(i, t) for i, t, _atas in selectors.indikator_jabatan(pj, tahun)]
    halaman = tautan_pk(instansi, tahun, pj, "pk")
    form = RevisiForm(request.POST or None) if terakhir else None
    if request.method == "POST":
        pertama = selectors.kepala_unit(instansi)
        if pertama is None:
            messages.error(request, _("Belum ada pejabat penanda tangan untuk unit ini."))
            return redirect(halaman)
        if form is None or form.is_valid():
            try:
                p = services.buat_pk(
                    user=request.user,
                    instansi=instansi,
                    tahun=tahun,
                    jabatan=pj,
                    pihak_pertama=pertama,
                    # prefilled with the pemda's first official (e.g. the Wali Kota); changed on the PK page
                    pihak_kedua=selectors.atasan_bawaan(instansi, None),
                    sumber=form.cleaned_data["sumber"] if form else None,
                )
            except Ditolak as exc:
                messages.error(request, str(exc))
                return redirect(halaman)
            messages.success(request, _("%(pk)s dibuat.") % {"pk": p.label})
            return redirect(halaman)
    return render(
        request,
        "perencanaan/pk_buat.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "jabatan": pj,
            "terakhir": terakhir,
            "form": form,
            "beda": beda_target(target_pk(terakhir), renstra) if terakhir else None,
            "renstra": renstra,
            "tautan_kembali": halaman,
        },
        status=400 if request.method == "POST" else 200,
    )


@perlu("isi")
def pk_jabatan_buat(request, instansi, tahun):
    """Make the first PK of the year of a position below the unit head: the form asks only which
    position (those owning indicators with a target this year); the PIHAK KEDUA is the unit head
    (changed afterwards on the PK's page). A refusal is said on the form, nothing is made."""
    pilihan = selectors.jabatan_pemilik(instansi, tahun)
    form = PKJabatanForm(request.POST or None, pilihan=pilihan)
    if request.method == "POST" and form.is_valid():
        pj = form.cleaned_data["jabatan"]
        try:
            p = services.buat_pk(user=request.user, instansi=instansi, tahun=tahun, jabatan=pj)
        except Ditolak as exc:
            for bidang, pesan in exc.bidang.items():
                for t in pesan:
                    form.add_error(bidang if bidang in form.fields else None, t)
            if not exc.bidang:
                form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(pk)s %(j)s dibuat.") % {"pk": p.label, "j": pj.jabatan})
            return redirect(tautan_pk(instansi, tahun, p.jabatan, "pk"))
    return render(
        request,
        "perencanaan/pk_jabatan_buat.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "form": form,
            "pilihan": pilihan,
            "kepala": selectors.kepala_unit(instansi),
        },
        status=400 if request.method == "POST" else 200,
    )


@perlu("isi")
@require_POST
def pk_target(request, instansi, tahun, row_id):
    row = get_object_or_404(
        PKIndikator.objects.select_related("pk_dokumen__instansi", "pk_dokumen__jabatan", "indikator"),
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
    return redirect(tautan_pk(instansi, tahun, row.pk_dokumen.jabatan, "pk"))


FORMS = {
    "tujuan": (_lazy("Tujuan"), TujuanForm),
    "sasaran": (_lazy("Sasaran"), SasaranForm),
    "indikator": (_lazy("Indikator"), IndikatorForm),
}


def _objek(instansi, jenis, pk):
    if jenis not in selectors.JENIS:
        raise Http404
    return get_object_or_404(selectors.JENIS[jenis], pk=pk, instansi=instansi)


def _ke_renstra(instansi, obj=None):
    url = reverse("perencanaan:renstra", args=[instansi.slug])
    return redirect(f"{url}#{selectors.jenis_dari(obj)}-{obj.pk}" if obj is not None and obj.pk else url)


def _awal(model, request, instansi, obj):
    """A new item under the parent named in the query (?renstra=, ?tujuan=, ?sasaran=)."""
    if model is Tujuan:
        terbaru = selectors.renstra_pilihan(instansi, request.GET.get("renstra") or None)
        if terbaru is not None:
            obj.renstra = terbaru
        return terbaru is not None
    for nama, induk in (("tujuan", Tujuan), ("sasaran", Sasaran)):
        pilih = request.GET.get(nama, "")
        if pilih.isdigit() and induk.objects.filter(pk=pilih, instansi=instansi).exists():
            setattr(obj, f"{nama}_id", int(pilih))
            if model is Indikator:
                obj.level = nama
    return True


@perlu("atur")
def ubah_objek(request, instansi, jenis, pk=None):
    """Create (pk None) or edit a tujuan, sasaran or indikator of the unit's Renstra."""
    if jenis not in FORMS:
        raise Http404
    judul, Form = FORMS[jenis]
    model = Form._meta.model
    obj = _objek(instansi, jenis, pk) if pk else model(instansi=instansi)
    if obj.pk is None and not _awal(model, request, instansi, obj):
        # a tujuan belongs to a Renstra: without one the unit first creates it
        messages.error(
            request, _("Belum ada Renstra: buat Renstra terlebih dahulu, lalu tambahkan tujuannya.")
        )
        return redirect("perencanaan:renstra_buat", instansi.slug)
    kwargs = {} if model is Tujuan else {"instansi": instansi}
    form = Form(request.POST or None, instance=obj, **kwargs)
    if request.method == "POST" and form.is_valid():
        try:
            obj = services.simpan_objek(user=request.user, instansi=instansi, obj=form.save(commit=False))
        except Ditolak as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("%(judul)s %(kode)s disimpan.") % {"judul": judul, "kode": obj.kode})
            return _ke_renstra(instansi, obj)
    return render(
        request,
        "perencanaan/ubah.html",
        {"instansi": instansi, "form": form, "judul": judul, "obj": obj, "jenis": jenis},
    )


@perlu("atur")
def hapus(request, instansi, jenis, pk):
    """Delete a tujuan, sasaran or indikator after a confirmation that lists everything deleted
    with it; something already used is refused with the reason and archiving is offered."""
    obj = _objek(instansi, jenis, pk)
    if request.method == "POST":
        try:
            services.hapus(user=request.user, obj=obj)
        except Ditolak as exc:
            messages.error(request, str(exc))
            return redirect("perencanaan:hapus", instansi.slug, jenis, obj.pk)
        messages.success(request, _("%(objek)s dihapus.") % {"objek": selectors.label_objek(obj)})
        return _ke_renstra(instansi)
    r = selectors.ringkasan_hapus(obj)
    return render(
        request,
        "perencanaan/hapus.html",
        {
            "instansi": instansi,
            "obj": obj,
            "jenis": jenis,
            "label": selectors.label_objek(obj),
            "r": r,
            "form_arsip": ArsipForm(
                initial={
                    "tahun_nonaktif": obj.tahun_nonaktif or (r.tahun_terakhir or dt.date.today().year) + 1
                }
            ),
        },
    )


@perlu("atur")
def arsipkan(request, instansi, jenis, pk):
    """Archive an item from a year on (or make it active again): one field, one save."""
    obj = _objek(instansi, jenis, pk)
    form = ArsipForm(request.POST or None, initial={"tahun_nonaktif": obj.tahun_nonaktif})
    if request.method == "POST" and form.is_valid():
        tahun = form.cleaned_data["tahun_nonaktif"]
        try:
            services.arsipkan(user=request.user, obj=obj, tahun=tahun)
        except Ditolak as exc:
            for p in exc.bidang.get("tahun_nonaktif", []) or [str(exc)]:
                form.add_error("tahun_nonaktif", p)
        else:
            label = selectors.label_objek(obj)
            if tahun is None:
                messages.success(request, _("%(objek)s aktif kembali.") % {"objek": label})
            else:
                messages.success(
                    request, _("%(objek)s diarsipkan mulai %(tahun)d.") % {"objek": label, "tahun": tahun}
                )
            return _ke_renstra(instansi, obj)
    return render(
        request,
        "perencanaan/arsipkan.html",
        {"instansi": instansi, "obj": obj, "jenis": jenis, "label": selectors.label_objek(obj), "form": form},
    )


@perlu("atur")
@require_POST
def geser(request, instansi, jenis, pk):
    """Move an item up or down among its siblings (the tree's ▲/▼ buttons; no script needed)."""
    obj = _objek(instansi, jenis, pk)
    try:
        services.geser(user=request.user, obj=obj, arah=request.POST.get("arah", ""))
    except Ditolak as exc:
        messages.error(request, str(exc))
    return _ke_renstra(instansi, obj)


@perlu("atur")
def kisi_target(request, instansi):
    """All indicators × all years of a Renstra in one form, one save; a spreadsheet range pasted
    into a cell fills the grid from there (static/kisi_target.js), and typing works without script."""
    kode = request.GET.get("renstra") or request.POST.get("renstra") or None
    renstra = selectors.renstra_pilihan(instansi, kode)
    if renstra is None:
        if kode:
            raise Http404
        messages.error(request, _("Belum ada Renstra: buat Renstra terlebih dahulu."))
        return redirect("perencanaan:renstra_buat", instansi.slug)
    baris = selectors.baris_target(renstra)
    form = KisiTargetForm(
        request.POST if request.method == "POST" else None, baris=baris, tahun=renstra.tahun()
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                n = services.simpan_target_renstra(user=request.user, renstra=renstra, isian=form.isian)
            except Ditolak as exc:
                form.galat.append(str(exc))
            else:
                messages.success(request, _("Target disimpan (%(n)d sel berubah).") % {"n": n})
                return redirect(
                    reverse("perencanaan:kisi_target", args=[instansi.slug]) + f"?renstra={renstra.kode}"
                )
        status = 400
    return render(
        request,
        "perencanaan/kisi_target.html",
        {
            "instansi": instansi,
            "renstra": renstra,
            "form": form,
            "semua_renstra": Renstra.objects.filter(instansi=instansi).order_by("tahun_awal"),
        },
        status=status,
    )


@perlu("lihat")
@require_http_methods(["GET", "POST"])
def rencana_aksi(request, instansi, tahun):
    """The Rencana Aksi of the unit-year: per PK indicator the four quarter targets (twelve month
    targets when the pemda plans per month, the quarters derived and shown) and the action
    steps, in ONE form with one Simpan (the operator); everyone who sees the unit reads it. A
    refused save shows every typed value again with the fields marked, and saves nothing."""
    pk, baris = selectors.rencana_aksi(instansi, tahun)
    bulanan = services.per_bulan(instansi)
    boleh_isi = boleh(request.user, "isi", instansi)
    if request.method == "POST" and not boleh_isi:
        raise PermissionDenied
    form, status = None, 200
    if pk is not None and boleh_isi:
        sk = selectors.sub_kegiatan_dpa(instansi, tahun)
        form = RencanaAksiForm(
            request.POST if request.method == "POST" else None, baris=baris, sub_kegiatan=sk, bulanan=bulanan
        )
        if request.method == "POST":
            if form.is_valid():
                target, langkah = form.isian()
                try:
                    hasil = services.simpan_rencana_aksi(
                        user=request.user,
                        instansi=instansi,
                        tahun=tahun,
                        target=target,
                        langkah=langkah,
                        target_bulan=form.isian_bulan(),
                    )
                except Ditolak as exc:
                    form.tolakan(exc)
                else:
                    if bulanan:
                        pesan = _(
                            "Rencana Aksi %(tahun)s disimpan: %(b)d target bulan, %(t)d target triwulan "
                            "turunan dan %(l)d langkah berubah."
                        )
                    else:
                        pesan = _(
                            "Rencana Aksi %(tahun)s disimpan: %(t)d target triwulan dan %(l)d langkah berubah."
                        )
                    messages.success(
                        request,
                        pesan % {"tahun": tahun, "b": hasil.bulan, "t": hasil.target, "l": hasil.langkah},
                    )
                    return redirect("perencanaan:rencana_aksi", instansi.slug, tahun)
            status = 400
    return render(
        request,
        "perencanaan/rencana_aksi.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "pk": pk,
            "baris": baris,
            "form": form,
            "bulanan": bulanan,
            "nama_bulan": services.NAMA_BULAN,
        },
        status=status,
    )


# --- the cascade inside a unit (Jenjang) and the staff RHK -------------------------------------


@perlu("lihat")
def jenjang(request, instansi, tahun):
    """The unit's cascade of the year, read-only: every sasaran strategis with its sasaran
    program → sasaran kegiatan → output sub kegiatan, owners, budget items, indicators and the
    year's targets; the operator's link to edit the cascade of each sasaran."""
    return render(
        request,
        "perencanaan/jenjang.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "akar": selectors.jenjang_unit(instansi, tahun),
            "boleh_atur": boleh(request.user, "atur", instansi),
        },
    )


def _nodes_sasaran(sasaran):
    """The nodes under a sasaran, parents before children (depth-first, sibling order)."""
    from .models import Jenjang

    semua = list(
        Jenjang.objects.filter(instansi_id=sasaran.instansi_id).select_related(
            "program", "kegiatan", "sub_kegiatan", "pemilik"
        )
    )
    anak: dict = {}
    for n in semua:
        anak.setdefault(("s", n.sasaran_id) if n.sasaran_id else ("j", n.induk_id), []).append(n)
    out = []

    def jalan(kunci):
        for n in sorted(anak.get(kunci, []), key=lambda n: (n.urutan, n.kode)):
            out.append(n)
            jalan(("j", n.id))

    jalan(("s", sasaran.id))
    return out


@perlu("atur")
@require_http_methods(["GET", "POST"])
def jenjang_ubah(request, instansi, tahun, sasaran_id):
    """The whole cascade under one sasaran in ONE form with one Simpan: the sasaran's owner, each
    node (tingkat, induk, kode, uraian, pemilik, anggaran) with its indicator and targets for the
    Renstra's years, empty rows for new nodes. A refused save shows everything typed again with
    the problems at their fields and saves nothing; deleting asks for confirmation with a summary."""
    sasaran = get_object_or_404(
        Sasaran.objects.select_related("tujuan__renstra", "pemilik"), pk=sasaran_id, instansi=instansi
    )
    renstra = sasaran.tujuan.renstra
    nodes = _nodes_sasaran(sasaran)
    indikator: dict[int, list] = {}
    for i in Indikator.objects.filter(jenjang__in=nodes).order_by("urutan", "kode"):
        indikator.setdefault(i.jenjang_id, []).append(i)
    target = {
        (t.indikator_id, t.tahun): t
        for t in Target.objects.filter(indikator__in=[i for d in indikator.values() for i in d])
    }
    form = forms_jenjang(
        request.POST if request.method == "POST" else None,
        sasaran=sasaran,
        nodes=nodes,
        indikator=indikator,
        target=target,
        tahun=renstra.tahun(),
        pejabat=Pejabat.objects.filter(instansi=instansi, aktif=True).order_by("id"),
        anggaran=selectors.anggaran_unit(instansi),
    )
    status, konfirmasi = 200, None
    if request.method == "POST":
        if form.is_valid():
            dihapus, indikator_dihapus = form.dihapus(), form.indikator_dihapus()
            if (dihapus or indikator_dihapus) and request.POST.get("konfirmasi") != "1":
                konfirmasi = {
                    "jenjang": [(n, selectors.ringkasan_hapus_jenjang(n)) for n in dihapus],
                    "indikator": [(i, len([y for y in target if y[0] == i.id])) for i in indikator_dihapus],
                }
            else:
                try:
                    n = services.simpan_jenjang(
                        user=request.user,
                        sasaran=sasaran,
                        pemilik_sasaran=form.pemilik_sasaran(),
                        isian=form.isian(),
                        tahun=renstra.tahun(),
                    )
                except services.JenjangDitolak as exc:
                    form.tandai(exc.galat)
                    status = 400
                else:
                    messages.success(request, _("Jenjang kinerja disimpan (%(n)d perubahan).") % {"n": n})
                    return redirect("perencanaan:jenjang_ubah", instansi.slug, tahun, sasaran.id)
        else:
            status = 400
    return render(
        request,
        "perencanaan/jenjang_ubah.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "sasaran": sasaran,
            "form": form,
            "galat": form.semua_galat() if status == 400 else [],
            "konfirmasi": konfirmasi,
        },
        status=status,
    )


def forms_jenjang(*args, **kwargs):
    from .forms import JenjangForm

    return JenjangForm(*args, **kwargs)


RHK_BARU = 3


@perlu("lihat")
@require_http_methods(["GET", "POST"])
def rhk(request, instansi, tahun):
    """The staff RHK of the unit-year in ONE form (the operator; others read it): each RHK with
    its indicator, target and the superior's indicator it supports; empty rows add RHK; a row
    marked Hapus is deleted after a confirmation listing it. Downloads as CSV and XLSX."""
    from .forms import RHKForm
    from .models import RencanaHasilKerja

    boleh_atur = boleh(request.user, "atur", instansi)
    if request.method == "POST" and not boleh_atur:
        raise PermissionDenied
    ada = list(
        RencanaHasilKerja.objects.filter(instansi=instansi, tahun=tahun).select_related("indikator_atasan")
    )
    pilihan = selectors.indikator_jenjang_pilihan(instansi, tahun)
    data = request.POST if request.method == "POST" else None
    baris = []
    for x in ada:
        awal = {
            f: getattr(x, f)
            for f in (
                "nama_pegawai",
                "nip",
                "jabatan",
                "urutan",
                "uraian",
                "nama_indikator",
                "aspek",
                "target",
                "satuan",
            )
        }
        awal["indikator_atasan"] = str(x.indikator_atasan_id)
        f = RHKForm(data, prefix=f"r{x.id}", initial=awal, indikator=pilihan, baru=False)
        f.rhk = x
        baris.append(f)
    for k in range(1, RHK_BARU + 1):
        f = RHKForm(data, prefix=f"b{k}", initial={"aspek": "kuantitas"}, indikator=pilihan, baru=True)
        f.rhk = None
        baris.append(f)
    status, konfirmasi, galat = 200, None, []
    if request.method == "POST":
        if all([f.is_valid() for f in baris]):
            dihapus = [f.rhk for f in baris if f.rhk is not None and f.cleaned_data.get("hapus")]
            if dihapus and request.POST.get("konfirmasi") != "1":
                konfirmasi = dihapus
            else:
                indikator = {str(i.indikator.id): i.indikator for i in pilihan}
                isian = [
                    services.IsianRHK(
                        kunci=f.prefix,
                        rhk=f.rhk,
                        nama_pegawai=f.cleaned_data.get("nama_pegawai", ""),
                        nip=f.cleaned_data.get("nip", "").replace(" ", ""),
                        jabatan=f.cleaned_data.get("jabatan", ""),
                        urutan=f.cleaned_data.get("urutan"),
                        uraian=f.cleaned_data.get("uraian", ""),
                        indikator_atasan=indikator.get(f.cleaned_data.get("indikator_atasan", "")),
                        nama_indikator=f.cleaned_data.get("nama_indikator", ""),
                        aspek=f.cleaned_data.get("aspek") or "kuantitas",
                        target=f.cleaned_data.get("target"),
                        satuan=f.cleaned_data.get("satuan", ""),
                        hapus=bool(f.cleaned_data.get("hapus")),
                    )
                    for f in baris
                ]
                try:
                    n = services.simpan_rhk(user=request.user, instansi=instansi, tahun=tahun, isian=isian)
                except services.JenjangDitolak as exc:
                    per = {f.prefix: f for f in baris}
                    for (kunci, bidang), pesan in exc.galat.items():
                        per[kunci].add_error(bidang if bidang in per[kunci].fields else None, pesan)
                    status = 400
                else:
                    messages.success(request, _("RHK disimpan (%(n)d perubahan).") % {"n": n})
                    return redirect("perencanaan:rhk", instansi.slug, tahun)
        else:
            status = 400
        if status == 400:
            for f in baris:
                for bidang, daftar in f.errors.items():
                    label = f.fields[bidang].label if bidang in f.fields else ""
                    nama = f.data.get(f"{f.prefix}-nama_pegawai") or f.prefix
                    galat.extend(f"{nama} — {label}: {p}" if label else f"{nama}: {p}" for p in daftar)
    return render(
        request,
        "perencanaan/rhk.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "baris": baris,
            "ada": ada,
            "boleh_atur": boleh_atur,
            "boleh_unduh": boleh(request.user, "unduh_rhk", instansi),
            "konfirmasi": konfirmasi,
            "galat": galat,
        },
        status=status,
    )


@perlu("unduh_rhk")
def rhk_unduh(request, instansi, tahun, format):
    """The unit-year's RHK as CSV or XLSX (columns: docs/perencanaan.md, "Pages")."""
    from django.http import HttpResponse

    if format not in ("csv", "xlsx"):
        raise Http404
    isi = selectors.ekspor_rhk(instansi, tahun)
    services.catat_unduhan_rhk(
        user=request.user, instansi=instansi, tahun=tahun, format=format, jumlah=len(isi)
    )
    nama = f"rhk-{instansi.slug}-{tahun}.{format}"
    if format == "csv":
        resp = HttpResponse(selectors.rhk_csv(isi), content_type="text/csv; charset=utf-8")
    else:
        resp = HttpResponse(
            selectors.rhk_xlsx(isi),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    resp["Content-Disposition"] = f'attachment; filename="{nama}"'
    return resp
