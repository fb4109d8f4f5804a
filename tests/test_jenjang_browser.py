"""Browser: the operator builds a small cascade under sasaran S1.2 — a sasaran program on the
supporting programme 7.01.01 owned by the Sekretaris Kecamatan, with its indicator and 2024
target — in ONE form; a missing budget item is refused at its field with everything typed kept,
nothing saved; the corrected save shows the node on the year's cascade page. axe-core on every
page reached."""

import pytest
from playwright.sync_api import expect

from perencanaan.models import Indikator, Jenjang, Target
from tests.conftest import cek_aksesibilitas
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)


def test_operator_builds_a_small_cascade(live_server, browser, pengguna_demo):
    op = browser.new_page()
    masuk(op, live_server.url, "operator")
    op.goto(f"{live_server.url}/unit/bantargebang/jenjang/2024/")
    expect(op.get_by_role("heading", name="Jenjang kinerja 2024")).to_be_visible()
    expect(op.get_by_text("SP1.1 Meningkatnya Kualitas Penyelenggaraan")).to_be_visible()
    cek_aksesibilitas(op)

    op.get_by_role("link", name="Ubah jenjang sasaran S1.2").click()
    expect(op.get_by_role("heading", name="Ubah jenjang kinerja — S1.2")).to_be_visible()
    cek_aksesibilitas(op)
    baru = op.get_by_role("group", name="Jenjang baru").first
    baru.get_by_label("Tingkat").select_option("program")
    baru.get_by_label("Di bawah").select_option("s")
    baru.get_by_label("Kode", exact=True).fill("SP1.2")
    baru.get_by_label("Uraian").fill("Meningkatnya kualitas perencanaan dan pelaporan kinerja")
    baru.get_by_label("Pemilik (jabatan)").select_option(label="Sekretaris Kecamatan Bantargebang")
    baru.get_by_label("Kode indikator").fill("IP3")
    baru.get_by_label("Indikator", exact=True).fill("Persentase dokumen kinerja yang tersusun tepat waktu")
    baru.get_by_label("Satuan").fill("Persen (%)")
    baru.get_by_label("Target 2024").fill("97,5")
    op.get_by_role("button", name="Simpan").click()  # no budget item chosen

    expect(op.get_by_role("alert").first).to_contain_text("tidak ada yang disimpan")
    baru = op.get_by_role("group", name="Jenjang baru").first
    expect(baru.get_by_label("Kode", exact=True)).to_have_value("SP1.2")
    expect(baru.get_by_label("Target 2024")).to_have_value("97,5")
    expect(baru.get_by_label("Anggaran")).to_have_attribute("aria-invalid", "true")
    cek_aksesibilitas(op)
    assert not Jenjang.objects.filter(kode="SP1.2").exists()

    baru.get_by_label("Anggaran").select_option("7.01.01")
    op.get_by_role("button", name="Simpan").click()
    expect(op.get_by_text("Jenjang kinerja disimpan")).to_be_visible()
    cek_aksesibilitas(op)
    node = Jenjang.objects.get(kode="SP1.2")
    assert (node.sasaran.kode, node.program.kode, node.pemilik.kode) == ("S1.2", "7.01.01", "sekcam")
    ind = Indikator.objects.get(kode="IP3")
    assert ind.jenjang == node and Target.objects.get(indikator=ind, tahun=2024).nilai == 97.5

    op.goto(f"{live_server.url}/unit/bantargebang/jenjang/2024/")
    expect(op.get_by_text("SP1.2 Meningkatnya kualitas perencanaan")).to_be_visible()
    cek_aksesibilitas(op)

    # the staff RHK page of the year, with its downloads
    op.get_by_role("link", name="RHK pegawai").first.click()
    expect(op.get_by_role("heading", name="Rencana hasil kerja (RHK) pegawai 2024")).to_be_visible()
    expect(op.get_by_role("link", name="XLSX")).to_be_visible()
    cek_aksesibilitas(op)
