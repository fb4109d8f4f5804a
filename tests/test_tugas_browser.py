"""Browser: a document requested from the LKIP page; the job page, polled by htmx under the CSP
(no inline script), shows the download link once the worker has made the file; the user finds
the request again under "Permintaan saya"."""

import re

import pytest

from tests.conftest import cek_aksesibilitas
from tests.tugas_bantu import DB, pekerja_satu_putaran

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_job_page_follows_the_worker_and_offers_the_file(
    live_server, browser, pengguna_demo, settings, tmp_path
):
    from playwright.sync_api import expect

    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    base = live_server.url
    page = browser.new_page()
    pelanggaran = []
    page.on("console", lambda m: pelanggaran.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill("pembaca")
    page.get_by_label("Kata sandi").fill("demo-sakip-2024")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))

    page.goto(f"{base}/unit/bantargebang/lkip/2024/")
    cek_aksesibilitas(page)
    page.get_by_role("button", name="Perjanjian Kinerja (DOCX)").click()
    page.wait_for_url(re.compile(r".*/unit/bantargebang/tugas/[0-9a-f-]+/$"))
    expect(page.locator(".status")).to_have_text("Menunggu giliran")
    cek_aksesibilitas(page)

    # the page polls while the job waits (htmx, every second) ...
    expect(page.locator("#status-tugas")).to_have_attribute("hx-trigger", "every 1s")
    # ... but the worker runs here, in the test's thread, on the same in-memory SQLite database as
    # the live server, whose table locks fail instead of waiting: leave the page while it runs
    halaman = page.url
    page.goto("about:blank")
    pekerja_satu_putaran()
    page.goto(halaman)

    tautan = page.get_by_role("link", name="Unduh perjanjian-kinerja-bantargebang-2024.docx")
    expect(tautan).to_be_visible(timeout=10_000)
    expect(page.locator(".status")).to_have_text("Selesai")
    expect(page.locator("progress")).to_have_attribute("value", "100")
    cek_aksesibilitas(page)
    with page.expect_download() as unduhan:
        tautan.click()
    assert unduhan.value.suggested_filename == "perjanjian-kinerja-bantargebang-2024.docx"
    with open(unduhan.value.path(), "rb") as f:
        assert f.read(2) == b"PK"  # a DOCX (zip)

    # later: the request is found again from the user menu, with its file
    page.goto(f"{base}/")
    page.locator(".menu-pengguna summary").click()
    page.get_by_role("link", name="Permintaan saya").click()
    page.wait_for_url(f"{base}/tugas/")
    expect(page.get_by_role("link", name="Perjanjian Kinerja 2024 (DOCX)")).to_have_attribute(
        "href", halaman.removeprefix(base)
    )
    expect(page.get_by_role("link", name="Unduh perjanjian-kinerja-bantargebang-2024.docx")).to_be_visible()
    cek_aksesibilitas(page)
    assert pelanggaran == []
