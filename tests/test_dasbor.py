"""Unit and pemda dashboards show the computed figures."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_unit_dashboard_shows_each_iku(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("operator").get("/unit/bantargebang/").content.decode()
    for text in (
        "Indeks Kepuasan Masyarakat Terhadap Layanan Publik",
        "81,18",
        "97,8 %",
        "74,78",
        "100,8 %",
        "58,33",
        "145,8 %",
        "Rp 23.459.734.760",
        "95,05 %",
    ):
        assert text in html, text


def test_pemda_dashboard_for_evaluator(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("evaluator").get("/pemda/kota-bekasi/?urut=serapan").content.decode()
    assert "Kecamatan Bantargebang" in html and "81,18" in html and "74,78 (BB)" in html
    # seed Tabel 3.9 and 3.15 from the comparison data
    assert "Kecamatan Medan Satria" in html and "84,85" in html
    assert "Kecamatan Rawalumbu" in html and "77,90" in html


def test_pemda_dashboard_refused_to_unit_roles(pengguna_demo, masuk_sebagai):
    assert masuk_sebagai("operator").get("/pemda/kota-bekasi/").status_code == 404


def test_beranda_lists_the_users_units(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("pembaca").get("/").content.decode()
    assert "/unit/bantargebang/" in html


def test_pemda_dashboard_query_count_does_not_grow_with_units(pengguna_demo, masuk_sebagai):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from organisasi.models import Pemda
    from tembolok.services import usangkan_semua
    from tests.factories import BarisAnggaranFactory, InstansiFactory

    c = masuk_sebagai("adminpemda")
    c.get("/pemda/kota-bekasi/")  # warm session
    usangkan_semua()  # measure a computed page, not the stored one
    with CaptureQueriesContext(connection) as one:
        assert c.get("/pemda/kota-bekasi/").status_code == 200
    pemda = Pemda.objects.get(kode="kota-bekasi")
    for _ in range(5):
        BarisAnggaranFactory(instansi=InstansiFactory(pemda=pemda))
    with CaptureQueriesContext(connection) as six:
        html = c.get("/pemda/kota-bekasi/").content.decode()
    assert html.count("/unit/unit-") == 5  # the new units' signals dropped the stored page
    assert len(six) == len(one) <= 50
    with CaptureQueriesContext(connection) as stored:
        again = c.get("/pemda/kota-bekasi/").content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub("", again) == token.sub("", html)
    assert len(stored) <= 6


def test_unit_dashboard_shows_previous_year_and_what_is_missing(pk_manual, masuk_sebagai):
    html = masuk_sebagai("operator").get("/unit/bantargebang/").content.decode()
    assert "2023: 90,74" in html and "2023: 74,50" in html  # Tabel 3.5 and 3.13
    assert "2023: tidak ada data" in html  # the zone indicator's 2023 value is not known
    html = masuk_sebagai("operator").get("/unit/bantargebang/?tahun=2025").content.decode()
    assert "Belum diisi" in html and "Persentase Layanan Selesai Tepat Waktu" in html


def test_unit_dashboard_has_svg_charts(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("operator").get("/unit/bantargebang/").content.decode()
    assert html.count("<svg") - html.count('<svg class="tren"') == 2 and "Capaian IKU terhadap 100 %" in html
