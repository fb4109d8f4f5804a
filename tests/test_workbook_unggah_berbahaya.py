"""Hostile or wrong files on the workbook upload are refused with a message (checked by content:
dasar.unggahan.cek_unggahan, dasar.xlsx.cek_berkas) and nothing of them is kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.test_keamanan_berkas import BOM_XML, SHEET, _replace, _workbook, _zip_bomb
from workbook.models import UnggahanWorkbook

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/workbook/2024/unggah/"


def _kirim(c, nama, isi):
    return c.post(URL, {"berkas": SimpleUploadedFile(nama, isi)}, follow=True).content.decode()


@pytest.mark.parametrize("jenis", ["zip", "xml"])
def test_bombs_are_refused_and_not_kept(pengguna_demo, masuk_sebagai, tmp_path, jenis, settings):
    path = (
        _zip_bomb(tmp_path, mb=30)
        if jenis == "zip"
        else _replace(_workbook(tmp_path / "bom.xlsx"), SHEET, lambda f: f.write(BOM_XML))
    )
    html = _kirim(masuk_sebagai("operator"), "bom.xlsx", path.read_bytes())
    assert "bom.xlsx: berkas ditolak" in html
    assert not UnggahanWorkbook.objects.exists()
    assert not list((settings.MEDIA_ROOT / "workbook").rglob("*.xlsx"))


def test_not_a_workbook_is_refused_by_its_content(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    html = _kirim(c, "data.xlsx", b"%PDF-1.4\n" + b"0" * 200)
    assert "Berkas data.xlsx bukan workbook .xlsx (diperiksa dari isinya)." in html
    html = _kirim(c, "data.xlsx", b"instansi,kode\nbantargebang,x\n")
    assert "bukan PDF, JPG, PNG atau XLSX" in html
    assert not UnggahanWorkbook.objects.exists()


def test_no_file_is_a_message(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("operator").post(URL, {}, follow=True).content.decode()
    assert "Pilih berkas workbook (.xlsx) untuk diunggah." in html
