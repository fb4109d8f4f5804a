"""Login: argon2 hashes, lockout after repeated failures, CSRF on the form."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return get_user_model().objects.create_user("budi", password="rahasia-yang-panjang")


def test_passwords_are_hashed_with_argon2(settings):
    from sakip.settings_test import PRODUCTION_PASSWORD_HASHERS

    settings.PASSWORD_HASHERS = PRODUCTION_PASSWORD_HASHERS  # the test settings hash with MD5 first
    user = get_user_model().objects.create_user("budi", password="rahasia-yang-panjang")
    assert user.password.startswith("argon2")
    assert user.check_password("rahasia-yang-panjang")


def test_lockout_after_five_failures(user):
    c = Client()
    for _ in range(5):
        r = c.post("/akun/masuk/", {"username": "budi", "password": "salah"})
        assert "Nama pengguna atau kata sandi salah" in r.content.decode()
    r = c.post("/akun/masuk/", {"username": "budi", "password": "rahasia-yang-panjang"})
    assert "Terlalu banyak percobaan masuk" in r.content.decode()
    assert "_auth_user_id" not in c.session


def test_success_resets_the_counter(user):
    c = Client()
    for _ in range(3):
        c.post("/akun/masuk/", {"username": "budi", "password": "salah"})
    r = c.post("/akun/masuk/", {"username": "budi", "password": "rahasia-yang-panjang"})
    assert r.status_code == 302 and "_auth_user_id" in c.session


def test_login_form_requires_csrf(user):
    c = Client(enforce_csrf_checks=True)
    r = c.post("/akun/masuk/", {"username": "budi", "password": "rahasia-yang-panjang"})
    assert r.status_code == 403
