"""The upload check shared by every evidence upload (realisasi evidence, LKE evidence, follow-up
evidence, zone photos): size by bytes, type by content (never by the file name)."""

from __future__ import annotations

import filetype
from django.conf import settings

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
