"""The demo's RPD Kota Bekasi 2024–2026: Bantargebang's two tujuan each support a pemda sasaran;
a second unit of Kota Bekasi supporting S1.1 makes it crosscutting (both units returned, the
sasaran once in the pemda tree)."""

import pytest

from rpjmd import selectors
from rpjmd.models import Kontribusi, SasaranPemda
from tests.factories import InstansiFactory, TujuanFactory

pytestmark = pytest.mark.django_db


def test_demo_links_and_a_crosscutting_sasaran(demo):
    rpd = selectors.rpjmd_berlaku(demo.pemda, 2024)
    assert rpd.nama == "Rencana Pembangunan Daerah (RPD) Kota Bekasi Tahun 2024-2026"
    t1 = demo.tujuan.get(kode="T1")
    assert [s.kode for s in selectors.sasaran_pemda_dari(t1)] == ["S1.1"]
    s11 = SasaranPemda.objects.get(rpjmd=rpd, kode="S1.1")
    lain = InstansiFactory(pemda=demo.pemda, slug="rawalumbu", nama="Kecamatan Rawalumbu")
    Kontribusi.objects.create(
        sasaran_pemda=s11,
        instansi=lain,
        tujuan=TujuanFactory(renstra__instansi=lain, kode="T1", uraian="Pelayanan kecamatan prima"),
        uraian="Pelayanan administrasi kecamatan",
    )
    assert [k.instansi.nama for k in selectors.unit_pendukung([s11.id])[s11.id]] == [
        "Kecamatan Bantargebang",
        "Kecamatan Rawalumbu",
    ]
    pohon = selectors.pohon_rpjmd(rpd)
    kode = [s.sasaran.kode for s in pohon.semua_sasaran()]
    assert kode == ["S1.1", "S2.1"]
    (node,) = [s for s in pohon.semua_sasaran() if s.sasaran == s11]
    assert [i.slug for i in node.instansi] == ["bantargebang", "rawalumbu"]
