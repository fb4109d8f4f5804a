"""The job page (progress polled by htmx), its progress fragment and its result download: a
unit's jobs under /unit/<slug>/tugas/<id>/, a pemda's under /pemda/<kode>/tugas/<id>/, the same
views' helpers and templates for both."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from akun.izin import boleh_lihat_tugas, boleh_tugas, boleh_tugas_pemda, perlu

from . import selectors


def _konteks(p, *, nama: str, kembali: str, kode: str, akhiran: str = "") -> dict:
    """What the job page and its fragment show: the job, whose it is (name and the page to go
    back to) and the addresses of its progress and result (``akhiran``: "_pemda" for a pemda's)."""
    return {
        "p": p,
        "nama_pemilik": nama,
        "url_kembali": kembali,
        "url_kemajuan": reverse(f"tugas:kemajuan{akhiran}", args=[kode, p.pk]),
        "url_hasil": reverse(f"tugas:hasil{akhiran}", args=[kode, p.pk]),
    }


def _tugas(request, instansi, pk) -> dict:
    p = selectors.tugas_unit(instansi, pk)
    if p is None or not boleh_tugas(request.user, instansi, p.jenis):
        raise Http404
    return {
        "instansi": instansi,
        **_konteks(
            p, nama=instansi.nama, kembali=reverse("dasbor:unit", args=[instansi.slug]), kode=instansi.slug
        ),
    }


def _tugas_pemda(request, kode, pk) -> dict:
    """A pemda's job: 404 to whoever may not see it (akun.izin.boleh_tugas_pemda), as to an
    unknown one."""
    p = selectors.tugas_pemda(kode, pk)
    if p is None or not boleh_tugas_pemda(request.user, p.pemda, p.jenis):
        raise Http404
    kembali = reverse("dasbor:pemda", args=[p.pemda.kode])
    return _konteks(p, nama=p.pemda.nama, kembali=kembali, kode=p.pemda.kode, akhiran="_pemda")


def _halaman(request, konteks):
    return render(request, "tugas/tugas.html", konteks)


def _kemajuan(request, konteks):
    """The status block alone: htmx replaces it every second while the job waits or runs."""
    return render(request, "tugas/_kemajuan.html", konteks)


def _hasil(p):
    berkas = selectors.buka_hasil(p)
    if berkas is None:
        raise Http404
    return FileResponse(berkas, as_attachment=True, filename=p.nama_berkas, content_type=p.mime)


@perlu("lihat")
@require_GET
def halaman(request, instansi, pk):
    return _halaman(request, _tugas(request, instansi, pk))


@perlu("lihat")
@require_GET
def kemajuan(request, instansi, pk):
    return _kemajuan(request, _tugas(request, instansi, pk))


@perlu("lihat")
@require_GET
def hasil(request, instansi, pk):
    return _hasil(_tugas(request, instansi, pk)["p"])


@login_required
@require_GET
def halaman_pemda(request, kode, pk):
    return _halaman(request, _tugas_pemda(request, kode, pk))


@login_required
@require_GET
def kemajuan_pemda(request, kode, pk):
    return _kemajuan(request, _tugas_pemda(request, kode, pk))


@login_required
@require_GET
def hasil_pemda(request, kode, pk):
    return _hasil(_tugas_pemda(request, kode, pk)["p"])


def url_halaman(p) -> str:
    """The job's own page (a unit's or a pemda's)."""
    if p.instansi_id is not None:
        return reverse("tugas:halaman", args=[p.instansi.slug, p.pk])
    return reverse("tugas:halaman_pemda", args=[p.pemda.kode, p.pk])


@login_required
@require_GET
def daftar(request):
    """ "Permintaan saya": the documents and imports the user asked for, newest first, each with
    its status and a link to its page (where the file is downloaded), those of units the user may
    still see only."""
    baris = [
        {"p": p, "url": url_halaman(p), "pemilik": p.instansi.nama if p.instansi_id else p.pemda.nama}
        for p in selectors.tugas_pemohon(request.user)
        if boleh_lihat_tugas(request.user, p)
    ]
    return render(request, "tugas/daftar.html", {"baris": baris, "jam_simpan": settings.TUGAS_SIMPAN_JAM})
