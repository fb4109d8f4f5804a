"""Login throttling: after MAKS_GAGAL failures for a username (or from an IP) within
JENDELA, further attempts are refused until the window passes."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from .models import PercobaanMasuk

MAKS_GAGAL = 5
JENDELA = dt.timedelta(minutes=15)


def _ip(request):
    return request.META.get("REMOTE_ADDR")


def terkunci(request, username: str) -> bool:
    sejak = timezone.now() - JENDELA
    q = Q(username=username.lower())
    ip = _ip(request)
    gagal_user = PercobaanMasuk.objects.filter(q, waktu__gte=sejak).count()
    gagal_ip = PercobaanMasuk.objects.filter(ip=ip, waktu__gte=sejak).count() if ip else 0
    return gagal_user >= MAKS_GAGAL or gagal_ip >= MAKS_GAGAL * 4


def catat_gagal(request, username: str) -> None:
    PercobaanMasuk.objects.create(username=username.lower(), ip=_ip(request))


def bersihkan(username: str) -> None:
    PercobaanMasuk.objects.filter(username=username.lower()).delete()
