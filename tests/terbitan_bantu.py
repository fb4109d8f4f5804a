"""Helpers of the tests of issuing an LKIP (``laporan.services.terbitkan_lkip``)."""

import hashlib

from dasar import dokumen
from laporan import keluaran

PDF_PALSU = b"%PDF-1.4 palsu\n"


def tanpa_libreoffice(monkeypatch):
    """Issue without LibreOffice (seconds per PDF): the PDF is a fixed stand-in, the DOCX real."""
    monkeypatch.setattr(
        keluaran, "docx_ke_pdf", lambda docx, timeout=None: PDF_PALSU + hashlib.sha256(docx).digest()
    )


def baca(rel: str) -> bytes:
    return dokumen.baca(rel)
