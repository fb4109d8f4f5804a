"""The unit's IKM indicator shows its realisasi as taken from the SKM, linked to the computation."""

import pytest

from perencanaan.models import Indikator

pytestmark = [pytest.mark.django_db]
LINK = 'href="/unit/bantargebang/skm/2024/"'


def test_dashboard_card_links_to_skm(pengguna_demo, masuk_sebagai):
    assert Indikator.objects.filter(sumber_realisasi="skm").exists()
    html = masuk_sebagai("operator").get("/unit/bantargebang/?tahun=2024").content.decode()
    # one "dari SKM" link per SKM-fed IKU card (the page menu links the SKM page too)
    assert html.count(">dari SKM<") == Indikator.objects.filter(sumber_realisasi="skm", iku=True).count() >= 1
    assert LINK in html


def test_realisasi_page_links_to_skm(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("operator").get("/unit/bantargebang/realisasi/2024/TW4/").content.decode()
    assert LINK in html and "dari SKM" in html and "81,18" in html
