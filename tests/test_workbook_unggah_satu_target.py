"""One target changed in the downloaded workbook: the dry run shows exactly one update in sheet
target and saves nothing; "Terapkan" saves it, audited with the file name and the counts."""

from decimal import Decimal

import pytest

from audit.models import Jejak
from perencanaan.models import Target
from tests.workbook_unggah_bantu import jumlah, sel, ubah, unduh, unggah

pytestmark = pytest.mark.django_db


def test_one_changed_target_is_one_update_and_waits_for_terapkan(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    isi = unduh(c)
    t = Target.objects.select_related("indikator").order_by("indikator__kode", "tahun").first()
    lama = t.nilai
    baru = lama + Decimal("1.5")
    isi = ubah(
        isi,
        {
            ("target", sel(isi, "target", indikator=t.indikator.kode, tahun=t.tahun, kolom="target")): float(
                baru
            )
        },
    )
    halaman, url = unggah(c, isi, nama="target-baru.xlsx")
    html = halaman.content.decode()
    assert jumlah(html, "target")[:2] == (0, 1)
    assert "Bila diterapkan: 0 baris baru, 1 diubah," in html
    for lembar in ("indikator", "realisasi", "anggaran"):
        assert jumlah(html, lembar)[:2] == (0, 0)
    t.refresh_from_db()
    assert t.nilai == lama  # the dry run saved nothing
    assert not Jejak.objects.filter(aksi="impor").exists()

    c.post(url + "terapkan/")
    t.refresh_from_db()
    assert t.nilai == baru
    jejak = Jejak.objects.get(aksi="impor", keterangan="workbook")
    assert "target-baru.xlsx" in jejak.baru and "target: 0 created, 1 updated" in jejak.baru
    assert jejak.instansi.slug == "bantargebang" and jejak.user.username == "operator"
    # applying twice is refused: nothing changes
    resp = c.post(url + "terapkan/", follow=True)
    assert "sudah diterapkan" in resp.content.decode()
