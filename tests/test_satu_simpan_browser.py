"""Browser: the quarter's realisasi is ONE form: a value typed for one indicator survives the save
of another and a validation error; a refused evidence file is named while the values are saved; an
edit conflict shows both versions and keeps the loser's text to merge; leaving with unsaved
changes asks first. axe-core on every page reached."""

import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from pengukuran.models import Bukti, Realisasi
from perencanaan.models import Indikator, PKIndikator
from tests.conftest import cek_aksesibilitas
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)
IKU9 = "Persentase Layanan Selesai Tepat Waktu"
IKU10 = "Jumlah Pengaduan Ditindaklanjuti"


@pytest.fixture
def dua_indikator(pk_manual):
    ind = Indikator.objects.create(
        instansi=pk_manual.instansi,
        kode="IKU10",
        nama=IKU10,
        level="sasaran",
        sasaran=pk_manual.sasaran,
        satuan="Pengaduan",
        formulasi="jumlah pengaduan yang ditindaklanjuti",
        sumber_data="Register pengaduan",
    )
    pk = PKIndikator.objects.get(indikator=pk_manual).pk_dokumen
    PKIndikator.objects.create(pk_dokumen=pk, indikator=ind, target=Decimal(40), no=2)
    return pk_manual, ind


def test_typed_values_survive_validation_errors_and_a_refused_file(
    live_server, browser, dua_indikator, tmp_path
):
    iku9, iku10 = dua_indikator
    url = f"{live_server.url}/unit/bantargebang/realisasi/2025/TW4/"
    op = browser.new_page()
    masuk(op, live_server.url, "operator")
    op.goto(url)
    cek_aksesibilitas(op)
    k9, k10 = op.get_by_role("region", name=IKU9), op.get_by_role("region", name=IKU10)
    k9.get_by_label("Nilai realisasi").fill("76,5")
    k9.get_by_label("Mengapa (penyebab)").fill("Antrean menumpuk pada bulan Desember")
    k10.get_by_label("Faktor penghambat").fill("Petugas pengaduan hanya satu orang")
    k10.get_by_label("Nilai realisasi").fill("1,000")  # ambiguous: refused
    op.get_by_role("button", name="Simpan semua").click()
    expect(op.locator("#galat-simpan")).to_contain_text("belum ada yang disimpan")
    # every typed value is still there, the bad field is marked and says why
    expect(k9.get_by_label("Nilai realisasi")).to_have_value("76,5")
    expect(k9.get_by_label("Mengapa (penyebab)")).to_have_value("Antrean menumpuk pada bulan Desember")
    expect(k10.get_by_label("Faktor penghambat")).to_have_value("Petugas pengaduan hanya satu orang")
    expect(k10.get_by_label("Nilai realisasi")).to_have_attribute("aria-invalid", "true")
    expect(k10.locator(".errorlist")).to_contain_text("1000")
    cek_aksesibilitas(op)
    assert not Realisasi.objects.filter(tahun=2025).exists()

    # both indicators saved by the one Simpan; a refused evidence file is named, the rest kept
    k10.get_by_label("Nilai realisasi").fill("35")
    palsu = tmp_path / "register.pdf"
    palsu.write_bytes(b"MZ\x90\x00 not a pdf at all")
    k9.get_by_label(re.compile("^Bukti")).set_input_files(str(palsu))
    op.get_by_role("button", name="Simpan semua").click()
    expect(op.get_by_text(f"Disimpan: realisasi TW4 {IKU9}, {IKU10}.")).to_be_visible()
    expect(op.get_by_text(re.compile(f"Tidak disimpan: bukti register.pdf \\({IKU9}\\)"))).to_be_visible()
    expect(k9.get_by_label("Mengapa (penyebab)")).to_have_value("Antrean menumpuk pada bulan Desember")
    expect(k10.get_by_label("Nilai realisasi")).to_have_value("35,00")
    cek_aksesibilitas(op)
    assert {r.indikator_id: r.nilai for r in Realisasi.objects.filter(tahun=2025)} == {
        iku9.id: Decimal("76.5"),
        iku10.id: 35,
    }
    assert not Bukti.objects.exists()


def test_a_conflict_shows_both_versions_and_keeps_the_losers_text(live_server, browser, dua_indikator):
    url = f"{live_server.url}/unit/bantargebang/realisasi/2025/TW4/"
    a, b = browser.new_page(), browser.new_context().new_page()
    masuk(a, live_server.url, "operator")
    masuk(b, live_server.url, "operator")
    a.goto(url)
    b.goto(url)  # both opened the empty form
    a.get_by_role("region", name=IKU9).get_by_label("Nilai realisasi").fill("70")
    a.get_by_role("region", name=IKU9).get_by_label("Faktor pendukung").fill("Teks dari A")
    a.get_by_role("button", name="Simpan semua").click()
    expect(a.get_by_text("Disimpan: realisasi TW4")).to_be_visible()

    kb = b.get_by_role("region", name=IKU9)
    kb.get_by_label("Nilai realisasi").fill("72")
    kb.get_by_label("Faktor pendukung").fill("Teks dari B yang lebih lengkap")
    b.get_by_role("region", name=IKU10).get_by_label("Nilai realisasi").fill("30")
    b.get_by_role("button", name="Simpan semua").click()
    konflik = kb.locator(".konflik")
    expect(konflik).to_contain_text("Diubah pengguna lain sejak halaman dibuka")
    baris = konflik.get_by_role("row", name=re.compile("^Faktor pendukung"))
    expect(baris.locator("td.tersimpan")).to_have_text("Teks dari A")
    expect(baris.locator("td.anda")).to_have_text("Teks dari B yang lebih lengkap")
    expect(konflik.get_by_role("row", name=re.compile("^Nilai realisasi")).locator("td")).to_have_text(
        ["70,00", "72"]
    )
    # the loser's text is still in the form, and nothing of the form was saved (IKU10 neither)
    expect(kb.get_by_label("Faktor pendukung")).to_have_value("Teks dari B yang lebih lengkap")
    expect(b.get_by_role("region", name=IKU10).get_by_label("Nilai realisasi")).to_have_value("30")
    cek_aksesibilitas(b)
    assert Realisasi.objects.filter(tahun=2025).count() == 1
    # merged and saved again: now on top of A's version
    kb.get_by_label("Faktor pendukung").fill("Teks dari A. Teks dari B yang lebih lengkap")
    b.get_by_role("button", name="Simpan semua").click()
    expect(b.get_by_text("Disimpan: realisasi TW4")).to_be_visible()
    r = Realisasi.objects.get(indikator__kode="IKU9")
    assert (r.nilai, r.analisis_pendukung, r.versi) == (72, "Teks dari A. Teks dari B yang lebih lengkap", 2)
    assert Realisasi.objects.get(indikator__kode="IKU10").nilai == 30


def test_leaving_with_unsaved_changes_asks_first(live_server, browser, dua_indikator):
    op = browser.new_page()
    masuk(op, live_server.url, "operator")
    op.goto(f"{live_server.url}/unit/bantargebang/realisasi/2025/TW4/")
    op.get_by_role("region", name=IKU9).get_by_label("Faktor penghambat").fill("Belum disimpan")
    ditanya = []

    def jawab(d):
        ditanya.append(d.type)
        d.dismiss()  # stay on the page

    op.on("dialog", jawab)
    op.get_by_role("link", name="TW1", exact=True).first.click()
    op.wait_for_timeout(500)
    assert ditanya == ["beforeunload"]
    assert op.url.endswith("/TW4/")
    expect(op.get_by_role("region", name=IKU9).get_by_label("Faktor penghambat")).to_have_value(
        "Belum disimpan"
    )
