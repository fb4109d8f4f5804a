"""While a username is locked out, the variants the login form reads as the same username
(surrounding blanks, a tab, full-width letters, another case) stay locked: the throttle
normalises the username exactly as Django's login form does."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db
SANDI = "rahasia-yang-panjang"
VARIAN = [" pembaca", "pembaca ", "\tpembaca", "pembaca\t", "ｐｅｍｂａｃａ", "PEMBACA", " ｐｅｍｂａｃａ\n"]


@pytest.fixture
def pembaca(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return get_user_model().objects.create_user("pembaca", password=SANDI)


def _kunci(c):
    for _ in range(5):
        c.post("/akun/masuk/", {"username": "pembaca", "password": "salah"})


@pytest.mark.parametrize("varian", VARIAN)
def test_variant_with_the_right_password_stays_locked(pembaca, varian):
    from akun.models import PercobaanMasuk

    c = Client()
    _kunci(c)
    r = c.post("/akun/masuk/", {"username": varian, "password": SANDI})
    assert "Terlalu banyak percobaan masuk" in r.content.decode()
    assert "_auth_user_id" not in c.session
    assert PercobaanMasuk.objects.filter(username="pembaca").count() == 5  # the lock was not cleared
    r = c.post("/akun/masuk/", {"username": "pembaca", "password": SANDI})
    assert "_auth_user_id" not in c.session


@pytest.mark.parametrize("varian", [" pembaca", "\tpembaca", "ｐｅｍｂａｃａ"])
def test_failures_under_variants_count_for_the_username(pembaca, varian):
    c = Client()
    for _ in range(5):
        c.post("/akun/masuk/", {"username": varian, "password": "salah"})
    r = c.post("/akun/masuk/", {"username": "pembaca", "password": SANDI})
    assert "Terlalu banyak percobaan masuk" in r.content.decode()
    assert "_auth_user_id" not in c.session
