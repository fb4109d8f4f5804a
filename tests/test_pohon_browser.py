"""Browser: a reader opens the unit's pohon kinerja from the side navigation, collapses a node
(its children hidden), closes and opens every node, zooms, and downloads the SVG; axe-core on
the page."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import cek_aksesibilitas
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_reader_opens_collapses_and_downloads_the_tree(live_server, browser, pengguna_demo):
    page = browser.new_page(accept_downloads=True)
    masuk(page, live_server.url, "pembaca")
    page.goto(f"{live_server.url}/unit/bantargebang/")
    page.get_by_role("navigation", name="Navigasi siklus SAKIP").get_by_role(
        "link", name="Pohon kinerja"
    ).click()
    page.wait_for_url(re.compile(r".*/unit/bantargebang/pohon/\d{4}/$"))
    page.goto(f"{live_server.url}/unit/bantargebang/pohon/2024/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pohon kinerja Kecamatan Bantargebang 2024")
    cek_aksesibilitas(page)
    sasaran = page.locator("li.pohon-sasaran").first
    program = sasaran.locator("li.pohon-program").first
    expect(program).to_be_visible()
    expect(sasaran.locator(".capaian").first).to_have_text("97,8 %")
    # collapse the sasaran by its summary: its programmes are hidden
    sasaran.locator(":scope > details > summary").click()
    expect(program).to_be_hidden()
    sasaran.locator(":scope > details > summary").click()
    expect(program).to_be_visible()
    page.get_by_role("button", name="Tutup semua").click()
    expect(program).to_be_hidden()
    page.get_by_role("button", name="Buka semua").click()
    expect(program).to_be_visible()
    page.get_by_role("button", name="Perbesar").click()
    expect(page.locator("#pohon-skala")).to_have_text("110 %")
    cek_aksesibilitas(page)
    with page.expect_download() as unduh:
        page.get_by_role("link", name="Unduh SVG").click()
    d = unduh.value
    assert d.suggested_filename == "pohon-kinerja-bantargebang-2024.svg"
    assert "<svg" in open(d.path(), encoding="utf-8").read()


def test_pemda_admin_opens_a_unit_and_its_subtree_loads(live_server, browser, pengguna_demo):
    """The pemda tree shows the units closed with their summaries; opening one fetches its subtree
    (htmx), which then holds the unit's sasaran with their capaian."""
    page = browser.new_page()
    masuk(page, live_server.url, "adminpemda")
    page.goto(f"{live_server.url}/pemda/kota-bekasi/pohon/2024/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Pohon kinerja")
    unit = page.locator('li[data-unit="bantargebang"]').first
    expect(unit.locator("summary")).to_contain_text("Kecamatan Bantargebang")
    expect(unit.locator("summary")).to_contain_text("simpul tercatat")
    expect(unit.locator("li.pohon-sasaran")).to_have_count(0)  # not loaded before it is opened
    cek_aksesibilitas(page)
    unit.locator(":scope > details > summary").click()
    sasaran = unit.locator("li.pohon-sasaran").first
    expect(sasaran).to_be_visible()
    expect(sasaran.locator(".capaian").first).to_have_text("97,8 %")
    expect(unit.get_by_role("link", name="Buka pohon unit ini")).to_have_attribute(
        "href", "/unit/bantargebang/pohon/2024/"
    )
    cek_aksesibilitas(page)
