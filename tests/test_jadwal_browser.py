"""Browser: admin_pemda sets a window on the schedule page (from the side navigation) and grants
an exception; the operator sees the closed window on the realisasi page. axe-core on each page."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from jadwal import selectors as jadwal_selectors
from tests.conftest import cek_aksesibilitas
from tests.test_kerangka_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_admin_sets_the_window_and_the_operator_sees_it_closed(live_server, page, pk_manual, monkeypatch):
    monkeypatch.setattr(jadwal_selectors, "hari_ini", lambda: dt.date(2025, 7, 16))
    base = live_server.url
    masuk(page, base, "adminpemda")
    page.goto(f"{base}/unit/bantargebang/realisasi/2025/TW2/")
    page.get_by_role("link", name="Jadwal dan pengecualian").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jadwal 2025")
    cek_aksesibilitas(page)
    page.get_by_label("Realisasi kinerja TW2: dibuka").fill("2025-07-01")
    page.get_by_label("Realisasi kinerja TW2: ditutup").fill("2025-07-15")
    page.get_by_role("button", name="Simpan jadwal").click()
    expect(page.get_by_text("Jadwal 2025 disimpan")).to_be_visible()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Pengecualian entri terlambat").click()
    cek_aksesibilitas(page)
    page.context.clear_cookies()

    masuk(page, base, "operator")
    page.goto(f"{base}/unit/bantargebang/realisasi/2025/TW2/")
    expect(page.get_by_text("Jendela entri realisasi kinerja TW2 2025 ditutup 15 Juli 2025.")).to_be_visible()
    expect(page.get_by_label("Nilai realisasi (Persen (%))")).to_have_count(0)
    cek_aksesibilitas(page)
