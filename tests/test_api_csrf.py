"""The API never reads the session: a browser logged in to the web writes nothing through it
without a token (so no cross-site request can ride on its cookie), and a token works whether or
not a CSRF token is sent."""

import json

import pytest

from pengukuran.models import Realisasi
from tests.api_bantu import token

URL = "/api/v1/instansi/bantargebang/realisasi/2025/TW1"
BODY = json.dumps({"isian": [{"kode": "IKU9", "nilai": 85}]})


@pytest.mark.django_db
def test_a_logged_in_session_cannot_write_through_the_api(pk_manual, masuk_sebagai):
    c = masuk_sebagai("operator", enforce_csrf_checks=True)
    r = c.put(URL, data=BODY, content_type="application/json")
    assert r.status_code == 401
    assert r.json()["pesan"].startswith("Perlu token API")
    # nor without CSRF checks: the session is simply not an API credential
    r = masuk_sebagai("operator").put(URL, data=BODY, content_type="application/json")
    assert r.status_code == 401
    assert not Realisasi.objects.filter(indikator=pk_manual, tahun=2025).exists()
    # reads as the session user are anonymous too: the non-public Renstra is refused
    assert c.get("/api/v1/instansi/bantargebang/renstra").status_code == 401


@pytest.mark.django_db
def test_a_token_writes_without_csrf(pk_manual, masuk_sebagai):
    c = masuk_sebagai("pembaca", enforce_csrf_checks=True)  # a session of another user is ignored
    r = c.put(
        URL, data=BODY, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token('operator')}"
    )
    assert r.status_code == 200, r.content
    assert Realisasi.objects.get(indikator=pk_manual, tahun=2025, periode="TW1").nilai == 85
