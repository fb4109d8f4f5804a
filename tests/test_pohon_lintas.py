"""A crosscutting pemda sasaran (supported by two units: one with its tujuan, the other with a
sasaran) is one node of the pemda tree with both units under it, and the root parent of each
unit's own tree."""

import pytest

from pohon.selectors import pohon_pemda, pohon_unit
from rumus.pohon import SASARAN_PEMDA, telusur
from tests.rpjmd_bantu import rpd_kecil

pytestmark = pytest.mark.django_db


def test_crosscutting_sasaran_once_in_the_pemda_tree_and_in_both_units_trees():
    x = rpd_kecil()
    pemda = pohon_pemda(x.pemda, 2025)
    atas = [s for s in telusur(pemda.akar) if s.level == SASARAN_PEMDA]
    assert [(s.kode, s.nama) for s in atas] == [("S1.1", "Meningkatnya kualitas pelayanan publik")]
    (s11,) = atas
    assert [n.instansi for n in s11.anak] == ["kec-dua", "kec-satu"] or [n.instansi for n in s11.anak] == [
        "kec-satu",
        "kec-dua",
    ]
    assert {n.level for n in s11.anak} == {"tujuan"}
    assert [(i.kode, i.target) for i in s11.indikator] == [("IS1.1", 80)]
    # the pemda sasaran is not repeated as a root anywhere else
    assert sum(1 for s in telusur(pemda.akar) if s.kunci == s11.kunci) == 1
    assert [s.kunci for s in pemda.akar].count(s11.kunci) == 1
    for unit in (x.unit1, x.unit2):
        p = pohon_unit(unit, 2025)
        (akar,) = p.akar
        assert (akar.level, akar.kode) == (SASARAN_PEMDA, "S1.1")
        assert [n.instansi for n in akar.anak] == [unit.slug]
        assert akar.anak[0].level == "tujuan"


def test_the_pemda_sasaran_page_shows_both_units(db, masuk_sebagai):
    from django.contrib.auth import get_user_model

    from akun.models import Peran

    x = rpd_kecil()
    u = get_user_model().objects.create_user("admin-contoh", password="demo-sakip-2024")
    Peran.objects.create(user=u, jenis="admin_pemda", pemda=x.pemda)
    c = masuk_sebagai("admin-contoh")
    html = c.get(f"/pemda/{x.pemda.kode}/pohon/2025/sasaran/{x.s11.id}/").content.decode()
    assert "Meningkatnya kualitas pelayanan publik" in html
    assert "Kecamatan Satu" in html and "Kecamatan Dua" in html
    assert c.get(f"/pemda/{x.pemda.kode}/pohon/2025/sasaran/{x.s12.id + 999}/").status_code == 404


def test_a_unit_operator_does_not_see_the_pemda_trees(db, masuk_sebagai):
    from django.contrib.auth import get_user_model

    from akun.models import Peran

    x = rpd_kecil()
    u = get_user_model().objects.create_user("op-satu", password="demo-sakip-2024")
    Peran.objects.create(user=u, jenis="operator", instansi=x.unit1)
    c = masuk_sebagai("op-satu")
    assert c.get(f"/pemda/{x.pemda.kode}/pohon/2025/sasaran/{x.s11.id}/").status_code == 404
    assert c.get(f"/pemda/{x.pemda.kode}/pohon/2025/").status_code == 404
    assert c.get(f"/unit/{x.unit1.slug}/pohon/2025/").status_code == 200


def test_the_pemda_page_shows_the_pemda_level_and_loads_a_unit_on_demand(db, masuk_sebagai):
    """The pemda page holds the pemda sasaran and each supporting unit's summary, not the units'
    subtrees; each unit node fetches its subtree from the unit fragment URL (a link without JS)."""
    from django.contrib.auth import get_user_model

    from akun.models import Peran

    x = rpd_kecil()
    u = get_user_model().objects.create_user("admin-contoh", password="demo-sakip-2024")
    Peran.objects.create(user=u, jenis="admin_pemda", pemda=x.pemda)
    c = masuk_sebagai("admin-contoh")
    html = c.get(f"/pemda/{x.pemda.kode}/pohon/2025/").content.decode()
    assert "Meningkatnya kualitas pelayanan publik" in html and "Indeks Kepuasan Masyarakat" in html
    assert "Kecamatan Satu" in html and "Kecamatan Dua" in html
    assert "Pelayanan kecamatan prima" not in html  # the unit's tujuan: only once opened
    bagian = f"/unit/kec-satu/pohon/2025/bagian/?sasaran={x.s11.id}"
    assert f'hx-get="{bagian.replace("&", "&amp;")}"' in html
    assert 'href="/unit/kec-satu/pohon/2025/"' in html
    assert "1 simpul tercatat" in html  # kec-satu: its tujuan
    assert "2 simpul tercatat" in html  # kec-dua: tujuan and sasaran
    frag = c.get(bagian).content.decode()
    assert "Pelayanan kecamatan prima" in frag and "Pelayanan kecamatan cepat" not in frag
    assert "<html" not in frag and "temuan pemeriksaan" in frag
    assert f'id="s{x.s11.id}-simpul-tujuan-' in frag
    assert c.get("/unit/kec-satu/pohon/2025/bagian/?sasaran=x").status_code == 404
    # another pemda's admin does not get the fragment (checked like the unit page)
    from tests.factories import PemdaFactory

    lain = rpd_kecil(pemda=PemdaFactory(kode="kota-lain", nama="Kota Lain"))
    v = get_user_model().objects.create_user("admin-lain", password="demo-sakip-2024")
    Peran.objects.create(user=v, jenis="admin_pemda", pemda=lain.pemda)
    assert masuk_sebagai("admin-lain").get(bagian).status_code == 404


def test_pemda_level_iku_colours_are_the_capaian_numbers(demo):
    """The unit summary's IKU colours are those of ``capaian_pk`` (the `capaian` command's), read
    with only the PK indicators' realisasi."""
    from pengukuran.selectors import capaian_pk
    from pohon.selectors import ringkasan_pemda
    from rumus.capaian import warna_kategori

    r = ringkasan_pemda(demo.pemda, 2024)
    semua = [u for _sid, _s, us in r.sasaran for u in us] + r.lepas
    u = next(u for u in semua if u.instansi == demo)
    harus: dict[str, int] = {}
    for b in capaian_pk([demo.id], 2024)[demo.id]:
        harus[warna_kategori(b.kategori)] = harus.get(warna_kategori(b.kategori), 0) + 1
    assert u.warna == harus and u.iku == 3
    assert u.simpul >= 5  # 2 tujuan, 3 sasaran and the demo's cascade nodes
