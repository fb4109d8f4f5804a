"""Browser: the pemda's admin asks for the pemda tree's PDF from the pemda tree page; the pemda's
job page (/pemda/<kode>/tugas/<id>/) waits, then offers the file once the worker has made it.
axe-core on every page reached."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import cek_aksesibilitas
from tests.test_realisasi_browser import masuk
from tests.tugas_bantu import DB, pekerja_satu_putaran

pytestmark = pytest.mark.django_db(transaction=True)


def test_pemda_admin_gets_the_pemda_tree_pdf(live_server, browser, pengguna_demo, settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    page = browser.new_page()
    masuk(page, live_server.url, "adminpemda")
    page.goto(f"{live_server.url}/pemda/kota-bekasi/pohon/2024/")
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Buat PDF (A3 lanskap)").click()
    page.wait_for_url(re.compile(r".*/pemda/kota-bekasi/tugas/[0-9a-f-]+/$"))
    expect(page.locator(".status")).to_have_text("Menunggu giliran")
    expect(page.get_by_role("link", name=re.compile("Kota Bekasi"))).to_have_attribute(
        "href", "/pemda/kota-bekasi/"
    )
    cek_aksesibilitas(page)
    halaman = page.url
    page.goto("about:blank")  # the worker runs in the test's thread (see test_tugas_browser)
    pekerja_satu_putaran()
    page.goto(halaman)
    tautan = page.get_by_role("link", name="Unduh pohon-kinerja-kota-bekasi-2024.pdf")
    expect(tautan).to_be_visible(timeout=10_000)
    expect(page.locator(".status")).to_have_text("Selesai")
    cek_aksesibilitas(page)
    with page.expect_download() as unduhan:
        tautan.click()
    with open(unduhan.value.path(), "rb") as f:
        assert f.read(5) == b"%PDF-"
