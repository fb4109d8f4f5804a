"""The pohon kinerja pages: a unit's tree and the pemda's tree across its units, each with its
findings, the SVG download and the A3 PDF through the task queue (a unit's job for the unit's
tree, a pemda's job for the pemda's tree and one pemda sasaran's)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from akun.izin import boleh_pemda, perlu
from organisasi.models import Pemda

from . import tugas
from .gambar import svg_pohon
from .selectors import bagian_unit, cari_sasaran_pemda, pohon_pemda, pohon_unit, ringkasan_pemda
from .tampilan import NAMA_TEMUAN, html_pemda, html_pohon, pesan_temuan

BATAS_TEMUAN = 50  # findings listed per kind on a page; the rest counted (the reviu lists all)


def _temuan(pohon):
    """The findings grouped by kind, in the order of ``NAMA_TEMUAN``: (kind, name, count, the first
    ``BATAS_TEMUAN`` messages, how many more)."""
    kelompok = {}
    for t in pohon.temuan:
        kelompok.setdefault(t.jenis, []).append(t)
    return [
        (
            j,
            nama,
            len(kelompok[j]),
            [pesan_temuan(t) for t in kelompok[j][:BATAS_TEMUAN]],
            max(len(kelompok[j]) - BATAS_TEMUAN, 0),
        )
        for j, nama in NAMA_TEMUAN.items()
        if j in kelompok
    ]


def _svg(pohon, judul, nama_berkas):
    resp = HttpResponse(svg_pohon(pohon.akar, judul), content_type="image/svg+xml; charset=utf-8")
    resp["Content-Disposition"] = f'attachment; filename="{nama_berkas}"'
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


@perlu("lihat")
@require_GET
def unit(request, instansi, tahun):
    pohon = pohon_unit(instansi, tahun)
    return render(
        request,
        "pohon/pohon.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "pohon": pohon,
            "judul": _("Pohon kinerja %(unit)s") % {"unit": instansi.nama},
            "html_pohon": mark_safe(html_pohon(pohon.akar, pohon.nama_instansi)),  # noqa: S308 - escaped by html_pohon
            "temuan": _temuan(pohon),
        },
    )


@perlu("lihat")
@require_GET
def unit_svg(request, instansi, tahun):
    pohon = pohon_unit(instansi, tahun)
    return _svg(pohon, tugas.judul_unit(instansi, tahun), tugas.nama_unit(instansi, tahun, "svg"))


@perlu("lihat")
@require_POST
def unit_pdf(request, instansi, tahun):
    p = tugas.minta_pdf(user=request.user, instansi=instansi, tahun=tahun)
    return redirect("tugas:halaman", instansi.slug, p.pk)


def _pemda(request, kode):
    pemda = get_object_or_404(Pemda, kode=kode)
    if not boleh_pemda(request.user, "lihat", pemda):
        raise Http404
    return pemda


@login_required
@require_GET
def pemda(request, kode, tahun):
    """The pemda level only: each pemda sasaran with its supporting units' summaries; a unit's
    subtree is fetched (``unit_bagian``) when its node is opened."""
    pemda = _pemda(request, kode)
    ringkas = ringkasan_pemda(pemda, tahun)
    return render(
        request,
        "pohon/pohon.html",
        {
            "pemda": pemda,
            "tahun": tahun,
            "ringkas": ringkas,
            "judul": _("Pohon kinerja %(pemda)s") % {"pemda": pemda.nama},
            "html_pohon": mark_safe(html_pemda(ringkas)),  # noqa: S308 - escaped by html_pemda
            "sasaran_pemda": [(pk, s) for pk, s, _u in ringkas.sasaran],
        },
    )


@perlu("lihat")
@require_GET
def unit_bagian(request, instansi, tahun):
    """A unit's subtree for the pemda page (below the pemda sasaran ``?sasaran=<id>`` when
    given), as an HTML fragment; checked like the unit's own tree page."""
    try:
        sid = int(request.GET["sasaran"]) if request.GET.get("sasaran") else None
    except ValueError:
        raise Http404 from None
    pohon = bagian_unit(instansi, tahun, sid)
    return render(
        request,
        "pohon/_bagian.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "pohon": pohon,
            "html_pohon": mark_safe(  # noqa: S308 - escaped by html_pohon
                html_pohon(pohon.akar, pohon.nama_instansi, awalan=f"s{sid or 0}-")
            ),
        },
    )


def _sasaran_saja(request, kode, pk):
    pemda = _pemda(request, kode)
    sasaran = cari_sasaran_pemda(pemda, pk)
    if sasaran is None:
        raise Http404
    return pemda, sasaran


def _sasaran(request, kode, tahun, pk):
    pemda, sasaran = _sasaran_saja(request, kode, pk)
    return pemda, sasaran, pohon_pemda(pemda, tahun, sasaran_pemda=sasaran.pk)


@login_required
@require_GET
def sasaran_pemda(request, kode, tahun, pk):
    """The tree of one pemda sasaran: every unit supporting it, down to its lowest level."""
    pemda, sasaran, pohon = _sasaran(request, kode, tahun, pk)
    return render(
        request,
        "pohon/pohon.html",
        {
            "pemda": pemda,
            "sasaran": sasaran,
            "tahun": tahun,
            "pohon": pohon,
            "judul": _("Pohon kinerja sasaran %(kode)s %(pemda)s")
            % {"kode": sasaran.kode, "pemda": pemda.nama},
            "html_pohon": mark_safe(html_pohon(pohon.akar, pohon.nama_instansi, tampil_unit=True)),  # noqa: S308
            "temuan": _temuan(pohon),
        },
    )


@login_required
@require_GET
def sasaran_pemda_svg(request, kode, tahun, pk):
    pemda, sasaran, pohon = _sasaran(request, kode, tahun, pk)
    return _svg(
        pohon, tugas.judul_pemda(pemda, tahun, sasaran), tugas.nama_pemda(pemda, tahun, sasaran, "svg")
    )


@login_required
def sasaran_pemda_pdf(request, kode, tahun, pk):
    """Ask the worker for one pemda sasaran's tree on A3 landscape: a pemda's job (POST; 404
    first to whoever may not see the pemda)."""
    pemda, sasaran = _sasaran_saja(request, kode, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    p = tugas.minta_pdf_pemda(user=request.user, pemda=pemda, tahun=tahun, sasaran=sasaran)
    return redirect("tugas:halaman_pemda", pemda.kode, p.pk)


@login_required
@require_GET
def pemda_svg(request, kode, tahun):
    pemda = _pemda(request, kode)
    pohon = pohon_pemda(pemda, tahun)
    return _svg(pohon, tugas.judul_pemda(pemda, tahun), tugas.nama_pemda(pemda, tahun, None, "svg"))


@login_required
def pemda_pdf(request, kode, tahun):
    """Ask the worker for the pemda's whole tree on A3 landscape: a pemda's job (POST; 404 first
    to whoever may not see the pemda)."""
    pemda = _pemda(request, kode)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    p = tugas.minta_pdf_pemda(user=request.user, pemda=pemda, tahun=tahun)
    return redirect("tugas:halaman_pemda", pemda.kode, p.pk)
