"""One bad cell in the uploaded workbook: the dry run names it as sheet!cell with an Indonesian
message and saves nothing, and trying to apply it anyway changes nothing."""

import pytest

from perencanaan.models import Target
from tests.workbook_unggah_bantu import sel, ubah, unduh, unggah
from workbook.models import UnggahanWorkbook

pytestmark = pytest.mark.django_db


def test_bad_cell_is_named_and_nothing_changes_even_when_applied(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    isi = unduh(c)
    t = Target.objects.select_related("indikator").order_by("indikator__kode", "tahun").first()
    sel_target = sel(isi, "target", indikator=t.indikator.kode, tahun=t.tahun, kolom="target")
    isi = ubah(isi, {("target", sel_target): "delapan puluh"})
    sebelum = sorted(Target.objects.values_list("indikator__kode", "tahun", "nilai"))
    halaman, url = unggah(c, isi)
    html = halaman.content.decode()
    assert f"<td>target!{sel_target}</td>" in html
    assert "target harus berupa angka, tertulis &quot;delapan puluh&quot;" in html
    assert "tidak ada yang disimpan" in html and "Terapkan (" not in html
    assert UnggahanWorkbook.objects.get().hasil["galat"] == [
        f'target!{sel_target}: target harus berupa angka, tertulis "delapan puluh"'
    ]
    resp = c.post(url + "terapkan/", follow=True)
    assert "masih bermasalah" in resp.content.decode()
    assert sorted(Target.objects.values_list("indikator__kode", "tahun", "nilai")) == sebelum
    assert UnggahanWorkbook.objects.get().status == "diperiksa"
