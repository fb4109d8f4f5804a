"""Audit trail: who changed what, when, old and new value."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tembolok import ABAIKAN


class Jejak(models.Model):
    jalur_unit = ABAIKAN

    waktu = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    instansi = models.ForeignKey("organisasi.Instansi", null=True, blank=True, on_delete=models.CASCADE)
    # the pemda the change belongs to: the unit's, or for rows without a unit (users, roles,
    # officials of the pemda itself) the row's or the admin's pemda; the pemda's audit search shows it
    pemda = models.ForeignKey("organisasi.Pemda", null=True, blank=True, on_delete=models.CASCADE)
    objek = models.CharField(max_length=100)  # model label, e.g. pengukuran.Realisasi
    objek_id = models.CharField(max_length=40)
    aksi = models.CharField(max_length=30)  # ubah, buat, ajukan, verifikasi, kembalikan, unggah …
    field = models.CharField(max_length=100, blank=True)
    lama = models.TextField(blank=True)
    baru = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = _("jejak audit")
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["objek", "objek_id"])]


def _teks(v) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        v = v.normalize()
        return f"{v:f}"
    return str(v)


def catat(user, obj, aksi: str, perubahan: dict | None = None, instansi=None, pemda_id=None) -> None:
    """Record an action; ``perubahan`` maps field → (old, new). The pemda is the unit's unless
    ``pemda_id`` names it (changes without a unit)."""
    label, pk = obj._meta.label, str(obj.pk)
    if pemda_id is None and instansi is not None:
        pemda_id = instansi.pemda_id
    rows = [
        Jejak(
            user=user if user and user.is_authenticated else None,
            instansi=instansi,
            pemda_id=pemda_id,
            objek=label,
            objek_id=pk,
            aksi=aksi,
            field=f,
            lama=_teks(a),
            baru=_teks(b),
        )
        for f, (a, b) in (perubahan or {}).items()
    ] or [
        Jejak(
            user=user if user and user.is_authenticated else None,
            instansi=instansi,
            pemda_id=pemda_id,
            objek=label,
            objek_id=pk,
            aksi=aksi,
        )
    ]
    Jejak.objects.bulk_create(rows)
