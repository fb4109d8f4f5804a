"""The pemda's logo for the covers of its documents (``organisasi.Pemda.logo``, uploaded in the pemda
console and checked there by content)."""

from __future__ import annotations

import logging

import filetype

log = logging.getLogger(__name__)

MAKS_BYTES = 2 * 1024 * 1024  # a logo larger than this is not embedded in every document


def logo_pemda(pemda) -> bytes | None:
    """The logo's bytes when the pemda has one that is a PNG or JPEG of at most ``MAKS_BYTES``;
    None otherwise (no logo, a file gone from storage, any other type): a document is never refused
    for its logo."""
    berkas = getattr(pemda, "logo", None)
    if not berkas:
        return None
    try:
        with berkas.open("rb") as f:
            data = f.read(MAKS_BYTES + 1)
    except (OSError, ValueError):  # ValueError: Django's "file cannot be reopened" (gone from storage)
        log.warning("logo of pemda %s cannot be read: %s", pemda.pk, berkas.name)
        return None
    jenis = filetype.guess(data[:8192])
    if len(data) > MAKS_BYTES or jenis is None or jenis.extension not in ("png", "jpg"):
        return None
    return data
