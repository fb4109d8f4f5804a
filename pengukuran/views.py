"""Quarterly realisasi entry and its verification workflow (thin views over pengukuran.services)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from akun.izin import boleh, perlu
from dasar.galat import Ditolak
from dasar.teks import ambil
from dasar.unggahan import sajikan
from jadwal.selectors import status_entri
from perencanaan.models import Indikator, PKIndikator
from rumus.angka import AngkaError, JenisAngka, parse_angka
from rumus.capaian import capaian, kategori_capaian, status_target

from . import services
from .models import Bukti, Periode, Realisasi
from .selectors import Pengukuran, pengajuan_periode, pk_berlaku

PERIODE_ENTRI = ["TW1", "TW2", "TW3", "TW4"]


def _periode(periode):
    if periode not in PERIODE_ENTRI:
        raise Http404
    return periode


def _baris_pk(instansi, tahun):
    pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    if pk is None:
        return None, []
    return pk, list(
        PKIndikator.objects.filter(pk_dokumen=pk).select_related("indikator").order_by("no", "id")
    )


@perlu("lihat")
@require_GET
def halaman(request, instansi, tahun, periode):
    periode = _periode(periode)
    pk, rows = _baris_pk(instansi, tahun)
    real = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__instansi=instansi, tahun=tahun, periode=periode
        ).prefetch_related("bukti")
    }
    peng = Pengukuran([instansi.id], [tahun])
    items = []
    for row in rows:
        ind = row.indikator
        r = real.get(ind.id)
        item = {"pk": row, "ind": ind, "real": r, "manual": ind.sumber_realisasi == "manual"}
        if not item["manual"]:
            item["otomatis"] = peng.realisasi(ind, tahun)
        nilai = r.nilai if r else None
        item["capaian"] = (
            capaian(row.target, nilai, ind.polaritas, row.target_atas) if nilai is not None else None
        )
        item["kategori"] = kategori_capaian(item["capaian"])
        items.append(item)
    p = pengajuan_periode(instansi, tahun, periode)
    jendela = status_entri(instansi, tahun, "kinerja", periode)
    from audit.models import Jejak

    ids = [str(r.pk) for r in real.values()]
    jejak = Q(objek="pengukuran.Realisasi", objek_id__in=ids)
    if p.pk is not None:
        jejak |= Q(objek="pengukuran.PengajuanRealisasi", objek_id=str(p.pk))
    riwayat = list(Jejak.objects.filter(instansi=instansi).filter(jejak).select_related("user")[:100])
    return render(
        request,
        "pengukuran/realisasi.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "periode": periode,
            "periode_label": Periode(periode).label,
            "pk": pk,
            "items": items,
            "pengajuan": p,
            "periode_list": PERIODE_ENTRI,
            "boleh_isi": boleh(request.user, "isi", instansi) and p.bisa_diisi and jendela.terbuka,
            "jendela": jendela,
            "boleh_setujui": boleh(request.user, "setujui", instansi),
            "riwayat": riwayat,
        },
    )


def _indikator_pk(instansi, tahun, kode):
    pk, rows = _baris_pk(instansi, tahun)
    for row in rows:
        if row.indikator.kode == kode:
            return row
    raise Http404


@perlu("isi")
@require_POST
def simpan(request, instansi, tahun, periode, kode):
    periode = _periode(periode)
    row = _indikator_pk(instansi, tahun, kode)
    url = reverse("pengukuran:realisasi", args=[instansi.slug, tahun, periode]) + f"#ind-{kode}"
    if row.indikator.sumber_realisasi != "manual":
        messages.error(request, "Realisasi indikator ini dihitung otomatis dan tidak diisi manual.")
        return redirect(url)
    try:
        nilai = (
            parse_angka(request.POST.get("nilai", "").strip(), JenisAngka.DESIMAL)
            if request.POST.get("nilai", "").strip()
            else None
        )
    except AngkaError as exc:
        messages.error(request, f"{row.indikator.nama}: nilai tidak valid ({exc}).")
        return redirect(url)
    try:
        versi = int(request.POST.get("versi") or 0)
    except ValueError:
        return HttpResponseBadRequest("versi")
    try:
        r = services.simpan_realisasi(
            user=request.user,
            indikator=row.indikator,
            tahun=tahun,
            periode=periode,
            isian=services.Isian(nilai, {k: ambil(request.POST, k) for k in services.ANALISIS}, versi),
        )
        for f in request.FILES.getlist("bukti"):
            services.tambah_bukti(user=request.user, realisasi=r, berkas=f)
        messages.success(request, f"{row.indikator.nama}: realisasi {periode} disimpan.")
    except Ditolak as exc:
        messages.error(request, f"{row.indikator.nama}: {exc}")
    return redirect(url)


@perlu("lihat")
@require_GET
def pratinjau(request, instansi, tahun, periode, kode):
    """htmx fragment: capaian and its colour for the value being typed (rules engine)."""
    periode = _periode(periode)
    row = _indikator_pk(instansi, tahun, kode)
    teks = request.GET.get("nilai", "").strip()
    ctx = {"capaian": None, "pesan": ""}
    if teks:
        try:
            nilai = parse_angka(teks, JenisAngka.DESIMAL)
            c = capaian(row.target, nilai, row.indikator.polaritas, row.target_atas)
            ctx.update(capaian=c, kategori=kategori_capaian(c), status=status_target(c))
        except AngkaError as exc:
            ctx["pesan"] = str(exc)
    return render(request, "pengukuran/_capaian.html", ctx)


@perlu("lihat")
@require_POST
def status(request, instansi, tahun, periode):
    periode = _periode(periode)
    aksi = request.POST.get("aksi", "")
    if aksi not in services.TRANSISI:
        return HttpResponseBadRequest("aksi")
    try:
        services.ubah_status(
            user=request.user,
            instansi=instansi,
            tahun=tahun,
            periode=periode,
            aksi=aksi,
            komentar=ambil(request.POST, "komentar"),
        )
        messages.success(
            request,
            {
                "ajukan": "Realisasi diajukan untuk diverifikasi.",
                "verifikasi": "Realisasi diverifikasi.",
                "kembalikan": "Realisasi dikembalikan ke operator.",
                "kunci": "Realisasi dikunci.",
            }[aksi],
        )
    except PermissionDenied:
        raise
    except Ditolak as exc:
        messages.error(request, str(exc))
    return redirect("pengukuran:realisasi", instansi.slug, tahun, periode)


@perlu("lihat")
@require_GET
def unduh_bukti(request, instansi, pk):
    b = get_object_or_404(
        Bukti.objects.select_related("realisasi__indikator"), pk=pk, realisasi__indikator__instansi=instansi
    )
    return sajikan(b.berkas, nama=b.nama_asli, jenis=b.jenis)


__all__ = ["halaman", "simpan", "pratinjau", "status", "unduh_bukti", "Indikator"]
