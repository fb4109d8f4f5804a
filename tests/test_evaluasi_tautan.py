"""Indicators fed by an evaluation show their realisasi 'dari evaluasi' with a link to the unit's
evaluations, on the realisasi page and on the unit dashboard."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_link_from_realisasi_and_dashboard(pengguna_demo):
    c = Client()
    c.force_login(pengguna_demo["pimpinan"])
    for url in ("/unit/bantargebang/realisasi/2024/TW4/", "/unit/bantargebang/?tahun=2024"):
        html = c.get(url).content.decode()
        assert 'href="/unit/bantargebang/evaluasi/">dari evaluasi</a>' in html, url
        assert "74,78" in html, url  # the Nilai AKIP realisasi (imported LHE)
