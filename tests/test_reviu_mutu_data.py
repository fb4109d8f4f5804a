"""The reviu page shows the data-quality warnings of `periksa` with a readable location and a
link: on the demo, IKU1's capaian below target without an analysis."""

import html as html_mod

import pytest

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/reviu/2024/"


def test_demo_reviu_page_shows_the_capaian_warning_with_its_link(demo, pengguna_demo, masuk_sebagai):
    from laporan.reviu import reviu

    (t,) = [t for t in reviu(demo, 2024) if "belum mencapai target, tetapi analisis" in t.message]
    assert t.level == "warning"
    assert t.where.startswith("IKU 1 Indeks Kepuasan Masyarakat") and t.where.endswith("/ 2024")
    assert t.url == "/unit/bantargebang/realisasi/2024/TW4/#ind-IKU1"
    page = html_mod.unescape(masuk_sebagai("pembaca").get(URL).content.decode())
    assert t.message in page and t.where in page and f'href="{t.url}"' in page
