"""Dokumen pages: LKIP preview and downloads, PK document downloads, the text-block editor."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from akun.izin import boleh, perlu
from perencanaan.models import PerjanjianKinerja

from . import keluaran, layanan

JENIS_KONTEN = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def _ada_pk(instansi, tahun: int) -> None:
    """Documents exist for the years with a Perjanjian Kinerja; other years are 404."""
    if not PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).exists():
        raise Http404(_("Belum ada Perjanjian Kinerja untuk tahun ini."))


def _unduh(jenis: str, nama: str, instansi, tahun: int, fmt: str) -> HttpResponse:
    _ada_pk(instansi, tahun)
    try:
        dok = layanan.bangun(jenis, instansi, tahun)
        data = keluaran.render_docx(dok) if fmt == "docx" else keluaran.render_pdf(dok)
    except (layanan.PembangunTidakAda, keluaran.KeluaranError) as exc:
        return HttpResponse(str(exc), status=503, content_type="text/plain; charset=utf-8")
    resp = HttpResponse(data, content_type=JENIS_KONTEN[fmt])
    resp["Content-Disposition"] = f'attachment; filename="{nama}-{instansi.slug}-{tahun}.{fmt}"'
    return resp


@perlu("lihat")
def lkip(request, instansi, tahun):
    _ada_pk(instansi, tahun)
    try:
        html = mark_safe(keluaran.render_html(layanan.bangun("lkip", instansi, tahun)))  # noqa: S308 - escaped
        galat = ""
    except layanan.PembangunTidakAda as exc:
        html, galat = "", str(exc)
    from laporan.reviu import reviu, ringkasan

    return render(
        request,
        "laporan/lkip.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "dokumen": html,
            "galat": galat,
            "reviu": ringkasan(reviu(instansi, tahun)),
            "boleh_isi": boleh(request.user, "isi", instansi),
        },
    )


@perlu("lihat")
def lkip_unduh(request, instansi, tahun, fmt):
    return _unduh("lkip", "lkip", instansi, tahun, fmt)


@perlu("lihat")
def pk_unduh(request, instansi, tahun, fmt):
    return _unduh("perjanjian", "perjanjian-kinerja", instansi, tahun, fmt)


@perlu("isi")
def teks(request, instansi, tahun):
    tersimpan = layanan.teks_blok(instansi, tahun)
    bagian = [
        {"kode": k, "label": v, "teks": tersimpan.get(k, "")}
        for k, v in layanan.daftar_bagian(instansi, tahun).items()
    ]
    return render(
        request,
        "laporan/teks.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "bagian": bagian,
            "maks": layanan.PANJANG_MAKS,
        },
    )


@perlu("isi")
@require_POST
def teks_simpan(request, instansi, tahun, bagian):
    daftar = layanan.daftar_bagian(instansi, tahun)
    if bagian not in daftar:
        raise Http404
    try:
        layanan.simpan_teks(request.user, instansi, tahun, bagian, request.POST.get("teks", ""))
        messages.success(request, _("Teks %(bagian)s disimpan.") % {"bagian": daftar[bagian]})
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(reverse("laporan:teks", args=[instansi.slug, tahun]) + f"#{bagian}")
