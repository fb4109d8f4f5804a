"""Helpers for the tests of what admin_pemda may do in the Django admin (fixture ``dua_pemda``
in conftest.py)."""

from django.test import Client

PASSWORD = "sandi-uji-yang-panjang-1"


def masuk(username):
    c = Client()
    assert c.login(username=username, password=PASSWORD)
    return c
