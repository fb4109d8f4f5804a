"""The upload check shared by every evidence upload (realisasi evidence, LKE evidence, follow-up
evidence, zone photos): size by bytes, type by content (never by the file name)."""

from __future__ import annotations

import filetype
from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.core.files.uploadhandler import FileUploadHandler

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
