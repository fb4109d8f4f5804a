"""Browser: the pimpinan issues the LKIP from its page (confirmation, job page polled by htmx under
the CSP), and the LKIP page then lists version 1 with its hashes; axe-core on each page."""

import re

import pytest

from tests.conftest import cek_aksesibilitas
from tests.terbitan_bantu import tanpa_libreoffice
from tests.tugas_bantu import DB, pekerja_satu_putaran

pytestmark = pytest.mark.django_db(transaction=True)


def test_pimpinan_issues_the_lkip_in_the_browser(live_server, browser, pengguna_demo, settings, monkeypatch):
    from playwright.sync_api import expect

    from laporan.models import TerbitanLKIP

    settings.TASKS = DB
    tanpa_libreoffice(monkeypatch)
    base = live_server.url
    page = browser.new_page()
    pelanggaran = []
    page.on("console", lambda m: pelanggaran.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill("pimpinan")
    page.get_by_label("Kata sandi").fill("demo-sakip-2024")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))

    page.goto(f"{base}/unit/bantargebang/lkip/2024/")
    page.get_by_role("link", name="Terbitkan LKIP").click()
    page.wait_for_url(re.compile(r".*/lkip/2024/terbitkan/$"))
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Terbitkan", exact=True).click()
    page.wait_for_url(re.compile(r".*/unit/bantargebang/tugas/[0-9a-f-]+/$"))
    pekerja_satu_putaran()
    expect(page.locator(".status")).to_have_text("Selesai", timeout=10_000)
    cek_aksesibilitas(page)

    t = TerbitanLKIP.objects.get()
    page.goto(f"{base}/unit/bantargebang/lkip/2024/")
    expect(page.get_by_text(t.sha256)).to_be_visible()
    cek_aksesibilitas(page)
    assert pelanggaran == []
