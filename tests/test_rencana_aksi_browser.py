"""Browser: the operator fills the Rencana Aksi 2024 of the three IKU (every indicator × four
quarters and a step with its budget sub-kegiatan) in ONE form; quarter targets against the
indicator's aggregation are refused naming the rule and the numbers, with every typed value kept;
one Simpan saves everything; the pimpinan reads the plan. axe-core on every page reached."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from perencanaan.models import LangkahAksi, TargetTriwulan
from tests.conftest import cek_aksesibilitas
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)

RENCANA = {  # IKU1 rata-rata 83; IKU2 terakhir 74,15; IKU3 terakhir 40
    "IKU1": ["82", "83", "83", "85"],  # mean 83,25: refused first
    "IKU2": ["74,15", "74,15", "74,15", "74,15"],
    "IKU3": ["10", "20", "30", "40"],
}


def test_operator_fills_the_plan_in_one_save(live_server, browser, pengguna_demo):
    url = f"{live_server.url}/unit/bantargebang/rencana-aksi/2024/"
    # the demo's illustrative plan (data/demo/README.md) removed: the operator starts from none
    TargetTriwulan.objects.all().delete()
    LangkahAksi.objects.all().delete()
    op = browser.new_page()
    masuk(op, live_server.url, "operator")
    op.goto(url)
    cek_aksesibilitas(op)
    for kode, nilai in RENCANA.items():
        for tw, v in zip(("TW1", "TW2", "TW3", "TW4"), nilai, strict=True):
            op.get_by_label(f"Target {tw} {kode}", exact=True).fill(v)
    kartu = op.get_by_role("group", name="IKU1 — Indeks Kepuasan Masyarakat Terhadap Layanan Publik")
    kartu.get_by_label("Triwulan 1", exact=True).select_option("TW2")
    kartu.get_by_label("Uraian langkah 1").fill("Sosialisasi SKM di 4 kelurahan")
    kartu.get_by_label("Penanggung jawab 1").fill("Kasi Pelayanan Umum")
    kartu.get_by_label("Sub kegiatan anggaran 1").select_option(index=1)
    op.get_by_role("button", name="Simpan").click()
    expect(op.get_by_role("alert").first).to_contain_text("tidak ada yang disimpan")
    expect(op.get_by_text("'rata-rata'")).to_contain_text("83,25")
    expect(op.get_by_label("Target TW3 IKU3", exact=True)).to_have_value("30")
    expect(kartu.get_by_label("Uraian langkah 1")).to_have_value("Sosialisasi SKM di 4 kelurahan")
    cek_aksesibilitas(op)
    assert not TargetTriwulan.objects.exists() and not LangkahAksi.objects.exists()

    op.get_by_label("Target TW4 IKU1", exact=True).fill("84")  # mean 83
    op.get_by_role("button", name="Simpan").click()
    expect(
        op.get_by_text("Rencana Aksi 2024 disimpan: 12 target triwulan dan 1 langkah berubah.")
    ).to_be_visible()
    cek_aksesibilitas(op)
    tersimpan = {
        (t.indikator.kode, t.periode): t.nilai for t in TargetTriwulan.objects.select_related("indikator")
    }
    assert tersimpan[("IKU1", "TW4")] == Decimal(84) and tersimpan[("IKU2", "TW4")] == Decimal("74.15")
    assert len(tersimpan) == 12
    lk = LangkahAksi.objects.get()
    assert (lk.periode, lk.penanggung_jawab) == ("TW2", "Kasi Pelayanan Umum") and lk.sub_kegiatan_id

    pim = browser.new_page()
    masuk(pim, live_server.url, "pimpinan")
    pim.goto(url)
    expect(pim.get_by_text("Sosialisasi SKM di 4 kelurahan")).to_be_visible()
    expect(pim.get_by_role("button", name="Simpan")).to_have_count(0)
    cek_aksesibilitas(pim)
