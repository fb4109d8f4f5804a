"""Failures from one address lock that (address, username) pair, not everyone behind the
address (an office behind one NAT); a generous per-address ceiling still stops spraying."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from akun import throttle
from akun.models import PercobaanMasuk

pytestmark = pytest.mark.django_db
SANDI = "rahasia-yang-panjang"
KANTOR = "203.0.113.7"


@pytest.fixture
def pengguna(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User = get_user_model()
    return [User.objects.create_user(n, password=SANDI) for n in ("budi", "siti", "andi")]


def _klien(ip):
    return Client(REMOTE_ADDR=ip)


def test_twenty_failures_from_one_address_do_not_lock_the_others(pengguna):
    c = _klien(KANTOR)
    for i in range(20):
        c.post(
            "/akun/masuk/",
            {"username": ["budi", "andi", "tidak-ada", "salah-ketik"][i % 4], "password": "salah"},
        )
    assert PercobaanMasuk.objects.filter(ip=KANTOR).count() == 20
    siti = _klien(KANTOR)
    r = siti.post("/akun/masuk/", {"username": "siti", "password": SANDI})
    assert r.status_code == 302 and "_auth_user_id" in siti.session


def test_the_pair_is_locked_but_the_same_user_elsewhere_is_not(pengguna):
    c = _klien(KANTOR)
    for _ in range(5):
        c.post("/akun/masuk/", {"username": "budi", "password": "salah"})
    r = _klien(KANTOR).post("/akun/masuk/", {"username": "budi", "password": SANDI})
    assert "Terlalu banyak percobaan masuk" in r.content.decode()
    rumah = _klien("198.51.100.20")
    r = rumah.post("/akun/masuk/", {"username": "budi", "password": SANDI})
    assert r.status_code == 302 and "_auth_user_id" in rumah.session


def test_the_address_ceiling_stops_spraying(pengguna):
    PercobaanMasuk.objects.bulk_create(
        PercobaanMasuk(username=f"tebakan-{i}", ip=KANTOR) for i in range(throttle.MAKS_GAGAL_ALAMAT)
    )
    c = _klien(KANTOR)
    r = c.post("/akun/masuk/", {"username": "siti", "password": SANDI})
    assert "Terlalu banyak percobaan masuk" in r.content.decode() and "_auth_user_id" not in c.session


def test_the_username_ceiling_stops_guessing_from_many_addresses(pengguna):
    PercobaanMasuk.objects.bulk_create(
        PercobaanMasuk(username="siti", ip=f"192.0.2.{i}") for i in range(throttle.MAKS_GAGAL_PENGGUNA)
    )
    c = _klien(KANTOR)
    r = c.post("/akun/masuk/", {"username": "siti", "password": SANDI})
    assert "Terlalu banyak percobaan masuk" in r.content.decode() and "_auth_user_id" not in c.session


def test_the_client_address_comes_from_the_trusted_proxy(pengguna, settings):
    settings.PROXY_TEPERCAYA = 1
    c = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.99")
    c.post("/akun/masuk/", {"username": "budi", "password": "salah"})
    assert PercobaanMasuk.objects.get().ip == "203.0.113.99"
