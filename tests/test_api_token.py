"""The API token's life: created on the user's token page (shown once, only its SHA-256 stored,
its prefix visible), used as a Bearer header (last use recorded), revoked after a confirmation
page (it stops working at once), every step audited; an inactive user's token stops too; the token
acts as its user (a viewer's token reads what the viewer reads)."""

import hashlib
import re

import pytest

from api.models import TokenAPI
from audit.models import Jejak
from tests.api_bantu import klien

pytestmark = pytest.mark.django_db
RENSTRA = "/api/v1/instansi/bantargebang/renstra"


def test_create_use_revoke(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    assert c.get("/akun/token-api/").status_code == 200
    r = c.post("/akun/token-api/", {"nama": "Dasbor Bappeda"})
    assert r.status_code == 200
    teks = re.search(r'id="token-baru" readonly value="([^"]+)"', r.content.decode()).group(1)
    obj = TokenAPI.objects.get(user__username="pembaca")
    assert teks.startswith(obj.awalan + "_") and obj.nama == "Dasbor Bappeda"
    assert obj.sidik == hashlib.sha256(teks.encode()).hexdigest() and teks not in obj.sidik
    assert obj.terakhir_dipakai is None and obj.dicabut is None
    # shown once: the list shows the prefix, never the token again
    halaman = c.get("/akun/token-api/").content.decode()
    assert obj.awalan in halaman and teks not in halaman
    assert Jejak.objects.filter(objek="api.TokenAPI", objek_id=str(obj.pk), aksi="buat").exists()

    # the token acts as the viewer: its unit's non-public Renstra
    assert klien(teks).get(RENSTRA).status_code == 200
    obj.refresh_from_db()
    assert obj.terakhir_dipakai is not None

    # revoke: a confirmation page naming it, then the POST
    konfirmasi = c.get(f"/akun/token-api/{obj.pk}/cabut/")
    assert konfirmasi.status_code == 200 and "Dasbor Bappeda" in konfirmasi.content.decode()
    assert klien(teks).get(RENSTRA).status_code == 200  # the GET changed nothing
    r = c.post(f"/akun/token-api/{obj.pk}/cabut/")
    assert r.status_code == 302
    obj.refresh_from_db()
    assert obj.dicabut is not None
    assert Jejak.objects.filter(objek="api.TokenAPI", objek_id=str(obj.pk), aksi="cabut").exists()
    r = klien(teks).get(RENSTRA)
    assert r.status_code == 401 and r.json()["pesan"].startswith("Perlu token API")
    # revoking again is refused with a message, no second audit row
    c.post(f"/akun/token-api/{obj.pk}/cabut/")
    assert Jejak.objects.filter(objek="api.TokenAPI", objek_id=str(obj.pk), aksi="cabut").count() == 1


def test_a_user_cannot_revoke_anothers_token(pengguna_demo, masuk_sebagai):
    from api.services import buat_token

    obj, teks = buat_token(user=pengguna_demo["operator"], nama="integrasi")
    c = masuk_sebagai("pembaca")
    assert c.get(f"/akun/token-api/{obj.pk}/cabut/").status_code == 404
    assert c.post(f"/akun/token-api/{obj.pk}/cabut/").status_code == 404
    obj.refresh_from_db()
    assert obj.dicabut is None and klien(teks).get(RENSTRA).status_code == 200


def test_an_empty_name_is_refused_and_kept_on_the_page(pengguna_demo, masuk_sebagai):
    r = masuk_sebagai("operator").post("/akun/token-api/", {"nama": "  "})
    assert r.status_code == 400
    assert not TokenAPI.objects.exists()


def test_bad_tokens_and_inactive_users(pengguna_demo):
    from api.services import buat_token

    _obj, teks = buat_token(user=pengguna_demo["pembaca"], nama="x")
    for salah in (teks + "x", teks[:-1], "sakip_", "bukan-token", "x" * 500):
        assert klien(salah).get(RENSTRA).status_code == 401, salah
    assert klien(None, HTTP_AUTHORIZATION=f"Token {teks}").get(RENSTRA).status_code == 401
    # a malformed header is refused even on public data (never read as anonymous)
    assert klien("salah").get("/api/v1/pemda").status_code == 401
    u = pengguna_demo["pembaca"]
    u.is_active = False
    u.save()
    assert klien(teks).get(RENSTRA).status_code == 401
