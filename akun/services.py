"""Writes of the akun app outside the Django admin: the login history, the year chosen in the
top bar, the enrolment of an authenticator app."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import Signal

from . import throttle
from .models import RiwayatMasuk


def catat_riwayat_masuk(*, request, username: str, berhasil: bool, user=None) -> RiwayatMasuk:
    """One row of the login history: who (the account, when it exists), from where, with what
    browser, and whether the attempt succeeded."""
    nama = throttle.nama_masuk(username)
    if user is None and nama:
        user = get_user_model()._default_manager.filter(username=nama).first()
    agen = throttle.tanpa_kendali(request.META.get("HTTP_USER_AGENT", ""))
    return RiwayatMasuk.objects.create(
        user=user,
        username=nama,
        ip=throttle.alamat(request),
        berhasil=berhasil,
        user_agent=agen[: RiwayatMasuk._meta.get_field("user_agent").max_length],
    )


# The session key holding the year chosen in the top bar (read by sakip/kerangka.py).
SESI_TAHUN = "sakip_tahun"


def simpan_tahun(*, user, tahun: int) -> None:
    """Remember the year ``user`` chose in the top bar (``Profil.tahun``). A display preference
    of the user's own, not data of a unit: no permission beyond being logged in, no audit row."""
    from dasar.tahun import sah

    from .models import Profil

    if not user.is_authenticated:
        raise ValueError("anonymous user has no profile")
    if not sah(tahun):
        raise ValueError(f"tahun {tahun} di luar rentang")
    Profil.objects.update_or_create(user=user, defaults={"tahun": tahun})


def simpan_email_pengingat(*, user, aktif: bool) -> None:
    """Turn the user's own reminder e-mails on or off (``Profil.email_pengingat``; the reminders
    stay in the app). A preference of the user's own: no permission beyond being logged in, no
    audit row."""
    from .models import Profil

    if not user.is_authenticated:
        raise ValueError("anonymous user has no profile")
    Profil.objects.update_or_create(user=user, defaults={"email_pengingat": bool(aktif)})


# Sent (sender: the device's model; ``user``, ``perangkat``) when a user's authenticator app is
# enrolled. The audit app records it: akun sits below audit in the layers and never imports it.
otp_terdaftar = Signal()


def konfirmasi_otp(*, user, perangkat) -> None:
    """Enrol ``user``'s own authenticator app (``perangkat``, a django-otp TOTPDevice whose code
    the caller has verified): the entry confirmed and ``otp_terdaftar`` sent, in one transaction
    so the audit row and the enrolment are saved together or not at all."""
    if not user.is_authenticated or perangkat.user_id != user.pk:
        raise PermissionDenied
    with transaction.atomic():
        perangkat.confirmed = True
        perangkat.save(update_fields=["confirmed"])
        otp_terdaftar.send(sender=type(perangkat), user=user, perangkat=perangkat)
