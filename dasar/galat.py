"""The project's one error class for a refused write.

A service (``<app>/services.py``) raises ``Ditolak`` when the write is refused for a reason the
user can act on (wrong state, bad value, a locked period); the message is in Bahasa Indonesia
and shown to the user as is. Views turn it into a message (or a form error) and never into a
500. Two other refusals keep Django's classes because Django already maps them to responses:
``django.core.exceptions.PermissionDenied`` (the user may not do this: 403) and
``django.http.Http404`` (no such object for this user: 404).

Subclasses exist only where a caller must tell a case apart.
"""

from __future__ import annotations


class Ditolak(Exception):
    """A refused write; ``str(e)`` is the message shown to the user."""


class Konflik(Ditolak):
    """Optimistic lock: the record changed since the form was loaded (a stale ``versi``), so the
    save is refused instead of overwriting the newer value."""
