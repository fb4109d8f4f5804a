"""The pohon kinerja's findings reach the LKIP review (`reviu`: page, command), as warnings
linking to the node on the tree page or to the budget support links."""

import pytest

from laporan.reviu import reviu
from pohon.selectors import pohon_unit
from tests.factories import BarisAnggaranFactory, SubKegiatanFactory
from tests.jenjang_bantu import buat_pohon

pytestmark = pytest.mark.django_db


def test_the_trees_findings_reach_reviu():
    x = buat_pohon()
    ins = x["instansi"]
    BarisAnggaranFactory(
        instansi=ins, sub_kegiatan=SubKegiatanFactory(kegiatan=x["kegiatan_lain"], kode="7.01.02.2.03.0001")
    )
    pohon = pohon_unit(ins, 2024)
    assert pohon.temuan
    temuan = [t for t in reviu(ins, 2024) if t.where.startswith("Pohon kinerja / ")]
    assert len(temuan) == len(pohon.temuan)
    assert all(t.level == "warning" for t in temuan)
    lepas = [t for t in temuan if "7.01.02.2.03.0001" in t.message]
    assert lepas and lepas[0].where == "Pohon kinerja / Anggaran yang tidak mendukung kinerja"
    assert lepas[0].url == f"/unit/{ins.slug}/anggaran/2024/dukungan/"
    simpul = [t for t in temuan if t.url.startswith(f"/unit/{ins.slug}/pohon/2024/#simpul-")]
    assert simpul


def test_the_demo_reviu_command_lists_the_trees_findings(demo, run_json):
    out = run_json("reviu", "--instansi", "bantargebang", "--tahun", "2024")
    pohon = [f for f in out["findings"] if f["where"].startswith("Pohon kinerja / ")]
    assert len(pohon) == len(pohon_unit(demo, 2024).temuan) > 0
    assert any("7.01.01 Penunjang Urusan Pemerintahan Daerah" in f["message"] for f in pohon)
