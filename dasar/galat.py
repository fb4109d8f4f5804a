"""The project's one error class for a refused write.

A service (``<app>/services.py``) raises ``Ditolak`` when the write is refused for a reason the
user can act on (wrong state, bad value, a locked period); the message is in Bahasa Indonesia
and shown to the user as is (``bidang`` names the form fields it is about). Views turn it into a
message (or form errors) and never into a 500. Two other refusals keep Django's classes because Django already maps them to responses:
``django.core.exceptions.PermissionDenied`` (the user may not do this: 403) and
``django.http.Http404`` (no such object for this user: 404).

Subclasses exist only where a caller must tell a case apart.
"""

from __future__ import annotations


class Ditolak(Exception):
    """A refused write; ``str(e)`` is the message shown to the user.

    A form's refusal may name its fields: ``Ditolak(bidang={"kode": ["..."]})`` (field name ->
    messages, shown next to each field; ``str(e)`` then joins them)."""

    def __init__(self, pesan: str = "", *, bidang: dict[str, list[str]] | None = None):
        self.bidang = dict(bidang or {})
        if not pesan and self.bidang:
            pesan = "; ".join(m for daftar in self.bidang.values() for m in daftar)
        super().__init__(pesan)


class Konflik(Ditolak):
    """Optimistic lock: the record changed since the form was loaded (a stale ``versi``), so the
    save is refused instead of overwriting the newer value."""
