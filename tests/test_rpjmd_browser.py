"""Browser: the pemda's admin builds a small RPD in the console (the document, then its tujuan,
sasaran and an indicator with yearly targets, one page and one save per level), then a unit's
operator, from the unit's Renstra page, links its tujuan to the pemda sasaran with its
contribution. The database is checked after each step; axe-core on every page reached."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from akun.models import Peran
from rpjmd.models import IndikatorPemda, Kontribusi, Rpjmd, SasaranPemda, TujuanPemda
from tests.conftest import cek_aksesibilitas
from tests.factories import InstansiFactory, PemdaFactory, TujuanFactory

pytestmark = pytest.mark.django_db(transaction=True)
SANDI = "sandi-uji-rpjmd-2025"


def _masuk(page, base, username):
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill(SANDI)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))


def _simpan(page):
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_load_state("load")


def test_admin_builds_an_rpd_and_an_operator_links_a_tujuan(live_server, page, browser, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    User = get_user_model()
    pemda = PemdaFactory(kode="kota-bekasi", nama="Kota Bekasi")
    unit = InstansiFactory(pemda=pemda, slug="bantargebang", nama="Kecamatan Bantargebang")
    tujuan_unit = TujuanFactory(
        renstra__instansi=unit, renstra__nama="Renstra 2025-2027", kode="T1", uraian="Tata kelola kecamatan"
    )
    admin = User.objects.create_user("admin-bekasi", password=SANDI)
    Peran.objects.create(user=admin, jenis="admin_pemda", pemda=pemda)
    op = User.objects.create_user("op-bantargebang", password=SANDI)
    Peran.objects.create(user=op, jenis="operator", instansi=unit)
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 900})

    _masuk(page, base, "admin-bekasi")
    page.goto(f"{base}/konsol/")
    page.get_by_role("link", name="RPJMD/RPD", exact=True).click()
    cek_aksesibilitas(page)
    page.get_by_role("link", name="RPJMD/RPD baru").click()
    cek_aksesibilitas(page)
    page.get_by_label("Jenis dokumen").select_option("rpd")
    page.get_by_label("Kode").fill("rpd-2025-2027")
    page.get_by_label("Nama dokumen").fill("RPD Kota Bekasi 2025-2027")
    page.get_by_label("Tahun awal").fill("2025")
    page.get_by_label("Tahun akhir").fill("2027")
    _simpan(page)
    expect(page.get_by_text("RPD Kota Bekasi 2025-2027 disimpan.")).to_be_visible()
    rpd = Rpjmd.objects.get(kode="rpd-2025-2027")
    assert (rpd.jenis, rpd.tahun_awal, rpd.tahun_akhir) == ("rpd", 2025, 2027)
    cek_aksesibilitas(page)

    page.get_by_role("link", name="Tujuan pemda").click()
    cek_aksesibilitas(page)
    page.get_by_label("Kode baris 1", exact=True).fill("T1")
    page.get_by_label("Uraian tujuan baris 1", exact=True).fill(
        "Meningkatnya kualitas tata kelola pemerintahan"
    )
    _simpan(page)
    assert TujuanPemda.objects.get(rpjmd=rpd).kode == "T1"

    page.get_by_role("link", name="Sasaran pemda").click()
    cek_aksesibilitas(page)
    page.get_by_label("Kode baris 1", exact=True).fill("S1.1")
    page.get_by_label("Uraian sasaran baris 1", exact=True).fill("Meningkatnya kualitas pelayanan publik")
    page.get_by_label("Tujuan pemda baris 1", exact=True).select_option(
        label="T1 — Meningkatnya kualitas tata kelola pemerintahan"
    )
    _simpan(page)
    s11 = SasaranPemda.objects.get(rpjmd=rpd, kode="S1.1")

    page.get_by_role("link", name="Indikator dan target").click()
    cek_aksesibilitas(page)
    page.get_by_label("Kode baris 1", exact=True).fill("IKS1.1")
    page.get_by_label("Nama indikator baris 1", exact=True).fill("Indeks Kepuasan Masyarakat Kota Bekasi")
    page.get_by_label("Mengukur baris 1", exact=True).select_option(label="Sasaran S1.1")
    page.get_by_label("Satuan baris 1", exact=True).fill("Nilai")
    page.get_by_label("Target 2025 baris 1", exact=True).fill("82")
    page.get_by_label("Target 2026 baris 1", exact=True).fill("82,5")
    _simpan(page)
    ind = IndikatorPemda.objects.get(rpjmd=rpd)
    assert ind.sasaran == s11 and ind.target.count() == 2
    expect(page.get_by_text("82,5", exact=True)).to_be_visible()
    cek_aksesibilitas(page)
    page.get_by_role("button", name="admin-bekasi").or_(
        page.locator("summary", has_text="admin-bekasi")
    ).first.click()
    page.get_by_role("button", name="Keluar").click()

    _masuk(page, base, "op-bantargebang")
    page.goto(f"{base}/unit/bantargebang/renstra/")
    page.get_by_role("link", name="Sasaran RPJMD/RPD pemda yang didukung tujuan dan sasaran unit ini").click()
    cek_aksesibilitas(page)
    page.get_by_label("Tujuan/sasaran unit baris 1", exact=True).select_option(
        label="Tujuan T1 — Tata kelola kecamatan"
    )
    page.get_by_label("Sasaran pemda yang didukung baris 1", exact=True).select_option(
        label="RPD Kota Bekasi 2025-2027 · S1.1 — Meningkatnya kualitas pelayanan publik"
    )
    page.get_by_label("Kontribusi baris 1", exact=True).fill("Pelayanan administrasi kecamatan yang cepat")
    _simpan(page)
    expect(page.get_by_text("Tautan ke sasaran pemda disimpan")).to_be_visible()
    k = Kontribusi.objects.get()
    assert (k.instansi, k.tujuan, k.sasaran_pemda) == (unit, tujuan_unit, s11)
    cek_aksesibilitas(page)
