"""Browser: in a pemda planning per month the operator fills IKU3's twelve month targets in the
one Rencana Aksi form; months against the aggregation are refused naming the rule, typed values
kept; one Simpan saves months and derived quarters; the pimpinan reads the month table. The other
indicators keep the quarters they were planned with. axe-core on every page reached."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from organisasi.models import Pemda
from perencanaan.models import TargetTriwulan
from tests.conftest import cek_aksesibilitas
from tests.test_realisasi_browser import masuk

pytestmark = pytest.mark.django_db(transaction=True)

BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]  # fmt: skip
IKU3 = ["5", "5", "10", "10", "15", "20", "20", "25", "30", "30", "35", "38"]  # 'terakhir' 40: refused first


def test_operator_fills_months_in_one_save(live_server, browser, pengguna_demo):
    Pemda.objects.update(periode_rencana_aksi="bulan")
    sebelum = dict(
        TargetTriwulan.objects.filter(indikator__kode="IKU1", tahun=2024).values_list("periode", "nilai")
    )
    url = f"{live_server.url}/unit/bantargebang/rencana-aksi/2024/"
    op = browser.new_page()
    masuk(op, live_server.url, "operator")
    op.goto(url)
    cek_aksesibilitas(op)
    for nama, v in zip(BULAN, IKU3, strict=True):
        op.get_by_label(f"Target {nama} IKU3", exact=True).fill(v)
    op.get_by_role("button", name="Simpan").click()
    expect(op.get_by_role("alert").first).to_contain_text("tidak ada yang disimpan")
    expect(op.get_by_text("target Desember harus sama")).to_contain_text("38")
    expect(op.get_by_label("Target Juni IKU3", exact=True)).to_have_value("20")
    cek_aksesibilitas(op)
    assert not TargetTriwulan.objects.filter(periode__startswith="B").exists()

    op.get_by_label("Target Desember IKU3", exact=True).fill("40")
    op.get_by_role("button", name="Simpan").click()
    expect(op.get_by_text("Rencana Aksi 2024 disimpan: 12 target bulan")).to_be_visible()
    cek_aksesibilitas(op)
    t = dict(
        TargetTriwulan.objects.filter(indikator__kode="IKU3", tahun=2024).values_list("periode", "nilai")
    )
    assert t["B12"] == Decimal(40) and [t[f"TW{i}"] for i in range(1, 5)] == [10, 20, 30, 40]
    iku1 = TargetTriwulan.objects.filter(indikator__kode="IKU1", tahun=2024).values_list("periode", "nilai")
    assert dict(iku1) == sebelum

    pim = browser.new_page()
    masuk(pim, live_server.url, "pimpinan")
    pim.goto(url)
    expect(pim.get_by_role("table", name="Target per bulan")).to_have_count(1)
    expect(pim.get_by_role("button", name="Simpan")).to_have_count(0)
    cek_aksesibilitas(pim)
