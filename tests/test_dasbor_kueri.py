"""The unit dashboard runs a bounded number of queries: more budget lines and more PK
indicators do not add queries (no query per row)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from perencanaan.models import PerjanjianKinerja
from tests.factories import (
    BarisAnggaranFactory,
    IndikatorFactory,
    PKIndikatorFactory,
    SasaranFactory,
    SubKegiatanFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db
BATAS = 80


def _hitung(c):
    with CaptureQueriesContext(connection) as q:
        assert c.get("/unit/bantargebang/?tahun=2024").status_code == 200
    return len(q)


def test_unit_dashboard_query_count_is_bounded(pengguna_demo, demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    c.get("/unit/bantargebang/?tahun=2024")  # warm session and chart cache
    before = _hitung(c)
    pk = PerjanjianKinerja.objects.filter(instansi=demo, tahun=2024).order_by("-versi").first()
    status = pk.status
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status="draft")  # test set-up only: add rows
    sasaran = SasaranFactory(tujuan__renstra__instansi=demo)
    for i in range(4):
        ind = IndikatorFactory(sasaran=sasaran, nama=f"Indikator tambahan {i}")
        TargetFactory(indikator=ind, tahun=2024, nilai=Decimal(50))
        PKIndikatorFactory(pk_dokumen=pk, indikator=ind, target=Decimal(50))
        BarisAnggaranFactory(instansi=demo, sub_kegiatan=SubKegiatanFactory(kode=f"7.01.01.2.01.09{i}"))
    PerjanjianKinerja.objects.filter(pk=pk.pk).update(status=status)
    c.get("/unit/bantargebang/?tahun=2024")  # the new charts are drawn once
    after = _hitung(c)
    html = c.get("/unit/bantargebang/?tahun=2024").content.decode()
    assert "Indikator tambahan 3" in html
    assert after == before <= BATAS
