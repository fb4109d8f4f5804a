"""Browser: from a database holding only the pemda and its admin_pemda, the admin sets a new
kecamatan up through the pemda console alone (no /admin/, no command): the unit with two
sub-units, its Camat and the Wali Kota, a layanan, an account whose owner sets the password through the one-time
link and logs in, and its role. The database is checked after each step; axe-core on every page."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from akun.models import Peran
from organisasi.models import Instansi, Layanan, Pejabat, Pemda, SubUnit
from tests.conftest import cek_aksesibilitas

pytestmark = pytest.mark.django_db(transaction=True)
SANDI_ADMIN = "sandi-admin-pemda-2024"
SANDI_OP = "Sandi-Operator-Baru-77"


def _masuk(page, base, username, sandi):
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(sandi)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))


def _simpan(page):
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state("load")


def test_admin_pemda_sets_a_new_kecamatan_up_in_the_console(live_server, page, browser, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User = get_user_model()
    pemda = Pemda.objects.create(kode="kota-bekasi", nama="Kota Bekasi")
    admin = User.objects.create_user("admin-bekasi", password=SANDI_ADMIN)
    Peran.objects.create(user=admin, jenis="admin_pemda", pemda=pemda)
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    _masuk(page, base, "admin-bekasi", SANDI_ADMIN)
    nav = page.get_by_role("navigation", name="Navigasi siklus SAKIP")
    nav.get_by_role("link", name="Konsol pemda").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Konsol pemda")
    cek_aksesibilitas(page)

    # the profile: tahun berjalan
    page.get_by_role("link", name="Profil pemda").click()
    cek_aksesibilitas(page)
    page.get_by_label("Tahun berjalan").fill("2025")
    _simpan(page)
    expect(page.get_by_text("Profil pemda disimpan.")).to_be_visible()
    assert Pemda.objects.get(pk=pemda.pk).tahun_berjalan == 2025

    # the kecamatan
    page.goto(f"{base}/konsol/")
    page.get_by_role("link", name="Unit dan sub-unit").click()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Unit baru").click()
    cek_aksesibilitas(page)
    page.get_by_label("Nama unit").fill("Kecamatan Bekasi Timur")
    page.get_by_label("Jenis unit").select_option("kecamatan")
    page.get_by_label("Alamat singkat (slug)").fill("bekasi-timur")
    page.get_by_label("Alamat kantor").fill("Jl. Chairil Anwar No. 1")
    page.get_by_label("Tempat penandatanganan").fill("Bekasi")
    _simpan(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Kecamatan Bekasi Timur")
    cek_aksesibilitas(page)
    unit = Instansi.objects.get(slug="bekasi-timur")
    assert (unit.pemda_id, unit.jenis, unit.alamat, unit.aktif) == (
        pemda.id,
        "kecamatan",
        "Jl. Chairil Anwar No. 1",
        True,
    )

    # two sub-units
    for kode, nama in (("kel-duren-jaya", "Kelurahan Duren Jaya"), ("kel-aren-jaya", "Kelurahan Aren Jaya")):
        page.get_by_role("link", name="Sub-unit baru").click()
        cek_aksesibilitas(page)
        page.get_by_label("Kode sub-unit").fill(kode)
        page.get_by_label("Nama sub-unit").fill(nama)
        page.get_by_label("Jenis sub-unit").select_option("kelurahan")
        _simpan(page)
        expect(page.get_by_role("cell", name=nama)).to_be_visible()
    assert sorted(SubUnit.objects.filter(instansi=unit).values_list("kode", flat=True)) == [
        "kel-aren-jaya",
        "kel-duren-jaya",
    ]

    # the Camat: a bad NIP first (refused, values kept), then the right one
    page.get_by_role("link", name="Pejabat baru").click()
    cek_aksesibilitas(page)
    page.get_by_label("Kode pejabat").fill("camat")
    page.get_by_label("Nama lengkap dengan gelar").fill("ARIF WIBOWO, S.STP.")
    page.get_by_label("Jabatan", exact=True).fill("Camat Bekasi Timur")
    page.get_by_label("Pangkat/golongan").fill("Pembina, IV/a")
    page.get_by_label("NIP").fill("1980 0101")
    _simpan(page)
    expect(page.get_by_text("NIP harus 18 digit angka")).to_be_visible()
    expect(page.get_by_label("Nama lengkap dengan gelar")).to_have_value("ARIF WIBOWO, S.STP.")
    cek_aksesibilitas(page)
    assert not Pejabat.objects.exists()
    page.get_by_label("NIP").fill("19800101 200501 1 002")
    _simpan(page)
    expect(page.get_by_role("cell", name="ARIF WIBOWO, S.STP.")).to_be_visible()
    camat = Pejabat.objects.get(instansi=unit, kode="camat")
    assert (camat.nip, camat.jabatan) == ("198001012005011002", "Camat Bekasi Timur")

    # the Wali Kota: an official of the pemda itself (the PK's second party)
    page.goto(f"{base}/konsol/")
    page.get_by_role("link", name="Pejabat penanda tangan").click()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Pejabat pemda baru").click()
    page.get_by_label("Kode pejabat").fill("walikota")
    page.get_by_label("Nama lengkap dengan gelar").fill("TRI ADHIANTO, S.T., M.M.")
    page.get_by_label("Jabatan", exact=True).fill("Wali Kota Bekasi")
    _simpan(page)
    expect(page.get_by_role("cell", name="TRI ADHIANTO, S.T., M.M.")).to_be_visible()
    cek_aksesibilitas(page)
    assert Pejabat.objects.get(pemda=pemda, instansi=None, kode="walikota").jabatan == "Wali Kota Bekasi"
    page.goto(f"{base}/konsol/unit/bekasi-timur/")

    # a layanan, on the unit's SKM settings page linked from the console
    page.get_by_role("link", name="Layanan dan pengaturan SKM").click()
    cek_aksesibilitas(page)
    page.get_by_label("Kode (bagian alamat kuesioner").fill("ktp-el")
    page.get_by_label("Nama layanan").fill("Perekaman KTP Elektronik")
    page.get_by_role("button", name="Tambah", exact=True).click()
    page.wait_for_load_state("load")
    assert Layanan.objects.get(instansi=unit, kode="ktp-el").nama == "Perekaman KTP Elektronik"

    # an account and its one-time link
    page.goto(f"{base}/konsol/")
    page.get_by_role("link", name="Pengguna dan peran").click()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="Pengguna baru").click()
    cek_aksesibilitas(page)
    page.get_by_label("Nama pengguna").fill("op-bekasi-timur")
    page.get_by_label("Nama depan").fill("Budi")
    page.get_by_label("Nama belakang").fill("Santoso")
    page.get_by_label("E-mail", exact=True).fill("budi@bekasikota.go.id")
    _simpan(page)
    cek_aksesibilitas(page)
    tautan = page.get_by_label("Tautan sekali pakai").input_value()
    assert "/akun/sandi-baru/" in tautan
    op = User.objects.get(username="op-bekasi-timur")
    assert not op.has_usable_password() and not op.is_staff and not op.is_superuser

    # its role: operator of the new kecamatan
    page.get_by_role("link", name="Lanjut: beri peran").click()
    cek_aksesibilitas(page)
    page.get_by_label("Peran", exact=True).select_option("operator")
    page.get_by_label("Lingkup peran").select_option(label="Kecamatan Bekasi Timur")
    _simpan(page)
    expect(page.get_by_role("cell", name="Kecamatan Bekasi Timur", exact=True)).to_be_visible()
    assert list(Peran.objects.filter(user=op).values_list("jenis", "instansi_id", "pemda_id")) == [
        ("operator", unit.id, None)
    ]

    # the owner opens the link in its own browser, sets the password, logs in
    konteks = browser.new_context()
    tamu = konteks.new_page()
    tamu.goto(tautan)
    cek_aksesibilitas(tamu)
    tamu.locator("#id_new_password1").fill(SANDI_OP)
    tamu.locator("#id_new_password2").fill(SANDI_OP)
    tamu.get_by_role("button", name="Simpan kata sandi baru").click()
    tamu.wait_for_load_state("load")
    cek_aksesibilitas(tamu)
    op.refresh_from_db()
    assert op.check_password(SANDI_OP)
    _masuk(tamu, base, "op-bekasi-timur", SANDI_OP)
    tamu.goto(f"{base}/unit/bekasi-timur/")
    expect(tamu.locator(".unit-tahun")).to_contain_text("Kecamatan Bekasi Timur")
    expect(tamu.locator(".unit-tahun")).to_contain_text("2025")  # the pemda's tahun berjalan
    assert tamu.get_by_role("link", name="Konsol pemda").count() == 0
    cek_aksesibilitas(tamu)
    # the link served once
    tamu.goto(tautan)
    expect(tamu.get_by_text("Tautan ini tidak berlaku lagi")).to_be_visible()
    konteks.close()
