"""Browser: the pimpinan follows the side navigation from the unit dashboard to the Renja page
(the year's targets and pagu of the demo) and on to the Rencana Aksi page (the demo's plan with
its action steps), and asks for the Renja document. axe-core and the language check on every
page reached."""

import pytest
from playwright.sync_api import expect

from tests.conftest import cek_aksesibilitas, cek_bahasa
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_pimpinan_reaches_renja_and_rencana_aksi(live_server, browser, pengguna_demo):
    page = browser.new_page()
    masuk(page, live_server.url, "pimpinan")
    page.goto(f"{live_server.url}/unit/bantargebang/?tahun=2024")
    nav = page.get_by_role("navigation", name="Navigasi siklus SAKIP")
    nav.get_by_role("link", name="Renja (Rencana Kerja)").click()
    expect(page).to_have_url(f"{live_server.url}/unit/bantargebang/renja/2024/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Rencana Kerja (Renja)")
    expect(page.get_by_role("cell", name="Rp 23.459.734.760")).to_be_visible()
    expect(page.get_by_role("cell", name="IKU3 Persentase Wilayah yang Tertib")).to_be_visible()
    cek_aksesibilitas(page)
    cek_bahasa(page)

    page.get_by_role("button", name="Renja (DOCX)").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert "/unit/bantargebang/tugas/" in page.url
    cek_aksesibilitas(page)

    page.goto(f"{live_server.url}/unit/bantargebang/renja/2024/")
    page.get_by_role("navigation", name="Navigasi siklus SAKIP").get_by_role(
        "link", name="Rencana Aksi", exact=True
    ).click()
    expect(page).to_have_url(f"{live_server.url}/unit/bantargebang/rencana-aksi/2024/")
    expect(page.get_by_text("Sinergitas dengan Kepolisian Negara Republik Indonesia").first).to_be_visible()
    cek_aksesibilitas(page)
    cek_bahasa(page)
