"""The per-user API tokens (docs/api.md, "Authentication").

A token acts as its user: what it may read or write is what ``akun.izin`` allows that user. Only
the token's SHA-256 is stored (``sidik``); the token itself is shown once, when it is created.
``awalan`` is the visible start of the token so the user can tell tokens apart."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tembolok import ABAIKAN


class TokenAPI(models.Model):
    jalur_unit = ABAIKAN  # accounts' credentials: no dashboard shows them

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="token_api")
    nama = models.CharField(
        _("nama token"),
        max_length=100,
        help_text=_("Untuk apa token ini dipakai, misalnya \u201cSIPD Bappeda\u201d."),
    )
    awalan = models.CharField(_("awalan"), max_length=20, unique=True)  # "sakip_1a2b3c4d", shown
    sidik = models.CharField(max_length=64, unique=True)  # SHA-256 (hex) of the whole token
    dibuat = models.DateTimeField(_("dibuat"), auto_now_add=True)
    terakhir_dipakai = models.DateTimeField(_("terakhir dipakai"), null=True, blank=True)
    dicabut = models.DateTimeField(_("dicabut"), null=True, blank=True)
    # every token ends: chosen at creation (services.MASA_BERLAKU), never extended
    kedaluwarsa = models.DateTimeField(_("berlaku sampai"))

    class Meta:
        verbose_name = _("token API")
        verbose_name_plural = _("token API")
        ordering = ["-dibuat", "-id"]

    def __str__(self) -> str:
        return f"{self.nama} ({self.awalan}…)"

    @property
    def aktif(self) -> bool:
        """Neither revoked nor past its end."""
        return self.dicabut is None and not self.lewat

    @property
    def lewat(self) -> bool:
        """Past its end (``kedaluwarsa``)."""
        from django.utils import timezone

        return self.kedaluwarsa <= timezone.now()
