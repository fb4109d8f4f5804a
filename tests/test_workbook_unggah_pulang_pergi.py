"""Round trip in the web: the unit's workbook downloaded and uploaded unchanged changes nothing —
the dry run counts every row unchanged, and applying it saves nothing new."""

import pytest

from audit.models import Jejak
from perencanaan.models import Target
from tests.workbook_unggah_bantu import jumlah, unduh, unggah
from workbook.models import UnggahanWorkbook

pytestmark = pytest.mark.django_db


def test_download_then_upload_unchanged_gives_no_change(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    isi = unduh(c)
    sebelum = sorted(Target.objects.values_list("indikator__kode", "tahun", "nilai"))
    halaman, url = unggah(c, isi)
    html = halaman.content.decode()
    assert url is not None
    assert "Bila diterapkan: 0 baris baru, 0 diubah," in html
    assert jumlah(html, "target")[:2] == (0, 0) and jumlah(html, "target")[2] == len(sebelum)
    assert jumlah(html, "indikator")[:2] == (0, 0)
    u = UnggahanWorkbook.objects.get()
    assert u.hasil["galat"] == [] and all(
        c["created"] == 0 and c["updated"] == 0 for c in u.hasil["jumlah"].values()
    )
    resp = c.post(url + "terapkan/")
    assert resp.status_code == 302
    u.refresh_from_db()
    assert u.status == "diterapkan" and not u.berkas
    assert sorted(Target.objects.values_list("indikator__kode", "tahun", "nilai")) == sebelum
    jejak = Jejak.objects.get(aksi="impor", keterangan="workbook")
    assert "workbook-bantargebang-2024.xlsx" in jejak.baru and "target: 0 created, 0 updated" in jejak.baru
