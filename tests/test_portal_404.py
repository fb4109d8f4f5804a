"""Portal URLs of an unknown pemda, an unknown or inactive unit, or a unit of another pemda
answer 404 (never 500), pages and downloads alike."""

import pytest
from django.test import Client

from organisasi.models import Instansi
from tests.factories import InstansiFactory, PemdaFactory

pytestmark = pytest.mark.django_db

JALUR = (
    "",
    "data.json",
    "data.xlsx",
    "data/kamus.json",
    "data/capaian.csv",
    "lkip/2024/1.pdf",
    "pk/2024/1.docx",
)


def test_unknown_pemda_and_unit(demo):
    c = Client()
    for akhir in ("", "data.json", "data.xlsx", "data/kamus.json", "data/ikm.csv"):
        assert c.get(f"/publik/tidak-ada/{akhir}").status_code == 404
    for akhir in JALUR:
        assert c.get(f"/publik/kota-bekasi/tidak-ada/{akhir}").status_code == 404
        assert c.get(f"/publik/tidak-ada/bantargebang/{akhir}").status_code == 404


def test_unit_of_another_pemda_under_this_pemda(demo):
    lain = InstansiFactory(pemda=PemdaFactory(kode="kota-lain", nama="Kota Lain"), slug="unit-lain")
    c = Client()
    assert c.get("/publik/kota-lain/unit-lain/").status_code == 200
    for akhir in JALUR:
        assert c.get(f"/publik/kota-bekasi/{lain.slug}/{akhir}").status_code == 404
        assert c.get(f"/publik/kota-lain/bantargebang/{akhir}").status_code == 404
    assert "unit-lain" not in c.get("/publik/kota-bekasi/?tahun=2024").content.decode()


def test_inactive_unit(demo):
    Instansi.objects.filter(pk=demo.pk).update(aktif=False)
    c = Client()
    for akhir in JALUR:
        assert c.get(f"/publik/kota-bekasi/bantargebang/{akhir}").status_code == 404
    html = c.get("/publik/kota-bekasi/?tahun=2024").content.decode()
    assert c.get("/publik/kota-bekasi/").status_code == 200 and "bantargebang" not in html
    assert c.get("/publik/bantargebang/skm/2024/").status_code == 200  # no link to a 404
    assert "/publik/kota-bekasi/bantargebang/" not in c.get("/publik/bantargebang/skm/2024/").content.decode()


def test_bad_year_and_table(demo):
    c = Client()
    assert c.get("/publik/kota-bekasi/bantargebang/?tahun=abc").status_code == 404
    assert c.get("/publik/kota-bekasi/bantargebang/?tahun=99999").status_code == 404
    assert c.get("/publik/kota-bekasi/?tahun=1999").status_code == 404
    assert c.get("/publik/kota-bekasi/bantargebang/lkip/1999/1.pdf").status_code == 404
    assert c.get("/publik/kota-bekasi/data/rahasia.csv").status_code == 404
