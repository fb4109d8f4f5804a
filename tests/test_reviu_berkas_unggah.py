"""Reviu of an LKIP file made elsewhere, from the web: the unit's staff or the Inspektorat upload
the file, the task queue's worker reads and checks it, the findings are shown in Indonesian and
the printable sheet (DOCX) is downloaded; audited; only for who may (docs/laporan.md)."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document

from audit.models import Jejak
from laporan.models import ReviuBerkas
from tests.tugas_bantu import DB, isi_unduhan, pekerja_satu_putaran

pytestmark = pytest.mark.django_db
SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / "000_8f6a8a44a28734a9.txt"
perlu_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"the seed report is not at {SEED}")
HALAMAN = "/unit/bantargebang/reviu-berkas/"


@pytest.fixture(autouse=True)
def antrian_db(settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"


def _unggah(c, nama, data):
    return c.post(HALAMAN, {"berkas": SimpleUploadedFile(nama, data)})


@perlu_seed
def test_seed_reviewed_by_the_worker_in_indonesian_with_its_sheet(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("evaluator")
    r = _unggah(c, "LKIP Bantargebang 2024.txt", SEED.read_bytes())
    rb = ReviuBerkas.objects.get()
    assert r.status_code == 302 and r["Location"] == f"{HALAMAN}{rb.pk}/"
    assert (rb.nama_berkas, rb.jenis, rb.temuan, rb.tugas.jenis) == (
        "LKIP Bantargebang 2024.txt",
        "txt",
        None,
        "reviu",
    )
    assert "sedang dibaca dan diperiksa" in c.get(r["Location"]).content.decode()

    pekerja_satu_putaran()

    rb.refresh_from_db()
    pesan = [t["message"] for t in rb.temuan if t["level"] == "error"]
    assert pesan[0] == "Tabel 3.21 dipakai 2 kali"
    assert "jumlah sasaran berbeda antarkalimat" in pesan
    assert rb.temuan[0]["where"] == "Tabel 3.21 (baris 1074, baris 1132)"
    html = c.get(r["Location"]).content.decode()
    assert "Tabel 3.21 dipakai 2 kali" in html and "Unduh lembar reviu untuk Inspektorat (DOCX)" in html
    assert " is used " not in html and " of «" not in html  # nothing left in English

    jejak = Jejak.objects.get(objek="laporan.ReviuBerkas")
    assert (jejak.aksi, jejak.keterangan, jejak.nama_pengguna, jejak.baru) == (
        "unggah",
        "reviu berkas",
        "evaluator",
        rb.sha256,
    )
    # the list page shows the file with its counts
    daftar = c.get(HALAMAN).content.decode()
    assert "LKIP Bantargebang 2024.txt" in daftar and "kesalahan" in daftar

    # the sheet last: closing a streamed download ends the request (request_finished closes the
    # database connection, which on PostgreSQL is the test's own)
    lembar = c.get(f"/unit/bantargebang/tugas/{rb.tugas.pk}/hasil/")
    doc = Document(io.BytesIO(isi_unduhan(lembar)))
    sel = [cell.text for t in doc.tables for row in t.rows for cell in row.cells]
    assert "Tabel 3.21 dipakai 2 kali" in sel and rb.sha256 in sel and "LKIP Bantargebang 2024.txt" in sel
    assert "Tindak lanjut" in sel and "Hitung ulang" in sel


def test_only_the_units_staff_and_the_inspektorat(pengguna_demo, masuk_sebagai):
    for peran in ("pembaca", "adminpemda"):
        assert _unggah(masuk_sebagai(peran), "a.txt", b"LKIP").status_code == 403
    assert not ReviuBerkas.objects.exists()
    for peran in ("operator", "pimpinan", "evaluator"):
        assert masuk_sebagai(peran).get(HALAMAN).status_code == 200


def test_another_units_file_is_not_found(pengguna_demo, masuk_sebagai):
    from tests.factories import InstansiFactory

    lain = InstansiFactory(slug="kec-lain")
    rb = ReviuBerkas.objects.create(
        instansi=lain, nama_berkas="x.txt", jenis="txt", ukuran=1, sha256="0" * 64, berkas="x"
    )
    assert masuk_sebagai("operator").get(f"{HALAMAN}{rb.pk}/").status_code == 404
