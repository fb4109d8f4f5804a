"""Every user can change their own password (the old one is asked for; the new one must pass
the validators); the session stays logged in afterwards."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db
LAMA, BARU = "lama-lama-sekali", "Kata-Sandi-Baru-2025"


@pytest.fixture
def c(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_user("budi", password=LAMA)
    c = Client()
    assert c.login(username="budi", password=LAMA)
    return c


def test_own_password_is_changed(c):
    assert 'name="old_password"' in c.get("/akun/sandi/").content.decode()
    r = c.post("/akun/sandi/", {"old_password": LAMA, "new_password1": BARU, "new_password2": BARU})
    assert r.status_code == 302
    assert get_user_model().objects.get(username="budi").check_password(BARU)
    assert c.get("/akun/riwayat/").status_code == 200  # still logged in


def test_wrong_old_password_changes_nothing(c):
    r = c.post("/akun/sandi/", {"old_password": "salah", "new_password1": BARU, "new_password2": BARU})
    assert r.status_code == 200 and 'role="alert"' in r.content.decode()
    assert get_user_model().objects.get(username="budi").check_password(LAMA)


def test_weak_password_is_refused(c):
    r = c.post(
        "/akun/sandi/", {"old_password": LAMA, "new_password1": "12345678", "new_password2": "12345678"}
    )
    assert r.status_code == 200
    assert get_user_model().objects.get(username="budi").check_password(LAMA)


def test_account_pages_have_english(c):
    c.post("/i18n/setlang/", {"language": "en", "next": "/akun/sandi/"})
    assert "Change password" in c.get("/akun/sandi/").content.decode()
    assert "Your login history" in c.get("/akun/riwayat/").content.decode()
    assert "Forgotten password" in c.get("/akun/lupa-sandi/").content.decode()
