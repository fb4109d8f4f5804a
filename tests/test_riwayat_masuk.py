"""Every login attempt is in the login history (who, when, address, success or failure,
browser); a user reads their own, the pemda's admin_pemda those of its pemda's users, nobody
another pemda's."""

import pytest
from django.test import Client

from akun.models import RiwayatMasuk
from tests.admin_bantu import PASSWORD, masuk

pytestmark = pytest.mark.django_db


def test_history_is_recorded_and_shown(dua_pemda):
    c = Client(REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT="Firefox/120 uji")
    c.post("/akun/masuk/", {"username": "op-a", "password": "salah"})
    c.post("/akun/masuk/", {"username": "op-a", "password": PASSWORD})
    rows = list(RiwayatMasuk.objects.filter(user=dua_pemda.op_a).order_by("id"))
    assert [(r.berhasil, r.ip, r.user_agent) for r in rows] == [
        (False, "203.0.113.5", "Firefox/120 uji"),
        (True, "203.0.113.5", "Firefox/120 uji"),
    ]
    html = c.get("/akun/riwayat/").content.decode()
    assert "203.0.113.5" in html and "gagal" in html and "berhasil" in html
    Client(REMOTE_ADDR="198.51.100.9").post("/akun/masuk/", {"username": "eval-b", "password": PASSWORD})
    assert "198.51.100.9" not in c.get("/akun/riwayat/").content.decode()  # only one's own

    own = masuk("admin-a").get("/akun/riwayat/pemda/").content.decode()
    assert "203.0.113.5" in own and "198.51.100.9" not in own
    other = masuk("admin-b").get("/akun/riwayat/pemda/").content.decode()
    assert "198.51.100.9" in other and "203.0.113.5" not in other
    assert masuk("op-a").get("/akun/riwayat/pemda/").status_code == 404
