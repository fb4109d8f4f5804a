"""Browser: the LKIP texts are ONE form: saving "Kata Pengantar" keeps "Latar Belakang" (both are
saved by the one Simpan); a text refused as too long keeps every typed text; a draft typed but
not saved is offered back on reload; an edit conflict shows both versions and keeps the loser's
text. axe-core on every page reached."""

import re

import pytest
from playwright.sync_api import expect

from laporan.models import TeksBlok
from tests.conftest import cek_aksesibilitas
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def _teks(bagian):
    return (
        TeksBlok.objects.filter(instansi__slug="bantargebang", tahun=2024, bagian=bagian)
        .values_list("teks", flat=True)
        .first()
    )


def test_one_save_keeps_every_text_and_a_draft_is_offered_back(live_server, browser, pengguna_demo):
    url = f"{live_server.url}/unit/bantargebang/lkip/2024/teks/"
    op = browser.new_page()
    masuk(op, live_server.url, "operator")
    op.goto(url)
    cek_aksesibilitas(op)
    op.get_by_label("Kata Pengantar").fill("Puji syukur kami panjatkan.")
    op.get_by_label("Latar Belakang").fill("Kecamatan dibentuk dengan Perda.")
    op.get_by_role("button", name="Simpan semua").click()
    expect(op.get_by_text("Disimpan: Kata Pengantar, Latar Belakang.")).to_be_visible()
    expect(op.get_by_label("Latar Belakang")).to_have_value("Kecamatan dibentuk dengan Perda.")
    assert _teks("latar_belakang") == "Kecamatan dibentuk dengan Perda."

    # a text too long: refused, nothing saved, every typed text kept, the field marked
    op.get_by_label("Kesimpulan").fill("Capaian umumnya baik.")
    saran = op.get_by_label("Saran / Langkah ke Depan")
    saran.evaluate("el => el.removeAttribute('maxlength')")  # the server's rule, not the browser's
    saran.fill("x" * 20001)
    op.get_by_role("button", name="Simpan semua").click()
    expect(op.locator("#galat-simpan")).to_contain_text("belum ada yang disimpan")
    expect(op.get_by_label("Kesimpulan")).to_have_value("Capaian umumnya baik.")
    expect(op.get_by_label("Saran / Langkah ke Depan")).to_have_attribute("aria-invalid", "true")
    cek_aksesibilitas(op)
    assert _teks("kesimpulan") is None

    # typed, not saved, the page reloaded: the draft is offered back
    op.goto(url)
    op.get_by_label("Isu Strategis").fill("Penumpukan sampah di bantaran kali.")
    op.wait_for_timeout(2000)  # the draft is written 1,5 s after the last key
    op.once("dialog", lambda d: d.accept())  # leave despite the unsaved-changes question
    op.reload()
    expect(op.get_by_label("Isu Strategis")).to_have_value("")
    expect(op.get_by_text(re.compile("Ada draf yang belum disimpan dari"))).to_be_visible()
    cek_aksesibilitas(op)
    op.get_by_role("button", name="Pulihkan draf").click()
    expect(op.get_by_label("Isu Strategis")).to_have_value("Penumpukan sampah di bantaran kali.")
    op.get_by_role("button", name="Simpan semua").click()
    expect(op.get_by_text("Disimpan: Isu Strategis.")).to_be_visible()
    expect(op.get_by_text(re.compile("Ada draf yang belum disimpan"))).to_have_count(0)  # saved: no offer


def test_a_conflict_keeps_the_losers_text(live_server, browser, pengguna_demo):
    url = f"{live_server.url}/unit/bantargebang/lkip/2024/teks/"
    a, b = browser.new_page(), browser.new_context().new_page()
    masuk(a, live_server.url, "operator")
    masuk(b, live_server.url, "operator")
    a.goto(url)
    b.goto(url)
    a.get_by_label("Kata Pengantar").fill("Versi A.")
    a.get_by_role("button", name="Simpan semua").click()
    expect(a.get_by_text("Disimpan: Kata Pengantar.")).to_be_visible()

    b.get_by_label("Kata Pengantar").fill("Versi B, lebih panjang.")
    b.get_by_label("Kesimpulan").fill("Kesimpulan dari B.")
    b.get_by_role("button", name="Simpan semua").click()
    kotak = b.locator("#teks-kata_pengantar .konflik")
    expect(kotak).to_contain_text("Diubah pengguna lain sejak halaman dibuka")
    expect(kotak.locator("td.tersimpan")).to_have_text("Versi A.")
    expect(kotak.locator("td.anda")).to_have_text("Versi B, lebih panjang.")
    expect(b.get_by_label("Kata Pengantar")).to_have_value("Versi B, lebih panjang.")
    expect(b.get_by_label("Kesimpulan")).to_have_value("Kesimpulan dari B.")
    cek_aksesibilitas(b)
    assert _teks("kata_pengantar") == "Versi A." and _teks("kesimpulan") is None
    b.get_by_label("Kata Pengantar").fill("Versi A. Versi B, lebih panjang.")
    b.get_by_role("button", name="Simpan semua").click()
    expect(b.get_by_text("Disimpan: Kata Pengantar, Kesimpulan.")).to_be_visible()
    assert _teks("kata_pengantar") == "Versi A. Versi B, lebih panjang."
