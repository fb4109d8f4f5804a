"""The planning reads take a fixed number of queries however many items: the targets grid's rows
(baris_target), the delete summary (ringkasan_hapus), the last year of use (tahun_terakhir_dipakai)."""

from decimal import Decimal

import pytest

from pengukuran.models import Realisasi
from perencanaan import selectors
from perencanaan.models import Target
from tests.factories import IndikatorFactory, SasaranFactory
from tests.renstra_bantu import renstra_kecil

pytestmark = pytest.mark.django_db


def _jumlah_kueri(fungsi):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        fungsi()
    return len(ctx.captured_queries)


def test_fixed_query_counts():
    r = renstra_kecil()
    Realisasi.objects.create(indikator=r.ik1, tahun=2025, periode="TW1", nilai=Decimal(1))

    def semua():
        selectors.baris_target(r.renstra)
        selectors.ringkasan_hapus(r.t1)
        selectors.tahun_terakhir_dipakai([r.unit.id])

    sedikit = _jumlah_kueri(semua)
    for n in range(4):
        s = SasaranFactory(tujuan=r.t1, kode=f"S9.{n}")
        for k in range(3):
            i = IndikatorFactory(sasaran=s, kode=f"X{n}{k}")
            Target.objects.create(indikator=i, tahun=2025, nilai=1)
            Realisasi.objects.create(indikator=i, tahun=2025, periode="TW1", nilai=Decimal(1))
    assert _jumlah_kueri(semua) == sedikit
    assert len(selectors.baris_target(r.renstra)) == 15
