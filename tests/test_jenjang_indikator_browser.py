"""Browser: the operator adds a second indicator to a cascade node through its "Tambah indikator"
row, in the page's one save; the page then shows it as a row of its own with its target. axe-core
on every page reached."""

import pytest
from playwright.sync_api import expect

from perencanaan.models import Indikator, Target
from tests.conftest import cek_aksesibilitas
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_operator_adds_a_second_indicator_to_a_node(live_server, browser, pengguna_demo):
    op = browser.new_page()
    masuk(op, live_server.url, "operator")
    op.goto(f"{live_server.url}/unit/bantargebang/jenjang/2024/")
    op.get_by_role("link", name="Ubah jenjang sasaran S1.1").click()
    expect(op.get_by_role("heading", name="Ubah jenjang kinerja — S1.1")).to_be_visible()
    cek_aksesibilitas(op)
    tambah = op.get_by_role("group", name="Tambah indikator").first
    tambah.get_by_label("Kode indikator").fill("IP1.9")
    tambah.get_by_label("Indikator", exact=True).fill("Persentase aduan yang ditindaklanjuti")
    tambah.get_by_label("Satuan").fill("%")
    tambah.get_by_label("Target 2024").fill("90")
    op.get_by_role("button", name="Simpan").click()
    expect(op.get_by_text("Jenjang kinerja disimpan")).to_be_visible()
    baris = op.get_by_role("group", name="Indikator IP1.9")
    expect(baris.get_by_label("Target 2024")).to_have_value("90")
    cek_aksesibilitas(op)
    ind = Indikator.objects.get(kode="IP1.9")
    assert ind.jenjang.kode == "SP1.1" and Target.objects.get(indikator=ind, tahun=2024).nilai == 90
