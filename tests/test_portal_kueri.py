"""The portal's pages read a fixed number of queries: more PK indicators, budget lines and units
add none; a stored page (tembolok) is read back in a few queries and dropped by a data change."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from perencanaan.models import PerjanjianKinerja
from tembolok.models import Cuplikan
from tests.factories import (
    BarisAnggaranFactory,
    IndikatorFactory,
    InstansiFactory,
    PerjanjianKinerjaFactory,
    PKIndikatorFactory,
    SasaranFactory,
    SubKegiatanFactory,
)

pytestmark = pytest.mark.django_db
UNIT = "/publik/kota-bekasi/bantargebang/?tahun=2024"
PEMDA = "/publik/kota-bekasi/?tahun=2024"


def _hitung(c, url):
    Cuplikan.objects.all().delete()  # computed, not read back
    with CaptureQueriesContext(connection) as q:
        assert c.get(url).status_code == 200
    return len(q)


def _tambah_indikator(instansi, pk, n):
    sasaran = SasaranFactory(tujuan__renstra__instansi=instansi)
    status = pk.status
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status="draft")  # test set-up only: add rows
    for i in range(n):
        ind = IndikatorFactory(sasaran=sasaran, nama=f"Indikator tambahan {instansi.slug} {i}", iku=True)
        PKIndikatorFactory(pk_dokumen=pk, indikator=ind, target=Decimal(50), no=10 + i)
        BarisAnggaranFactory(
            instansi=instansi, sub_kegiatan=SubKegiatanFactory(kode=f"7.01.01.2.01.09{instansi.id}{i}")
        )
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status=status)


def test_unit_page_query_count_is_fixed(demo):
    c = Client()
    c.get(UNIT)  # the charts are drawn once (cached by their data)
    sebelum = _hitung(c, UNIT)
    _tambah_indikator(demo, PerjanjianKinerja.objects.get(instansi=demo, tahun=2024), 4)
    c.get(UNIT)
    sesudah = _hitung(c, UNIT)
    assert "Indikator tambahan bantargebang 3" in c.get(UNIT).content.decode()
    assert sesudah == sebelum


def test_pemda_page_query_count_is_fixed(demo):
    c = Client()
    sebelum = _hitung(c, PEMDA)
    for i in range(3):
        unit = InstansiFactory(pemda=demo.pemda, slug=f"unit-tambahan-{i}", nama=f"Unit tambahan {i}")
        pk = PerjanjianKinerjaFactory(instansi=unit, tahun=2024, status="ditandatangani")
        _tambah_indikator(unit, pk, 2)
    sesudah = _hitung(c, PEMDA)
    html = c.get(PEMDA).content.decode()
    assert "Unit tambahan 2" in html
    assert sesudah == sebelum


def test_stored_page_is_read_back_and_dropped_by_a_change(demo):
    c = Client()
    c.get(UNIT)
    with CaptureQueriesContext(connection) as q:
        assert "97,8 %" in c.get(UNIT).content.decode()
    assert len(q) <= 5  # the pemda and unit, the stored data
    from skm.models import RingkasanNRR

    r = RingkasanNRR.objects.filter(instansi=demo, tahun=2024, periode="S1", layanan__isnull=True).get()
    r.delete()  # a change of the unit's survey data (post_delete drops the unit's token)
    html = c.get(UNIT).content.decode()
    assert "80,88" not in html  # S1's IKM is gone from the page at once
