"""A session idle longer than SAKIP_SESI_DIAM (default 30 minutes) is logged out, and so is one
older than SAKIP_SESI_MAKS since login, whatever its activity."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client

from akun import sesi

pytestmark = pytest.mark.django_db


@pytest.fixture
def c(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    get_user_model().objects.create_user("budi", password="rahasia-yang-panjang")
    c = Client()
    assert c.login(username="budi", password="rahasia-yang-panjang")
    return c


def _geser(c, kunci, detik):
    s = c.session
    s[kunci] -= detik
    s.save()


def test_default_idle_timeout_is_30_minutes():
    assert django_settings.SAKIP_SESI_DIAM == 30 * 60


def test_idle_session_is_logged_out(c, settings):
    assert c.get("/akun/riwayat/").status_code == 200
    _geser(c, sesi.AKTIF, settings.SAKIP_SESI_DIAM + 1)
    r = c.get("/akun/riwayat/")
    assert r.status_code == 302 and r.url.startswith("/akun/masuk/")
    assert "_auth_user_id" not in c.session
    assert c.get("/akun/riwayat/").status_code == 302


def test_activity_keeps_the_session(c, settings):
    _geser(c, sesi.AKTIF, settings.SAKIP_SESI_DIAM - 120)
    assert c.get("/akun/riwayat/").status_code == 200
    _geser(c, sesi.AKTIF, settings.SAKIP_SESI_DIAM - 120)  # measured from the last request
    assert c.get("/akun/riwayat/").status_code == 200


def test_absolute_age_logs_out_an_active_session(c, settings):
    _geser(c, sesi.MULAI, settings.SAKIP_SESI_MAKS + 1)
    r = c.get("/akun/riwayat/")
    assert r.status_code == 302 and "_auth_user_id" not in c.session
    assert django_settings.SESSION_COOKIE_AGE == django_settings.SAKIP_SESI_MAKS
