"""The documents' storage (``dasar.dokumen``) on local files: it follows DOKUMEN_ROOT, writes a
name once, lists and deletes a folder with its emptied sub-folders."""

import pytest

from dasar import dokumen


def test_follows_dokumen_root_and_writes_once(settings, tmp_path):
    settings.DOKUMEN_ROOT = tmp_path / "a"
    assert dokumen.tulis_sekali("terbitan/x.pdf", b"satu") == "terbitan/x.pdf"
    assert (tmp_path / "a" / "terbitan" / "x.pdf").read_bytes() == b"satu"
    with pytest.raises(FileExistsError):
        dokumen.tulis_sekali("terbitan/x.pdf", b"dua")
    assert dokumen.baca("terbitan/x.pdf") == b"satu"  # never written over
    assert dokumen.isi_folder("terbitan") == ["terbitan/x.pdf"]  # no second name was left either

    settings.DOKUMEN_ROOT = tmp_path / "b"  # the setting changes: the storage follows
    assert not dokumen.ada("terbitan/x.pdf")
    with pytest.raises(FileNotFoundError):
        dokumen.baca("terbitan/x.pdf")


def test_a_folder_is_deleted_with_its_subfolders(settings, tmp_path):
    settings.DOKUMEN_ROOT = tmp_path
    for nama in ("tugas/7/1/a.docx", "tugas/7/2/a.docx", "tugas/8/1/b.pdf"):
        dokumen.tulis_sekali(nama, b"isi")
    assert dokumen.isi_folder("tugas/7") == ["tugas/7/1/a.docx", "tugas/7/2/a.docx"]
    dokumen.hapus_folder("tugas/7")
    assert not (tmp_path / "tugas" / "7").exists()
    assert dokumen.isi_folder("tugas") == ["tugas/8/1/b.pdf"]
    assert dokumen.isi_folder("tidak-ada") == []
    dokumen.hapus("tidak-ada/x")  # nothing there: nothing happens
