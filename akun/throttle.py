"""Login throttling.

Failures are counted per (client address, username) pair: after ``MAKS_GAGAL`` failures within
``JENDELA`` that pair is refused until the window passes, so many people behind one office
address are not locked out by one of them. Two generous ceilings remain: ``MAKS_GAGAL_ALAMAT``
failures from one address for any usernames (password spraying) and ``MAKS_GAGAL_PENGGUNA`` for
one username from any addresses (guessing spread over many addresses).

The username is reduced to the key the login form itself would look up (``kunci``), so
``" pembaca"``, ``"pembaca\\t"`` or full-width ``"ｐｅｍｂａｃａ"`` count as ``pembaca``.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import unicodedata

from django.contrib.auth.forms import UsernameField
from django.utils import timezone

from dasar.klien import alamat_klien

from .models import PercobaanMasuk

MAKS_GAGAL = 5
MAKS_GAGAL_ALAMAT = 100
MAKS_GAGAL_PENGGUNA = 50
JENDELA = dt.timedelta(minutes=15)
_PANJANG = PercobaanMasuk._meta.get_field("username").max_length


def alamat(request) -> str | None:
    """The client address (through the trusted proxy setting); None when it is no IP address."""
    teks = alamat_klien(request)
    try:
        return str(ipaddress.ip_address(teks))
    except ValueError:
        return None


def tanpa_kendali(teks: str) -> str:
    """``teks`` without control characters (NUL never reaches the database)."""
    return "".join(ch for ch in teks if unicodedata.category(ch) != "Cc")


def nama_masuk(username) -> str:
    """The username exactly as Django's login form reads it (UsernameField: strip, NFKC), then
    without control characters (a username with them cannot log in anyway)."""
    teks = UsernameField().to_python(username if isinstance(username, str) else "") or ""
    return tanpa_kendali(teks).strip()[:_PANJANG]


def kunci(username) -> str:
    """The throttle key of a username: as login reads it, case-folded."""
    return nama_masuk(username).lower()


def terkunci(request, username: str) -> bool:
    sejak = timezone.now() - JENDELA
    nama, ip = kunci(username), alamat(request)
    baru = PercobaanMasuk.objects.filter(waktu__gte=sejak)
    if baru.filter(username=nama).count() >= MAKS_GAGAL_PENGGUNA:
        return True
    if ip is None:
        return baru.filter(username=nama, ip__isnull=True).count() >= MAKS_GAGAL
    if baru.filter(username=nama, ip=ip).count() >= MAKS_GAGAL:
        return True
    return baru.filter(ip=ip).count() >= MAKS_GAGAL_ALAMAT


def catat_gagal(request, username: str) -> None:
    PercobaanMasuk.objects.create(username=kunci(username), ip=alamat(request))


def bersihkan(username: str) -> None:
    PercobaanMasuk.objects.filter(username=kunci(username)).delete()
