"""Reads of the workbook upload pages."""

from __future__ import annotations

from django.utils import timezone

from .models import UnggahanWorkbook


def unggahan_tertunda(user, instansi) -> list[UnggahanWorkbook]:
    """The user's checked, not yet applied, unexpired uploads for this unit (newest first)."""
    return list(
        UnggahanWorkbook.objects.filter(
            pengguna=user,
            instansi=instansi,
            status=UnggahanWorkbook.Status.DIPERIKSA,
            kedaluwarsa__gte=timezone.now(),
        ).order_by("-dibuat")[:10]
    )


def unggahan_milik(user, instansi, pk) -> UnggahanWorkbook | None:
    """One upload of this user for this unit (None for anyone else's: the page answers 404)."""
    return UnggahanWorkbook.objects.filter(pk=pk, pengguna=user, instansi=instansi).first()


def ringkasan(hasil: dict) -> dict[str, int]:
    """Total rows that would be (or were) created, updated and left unchanged."""
    jumlah = hasil.get("jumlah") or {}
    return {k: sum(c.get(k, 0) for c in jumlah.values()) for k in ("created", "updated", "unchanged")}
