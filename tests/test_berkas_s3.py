"""With SAKIP_S3_BUCKET the stored files live in an S3-compatible bucket, not on the web server's
disk: issued LKIP versions and job results (the ``dokumen`` storage, prefix ``dokumen/``), a large
SKM upload waiting for the worker and the reviewed uploads (prefix ``media/`` and ``dokumen/``),
and the backup copies them from there. The bucket is moto's S3 API inside the test process
(django-storages' S3 backend and boto3 run unchanged against it); nothing is written under
DOKUMEN_ROOT or MEDIA_ROOT."""

import json
import zipfile
from datetime import timedelta

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from moto import mock_aws

from cadangan.arsip import cadangkan
from dasar import dokumen
from laporan.models import ReviuBerkas, TerbitanLKIP
from skm import services as skm_services
from skm.models import Responden
from tests.terbitan_bantu import PDF_PALSU, tanpa_libreoffice
from tests.test_skm_unggah import URL as UNGGAH_SKM
from tests.test_skm_unggah import _row, _xlsx
from tests.tugas_bantu import DB, isi_unduhan, pekerja_satu_putaran
from tugas.models import Tugas
from tugas.services import hapus_kedaluwarsa

pytestmark = pytest.mark.django_db
BUCKET = "sakip-uji"


def _s3(prefix: str) -> dict:
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "region_name": "us-east-1",
            "access_key": "uji",
            "secret_key": "uji",
            "location": prefix,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }


@pytest.fixture
def ember(settings, tmp_path, monkeypatch):
    """The bucket's object names, listed fresh on each call."""
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    settings.MEDIA_ROOT = tmp_path / "media"
    tanpa_libreoffice(monkeypatch)
    with mock_aws():
        klien = boto3.client(
            "s3", region_name="us-east-1", aws_access_key_id="uji", aws_secret_access_key="uji"
        )
        klien.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": _s3("media"),
            "dokumen": _s3("dokumen"),
        }

        def nama() -> list[str]:
            isi = klien.list_objects_v2(Bucket=BUCKET).get("Contents", [])
            return sorted(o["Key"] for o in isi)

        yield nama
    assert not [f for f in tmp_path.rglob("*") if f.is_file()], "a file was written to the local disk"


def _terbitkan(c):
    c.post("/unit/bantargebang/lkip/2024/terbitkan/")
    pekerja_satu_putaran()
    p, t = Tugas.objects.get(), TerbitanLKIP.objects.get()
    assert p.status == "selesai", p.alasan_gagal
    return p, t


def test_issued_lkip_and_the_job_file_are_objects_in_the_bucket(pengguna_demo, masuk_sebagai, ember):
    c = masuk_sebagai("pimpinan")
    p, t = _terbitkan(c)
    assert p.berkas == f"tugas/{p.pk}/1/lkip-v1-bantargebang-2024.pdf"
    assert ember() == sorted([f"dokumen/{t.berkas_docx}", f"dokumen/{t.berkas_pdf}", f"dokumen/{p.berkas}"])
    assert dokumen.baca(t.berkas_pdf).startswith(PDF_PALSU)
    with pytest.raises(FileExistsError):  # an issued file is never written over
        dokumen.tulis_sekali(t.berkas_pdf, b"lain")
    data = dokumen.baca(t.berkas_pdf)
    assert data.startswith(PDF_PALSU)
    # last: closing the streamed download ends the request, which closes the test's connection on PostgreSQL
    d = c.get(f"/unit/bantargebang/tugas/{p.pk}/hasil/")
    assert d.status_code == 200 and isi_unduhan(d) == data


def test_an_expired_job_takes_its_object_with_it(pengguna_demo, masuk_sebagai, ember):
    p, t = _terbitkan(masuk_sebagai("pimpinan"))
    assert hapus_kedaluwarsa(sekarang=timezone.now() + timedelta(days=365)) == 1
    assert ember() == sorted(
        [f"dokumen/{t.berkas_docx}", f"dokumen/{t.berkas_pdf}"]
    )  # the issued version stays


def test_the_backup_reads_the_bucket(pengguna_demo, masuk_sebagai, ember, tmp_path_factory):
    c = masuk_sebagai("evaluator")
    c.post("/unit/bantargebang/reviu-berkas/", {"berkas": SimpleUploadedFile("lkip.txt", b"LKIP 2024\n")})
    rb = ReviuBerkas.objects.get()
    assert ember() == [f"dokumen/{rb.berkas}"]
    pekerja_satu_putaran()
    rb.refresh_from_db()
    assert rb.temuan is not None and rb.tugas.status == "selesai"  # the worker read it from the bucket

    out = tmp_path_factory.mktemp("cadangan") / "cadangan.zip"
    ringkasan = cadangkan(out)
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        berkas = {d["nama"]: d for d in manifest["berkas"]}
        assert f"dokumen/{rb.berkas}" in berkas
        assert zf.read(f"dokumen/{rb.berkas}") == b"LKIP 2024\n"
    assert ringkasan.files["dokumen"] == len(ember())


def test_a_large_skm_upload_waits_in_the_bucket(
    pengguna_demo, masuk_sebagai, ember, monkeypatch, tmp_path_factory
):
    monkeypatch.setattr(skm_services, "BATAS_LANGSUNG_BYTES", 100)  # the file goes to the worker
    c = masuk_sebagai("operator")
    c.post(UNGGAH_SKM, {"berkas": _xlsx(tmp_path_factory.mktemp("x"), [_row(), _row(saran="antre")])})
    p = Tugas.objects.get()
    assert [n for n in ember() if n.startswith("media/")] == [f"media/{p.parameter['berkas']}"]
    pekerja_satu_putaran()
    p.refresh_from_db()
    assert p.status == "selesai", p.alasan_gagal
    assert Responden.objects.count() == 2
    assert ember() == [f"dokumen/{p.berkas}"]  # the upload is gone, the report is kept


def test_a_workbook_upload_is_checked_and_applied_from_the_bucket(pengguna_demo, masuk_sebagai, ember):
    from tests.workbook_unggah_bantu import unduh, unggah
    from workbook.models import UnggahanWorkbook

    c = masuk_sebagai("operator")
    halaman, url = unggah(c, unduh(c))
    u = UnggahanWorkbook.objects.get()
    assert url is not None and u.hasil["galat"] == [], u.hasil
    assert ember() == [f"media/{u.berkas.name}"]  # kept in the bucket for the dry run and Terapkan
    assert c.post(url + "terapkan/").status_code == 302
    u.refresh_from_db()
    assert u.status == "diterapkan" and ember() == []  # applied from the bucket, then deleted
