"""The job page (progress polled by htmx), its progress fragment and its result download."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from akun.izin import boleh_tugas, perlu

from . import selectors


def _tugas(request, instansi, pk):
    p = selectors.tugas_unit(instansi, pk)
    if p is None or not boleh_tugas(request.user, instansi, p.jenis):
        raise Http404
    return p


@perlu("lihat")
@require_GET
def halaman(request, instansi, pk):
    return render(request, "tugas/tugas.html", {"instansi": instansi, "p": _tugas(request, instansi, pk)})


@perlu("lihat")
@require_GET
def kemajuan(request, instansi, pk):
    """The status block alone: htmx replaces it every second while the job waits or runs."""
    return render(request, "tugas/_kemajuan.html", {"instansi": instansi, "p": _tugas(request, instansi, pk)})


@perlu("lihat")
@require_GET
def hasil(request, instansi, pk):
    p = _tugas(request, instansi, pk)
    berkas = selectors.path_berkas(p)
    if p.status != p.Status.SELESAI or not berkas.is_file():
        raise Http404
    return FileResponse(berkas.open("rb"), as_attachment=True, filename=p.nama_berkas, content_type=p.mime)
