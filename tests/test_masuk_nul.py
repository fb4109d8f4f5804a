"""A NUL byte or other control characters in the login form (username, password, browser name)
give the normal error page, never a 500, and never reach the database (PostgreSQL refuses NUL)."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from akun.models import PercobaanMasuk, RiwayatMasuk

pytestmark = pytest.mark.django_db


@pytest.fixture
def budi(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return get_user_model().objects.create_user("budi", password="rahasia-yang-panjang")


@pytest.mark.parametrize(
    "username,password",
    [("budi\x00", "rahasia-yang-panjang"), ("\x00", "x"), ("budi", "rahasia\x00"), ("bu\x0bdi\x1f", "x")],
)
def test_control_characters_give_the_normal_error_page(budi, username, password):
    c = Client(HTTP_USER_AGENT="Mozilla\x00/5.0\x07")
    r = c.post("/akun/masuk/", {"username": username, "password": password})
    assert r.status_code == 200
    assert "Nama pengguna atau kata sandi salah" in r.content.decode()
    assert "_auth_user_id" not in c.session
    for teks in PercobaanMasuk.objects.values_list("username", flat=True):
        assert "\x00" not in teks
    for nama, agen in RiwayatMasuk.objects.values_list("username", "user_agent"):
        assert "\x00" not in nama and "\x00" not in agen and "\x07" not in agen
    assert RiwayatMasuk.objects.filter(berhasil=False).count() == 1
