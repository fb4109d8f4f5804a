"""Session rules after login: idle timeout, absolute session age, the second factor (TOTP) when
the user's pemda requires it, and the forced password change of accounts an admin created.

Settings: ``SAKIP_SESI_DIAM`` (seconds without a request before logout, default 30 min) and
``SAKIP_SESI_MAKS`` (seconds after login before logout whatever happens, also the cookie's age).
The state lives in the session: login time, last activity (written at most once a minute, so a
page view does not write the session every time), the forced-change flag and whether a second
factor is required (re-checked each minute, so a pemda turning it on applies within a minute).
"""

from __future__ import annotations

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import izin
from .models import Profil

MULAI, AKTIF, GANTI, OTP = "akun_mulai", "akun_aktif", "akun_harus_ganti_sandi", "akun_wajib_otp"
SEGARKAN = 60  # seconds between writes of the last-activity time


def mulai(request, user) -> None:
    """At login (the ``user_logged_in`` signal): start the clocks, note what the user must do."""
    now = int(time.time())
    request.session[MULAI] = now
    request.session[AKTIF] = now
    request.session[GANTI] = Profil.objects.filter(user=user, harus_ganti_sandi=True).exists()
    request.session[OTP] = izin.wajib_otp(user)


def sandi_diganti(request, user) -> None:
    """The user chose their own password: no forced change any more."""
    Profil.objects.filter(user=user, harus_ganti_sandi=True).update(harus_ganti_sandi=False)
    if getattr(request, "user", None) is not None and request.user == user:
        request.session[GANTI] = False


def _bebas(path: str, *names: str) -> bool:
    return path.startswith("/" + settings.STATIC_URL.lstrip("/")) or any(path == reverse(n) for n in names)


class SesiAman:
    """Middleware (after authentication, django_otp's OTPMiddleware and messages)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            hasil = self._cek(request, user)
            if hasil is not None:
                return hasil
        return self.get_response(request)

    def _cek(self, request, user):
        s = request.session
        now = int(time.time())
        if MULAI not in s:  # a session from before these rules: start it now
            mulai(request, user)
        if now - s[AKTIF] > settings.SAKIP_SESI_DIAM or now - s[MULAI] > settings.SAKIP_SESI_MAKS:
            logout(request)
            messages.info(request, _("Sesi Anda berakhir. Silakan masuk lagi."))
            return redirect_to_login(request.get_full_path())
        if now - s[AKTIF] >= SEGARKAN:
            s[AKTIF] = now
            s[OTP] = izin.wajib_otp(user)
        path = request.path_info
        if s.get(OTP) and not user.is_verified():
            if _bebas(path, "akun:otp", "akun:otp_daftar", "akun:keluar", "set_language"):
                return None
            return redirect_to_login(request.get_full_path(), reverse("akun:otp"))
        if s.get(GANTI):
            if _bebas(path, "akun:ganti_sandi", "akun:keluar", "set_language"):
                return None
            messages.info(request, _("Akun Anda dibuat oleh admin: pilih kata sandi Anda sendiri dulu."))
            return redirect("akun:ganti_sandi")
        return None
