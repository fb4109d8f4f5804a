"""One pemda sasaran's tree builds only the units that contribute to it (not the whole pemda
and then a filter), and it is exactly that part of the pemda tree: same nodes, same units, same
findings' units."""

from unittest import mock

import pytest

from pohon import selectors
from pohon.selectors import pohon_pemda
from rpjmd.models import Kontribusi
from rumus.pohon import telusur
from tests.factories import InstansiFactory, TujuanFactory
from tests.rpjmd_bantu import rpd_kecil

pytestmark = pytest.mark.django_db


def _kunci(p):
    return [(n.kunci, n.instansi, [i.kode for i in n.indikator]) for n in telusur(p.akar)]


def test_hanya_unit_pendukung_yang_dibangun():
    x = rpd_kecil()
    # a third unit supports only the other pemda sasaran (S1.2)
    unit3 = InstansiFactory(pemda=x.pemda, slug="kec-tiga", nama="Kecamatan Tiga")
    ut3 = TujuanFactory(renstra__instansi=unit3, kode="T1", uraian="Ketertiban kecamatan")
    Kontribusi.objects.create(sasaran_pemda=x.s12, instansi=unit3, tujuan=ut3, uraian="Ketertiban")
    asli = selectors._bangun
    dibangun = []

    def catat(units, tahun):
        dibangun.append(sorted(u.slug for u in units))
        return asli(units, tahun)

    with mock.patch.object(selectors, "_bangun", side_effect=catat):
        satu = pohon_pemda(x.pemda, 2025, sasaran_pemda=x.s11.id)
        dua = pohon_pemda(x.pemda, 2025, sasaran_pemda=x.s12.id)
        semua = pohon_pemda(x.pemda, 2025)
    assert dibangun == [["kec-dua", "kec-satu"], ["kec-tiga"], ["kec-dua", "kec-satu", "kec-tiga"]]
    # each is exactly its part of the whole pemda tree
    for p, s in ((satu, x.s11), (dua, x.s12)):
        (akar,) = p.akar
        bagian = next(n for n in semua.akar if n.kunci == f"sasaran_pemda:{s.id}")
        assert akar.kunci == bagian.kunci
        assert _kunci(p) == [k for k in _kunci(semua) if k in _kunci(p)]
        assert [n.kunci for n in telusur([akar])] == [n.kunci for n in telusur([bagian])]
    assert {n.instansi for n in satu.akar[0].anak} == {"kec-satu", "kec-dua"}
    assert {n.instansi for n in dua.akar[0].anak} == {"kec-tiga"}


def test_sasaran_tanpa_pendukung_kosong():
    x = rpd_kecil(dengan_kontribusi=False)
    p = pohon_pemda(x.pemda, 2025, sasaran_pemda=x.s11.id)
    assert p.akar == []
