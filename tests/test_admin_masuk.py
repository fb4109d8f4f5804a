"""The Django admin has no login form of its own (it would bypass the login throttle, the
history and the second factor): /admin/login/ sends to the application's login page."""

import pytest
from django.test import Client

from akun.models import PercobaanMasuk
from tests.admin_bantu import PASSWORD

pytestmark = pytest.mark.django_db


def test_admin_login_redirects_to_the_throttled_login(dua_pemda):
    c = Client()
    r = c.get("/admin/")
    assert r.status_code == 302 and r.url.startswith("/admin/login/")
    r = c.get(r.url)
    assert r.status_code == 302 and r.url.startswith("/akun/masuk/?next=/admin/")


def test_posting_to_the_admin_login_logs_nobody_in(dua_pemda):
    for _ in range(5):
        Client().post("/akun/masuk/", {"username": "root", "password": "salah"})
    assert PercobaanMasuk.objects.filter(username="root").count() == 5
    c = Client()
    r = c.post("/admin/login/", {"username": "root", "password": PASSWORD, "next": "/admin/"})
    assert r.status_code == 302 and r.url.startswith("/akun/masuk/")
    assert "_auth_user_id" not in c.session
