"""Writes of the API app: creating and revoking a user's API token, and recording its use.

A token is ``sakip_<awalan>_<rahasia>``: ``awalan`` (8 hex characters) is stored and shown, the
whole token only as its SHA-256 (``TokenAPI.sidik``); the token itself is returned once by
``buat_token`` and never again. Both writes are audited (``audit.models.Aksi.BUAT`` /
``Aksi.CABUT``, ``keterangan`` "token API")."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from audit.models import Aksi, catat
from dasar.galat import Ditolak
from dasar.teks import tolak_jika_panjang

from .models import TokenAPI

AWALAN = "sakip_"
BATAS_TOKEN_AKTIF = 20  # active tokens per user
# last use is written at most once per this interval (one UPDATE, not one per request)
SELANG_PAKAI = dt.timedelta(minutes=1)
# how long a new token works, in days (the user chooses; no token works for ever)
MASA_BERLAKU = (30, 90, 180, 365)
MASA_BAWAAN = 90


def sidik_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@transaction.atomic
def buat_token(*, user, nama: str, hari: int = MASA_BAWAAN) -> tuple[TokenAPI, str]:
    """A new token for ``user`` that works for ``hari`` days (one of ``MASA_BERLAKU``): (the row,
    the token text shown once)."""
    if not user.is_authenticated or not user.is_active:
        raise PermissionDenied
    nama = (nama or "").strip()
    if not nama:
        raise Ditolak(bidang={"nama": ["Nama token wajib diisi."]})
    tolak_jika_panjang(TokenAPI, nama=nama)
    if hari not in MASA_BERLAKU:
        raise Ditolak(bidang={"masa_berlaku": ["Pilih salah satu masa berlaku yang tersedia."]})
    now = timezone.now()
    if TokenAPI.objects.filter(user=user, dicabut=None, kedaluwarsa__gt=now).count() >= BATAS_TOKEN_AKTIF:
        raise Ditolak(
            f"Anda sudah mempunyai {BATAS_TOKEN_AKTIF} token aktif; cabut token yang tidak dipakai lebih dahulu."
        )
    while True:
        awalan = secrets.token_hex(4)
        if not TokenAPI.objects.filter(awalan=AWALAN + awalan).exists():
            break
    token = f"{AWALAN}{awalan}_{secrets.token_urlsafe(32)}"
    obj = TokenAPI.objects.create(
        user=user,
        nama=nama,
        awalan=AWALAN + awalan,
        sidik=sidik_token(token),
        kedaluwarsa=now + dt.timedelta(days=hari),
    )
    catat(
        user,
        obj,
        Aksi.BUAT,
        {
            "nama": (None, nama),
            "awalan": (None, obj.awalan),
            "kedaluwarsa": (None, obj.kedaluwarsa.isoformat(timespec="seconds")),
        },
        keterangan="token API",
    )
    return obj, token


@transaction.atomic
def cabut_token(*, user, token: TokenAPI) -> TokenAPI:
    """Revoke one of the user's own tokens; it stops working at once. Revoking twice is refused."""
    obj = TokenAPI.objects.select_for_update().filter(pk=token.pk).first()
    if obj is None or obj.user_id != user.pk:
        raise PermissionDenied
    if obj.dicabut is not None:
        raise Ditolak("Token ini sudah dicabut.")
    obj.dicabut = timezone.now()
    obj.save(update_fields=["dicabut"])
    catat(
        user,
        obj,
        Aksi.CABUT,
        {"dicabut": (None, obj.dicabut.isoformat(timespec="seconds"))},
        keterangan="token API",
    )
    return obj


def pemilik_token(token: str):
    """The active user a token text belongs to, or None (unknown, malformed, revoked, past its
    end, inactive user). Records the last use (at most once per ``SELANG_PAKAI``)."""
    if not token.startswith(AWALAN) or len(token) > 200:
        return None
    sidik = sidik_token(token)
    obj = TokenAPI.objects.select_related("user").filter(sidik=sidik).first()
    if obj is None or not hmac.compare_digest(obj.sidik, sidik):
        return None
    now = timezone.now()
    if obj.dicabut is not None or obj.kedaluwarsa <= now or not obj.user.is_active:
        return None
    if obj.terakhir_dipakai is None or now - obj.terakhir_dipakai >= SELANG_PAKAI:
        TokenAPI.objects.filter(pk=obj.pk).update(terakhir_dipakai=now)
    user = obj.user
    user.token_api_dipakai = obj
    return user
