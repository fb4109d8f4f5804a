"""Budget realisasi per quarter: entered under the quarter's budget workflow (its own, apart from
the performance realisasi's), refused above the pagu."""

import pytest

from anggaran.models import BarisAnggaran, RealisasiAnggaran

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/anggaran/2024/realisasi/TW1/"


def test_entry_then_locked_after_submission(pengguna_demo, masuk_sebagai):
    b = BarisAnggaran.objects.get(sub_kegiatan__kode="7.01.01.2.01.0006")  # pagu 5.000.000
    op = masuk_sebagai("operator")
    r = op.post(URL + "simpan/", {f"baris-{b.id}": "1.250.000"}, follow=True)
    assert "disimpan (1 baris berubah)" in r.content.decode()
    assert RealisasiAnggaran.objects.get(baris=b, periode="TW1").nilai == 1250000
    r = op.post(URL + "simpan/", {f"baris-{b.id}": "6.000.000"}, follow=True)
    assert "melebihi pagu Rp 5.000.000" in r.content.decode()
    assert RealisasiAnggaran.objects.get(baris=b, periode="TW1").nilai == 1250000
    op.post(URL + "status/", {"aksi": "ajukan"})  # the budget quarter submitted
    r = op.post(URL + "simpan/", {f"baris-{b.id}": "2.000.000"}, follow=True)
    assert "Realisasi anggaran TW1 2024 berstatus diajukan dan tidak dapat diubah" in r.content.decode()
    assert RealisasiAnggaran.objects.get(baris=b, periode="TW1").nilai == 1250000


def test_viewer_cannot_enter(pengguna_demo, masuk_sebagai):
    b = BarisAnggaran.objects.first()
    assert masuk_sebagai("pembaca").post(URL + "simpan/", {f"baris-{b.id}": "1"}).status_code == 403
    assert "Rp 5.000.000" in masuk_sebagai("pembaca").get(URL).content.decode()


def test_a_refused_save_keeps_every_typed_value_and_marks_the_cell(pengguna_demo, masuk_sebagai):
    a, b = BarisAnggaran.objects.filter(sub_kegiatan__kode__startswith="7.01").order_by("id")[:2]
    r = masuk_sebagai("operator").post(
        URL + "simpan/", {f"baris-{a.id}": "1.250.000", f"baris-{b.id}": "12x"}
    )
    html = r.content.decode()
    assert r.status_code == 400 and "Belum ada yang disimpan" in html
    assert 'value="1.250.000"' in html and 'value="12x"' in html  # both typed values kept
    assert f'aria-describedby="b{b.id}-salah"' in html and 'aria-invalid="true"' in html
    assert not RealisasiAnggaran.objects.filter(baris__in=[a, b], periode="TW1").exists()
