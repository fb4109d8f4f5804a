"""The tree page lists the findings by kind, at most BATAS_TEMUAN of a kind (the others counted:
the reviu lists them all), and the nodes with their indicators, owners and budget codes."""

import pytest
from django.contrib.auth import get_user_model

from akun.models import Peran
from pohon.views import BATAS_TEMUAN
from tests.factories import BarisAnggaranFactory, SubKegiatanFactory
from tests.jenjang_bantu import buat_pohon

pytestmark = pytest.mark.django_db


def test_page_lists_findings_by_kind_with_a_limit(masuk_sebagai):
    x = buat_pohon()
    ins = x["instansi"]
    for n in range(BATAS_TEMUAN + 3):  # budget lines supporting nothing
        sub = SubKegiatanFactory(kegiatan=x["kegiatan_lain"], kode=f"7.01.02.2.03.{n:04d}")
        BarisAnggaranFactory(instansi=ins, sub_kegiatan=sub)
    u = get_user_model().objects.create_user("op-baru", password="demo-sakip-2024")
    Peran.objects.create(user=u, jenis="operator", instansi=ins)
    html = masuk_sebagai("op-baru").get(f"/unit/{ins.slug}/pohon/2024/").content.decode()
    assert (
        f"Anggaran yang tidak mendukung kinerja ({BATAS_TEMUAN + 4})" in html
    )  # with the factory's own line
    assert html.count("tidak mendukung indikator mana pun") == BATAS_TEMUAN
    assert "dan 4 temuan lain dari jenis ini" in html
    # the cascade with owners and budget code
    assert "Sekretaris Kecamatan" in html and "SP1" in html and x["sub"].kode in html
    assert 'class="pohon-simpul pohon-sub_kegiatan"' in html


def test_side_navigation_links_the_unit_and_the_pemda_tree(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("adminpemda").get("/unit/bantargebang/pohon/2024/").content.decode()
    assert 'href="/unit/bantargebang/pohon/2024/"' in html and "Pohon kinerja pemda" in html
    assert 'href="/pemda/kota-bekasi/pohon/2024/"' in html
    pembaca = masuk_sebagai("pembaca").get("/unit/bantargebang/pohon/2024/").content.decode()
    assert "Pohon kinerja pemda" not in pembaca  # the pemda's pages are not the reader's
