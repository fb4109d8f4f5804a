"""Browser, no login: from the public SKM results to the unit's portal page and the pemda's, an
issued LKIP downloaded, the page switched to English; axe-core on every page reached, no CSP
violation (the charts are inline SVG without inline style)."""

import re

import pytest

from tests.conftest import cek_aksesibilitas
from tests.terbitan_bantu import tanpa_libreoffice

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_citizen_reads_the_portal(live_server, browser, pengguna_demo, monkeypatch):
    from playwright.sync_api import expect

    from laporan.services import terbitkan_lkip
    from organisasi.models import Instansi

    tanpa_libreoffice(monkeypatch)
    ins = Instansi.objects.get(slug="bantargebang")
    t = terbitkan_lkip(user=pengguna_demo["pimpinan"], instansi=ins, tahun=2024, akui_galat=True)
    base = live_server.url
    page = browser.new_page()
    csp = []
    page.on("console", lambda m: csp.append(m.text) if "Content Security Policy" in m.text else None)

    page.goto(f"{base}/publik/bantargebang/skm/2024/")
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Portal kinerja Kecamatan Bantargebang").click()
    page.wait_for_url(re.compile(r".*/publik/kota-bekasi/bantargebang/\?tahun=2024$"))
    expect(page.get_by_role("heading", name="Portal kinerja Kecamatan Bantargebang")).to_be_visible()
    expect(page.get_by_role("cell", name="145,8 %").first).to_be_visible()
    expect(page.get_by_text("Masuk", exact=True)).to_be_visible()  # not logged in, no app shell
    assert page.locator("#navigasi").count() == 0
    cek_aksesibilitas(page)

    with page.expect_download() as unduhan:
        page.get_by_role("link", name="PDF").first.click()
    assert unduhan.value.suggested_filename == "lkip-v1-bantargebang-2024.pdf"
    expect(page.get_by_text(t.sha256[:12])).to_be_visible()

    page.get_by_label("Tahun", exact=True).select_option("2023")
    page.get_by_role("button", name="Tampilkan").click()
    page.wait_for_url(re.compile(r".*\?tahun=2023$"))
    expect(page.get_by_text("Perjanjian Kinerja tahun 2023 belum ditandatangani")).to_be_visible()
    cek_aksesibilitas(page)

    page.get_by_role("link", name="Kota Bekasi").click()
    page.wait_for_url(re.compile(r".*/publik/kota-bekasi/\?tahun=2023$"))
    page.goto(f"{base}/publik/kota-bekasi/?tahun=2024")
    expect(page.get_by_role("link", name="Kecamatan Bantargebang")).to_be_visible()
    cek_aksesibilitas(page)

    page.get_by_label("Bahasa").select_option("en")  # submitted on change (sakip.js)
    page.wait_for_load_state("load")
    expect(page.get_by_role("heading", name="Performance portal of Kota Bekasi")).to_be_visible()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Kecamatan Bantargebang").click()
    expect(page.get_by_role("heading", name="Key Performance Indicators 2024")).to_be_visible()
    cek_aksesibilitas(page)
    assert csp == []
