"""Helpers of the API tests: a token per demo user, requests with it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client

from api.services import buat_token

PERAN = ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")


def token(username: str, nama: str = "uji") -> str:
    """A new API token of the user ``username`` (the token text)."""
    return buat_token(user=get_user_model().objects.get(username=username), nama=nama)[1]


def klien(teks: str | None = None, **kwargs) -> Client:
    """A test client sending ``Authorization: Bearer <teks>`` on every request (none: anonymous)."""
    if teks is not None:
        kwargs["HTTP_AUTHORIZATION"] = f"Bearer {teks}"
    return Client(**kwargs)


def operator_lain(username: str = "op-rawalumbu"):
    """An operator of another kecamatan of the same pemda (the matrix's "other")."""
    from akun.models import Peran
    from organisasi.models import Instansi
    from tests.factories import InstansiFactory

    pemda = Instansi.objects.get(slug="bantargebang").pemda
    unit = InstansiFactory(slug="rawalumbu", nama="Kecamatan Rawalumbu", pemda=pemda)
    user = get_user_model().objects.create_user(username, password="demo-sakip-2024")
    Peran.objects.create(user=user, jenis="operator", instansi=unit)
    return user
