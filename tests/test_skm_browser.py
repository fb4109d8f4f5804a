"""Browser: a respondent fills the questionnaire on a phone-sized screen."""

import pytest

from tests.conftest import cek_aksesibilitas

pytestmark = [pytest.mark.django_db(transaction=True)]


def test_questionnaire_on_a_phone(live_server, browser, demo):
    from skm.models import Responden

    ctx = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{live_server.url}/s/bantargebang/")
    for i in range(1, 10):
        page.locator(f'input[name="u{i}"][value="{3 if i % 2 else 4}"]').check()
    page.get_by_label("Umur").fill("34")
    page.get_by_label("Saran").fill("Ruang tunggu diperluas")
    page.get_by_role("button", name="Kirim").click()
    page.wait_for_url("**/terima-kasih/")
    assert "Terima kasih" in page.content()
    terima_kasih = page.url
    r = Responden.objects.get()
    assert (r.u1, r.u2, r.umur, r.saran) == (3, 4, 34, "Ruang tunggu diperluas")
    ctx.close()
    # axe-core needs script: the same two pages, at the same size, in a context with JavaScript
    ctx = browser.new_context(viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    for url in (f"{live_server.url}/s/bantargebang/", terima_kasih):
        page.goto(url)
        cek_aksesibilitas(page)
    ctx.close()
