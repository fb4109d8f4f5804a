from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET

from akun.izin import boleh_baca_panduan, boleh_pemda, instansi_terlihat, pemda_terlihat, perlu
from dasar.tahun import dari_teks as tahun_dari_teks
from organisasi.models import Pemda

from . import halaman, kotak, panduan


def _tahun_kotak(request) -> int | None:
    """The inbox's year: ``?tahun=`` (outside 2000–2100: 404), else the one the user chose."""
    from sakip.kerangka import tahun_pengguna

    if request.GET.get("tahun"):
        return tahun_dari_teks(request.GET.get("tahun"), None)
    return tahun_pengguna(request)


def _tahun(request, default=2024):
    """The ``tahun`` query parameter (blank: the default); outside 2000–2100 or not a number
    404, as for every year in a URL (dasar/tahun.py), so the stored pages (one row per unit and
    year) cannot be multiplied by arbitrary years."""
    return tahun_dari_teks(request.GET.get("tahun"), default)


@login_required
def beranda(request):
    units = instansi_terlihat(request.user).select_related("pemda").order_by("nama")
    pemda = pemda_terlihat(request.user)
    return render(request, "dasbor/beranda.html", {"units": units, "pemda_list": pemda})


@perlu("lihat")
def unit(request, instansi):
    tahun = _tahun(request)
    return render(
        request,
        "dasbor/unit.html",
        {"instansi": instansi, "tahun": tahun, "isi": halaman.isi_unit(instansi, tahun)},
    )


@login_required
def pemda(request, kode):
    pemda = get_object_or_404(Pemda, kode=kode)
    if not boleh_pemda(request.user, "lihat", pemda):
        raise Http404
    tahun = _tahun(request)
    return render(
        request,
        "dasbor/pemda.html",
        {
            "pemda": pemda,
            "tahun": tahun,
            "isi": halaman.isi_pemda(pemda, tahun, request.GET.get("urut", "nama")),
        },
    )


@login_required
@require_GET
def kotak_masuk(request):
    """The inbox "Tugas saya": every task waiting for the user, by section, each linking to the
    page where it is done."""
    tahun = _tahun_kotak(request)
    bagian = kotak.kotak_masuk(request.user, tahun)
    return render(
        request, "dasbor/kotak.html", {"bagian": bagian, "tahun": tahun, "jumlah": kotak.jumlah(bagian)}
    )


@login_required
@require_GET
def kotak_jumlah(request):
    """The inbox count for the top bar's badge (fetched by static/sakip.js, so that no page pays
    for the inbox's queries when it is rendered)."""
    n = kotak.jumlah(kotak.kotak_masuk(request.user, _tahun_kotak(request)))
    label = ngettext("%(n)d tugas menunggu", "%(n)d tugas menunggu", n) % {"n": n}
    return JsonResponse({"jumlah": n, "label": label}, headers={"Cache-Control": "no-store"})


def _boleh_panduan(request):
    if not boleh_baca_panduan(request.user):
        raise PermissionDenied


@login_required
@require_GET
def baca_panduan(request, bab=None):
    """The user guide: the index (/panduan/) or one chapter (/panduan/<bab>/), from docs/panduan/."""
    _boleh_panduan(request)
    isi = panduan.baca(bab)
    if isi is None:
        raise Http404
    return render(
        request, "dasbor/panduan.html", {"isi": isi, "daftar_bab": panduan.daftar_bab(), "bab": bab or ""}
    )


@login_required
@require_GET
def gambar_panduan(request, nama):
    """A screenshot of the guide (docs/panduan/gambar/<nama>.png)."""
    _boleh_panduan(request)
    path = panduan.gambar(nama)
    if path is None:
        raise Http404
    return FileResponse(path.open("rb"), content_type="image/png")
