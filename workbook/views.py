"""The workbook in the web: download the unit's data and the empty template, upload a workbook
(checked as a dry run), apply it. Thin: the reads are workbook.exporter / selectors, the writes
workbook.services."""

import io

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from akun.izin import boleh, perlu
from dasar.galat import Ditolak
from laporan.unduhan import unduh as unduhan

from . import exporter, selectors, services, writer
from .models import UnggahanWorkbook
from .tugas import minta_unggahan

# left out of the web download: respondents' personal data, downloaded (and recorded) on the SKM page
TANPA_DI_WEB = ("skm_responden",)


@perlu("lihat")
def halaman(request, instansi, tahun):
    return render(
        request,
        "workbook/halaman.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "boleh_impor": boleh(request.user, "impor", instansi),
            "tertunda": selectors.unggahan_tertunda(request.user, instansi),
            "maks_baris": services.MAKS_BARIS_WEB,
        },
    )


def _xlsx(tulis) -> bytes:
    out = io.BytesIO()
    tulis(out)
    return out.getvalue()


@perlu("lihat")
def unduh(request, instansi, tahun):
    def isi():
        data = exporter.kumpulkan(instansi, tahun)
        for s in TANPA_DI_WEB:
            data.pop(s, None)
        return _xlsx(lambda out: writer.tulis(data, out))

    return unduhan(request.user, instansi, tahun, awalan="workbook", fmt="xlsx", isi=isi)


@perlu("lihat")
def templat(request, instansi, tahun):
    return unduhan(
        request.user,
        instansi,
        tahun,
        awalan="templat-workbook",
        fmt="xlsx",
        isi=lambda: _xlsx(lambda out: writer.tulis_templat(exporter.kode_templat(instansi), out)),
    )


@perlu("impor")
@require_POST
def unggah(request, instansi, tahun):
    try:
        obj = services.uji_unggahan(
            user=request.user, instansi=instansi, tahun=tahun, berkas=request.FILES.get("berkas")
        )
    except Ditolak as exc:
        messages.error(request, str(exc))
        return redirect("workbook:halaman", instansi.slug, tahun)
    if obj.status == UnggahanWorkbook.Status.UJI_ANTRI:  # a large file: the dry run in the worker
        minta_unggahan(user=request.user, unggahan=obj, aksi="uji")
    return redirect("workbook:hasil", instansi.slug, obj.pk)


@perlu("impor")
def hasil(request, instansi, pk):
    obj = selectors.unggahan_milik(request.user, instansi, pk)
    if obj is None:
        raise Http404
    return render(
        request,
        "workbook/hasil.html",
        {
            "instansi": instansi,
            "tahun": obj.tahun,
            "u": obj,
            "galat": [tuple(g.split(": ", 1)) if ": " in g else ("", g) for g in obj.hasil.get("galat", [])],
            "jumlah": obj.hasil.get("jumlah", {}),
            "total": selectors.ringkasan(obj.hasil),
            "diterapkan": obj.status == UnggahanWorkbook.Status.DITERAPKAN,
            "antri": obj.status in UnggahanWorkbook.ANTRI,
        },
    )


@perlu("impor")
@require_POST
def terapkan(request, instansi, pk):
    if selectors.unggahan_milik(request.user, instansi, pk) is None:
        raise Http404
    try:
        obj = services.terapkan_unggahan(user=request.user, instansi=instansi, unggahan_id=pk)
    except Ditolak as exc:
        messages.error(request, str(exc))
        return redirect("workbook:hasil", instansi.slug, pk)
    if obj.status == UnggahanWorkbook.Status.TERAPKAN_ANTRI:  # a large file: applied by the worker
        minta_unggahan(user=request.user, unggahan=obj, aksi="terapkan")
        return redirect("workbook:hasil", instansi.slug, pk)
    t = selectors.ringkasan(obj.hasil)
    messages.success(
        request,
        _("Workbook %(nama)s diterapkan: %(baru)d baris baru, %(ubah)d diubah, %(tetap)d tetap.")
        % {"nama": obj.nama_berkas, "baru": t["created"], "ubah": t["updated"], "tetap": t["unchanged"]},
    )
    return redirect("workbook:hasil", instansi.slug, pk)
