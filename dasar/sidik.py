"""The fingerprint of a frozen document's content: its canonical serialisation and SHA-256.

Used where a signed PK or a final LHE is frozen (``laporan``) and where the stored content is
checked against its code (``pengukuran.periksa``)."""

from __future__ import annotations

import hashlib
import json


def kanonik(isi) -> bytes:
    """The canonical serialisation of a document snapshot (plain JSON values: dicts, lists,
    strings, integers, None): UTF-8 JSON with keys sorted, no whitespace, non-ASCII kept.
    Independent of the renderer and of how the database stores JSON (key order)."""
    return json.dumps(isi, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sidik(isi) -> str:
    """SHA-256 (hex) of ``kanonik(isi)``: the verification code printed on a frozen document."""
    return hashlib.sha256(kanonik(isi)).hexdigest()
