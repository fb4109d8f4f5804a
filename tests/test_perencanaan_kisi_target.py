"""The targets grid: all indicators × all Renstra years in one form. One POST saves every cell
(audited); a bad cell — not a number, or ambiguous like "1.250" — keeps every typed value,
marks the cell with the message and saves nothing; a cleared cell removes its target; a rentang
indicator has a batas atas row."""

from decimal import Decimal

import pytest

from audit.models import Aksi, Jejak
from perencanaan.models import Target
from tests.renstra_bantu import renstra_kecil

pytestmark = pytest.mark.django_db
URL = "/unit/kec-baru/renstra/target/"


def _nilai():
    return {(t.indikator.kode, t.tahun): t.nilai for t in Target.objects.select_related("indikator")}


def _semua(r, teks):
    """Every cell of the grid: indicator IK1..IK3 × 2025..2027, from a 3×3 list of texts."""
    return {
        f"t-{ind.pk}-{y}": teks[i][j]
        for i, ind in enumerate((r.ik1, r.ik2, r.ik3))
        for j, y in enumerate((2025, 2026, 2027))
    }


def test_the_grid_lists_every_indicator_and_year_with_labels():
    r = renstra_kecil()
    Target.objects.create(indikator=r.ik1, tahun=2026, nilai=Decimal("97.8"))
    Target.objects.create(indikator=r.ik1, tahun=2027, nilai=Decimal("80.125"))
    html = r.op.get(URL).content.decode()
    for ind in (r.ik1, r.ik2, r.ik3):
        for y in (2025, 2026, 2027):
            assert f'name="t-{ind.pk}-{y}"' in html
            assert f'<label class="sr" for="t-{ind.pk}-{y}">Target {ind.kode} {y}</label>' in html
    assert f'name="t-{r.ik1.pk}-2026" value="97,8"' in html
    assert f'name="t-{r.ik1.pk}-2027" value="80,1250"' in html  # exact, and read back the same
    assert "kisi_target.js" in html and "Simpan" in html


def test_one_post_saves_every_cell_audited():
    r = renstra_kecil()
    Target.objects.create(indikator=r.ik3, tahun=2027, nilai=Decimal(1))
    data = _semua(r, [["97,8", "98", "98,5"], ["12", "10", "8"], ["1.250.000", "75,25", ""]])
    resp = r.op.post(URL, data)
    assert resp.status_code == 302
    assert _nilai() == {
        ("IK1", 2025): Decimal("97.8"),
        ("IK1", 2026): Decimal(98),
        ("IK1", 2027): Decimal("98.5"),
        ("IK2", 2025): Decimal(12),
        ("IK2", 2026): Decimal(10),
        ("IK2", 2027): Decimal(8),
        ("IK3", 2025): Decimal(1250000),
        ("IK3", 2026): Decimal("75.25"),
    }  # the cleared IK3 2027 target is removed
    assert Jejak.objects.filter(objek="perencanaan.Target", aksi=Aksi.BUAT).count() == 8
    assert Jejak.objects.filter(objek="perencanaan.Target", aksi=Aksi.HAPUS).count() == 1
    assert "Target disimpan (9 sel berubah)" in r.op.get(resp["Location"]).content.decode()
    # saving the page again unchanged changes nothing
    html = r.op.get(URL).content.decode()
    assert f'name="t-{r.ik3.pk}-2025" value="1250000"' in html
    r.op.post(URL, _semua(r, [["97,8", "98", "98,5"], ["12", "10", "8"], ["1250000", "75,25", ""]]))
    assert Jejak.objects.filter(objek="perencanaan.Target").count() == 9


@pytest.mark.parametrize(
    "teks, pesan",
    [
        ("1.250", "“1.250” dapat dibaca 1250 atau 1,25: tulis 1250 (ribuan) atau 1,25 (desimal)."),
        ("9x", "“9x” bukan angka"),
    ],
)
def test_a_bad_cell_keeps_every_typed_value_and_saves_nothing(teks, pesan):
    r = renstra_kecil()
    Target.objects.create(indikator=r.ik1, tahun=2025, nilai=Decimal(50))
    data = _semua(r, [["97,8", "98", "98,5"], ["12", teks, "8"], ["70", "75,25", "80"]])
    resp = r.op.post(URL, data)
    assert resp.status_code == 400
    html = resp.content.decode()
    assert "1 sel belum benar; tidak ada yang disimpan" in html
    assert pesan in html
    assert f"Target IK2 2026: {pesan[:20]}" in html
    for nama, nilai in data.items():
        assert f'name="{nama}" value="{nilai}"' in html  # every typed value is kept
    assert f'<td class="angka sel-galat"><label class="sr" for="t-{r.ik2.pk}-2026">' in html
    assert f'aria-invalid="true" aria-describedby="t-{r.ik2.pk}-2026-galat"' in html
    assert _nilai() == {("IK1", 2025): Decimal(50)}
    assert not Jejak.objects.filter(objek="perencanaan.Target").exists()


def test_rentang_indicator_has_a_batas_atas_row():
    r = renstra_kecil()
    r.ik2.polaritas = "rentang"
    r.ik2.save()
    html = r.op.get(URL).content.decode()
    assert f'name="a-{r.ik2.pk}-2025"' in html and f'name="a-{r.ik1.pk}-2025"' not in html
    resp = r.op.post(URL, {f"t-{r.ik2.pk}-2025": "5", f"a-{r.ik2.pk}-2025": "3"})
    assert resp.status_code == 400 and "batas atas tidak boleh di bawah target" in resp.content.decode()
    assert not Target.objects.exists()
    r.op.post(URL, {f"t-{r.ik2.pk}-2025": "3", f"a-{r.ik2.pk}-2025": "5"})
    t = Target.objects.get(indikator=r.ik2, tahun=2025)
    assert (t.nilai, t.nilai_atas) == (3, 5)


def test_cells_not_in_the_form_are_left_alone():
    r = renstra_kecil()
    Target.objects.create(indikator=r.ik1, tahun=2025, nilai=Decimal(50))
    r.op.post(URL, {f"t-{r.ik2.pk}-2025": "7"})
    assert _nilai() == {("IK1", 2025): Decimal(50), ("IK2", 2025): Decimal(7)}
