"""Every reviu finding with a link leads to the exact place where it is fixed: the page opens for
the unit's operator and holds the element the link's anchor names (a row of the DPA grid, the
line's input on the quarter's budget realisasi page, the indicator's card on the realisasi page,
the section of the LKIP texts)."""

from decimal import Decimal

import pytest

from anggaran.models import BarisAnggaran, RealisasiAnggaran
from laporan.reviu import reviu

pytestmark = pytest.mark.django_db


def test_every_link_of_the_reviu_reaches_its_anchor(pengguna_demo, demo, masuk_sebagai):
    b = BarisAnggaran.objects.filter(instansi=demo, tahun=2024).order_by("id").first()
    BarisAnggaran.objects.filter(pk=b.pk).update(kas_tw1=b.kas_tw1 + 1)  # the cash plan off the pagu
    RealisasiAnggaran.objects.update_or_create(
        baris=b, periode="TW2", defaults={"nilai": b.pagu + Decimal(1)}
    )
    temuan = reviu(demo, 2024)
    tautan = {t.url for t in temuan if "#" in t.url}
    assert f"/unit/bantargebang/anggaran/2024/dpa/#baris-{b.id}" in tautan
    assert f"/unit/bantargebang/anggaran/2024/realisasi/TW2/#b{b.id}" in tautan
    assert not any(
        t.url == "/unit/bantargebang/anggaran/2024/" for t in temuan if t.where.startswith("Sub-kegiatan")
    )
    op = masuk_sebagai("operator")
    halaman = {}
    for url in sorted(tautan):
        alamat, anchor = url.split("#")
        if alamat not in halaman:
            r = op.get(alamat)
            assert r.status_code == 200, url
            halaman[alamat] = r.content.decode()
        assert f'id="{anchor}"' in halaman[alamat], url
