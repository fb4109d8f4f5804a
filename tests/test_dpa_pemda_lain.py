"""The DPA pages of a unit are another pemda's secret: its admin_pemda, operators and evaluators
get 404 on every one of them (the unit's existence is not revealed); the unit's own pemda admin
may look at the budget but enters none (403: the unit's operator enters it)."""

import pytest
from django.test import Client

from tests.admin_bantu import PASSWORD
from tests.factories import BarisAnggaranFactory, SubKegiatanFactory

pytestmark = pytest.mark.django_db


def _urls(slug, pk):
    return [
        f"/unit/{slug}/anggaran/2025/dpa/",
        f"/unit/{slug}/anggaran/2025/dukungan/",
        f"/unit/{slug}/anggaran/2025/baris/{pk}/hapus/",
        f"/unit/{slug}/anggaran/sub-kegiatan/?q=7.01",
    ]


def _masuk(username):
    c = Client()
    assert c.login(username=username, password=PASSWORD)
    return c


def test_another_pemda_gets_404_everywhere_and_its_own_admin_403(dua_pemda):
    b = BarisAnggaranFactory(instansi=dua_pemda.unit_a, tahun=2025, sub_kegiatan=SubKegiatanFactory())
    for username in ("admin-b", "eval-b"):
        c = _masuk(username)
        for url in _urls("unit-a", b.id):
            assert c.get(url).status_code == 404, (username, url)
            assert c.post(url, {}).status_code == 404, (username, url)
    admin_a = _masuk("admin-a")
    for url in _urls("unit-a", b.id):
        assert admin_a.get(url).status_code == 403, url
    op_a = _masuk("op-a")
    for url in _urls("unit-a", b.id):
        assert op_a.get(url).status_code == 200, url
