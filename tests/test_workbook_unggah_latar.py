"""A large workbook upload goes through the task queue: its dry run and, after Terapkan, its import
run in the worker (workbook/tugas.py); the result page waits for them, nothing is saved before
the worker applies it, and the import is audited as in the request."""

from decimal import Decimal

import pytest

from audit.models import Jejak
from perencanaan.models import Target
from tests.tugas_bantu import DB, pekerja_satu_putaran
from tests.workbook_unggah_bantu import jumlah, sel, ubah, unduh, unggah
from tugas.models import Tugas
from workbook import services
from workbook.models import UnggahanWorkbook

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _besar(settings, monkeypatch):
    settings.TASKS = DB
    monkeypatch.setattr(services, "BATAS_LANGSUNG_BYTES", 1000)  # every test file counts as large


def test_a_large_upload_is_checked_and_applied_by_the_worker(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    isi = unduh(c)
    t = Target.objects.select_related("indikator").order_by("indikator__kode", "tahun").first()
    lama = t.nilai
    a = sel(isi, "target", indikator=t.indikator.kode, tahun=t.tahun, kolom="target")
    isi = ubah(isi, {("target", a): float(lama + Decimal(3))})
    halaman, url = unggah(c, isi)
    html = halaman.content.decode()
    assert "uji cobanya dikerjakan di latar belakang" in html and 'http-equiv="refresh"' in html
    u = UnggahanWorkbook.objects.get()
    assert u.status == "uji_antri" and u.tugas.jenis == "workbook" and u.tugas.status == "antri"

    pekerja_satu_putaran()  # the dry run
    u.refresh_from_db()
    assert u.status == "diperiksa" and u.tugas.status == "selesai"
    html = c.get(url).content.decode()
    assert jumlah(html, "target")[:2] == (0, 1) and "Terapkan (0 baru, 1 diubah)" in html
    t.refresh_from_db()
    assert t.nilai == lama

    resp = c.post(url + "terapkan/", follow=True)
    assert "penerapannya dikerjakan di latar belakang" in resp.content.decode()
    u.refresh_from_db()
    assert u.status == "terapkan_antri"
    t.refresh_from_db()
    assert t.nilai == lama  # not before the worker

    pekerja_satu_putaran()  # the import
    u.refresh_from_db()
    t.refresh_from_db()
    assert u.status == "diterapkan" and t.nilai == lama + Decimal(3) and not u.berkas
    assert Tugas.objects.filter(jenis="workbook", status="selesai").count() == 2
    jejak = Jejak.objects.get(aksi="impor", keterangan="workbook")
    assert "target: 0 created, 1 updated" in jejak.baru and jejak.user.username == "operator"
    assert "Tersimpan: 0 baris baru, 1 diubah, " in c.get(url).content.decode()


def test_a_large_upload_with_a_bad_cell_saves_nothing(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    isi = unduh(c)
    a = sel(isi, "target", instansi="bantargebang", kolom="target")
    isi = ubah(isi, {("target", a): "banyak"})
    sebelum = sorted(Target.objects.values_list("indikator__kode", "tahun", "nilai"))
    _halaman, url = unggah(c, isi)
    pekerja_satu_putaran()
    html = c.get(url).content.decode()
    assert f"<td>target!{a}</td>" in html and "tidak ada yang disimpan" in html
    assert "masih bermasalah" in c.post(url + "terapkan/", follow=True).content.decode()
    pekerja_satu_putaran()
    assert sorted(Target.objects.values_list("indikator__kode", "tahun", "nilai")) == sebelum
