"""The one download helper (laporan.unduhan.unduh): permission, MIME type, file name, and a
document that cannot be rendered answering 503."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import Http404

from akun.models import Peran
from dasar.galat import Ditolak
from laporan import keluaran
from laporan.dokumen import Dokumen
from laporan.unduhan import MIME, unduh
from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return InstansiFactory(slug="cikiwul")


def _user(nama, jenis, instansi):
    u = get_user_model().objects.create_user(nama)
    Peran.objects.create(user=u, jenis=jenis, instansi=instansi)
    return get_user_model().objects.get(pk=u.pk)


def _dok():
    dok = Dokumen(judul="Uji")
    dok.tambah_bab("Satu").paragraf("Isi.")
    return dok


def test_document_rendered_with_its_type_and_name(unit):
    pembaca = _user("pembaca", "viewer", unit)
    r = unduh(pembaca, unit, 2024, awalan="lkip", fmt="docx", isi=_dok)
    assert r.status_code == 200 and r["Content-Type"] == MIME["docx"]
    assert r["Content-Disposition"] == 'attachment; filename="lkip-cikiwul-2024.docx"'
    assert r.content.startswith(b"PK")  # a zip: the DOCX
    r = unduh(pembaca, unit, 2024, awalan="skm", fmt="xlsx", isi=lambda: b"xlsx-bytes")
    assert r.content == b"xlsx-bytes" and r["Content-Type"] == MIME["xlsx"]


def test_checks_come_before_building(unit):
    dibangun = []

    def isi():
        dibangun.append(1)
        return _dok()

    lain = _user("lain", "operator", InstansiFactory())
    with pytest.raises(Http404):
        unduh(lain, unit, 2024, awalan="lkip", fmt="docx", isi=isi)
    pembaca = _user("pembaca", "viewer", unit)
    with pytest.raises(PermissionDenied):
        unduh(pembaca, unit, 2024, awalan="skm", fmt="xlsx", isi=isi, aksi="isi")
    with pytest.raises(Http404):
        unduh(pembaca, unit, 2024, awalan="lkip", fmt="odt", isi=isi)
    assert dibangun == []
    with pytest.raises(Http404):  # a Dokumen has no xlsx form
        unduh(pembaca, unit, 2024, awalan="lkip", fmt="xlsx", isi=isi)


def test_render_failure_is_503_with_the_reason(unit, monkeypatch):
    def gagal(dok):
        raise Ditolak("LibreOffice tidak selesai dalam 120 detik.")

    monkeypatch.setattr(keluaran, "render_pdf", gagal)
    r = unduh(_user("pembaca", "viewer", unit), unit, 2024, awalan="lkip", fmt="pdf", isi=_dok)
    assert r.status_code == 503 and "120 detik" in r.content.decode()
