"""The tree of a unit and of a pemda is read in a fixed number of queries, whatever the number of
units, nodes, indicators and budget lines."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from perencanaan.models import Jenjang
from pohon.selectors import pohon_pemda, pohon_unit
from tests.factories import BarisAnggaranFactory, IndikatorFactory, SasaranFactory, SubKegiatanFactory
from tests.jenjang_bantu import buat_pohon
from tests.rpjmd_bantu import rpd_kecil

pytestmark = pytest.mark.django_db


def _kueri(f):
    with CaptureQueriesContext(connection) as ctx:
        f()
    return len(ctx.captured_queries)


def _perbesar(x, n: int):
    """``n`` more sasaran, cascade nodes, indicators and budget lines in the unit of ``x``."""
    ins = x["instansi"]
    for k in range(n):
        s = SasaranFactory(tujuan=x["sasaran"].tujuan, kode=f"SX{k}")
        IndikatorFactory(sasaran=s, kode=f"IX{k}")
        sub = SubKegiatanFactory(kegiatan=x["sub"].kegiatan, kode=f"{x['sub'].kegiatan.kode}.09{k:02d}")
        BarisAnggaranFactory(instansi=ins, sub_kegiatan=sub)
        Jenjang.objects.create(
            instansi=ins,
            level="sub_kegiatan",
            kode=f"OX{k}",
            uraian="Output",
            pemilik=x["kasubag"],
            induk=x["sk"],
            sub_kegiatan=sub,
        )


def test_unit_tree_query_count_does_not_grow_with_the_tree():
    x = buat_pohon()
    n = _kueri(lambda: pohon_unit(x["instansi"], 2024))
    kecil = pohon_unit(x["instansi"], 2024).jumlah_simpul
    _perbesar(x, 6)
    assert _kueri(lambda: pohon_unit(x["instansi"], 2024)) == n
    assert pohon_unit(x["instansi"], 2024).jumlah_simpul == kecil + 12


def test_pemda_tree_query_count_does_not_grow_with_the_units():
    x = rpd_kecil()

    def unit_baru():
        y = buat_pohon()
        y["instansi"].pemda = x.pemda
        y["instansi"].save()
        return y

    unit_baru()
    n = _kueri(lambda: pohon_pemda(x.pemda, 2025))
    for _ in range(4):
        _perbesar(unit_baru(), 2)
    assert _kueri(lambda: pohon_pemda(x.pemda, 2025)) == n
    assert len(pohon_pemda(x.pemda, 2025).nama_instansi) == 7


def test_pemda_level_query_count_does_not_grow_with_the_units():
    """The pemda page's selector reads the pemda sasaran and the units' summaries only."""
    from pohon.selectors import ringkasan_pemda

    x = rpd_kecil()

    def unit_baru():
        y = buat_pohon()
        y["instansi"].pemda = x.pemda
        y["instansi"].save()
        return y

    unit_baru()
    n = _kueri(lambda: ringkasan_pemda(x.pemda, 2025))
    for _ in range(4):
        _perbesar(unit_baru(), 2)
    assert _kueri(lambda: ringkasan_pemda(x.pemda, 2025)) == n
    r = ringkasan_pemda(x.pemda, 2025)
    assert r.units == 7
    assert n <= 25  # the summaries' reads and capaian_pk's, not one per unit
