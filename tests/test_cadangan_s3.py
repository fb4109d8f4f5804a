"""Backup and restore with the files on S3-compatible storage: ``cadangkan`` copies the bucket's
objects (uploads and generated documents) into the zip, ``pulihkan`` into an empty database and an
empty bucket writes them back, with the same figures as before (moto's S3 API in the test
process, as tests/test_berkas_s3.py)."""

import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from dasar import dokumen
from tests.test_berkas_s3 import BUCKET, ember  # noqa: F401 - the fixture
from tests.test_cadangan_pulihkan import PDF, _keluaran, _kosongkan

pytestmark = pytest.mark.django_db(transaction=True)


def test_round_trip_through_the_bucket(pengguna_demo, ember, settings, tmp_path_factory, capsys):  # noqa: F811
    import boto3

    from pengukuran.models import Bukti, Realisasi
    from pengukuran.services import tambah_bukti

    r = Realisasi.objects.filter(indikator__instansi__slug="bantargebang").order_by("id").first()
    bukti = tambah_bukti(user=pengguna_demo["operator"], realisasi=r, berkas=SimpleUploadedFile("n.pdf", PDF))
    dokumen.tulis_sekali("terbitan/lkip/x/2024/lkip.docx", b"docx bytes")
    sebelum, di_ember = _keluaran(capsys), ember()
    assert di_ember == sorted([f"media/{bukti.berkas.name}", "dokumen/terbitan/lkip/x/2024/lkip.docx"])

    berkas = tmp_path_factory.mktemp("cadangan") / "cadangan.zip"  # not under the watched tmp_path
    call_command("cadangkan", "--out", str(berkas))
    with zipfile.ZipFile(berkas) as zf:
        assert zf.read("dokumen/terbitan/lkip/x/2024/lkip.docx") == b"docx bytes"
        assert zf.read(f"media/{bukti.berkas.name}") == PDF

    _kosongkan(settings)
    with pytest.raises(CommandError, match="tidak kosong"):  # the bucket still holds the files
        call_command("pulihkan", str(berkas))
    klien = boto3.client("s3", region_name="us-east-1", aws_access_key_id="uji", aws_secret_access_key="uji")
    for nama in di_ember:
        klien.delete_object(Bucket=BUCKET, Key=nama)
    assert ember() == []

    call_command("pulihkan", str(berkas))
    capsys.readouterr()
    assert _keluaran(capsys) == sebelum
    assert ember() == di_ember
    assert Bukti.objects.get().berkas.read() == PDF
    assert dokumen.baca("terbitan/lkip/x/2024/lkip.docx") == b"docx bytes"
