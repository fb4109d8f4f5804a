"""The one way a document is downloaded: permission, MIME type and file name in one place.

Every document download (LKIP, PK, LHE, Laporan SKM, the reviu sheet, the SKM responses
workbook) answers through ``unduh``: the user must be allowed to see the unit
(``akun.izin.boleh``), the format must be one of ``MIME``, a ``Dokumen`` is rendered by
``laporan.keluaran`` (DOCX, or PDF through LibreOffice), and the file is named
``<awalan>-<unit slug>-<tahun>.<format>``. A document that cannot be rendered (``Ditolak``
from the renderer, e.g. LibreOffice missing or failing) answers 503 with the reason.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from akun.izin import boleh, publik_boleh
from dasar.galat import Ditolak
from laporan import keluaran
from laporan.dokumen import Dokumen

MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}
# format -> renderer of laporan.keluaran for a Dokumen (looked up at call time)
PERENDER = {"docx": "render_docx", "pdf": "render_pdf"}


def nama_berkas(awalan: str, instansi, tahun: int, fmt: str) -> str:
    """``lkip-bantargebang-2024.docx``."""
    return f"{awalan}-{instansi.slug}-{tahun}.{fmt}"


def unduh(
    user,
    instansi,
    tahun: int,
    *,
    awalan: str,
    fmt: str,
    isi: Callable[[], Dokumen | bytes],
    aksi: str = "lihat",
) -> HttpResponse:
    """The download response of one document of a unit-year.

    ``isi`` builds the content (a ``Dokumen``, or the bytes of a file already made); it is
    called only after the checks. A unit the user cannot see or an unknown format: 404; a
    user who sees the unit but may not do ``aksi`` (``akun.izin.AKSI``): 403.
    """
    if not boleh(user, "lihat", instansi):
        raise Http404
    if not boleh(user, aksi, instansi):
        raise PermissionDenied
    return _jawab(instansi, tahun, awalan, fmt, isi)


def unduh_publik(
    jenis: str, obj, instansi, tahun: int, *, awalan: str, fmt: str, isi: Callable[[], Dokumen | bytes]
) -> HttpResponse:
    """The download of a published document on the public portal (no login): ``obj`` must be
    public (``akun.izin.publik_boleh(jenis, obj)``: an issued LKIP version, a signed PK), else
    404. The rest as ``unduh``."""
    if not publik_boleh(jenis, obj) or not publik_boleh("instansi", instansi):
        raise Http404
    return _jawab(instansi, tahun, awalan, fmt, isi)


def _jawab(instansi, tahun: int, awalan: str, fmt: str, isi: Callable[[], Dokumen | bytes]) -> HttpResponse:
    if fmt not in MIME:
        raise Http404
    try:
        data = isi()
        if isinstance(data, Dokumen):
            if fmt not in PERENDER:
                raise Http404
            data = getattr(keluaran, PERENDER[fmt])(data)
    except Ditolak as exc:
        return HttpResponse(
            _("Dokumen tidak dapat dibuat: %(alasan)s") % {"alasan": exc},
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    resp = HttpResponse(data, content_type=MIME[fmt])
    resp["Content-Disposition"] = f'attachment; filename="{nama_berkas(awalan, instansi, tahun, fmt)}"'
    return resp
