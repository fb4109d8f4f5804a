"""The pemda's profile in the console: its name, the logo for documents (an image, judged by its
content, stored on organisasi.Pemda.logo) and the tahun berjalan, the year selector's default."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from akun.models import Peran
from audit.models import Jejak
from organisasi.models import Pemda

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def _klien(user):
    c = Client()
    c.force_login(user)
    return c


def test_the_admin_sets_name_year_and_logo(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    r = c.post(
        "/konsol/profil/",
        {
            "nama": "Pemerintah Kota A",
            "tahun_berjalan": "2025",
            "wajib_otp": "on",
            "logo": SimpleUploadedFile("logo.png", PNG),
        },
    )
    assert r.status_code == 302
    p = Pemda.objects.get(pk=d.a.pk)
    assert (p.nama, p.tahun_berjalan, p.wajib_otp) == ("Pemerintah Kota A", 2025, True)
    assert p.logo.name.endswith(".png") and p.logo.read() == PNG
    r = c.get("/konsol/profil/logo/")
    assert r["Content-Type"] == "image/png" and r["X-Content-Type-Options"] == "nosniff"
    assert set(Jejak.objects.filter(objek="organisasi.Pemda").values_list("field", flat=True)) == {
        "nama",
        "tahun_berjalan",
        "wajib_otp",
        "logo",
    }
    assert _klien(d.admin_b).get("/konsol/profil/logo/").status_code == 404  # B has no logo; A's is not B's
    # removed on request
    assert c.post("/konsol/profil/", {"nama": "Pemerintah Kota A", "hapus_logo": "on"}).status_code == 302
    assert not Pemda.objects.get(pk=d.a.pk).logo


@pytest.mark.parametrize(
    ("berkas", "pesan"),
    [
        (
            SimpleUploadedFile("logo.png", b"%PDF-1.4 bukan gambar"),
            "Logo harus gambar PNG atau JPG, bukan PDF",
        ),  # a PDF named .png
        (SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>"), "diperiksa dari isinya"),
    ],
)
def test_a_logo_that_is_not_an_image_is_refused_by_its_content(dua_pemda, berkas, pesan):
    d = dua_pemda
    c = _klien(d.admin_a)
    r = c.post("/konsol/profil/", {"nama": "Nama Baru Diketik", "tahun_berjalan": "2026", "logo": berkas})
    html = r.content.decode()
    assert r.status_code == 200 and 'value="Nama Baru Diketik"' in html and 'value="2026"' in html
    assert pesan in html
    p = Pemda.objects.get(pk=d.a.pk)
    assert (p.nama, p.tahun_berjalan, bool(p.logo)) == ("Kota A", None, False)  # nothing half-saved
    assert not Jejak.objects.exists()


def test_the_tahun_berjalan_is_the_default_year_of_the_pemdas_users(dua_pemda):
    d = dua_pemda
    Pemda.objects.filter(pk=d.a.pk).update(tahun_berjalan=2026)
    html = _klien(d.op_a).get("/unit/unit-a/").content.decode()
    assert '<option value="2026" selected>' in html
    Peran.objects.create(user=d.admin_b, jenis="viewer", instansi=d.unit_b)
    assert '<option value="2026" selected>' not in _klien(d.admin_b).get("/unit/unit-b/").content.decode()
