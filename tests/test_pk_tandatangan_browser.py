"""Browser: a PK whose PIHAK KEDUA is missing (not chosen, then chosen without a name) cannot be
signed; the operator chooses the signatories, place and date in one form (a wrong date keeps every
typed value); the pimpinan then sees what will be frozen, signs, and opens the document."""

import re

import pytest
from playwright.sync_api import expect

from organisasi.models import Pejabat
from tests.conftest import cek_aksesibilitas

pytestmark = pytest.mark.django_db(transaction=True)


def masuk(page, base, username):
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill("demo-sakip-2024")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))


def test_pk_without_signatory_cannot_be_signed_then_signed_with_chosen_date(live_server, browser, pk_manual):
    base = live_server.url
    url_pk = f"{base}/unit/bantargebang/pk/2025/"

    pim = browser.new_page()
    masuk(pim, base, "pimpinan")
    pim.goto(url_pk)
    cek_aksesibilitas(pim)
    pim.get_by_role("link", name="Tandatangani…").click()
    expect(pim.get_by_role("alert")).to_contain_text("PIHAK KEDUA belum dipilih")
    expect(pim.get_by_role("button", name="Tandatangani dan bekukan")).to_have_count(0)
    cek_aksesibilitas(pim)

    op = browser.new_page()
    masuk(op, base, "operator")
    op.goto(url_pk)
    op.get_by_label("PIHAK KEDUA").select_option(label="(nama belum diisi) — Penjabat Wali Kota Bekasi")
    op.get_by_label("Tempat penandatanganan").fill("Bekasi")
    op.get_by_label("Tanggal penandatanganan").fill("2026-12-01")
    op.get_by_role("button", name="Simpan penanda tangan").click()
    expect(op.locator(".galat-bidang")).to_contain_text("harus pada tahun 2024 atau 2025")
    expect(op.get_by_label("Tempat penandatanganan")).to_have_value("Bekasi")  # typed values kept
    expect(op.get_by_label("PIHAK KEDUA")).to_have_value(str(Pejabat.objects.get(kode="walikota").pk))
    cek_aksesibilitas(op)
    op.get_by_label("Tanggal penandatanganan").fill("2025-01-02")
    op.get_by_role("button", name="Simpan penanda tangan").click()
    expect(op.get_by_text("Penanda tangan, tempat dan tanggal")).to_have_count(2)  # message and legend
    cek_aksesibilitas(op)

    pim.reload()
    expect(pim.get_by_role("alert")).to_contain_text(
        "nama PIHAK KEDUA (Penjabat Wali Kota Bekasi) belum diisi"
    )
    expect(pim.get_by_role("button", name="Tandatangani dan bekukan")).to_have_count(0)

    # the test's own write to the live server's in-memory SQLite fails at once ("table is locked")
    # while a page still reads in the background (the inbox badge): wait until both pages are idle
    op.wait_for_load_state("networkidle")
    pim.wait_for_load_state("networkidle")
    Pejabat.objects.filter(kode="walikota").update(
        nama="TRI ADHIANTO"
    )  # the pemda's admin names the official
    pim.reload()
    ringkas = pim.get_by_role("region", name="Yang akan dibekukan")
    expect(ringkas).to_contain_text("Bekasi, 2 Januari 2025")
    expect(ringkas).to_contain_text("TRI ADHIANTO")
    cek_aksesibilitas(pim)
    pim.get_by_role("button", name="Tandatangani dan bekukan").click()
    expect(pim).to_have_url(url_pk)
    expect(pim.get_by_role("heading", name=re.compile("Ditandatangani, 2 Januari 2025"))).to_be_visible()
    cek_aksesibilitas(pim)
    pim.get_by_role("link", name="Lihat dan unduh dokumen").click()
    expect(pim.locator(".pratinjau-dokumen")).to_contain_text("Bekasi, 2 Januari 2025")
    cek_aksesibilitas(pim)
