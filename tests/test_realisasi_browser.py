"""Browser: TW4 realisasi with evidence, returned by the pimpinan, fixed, approved; dashboard updated."""

import os
import re
from pathlib import Path

import pytest

from tests.conftest import cek_aksesibilitas

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def masuk(page, base, username):
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill("demo-sakip-2024")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))


def test_tw4_workflow_in_the_browser(live_server, browser, pk_manual, tmp_path):
    base = live_server.url
    url = f"{base}/unit/bantargebang/realisasi/2025/TW4/"
    bukti = tmp_path / "register.pdf"
    bukti.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

    op = browser.new_page()
    masuk(op, base, "operator")
    op.goto(url)
    cek_aksesibilitas(op)
    card = op.get_by_role("region", name="Persentase Layanan Selesai Tepat Waktu")
    card.get_by_label("Nilai realisasi").fill("76,5")
    from playwright.sync_api import expect

    expect(card.locator("output")).to_contain_text("95,6 %")  # htmx preview from the rules engine
    card.get_by_label("Mengapa (penyebab)").fill("Antrean menumpuk pada bulan Desember")
    card.get_by_label("Bukti (PDF, JPG, PNG, XLSX; maks. 10 MB)").set_input_files(str(bukti))
    if os.environ.get("SAKIP_SCREENSHOTS"):
        op.set_viewport_size({"width": 1280, "height": 1000})
        op.screenshot(path=str(SHOTS / "realisasi-entri.png"), full_page=True)
    op.get_by_role("button", name="Simpan semua").click()
    expect(op.get_by_text("Disimpan: realisasi TW4")).to_be_visible()
    expect(op.get_by_role("link", name="register.pdf")).to_be_visible()
    cek_aksesibilitas(op)
    op.get_by_role("button", name="Ajukan untuk verifikasi").click()
    expect(op.locator(".status")).to_have_text("Diajukan")

    pim = browser.new_page()
    masuk(pim, base, "pimpinan")
    pim.goto(url)
    cek_aksesibilitas(pim)
    pim.get_by_label("Komentar (wajib bila dikembalikan)").fill("Nilai belum sesuai register")
    pim.get_by_role("button", name="Kembalikan").click()
    expect(pim.locator(".status")).to_have_text("Dikembalikan")

    op.goto(url)
    expect(op.locator(".komentar")).to_have_text("Nilai belum sesuai register")
    card = op.get_by_role("region", name="Persentase Layanan Selesai Tepat Waktu")
    card.get_by_label("Nilai realisasi").fill("84")
    op.get_by_role("button", name="Simpan semua").click()
    op.get_by_role("button", name="Ajukan untuk verifikasi").click()
    expect(op.locator(".status")).to_have_text("Diajukan")

    pim.goto(url)
    pim.get_by_role("button", name="Verifikasi").click()
    expect(pim.locator(".status")).to_have_text("Diverifikasi")

    pim.goto(f"{base}/unit/bantargebang/?tahun=2025")
    expect(pim.get_by_role("region", name="Persentase Layanan Selesai Tepat Waktu")).to_contain_text(
        "105,0 %"
    )
    cek_aksesibilitas(pim)
