"""A file that is not an LKIP is refused with a message naming it, and nothing is kept: not a
row, not a file, not a job (hostile input: executables, random bytes, zip bombs, a ZIP that is
no DOCX, an empty file, a file over the size limit)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from laporan import services
from laporan.models import ReviuBerkas
from tugas.models import Tugas

pytestmark = pytest.mark.django_db
HALAMAN = "/unit/bantargebang/reviu-berkas/"


def _zip(entri: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for nama, isi in entri.items():
            zf.writestr(nama, isi)
    return buf.getvalue()


@pytest.mark.parametrize(
    "nama, data, pesan",
    [
        ("program.pdf", b"MZ\x90\x00" + bytes(200), "bukan PDF, DOCX atau teks UTF-8"),
        ("acak.docx", bytes(range(256)) * 4, "bukan PDF, DOCX atau teks UTF-8"),
        ("kosong.txt", b"", "bukan PDF, DOCX atau teks UTF-8"),
        ("arsip.docx", _zip({"a.txt": b"halo"}), "bukan dokumen Word (DOCX)"),
        ("bom.docx", _zip({"word/document.xml": b"<a>" + b" " * (2 * 1024 * 1024) + b"</a>"}), "ditolak"),
        ("entitas.docx", _zip({"word/document.xml": b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'}), "ditolak"),
        ("rusak.docx", b"PK\x03\x04" + bytes(100), "rusak"),
    ],
)
def test_refused_with_the_file_named_and_nothing_kept(
    pengguna_demo, masuk_sebagai, settings, tmp_path, nama, data, pesan
):
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    r = masuk_sebagai("operator").post(HALAMAN, {"berkas": SimpleUploadedFile(nama, data)})
    assert r.status_code == 400
    html = r.content.decode()
    assert nama in html and pesan in html
    assert not ReviuBerkas.objects.exists() and not Tugas.objects.exists()
    assert not (tmp_path / "dokumen").exists()


def test_too_large_is_refused(pengguna_demo, masuk_sebagai, settings, tmp_path, monkeypatch):
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    monkeypatch.setattr(services, "REVIU_MAKS_BYTES", 1000)
    r = masuk_sebagai("operator").post(HALAMAN, {"berkas": SimpleUploadedFile("besar.txt", b"a" * 1001)})
    assert r.status_code == 400 and "terlalu besar" in r.content.decode()
    assert not ReviuBerkas.objects.exists()


def test_no_file_chosen(pengguna_demo, masuk_sebagai):
    r = masuk_sebagai("operator").post(HALAMAN, {})
    assert r.status_code == 400 and "Pilih berkas LKIP" in r.content.decode()
