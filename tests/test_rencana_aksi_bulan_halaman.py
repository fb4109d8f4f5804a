"""The Rencana Aksi page of a unit whose pemda plans per month: twelve month columns per PK
indicator in the one form, one Simpan stores months and derived quarters, a refusal is shown at
the month's field with the typed values kept; a quarterly pemda's page is unchanged."""

from decimal import Decimal

from perencanaan.models import TargetTriwulan
from tests.renaksi_bantu import pengaduan

D = Decimal
URL = "/unit/bantargebang/rencana-aksi/2025/"


def _bulanan(ind):
    pemda = ind.instansi.pemda
    pemda.periode_rencana_aksi = "bulan"
    pemda.save()


def _data(ind, nilai):
    return {f"b-{ind.id}-B{i:02d}": v for i, v in enumerate(nilai, start=1)}


def test_get_shows_twelve_month_fields(pk_manual, pengguna_demo, client):
    ind, _row = pengaduan(pk_manual)
    _bulanan(ind)
    client.force_login(pengguna_demo["operator"])
    html = client.get(URL).content.decode()
    for i in range(1, 13):
        assert f'name="b-{ind.id}-B{i:02d}"' in html
    assert f'name="t-{ind.id}-TW1"' not in html
    assert "Target Januari IKU9" in html and "Target Desember IKU9" in html
    assert "per bulan" in html


def test_post_saves_months_and_derived_quarters(pk_manual, pengguna_demo, client):
    ind, _row = pengaduan(pk_manual)
    _bulanan(ind)
    client.force_login(pengguna_demo["operator"])
    r = client.post(URL, _data(ind, ["3", "3", "4"] * 4))
    assert r.status_code == 302
    t = dict(TargetTriwulan.objects.filter(indikator=ind).values_list("periode", "nilai"))
    assert t["B03"] == D(4) and t["TW1"] == D(10) and t["TW4"] == D(10) and len(t) == 16
    html = client.get(URL).content.decode()
    assert "turunan dari bulan" in html and 'value="4"' in html
    # a reader sees the month table
    client.force_login(pengguna_demo["pimpinan"])
    html = client.get(URL).content.decode()
    assert "Target per bulan" in html and "Desember" in html


def test_refused_months_keep_typed_values(pk_manual, pengguna_demo, client):
    ind, _row = pengaduan(pk_manual)
    _bulanan(ind)
    client.force_login(pengguna_demo["operator"])
    r = client.post(URL, _data(ind, ["7,5"] + ["3"] * 11))
    assert r.status_code == 400
    html = r.content.decode()
    assert "Januari–Desember" in html and 'value="7,5"' in html
    assert not TargetTriwulan.objects.filter(indikator=ind).exists()


def test_quarterly_pemda_page_unchanged(pk_manual, pengguna_demo, client):
    ind, _row = pengaduan(pk_manual)
    client.force_login(pengguna_demo["operator"])
    html = client.get(URL).content.decode()
    assert f'name="t-{ind.id}-TW1"' in html and f'name="b-{ind.id}-B01"' not in html
    r = client.post(URL, {f"t-{ind.id}-TW{i}": "10" for i in range(1, 5)})
    assert r.status_code == 302
    assert set(TargetTriwulan.objects.filter(indikator=ind).values_list("periode", flat=True)) == {
        "TW1",
        "TW2",
        "TW3",
        "TW4",
    }
