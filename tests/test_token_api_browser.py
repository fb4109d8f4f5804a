"""Browser: a user opens "Token API" from the account menu, creates a token (shown once), uses it
against the API, then revokes it after the confirmation page; the token stops working. Also the
API's docs page (Swagger UI from local static files) renders under the CSP with no violation.
axe-core and the language check on every page of the app reached."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from api.models import TokenAPI
from tests.conftest import cek_aksesibilitas, cek_bahasa
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)
RENSTRA = "/api/v1/instansi/bantargebang/renstra"


def test_create_and_revoke_a_token_in_the_browser(live_server, browser, pengguna_demo):
    base = live_server.url
    page = browser.new_page()
    masuk(page, base, "operator")
    page.locator("summary", has_text="operator").click()
    page.get_by_role("link", name="Token API").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Token API")
    cek_aksesibilitas(page)
    cek_bahasa(page)
    page.get_by_label("Nama token").fill("Dasbor Bappeda")
    page.get_by_role("button", name="Buat token").click()
    expect(page.get_by_text("Token hanya ditampilkan sekali ini")).to_be_visible()
    teks = page.get_by_label("Token", exact=True).input_value()
    assert teks.startswith("sakip_")
    cek_aksesibilitas(page)
    cek_bahasa(page)
    assert Client(HTTP_AUTHORIZATION=f"Bearer {teks}").get(RENSTRA).status_code == 200

    page.goto(f"{base}/akun/token-api/")
    assert teks not in page.content()  # shown once
    page.get_by_role("link", name="Cabut Dasbor Bappeda").click()
    expect(page.get_by_text(re.compile("akan dicabut"))).to_be_visible()
    cek_aksesibilitas(page)
    cek_bahasa(page)
    page.get_by_role("button", name="Ya, cabut token").click()
    expect(page.get_by_text("Token Dasbor Bappeda dicabut dan tidak dapat dipakai lagi.")).to_be_visible()
    cek_aksesibilitas(page)
    assert TokenAPI.objects.get(nama="Dasbor Bappeda").dicabut is not None
    assert Client(HTTP_AUTHORIZATION=f"Bearer {teks}").get(RENSTRA).status_code == 401


def test_the_docs_page_renders_under_the_csp(live_server, browser, db):
    page = browser.new_page()
    pelanggaran, luar = [], []
    page.on("console", lambda m: pelanggaran.append(m.text) if "Content Security Policy" in m.text else None)
    page.on(
        "request", lambda r: luar.append(r.url) if not r.url.startswith((live_server.url, "data:")) else None
    )
    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.get_by_text("/api/v1/instansi/{slug}/capaian/{tahun}").first).to_be_visible()
    assert pelanggaran == [] and luar == [], (pelanggaran, luar)
