"""Upload size is refused before the body is read (issue #12, "Hostile files"): a multipart body
larger than UNGGAH_MAKS_BYTES gets 400 from its Content-Length alone (dasar/unggahan.py, the
first of FILE_UPLOAD_HANDLERS); nothing of it is read, kept in memory or written to disk."""

import pytest
from django.conf import settings
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from skm.models import Responden

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/skm/2025/impor/"


def test_the_limit_handler_comes_first_and_covers_the_largest_file():
    assert settings.FILE_UPLOAD_HANDLERS[0] == "dasar.unggahan.BatasUkuranUnggahan"
    assert settings.UNGGAH_MAKS_BYTES > settings.BUKTI_MAKS_BYTES


def test_announced_size_above_the_limit_is_refused_unread(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    body = encode_multipart(BOUNDARY, {"berkas": ""})
    # The test payload holds a few bytes but announces a gigabyte: reading past its end would fail
    # the test client's FakePayload, so a 400 here means the body was never read.
    r = c.generic("POST", URL, body, content_type=MULTIPART_CONTENT, CONTENT_LENGTH=str(10**9))
    assert r.status_code == 400
    assert not Responden.objects.exists()


def test_a_body_longer_than_the_limit_is_stopped(pengguna_demo, masuk_sebagai, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.UNGGAH_MAKS_BYTES = 4096
    c = masuk_sebagai("operator")
    r = c.post(URL, {"berkas": SimpleUploadedFile("besar.xlsx", b"x" * 10_000)})
    assert r.status_code == 400
    assert not Responden.objects.exists()
