"""Browser: the operator makes the Sekretaris Kecamatan's PK 2025 from the unit's PK page (the
form asks only for the position; the Camat is PIHAK KEDUA), sets the place and date; the pimpinan
sees the summary of what will be frozen, signs, and the unit's list shows it signed. axe-core on
every page reached."""

import re

import pytest
from playwright.sync_api import expect

from organisasi.models import Instansi
from perencanaan.models import PerjanjianKinerja
from tests.conftest import cek_aksesibilitas
from tests.pk_jabatan_bantu import NAMA_SEKCAM, sekcam_2025
from tests.test_pk_tandatangan_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_make_and_sign_a_sekcam_pk(live_server, browser, demo_pk_jabatan):
    sekcam, _ip = sekcam_2025(Instansi.objects.get(slug="bantargebang"))
    base = live_server.url
    op = browser.new_page()
    masuk(op, base, "operator")
    op.goto(f"{base}/unit/bantargebang/pk/2025/")
    cek_aksesibilitas(op)
    op.get_by_role("link", name=re.compile("Buat PK untuk jabatan lain")).click()
    expect(op.get_by_role("heading", name=re.compile("Buat PK jabatan"))).to_be_visible()
    expect(op.locator("main")).to_contain_text("CECEP MIFTAH FARID")  # the default PIHAK KEDUA
    cek_aksesibilitas(op)
    op.get_by_label("Jabatan").select_option(label="Sekretaris Kecamatan Bantargebang (2 indikator)")
    op.get_by_role("button", name="Buat PK jabatan").click()
    expect(op).to_have_url(f"{base}/unit/bantargebang/pk/2025/jabatan/sekcam/")
    expect(
        op.get_by_text("Perjanjian Kinerja 2025 Sekretaris Kecamatan Bantargebang dibuat.")
    ).to_be_visible()
    expect(op.get_by_label("PIHAK KEDUA")).to_have_value(
        str(PerjanjianKinerja.objects.get(tahun=2025, jabatan=sekcam).pihak_kedua_id)
    )
    op.get_by_label("Tempat penandatanganan").fill("Bekasi")
    op.get_by_label("Tanggal penandatanganan").fill("2025-01-02")
    op.get_by_role("button", name="Simpan penanda tangan").click()
    expect(op.get_by_text("Penanda tangan, tempat dan tanggal")).to_have_count(2)  # message and legend
    cek_aksesibilitas(op)

    pim = browser.new_page()
    masuk(pim, base, "pimpinan")
    pim.goto(f"{base}/unit/bantargebang/pk/2025/jabatan/sekcam/")
    pim.get_by_role("link", name="Tandatangani…").click()
    ringkas = pim.get_by_role("region", name="Yang akan dibekukan")
    expect(ringkas).to_contain_text(f"{NAMA_SEKCAM} — Sekretaris Kecamatan Bantargebang")
    expect(ringkas).to_contain_text("CECEP MIFTAH FARID, S.STP., M.M. — Camat Bantargebang")
    expect(ringkas).to_contain_text("Bekasi, 2 Januari 2025")
    expect(ringkas).to_contain_text("Capaian Kepuasan terhadap pelayanan masyarakat")
    cek_aksesibilitas(pim)
    pim.get_by_role("button", name="Tandatangani dan bekukan").click()
    expect(pim).to_have_url(f"{base}/unit/bantargebang/pk/2025/jabatan/sekcam/")
    expect(pim.get_by_role("heading", name=re.compile("Ditandatangani, 2 Januari 2025"))).to_be_visible()
    cek_aksesibilitas(pim)
    pim.get_by_role("link", name=re.compile("Perjanjian Kinerja 2025 Kecamatan Bantargebang")).click()
    baris = pim.locator("table.daftar-pk tbody tr")
    expect(baris).to_have_count(1)
    expect(baris).to_contain_text("Sekretaris Kecamatan Bantargebang")
    expect(baris).to_contain_text("Ditandatangani")
    cek_aksesibilitas(pim)
    assert PerjanjianKinerja.objects.get(tahun=2025, jabatan=sekcam).ditandatangani
