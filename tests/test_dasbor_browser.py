"""Browser: log in as the operator and see the unit dashboard (Debian chromium via Playwright)."""

import os
import re
from pathlib import Path

import pytest

from tests.conftest import cek_aksesibilitas

pytestmark = pytest.mark.django_db(transaction=True)


def test_operator_logs_in_and_sees_the_dashboard(live_server, page, pengguna_demo):
    page.goto(f"{live_server.url}/unit/bantargebang/")
    assert "/akun/masuk/" in page.url
    cek_aksesibilitas(page)
    page.get_by_label("Nama pengguna").fill("operator")
    page.get_by_label("Kata sandi").fill("demo-sakip-2024")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/unit/bantargebang/$"))
    card = page.get_by_role("region", name="Indeks Kepuasan Masyarakat Terhadap Layanan Publik")
    assert "97,8 %" in card.inner_text()
    cek_aksesibilitas(page)
    shots = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
    if os.environ.get("SAKIP_SCREENSHOTS"):
        page.set_viewport_size({"width": 1280, "height": 1100})
        page.screenshot(path=str(shots / "dasbor-unit.png"), full_page=True)
