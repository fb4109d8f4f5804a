"""The pemda-level reads (rpjmd.selectors) take a fixed number of queries however many items,
units and links, and return the crosscutting sasaran with every unit that supports it."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rpjmd import selectors
from rpjmd.models import IndikatorPemda, Kontribusi, Misi, SasaranPemda, TargetPemda, TujuanPemda
from tests.factories import InstansiFactory, TujuanFactory
from tests.rpjmd_bantu import rpd_kecil

pytestmark = pytest.mark.django_db


def _jumlah_kueri(fungsi):
    with CaptureQueriesContext(connection) as ctx:
        fungsi()
    return len(ctx.captured_queries)


def test_crosscutting_sasaran_returns_both_units():
    r = rpd_kecil()
    pendukung = selectors.unit_pendukung([r.s11.id, r.s12.id])
    assert [k.instansi.nama for k in pendukung[r.s11.id]] == ["Kecamatan Dua", "Kecamatan Satu"]
    assert pendukung[r.s12.id] == []
    assert selectors.instansi_pendukung(r.s11) == [r.unit2, r.unit1]
    pohon = selectors.pohon_rpjmd(r.rpd)
    (node,) = [s for s in pohon.semua_sasaran() if s.sasaran == r.s11]
    assert node.instansi == [r.unit2, r.unit1]
    assert node.indikator[0].nilai(2026) == Decimal("81")


def test_pemda_sasaran_of_a_unit_item():
    r = rpd_kecil()
    assert selectors.sasaran_pemda_dari(r.ut1) == [r.s11]
    assert selectors.sasaran_pemda_dari(r.us2) == [r.s11]
    assert selectors.sasaran_pemda_dari(r.ut2) == []
    ku = selectors.kontribusi_unit(r.unit1)
    assert list(ku.per_tujuan) == [r.ut1.id] and ku.per_sasaran == {}
    assert ku.per_tujuan[r.ut1.id][0].sasaran_pemda.rpjmd == r.rpd
    ku2 = selectors.kontribusi_unit(r.unit2)
    assert list(ku2.per_sasaran) == [r.us2.id]


def test_plan_covering_a_year():
    r = rpd_kecil()
    assert selectors.rpjmd_berlaku(r.pemda, 2026) == r.rpd
    assert selectors.rpjmd_berlaku(r.pemda.id, 2024) is None
    assert selectors.daftar_rpjmd(r.pemda) == [r.rpd]


def test_tree_without_misi_and_with_misi():
    r = rpd_kecil()
    pohon = selectors.pohon_rpjmd(r.rpd)
    assert [m.misi for m in pohon.misi] == [None]
    m = Misi.objects.create(rpjmd=r.rpd, kode="M1", uraian="Misi satu")
    TujuanPemda.objects.filter(pk=r.t1.pk).update(misi=m)
    pohon = selectors.pohon_rpjmd(r.rpd)
    assert [x.misi for x in pohon.misi] == [m]
    assert [s.sasaran.kode for s in pohon.semua_sasaran()] == ["S1.1", "S1.2"]


def test_fixed_query_counts():
    r = rpd_kecil()

    def semua():
        dibaca = []
        pohon = selectors.pohon_rpjmd(r.rpd)
        for s in pohon.semua_sasaran():
            for k in s.kontribusi:
                dibaca.append((k.instansi.nama, k.unsur.kode))
        for k in selectors.kontribusi_unit_banyak([r.unit1.id, r.unit2.id])[r.unit1.id].semua:
            dibaca.append((k.sasaran_pemda.tujuan.kode, k.sasaran_pemda.rpjmd.nama))
        selectors.unit_pendukung([r.s11.id, r.s12.id])
        for s in selectors.sasaran_pilihan(r.unit1):
            dibaca.append((s.tujuan.kode, s.rpjmd.nama))
        selectors.ringkasan_hapus(r.t1)

    sedikit = _jumlah_kueri(semua)
    for n in range(4):
        t = TujuanPemda.objects.create(rpjmd=r.rpd, kode=f"T9{n}", uraian="x")
        s = SasaranPemda.objects.create(rpjmd=r.rpd, tujuan=t, kode=f"S9{n}", uraian="x")
        i = IndikatorPemda.objects.create(
            rpjmd=r.rpd, level="sasaran", sasaran=s, kode=f"I9{n}", nama="x", satuan="%"
        )
        TargetPemda.objects.create(indikator=i, tahun=2025, nilai=1)
        unit = InstansiFactory(pemda=r.pemda)
        Kontribusi.objects.create(
            sasaran_pemda=s, instansi=unit, tujuan=TujuanFactory(renstra__instansi=unit), uraian="x"
        )
        Kontribusi.objects.create(
            sasaran_pemda=r.s11, instansi=r.unit1, tujuan=TujuanFactory(renstra__instansi=r.unit1), uraian="y"
        )
    assert _jumlah_kueri(semua) == sedikit
