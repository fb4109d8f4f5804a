"""The uploaded file kept between the dry run and "Terapkan": applying re-checks its SHA-256 and
its expiry, and refuses (saving nothing) a file changed since, or an upload too old."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from perencanaan.models import Target
from tests.workbook_unggah_bantu import sel, ubah, unduh, unggah
from workbook.models import UnggahanWorkbook

pytestmark = pytest.mark.django_db


def _satu_target_diubah(c):
    isi = unduh(c)
    t = Target.objects.select_related("indikator").order_by("indikator__kode", "tahun").first()
    a = sel(isi, "target", indikator=t.indikator.kode, tahun=t.tahun, kolom="target")
    return t, ubah(isi, {("target", a): float(t.nilai + Decimal(7))})


def test_a_stored_file_changed_after_the_dry_run_is_refused(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    t, isi = _satu_target_diubah(c)
    _halaman, url = unggah(c, isi)
    u = UnggahanWorkbook.objects.get()
    with open(u.berkas.path, "ab") as f:  # the stored file is not the one the dry run read
        f.write(b"\0")
    resp = c.post(url + "terapkan/", follow=True)
    assert "berubah sejak diperiksa" in resp.content.decode()
    lama = t.nilai
    t.refresh_from_db()
    assert t.nilai == lama


def test_an_expired_upload_is_refused_and_cleared_by_the_next_upload(pengguna_demo, masuk_sebagai, settings):
    c = masuk_sebagai("operator")
    t, isi = _satu_target_diubah(c)
    _halaman, url = unggah(c, isi)
    UnggahanWorkbook.objects.update(kedaluwarsa=timezone.now() - dt.timedelta(minutes=1))
    resp = c.post(url + "terapkan/", follow=True)
    assert "sudah kedaluwarsa" in resp.content.decode()
    lama = t.nilai
    t.refresh_from_db()
    assert t.nilai == lama
    lama_path = UnggahanWorkbook.objects.get().berkas.path
    unggah(c, isi)
    assert UnggahanWorkbook.objects.count() == 1
    import os

    assert not os.path.exists(lama_path)
