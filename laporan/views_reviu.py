"""Reviu pages: the findings of a unit-year before its LKIP is issued, and the printable sheet."""

from django.http import HttpResponse
from django.shortcuts import render

from akun.izin import perlu

from .reviu import LEVEL, NAMA_LEVEL, lembar_reviu, reviu, ringkasan

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@perlu("lihat")
def halaman(request, instansi, tahun):
    temuan = reviu(instansi, tahun)
    kelompok = [(lv, NAMA_LEVEL[lv], [t for t in temuan if t.level == lv]) for lv in LEVEL]
    return render(
        request,
        "laporan/reviu.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "kelompok": kelompok,
            "jumlah": ringkasan(temuan),
            "total": len(temuan),
        },
    )


@perlu("lihat")
def lembar_docx(request, instansi, tahun):
    dok = lembar_reviu(instansi, tahun)
    try:
        from .keluaran import render_docx  # the renderers of laporan.keluaran; imported lazily
    except ImportError:
        return HttpResponse("Keluaran dokumen belum tersedia.", status=503, content_type="text/plain")
    data = render_docx(dok)
    if hasattr(data, "getvalue"):
        data = data.getvalue()
    resp = HttpResponse(data, content_type=DOCX)
    resp["Content-Disposition"] = f'attachment; filename="lembar-reviu-{instansi.slug}-{tahun}.docx"'
    return resp
