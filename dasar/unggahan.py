"""Uploaded files, shared by every evidence upload (realisasi evidence, LKE evidence, follow-up
evidence, zone photos): the upload check (size by bytes, type by content, never by the file name)
and ``sajikan``, the one way a stored upload is served back."""

from __future__ import annotations

import posixpath
import unicodedata

import filetype
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler
from django.http import FileResponse, Http404

from .galat import Ditolak

# Accepted evidence types: extension -> MIME type (also the Content-Type a download is served with).
JENIS_UNGGAHAN = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "png": "image/png",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def cek_unggahan(berkas) -> str:
    """Check an uploaded file: at most ``settings.BUKTI_MAKS_BYTES`` and, judged from its first
    bytes, one of ``JENIS_UNGGAHAN``. Returns the extension or raises ``Ditolak`` naming the file."""
    if berkas.size > settings.BUKTI_MAKS_BYTES:
        raise Ditolak(f"Berkas {berkas.name} terlalu besar ({berkas.size / 1048576:.1f} MB); maksimal 10 MB.")
    head = berkas.read(8192)
    berkas.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.extension not in JENIS_UNGGAHAN:
        raise Ditolak(f"Berkas {berkas.name} bukan PDF, JPG, PNG atau XLSX (diperiksa dari isinya).")
    return kind.extension


def nama_aman(nama: str, jenis: str) -> str:
    """The file name a download is offered under: the last part of ``nama`` (no folder, ``/`` or
    ``\\``), without control or format characters; ``berkas.<jenis>`` when nothing else is left."""
    akhir = posixpath.basename(nama.replace("\\", "/"))
    akhir = "".join(c for c in akhir if unicodedata.category(c)[0] != "C").strip()
    if akhir.strip("."):
        return akhir
    return f"berkas.{jenis}" if jenis else "berkas"


def sajikan(berkas, *, nama: str = "", jenis: str | None = None, lampiran: bool = True) -> FileResponse:
    """The response serving a stored upload (a ``FieldFile``); 404 when there is none.

    The Content-Type comes from ``JENIS_UNGGAHAN`` by ``jenis`` (the extension ``cek_unggahan``
    returned at upload time; when not stored, judged again from the file's first bytes), else
    ``application/octet-stream``; the file is offered under ``nama_aman(nama)`` (the stored file's
    own name when ``nama`` is empty), as an attachment unless ``lampiran=False`` (a photo shown in
    the page), with ``X-Content-Type-Options: nosniff``. The caller has already checked that the
    user may see it (``akun.izin``)."""
    if not berkas:
        raise Http404
    f = berkas.open("rb")
    if jenis is None:
        kind = filetype.guess(f.read(8192))
        f.seek(0)
        jenis = kind.extension if kind is not None else ""
    mime = JENIS_UNGGAHAN.get(jenis)
    resp = FileResponse(
        f,
        as_attachment=lampiran or mime is None,
        filename=nama_aman(nama or berkas.name, jenis),
        content_type=mime or "application/octet-stream",
    )
    resp["X-Content-Type-Options"] = "nosniff"
    return resp


class BatasUkuranUnggahan(FileUploadHandler):
    """First upload handler (setting ``FILE_UPLOAD_HANDLERS``): a multipart request whose body is
    larger than ``UNGGAH_MAKS_BYTES`` is refused (400) from its Content-Length, before any of it
    is read, stored in memory or written to a temporary file; a body that turns out longer than
    announced is stopped at the same size. Form fields without files are bounded by Django's
    ``DATA_UPLOAD_MAX_MEMORY_SIZE``; each view still checks its own file limit (evidence
    ``BUKTI_MAKS_BYTES``, the SKM upload) and the file type."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.maks = settings.UNGGAH_MAKS_BYTES
        self.diterima = 0
        if content_length and content_length > self.maks:
            raise RequestDataTooBig(
                f"Unggahan {content_length} byte melebihi batas {self.maks} byte (UNGGAH_MAKS_BYTES)."
            )

    def receive_data_chunk(self, raw_data, start):
        self.diterima += len(raw_data)
        if self.diterima > self.maks:
            raise RequestDataTooBig(f"Unggahan melebihi batas {self.maks} byte (UNGGAH_MAKS_BYTES).")
        return raw_data

    def file_complete(self, file_size):
        return None
