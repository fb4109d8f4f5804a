"""Browser: the Inspektorat's evaluator opens "Reviu berkas LKIP" from the side navigation, uploads
an LKIP file made elsewhere (the seed report), and the findings page, polled by htmx while the
worker reads the file, shows the findings in Indonesian and offers the printable sheet."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import cek_aksesibilitas
from tests.tugas_bantu import DB, pekerja_satu_putaran

pytestmark = pytest.mark.django_db(transaction=True)
SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / "000_8f6a8a44a28734a9.txt"


@pytest.mark.skipif(not SEED.is_file(), reason=f"the seed report is not at {SEED}")
def test_evaluator_uploads_an_lkip_and_reads_the_findings(
    live_server, browser, pengguna_demo, settings, tmp_path
):
    from playwright.sync_api import expect

    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    base = live_server.url
    page = browser.new_page()
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill("evaluator")
    page.get_by_label("Kata sandi").fill("demo-sakip-2024")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))
    page.goto(f"{base}/unit/bantargebang/")
    page.get_by_role("link", name="Reviu berkas LKIP").click()
    page.wait_for_url(re.compile(r".*/unit/bantargebang/reviu-berkas/$"))
    cek_aksesibilitas(page)

    page.get_by_label("Berkas LKIP").set_input_files(str(SEED))
    page.get_by_role("button", name="Unggah dan periksa").click()
    page.wait_for_url(re.compile(r".*/unit/bantargebang/reviu-berkas/\d+/$"))
    expect(page.get_by_text("sedang dibaca dan diperiksa")).to_be_visible()
    cek_aksesibilitas(page)

    # the page polls (htmx) until the worker is done; the worker runs here, in the test's thread, on
    # the same in-memory SQLite database as the live server, which has table locks instead of
    # waiting: leave the page while it runs, come back to the page as it is then
    halaman = page.url
    page.goto("about:blank")
    pekerja_satu_putaran()
    page.goto(halaman)

    expect(page.get_by_role("cell", name="Tabel 3.21 dipakai 2 kali")).to_be_visible()
    expect(page.get_by_role("link", name="Unduh lembar reviu untuk Inspektorat (DOCX)")).to_be_visible()
    cek_aksesibilitas(page)
    with page.expect_download() as unduhan:
        page.get_by_role("link", name="Unduh lembar reviu untuk Inspektorat (DOCX)").click()
    assert unduhan.value.suggested_filename.startswith("lembar-reviu-berkas-bantargebang-")
