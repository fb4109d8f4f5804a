"""Browser: the performance quarter is verified, and the budget realisasi of that quarter can still
be entered and goes through its own workflow; at year end the pimpinan locks the year after its
summary. axe-core on every page reached."""

import re

import pytest
from playwright.sync_api import expect

from anggaran.models import BarisAnggaran, RealisasiAnggaran
from pengukuran.models import PengajuanRealisasi
from tests.conftest import cek_aksesibilitas
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_budget_entry_after_the_performance_quarter_is_verified(live_server, browser, pengguna_demo):
    base = live_server.url
    kinerja = f"{base}/unit/bantargebang/realisasi/2024/TW1/"
    anggaran = f"{base}/unit/bantargebang/anggaran/2024/realisasi/TW1/"
    b = BarisAnggaran.objects.get(sub_kegiatan__kode="7.01.01.2.01.0006")

    op = browser.new_page()
    masuk(op, base, "operator")
    op.goto(kinerja)
    cek_aksesibilitas(op)
    op.get_by_role("button", name="Ajukan untuk verifikasi").click()
    expect(op.locator(".status")).to_have_text("Diajukan")

    pim = browser.new_page()
    masuk(pim, base, "pimpinan")
    pim.goto(kinerja)
    pim.get_by_role("button", name="Verifikasi").click()
    expect(pim.locator(".status")).to_have_text("Diverifikasi")
    cek_aksesibilitas(pim)

    # the budget page of the same quarter still has its inputs
    op.goto(anggaran)
    expect(op.locator(".status")).to_have_text("Draf")
    cek_aksesibilitas(op)
    op.get_by_label(re.compile(b.sub_kegiatan.nama)).fill("1.250.000")
    op.get_by_role("button", name="Simpan").click()
    expect(op.get_by_text("Realisasi anggaran TW1 disimpan (1 baris berubah).")).to_be_visible()
    op.get_by_role("button", name="Ajukan realisasi anggaran untuk verifikasi").click()
    expect(op.locator(".status")).to_have_text("Diajukan")
    cek_aksesibilitas(op)
    assert RealisasiAnggaran.objects.get(baris=b, periode="TW1").nilai == 1250000

    pim.goto(anggaran)
    pim.get_by_role("button", name="Verifikasi").click()
    expect(pim.locator(".status")).to_have_text("Diverifikasi")
    pim.get_by_role("link", name=re.compile("Kunci tahun")).click()
    expect(pim.get_by_role("heading", level=1)).to_contain_text("Kunci tahun 2024")
    expect(pim.get_by_text("6 triwulan belum diverifikasi")).to_be_visible()
    cek_aksesibilitas(pim)
    pim.get_by_label(re.compile("Saya sudah membaca ringkasan ini")).check()
    pim.get_by_role("button", name="Kunci tahun 2024").click()
    expect(pim.get_by_text("Tahun 2024 dikunci (8 triwulan-alur).")).to_be_visible()
    cek_aksesibilitas(pim)
    assert set(PengajuanRealisasi.objects.filter(tahun=2024).values_list("status", flat=True)) == {"terkunci"}
