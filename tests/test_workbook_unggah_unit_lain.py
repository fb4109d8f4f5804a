"""A unit's upload writes only that unit's data: a file naming another unit is refused with the
message at its cell; the pemda's admin uploads for any unit of its pemda but still only that
unit's file; the pemda's own officials change only by the admin's upload; one user's upload is
nobody else's; viewers cannot upload."""

import pytest
from django.contrib.auth import get_user_model

from akun.models import Peran
from organisasi.models import Pejabat
from perencanaan.models import Target
from tests.factories import InstansiFactory
from tests.workbook_unggah_bantu import jumlah, sel, ubah, unduh, unggah
from workbook.models import UnggahanWorkbook

pytestmark = pytest.mark.django_db


def test_a_file_naming_another_unit_is_refused_at_its_cells(pengguna_demo, masuk_sebagai, demo):
    InstansiFactory(pemda=demo.pemda, slug="rawalumbu", nama="Kecamatan Rawalumbu")
    c = masuk_sebagai("operator")
    isi = unduh(c)
    a = sel(isi, "target", instansi="bantargebang", kolom="instansi")
    isi = ubah(isi, {("target", a): "rawalumbu"})
    sebelum = sorted(
        Target.objects.values_list("indikator__instansi__slug", "indikator__kode", "tahun", "nilai")
    )
    halaman, _url = unggah(c, isi)
    html = halaman.content.decode()
    assert f"<td>target!{a}</td>" in html
    assert (
        "diunggah untuk Kecamatan Bantargebang (&quot;bantargebang&quot;), tetapi baris ini menyebut &quot;rawalumbu&quot;"
        in html
    )
    assert "Terapkan (" not in html
    assert (
        sorted(Target.objects.values_list("indikator__instansi__slug", "indikator__kode", "tahun", "nilai"))
        == sebelum
    )


def test_the_pemda_admin_uploads_for_a_unit_of_its_pemda_only_that_units_file(
    pengguna_demo, masuk_sebagai, demo
):
    InstansiFactory(pemda=demo.pemda, slug="rawalumbu", nama="Kecamatan Rawalumbu")
    admin = masuk_sebagai("adminpemda")
    isi = unduh(admin)
    # Bantargebang's file on Rawalumbu's page: every unit cell is named
    halaman, _url = unggah(admin, isi, url="/unit/rawalumbu/workbook/2024/unggah/")
    html = halaman.content.decode()
    assert "<td>instansi!A2</td>" in html and "diunggah untuk Kecamatan Rawalumbu" in html
    # on Bantargebang's own page it is checked, and may be applied
    halaman, url = unggah(admin, isi)
    assert "Terapkan (0 baru, 0 diubah)" in halaman.content.decode()


def test_pemda_officials_change_only_through_the_admins_upload(pengguna_demo, masuk_sebagai):
    op, admin = masuk_sebagai("operator"), masuk_sebagai("adminpemda")
    isi = unduh(op)
    b = sel(isi, "pejabat", kode="walikota", kolom="nama")
    isi = ubah(isi, {("pejabat", b): "Tri Adhianto"})
    halaman, _url = unggah(op, isi)
    html = halaman.content.decode()
    assert f"<td>pejabat!{b}</td>" in html and "hanya dapat ditambah atau diubah oleh admin pemda" in html
    halaman, url = unggah(admin, isi)
    # one official changed; every other official of the demo (pemda and unit) unchanged
    assert jumlah(halaman.content.decode(), "pejabat") == (0, 1, Pejabat.objects.count() - 1)
    admin.post(url + "terapkan/")
    assert Pejabat.objects.get(kode="walikota", instansi=None).nama == "Tri Adhianto"


def test_an_upload_is_only_its_uploaders(pengguna_demo, masuk_sebagai):
    op = masuk_sebagai("operator")
    _halaman, url = unggah(op, unduh(op))
    lain = get_user_model().objects.create_user("op-kedua", password="x-tidak-dipakai-1")
    Peran.objects.create(user=lain, jenis="operator", instansi=UnggahanWorkbook.objects.get().instansi)
    for c in (masuk_sebagai("adminpemda"), masuk_sebagai("op-kedua")):
        assert c.get(url).status_code == 404
        assert c.post(url + "terapkan/").status_code == 404
    assert UnggahanWorkbook.objects.get().status == "diperiksa"


def test_viewers_and_pimpinan_cannot_upload(pengguna_demo, masuk_sebagai):
    isi = unduh(masuk_sebagai("pembaca"))
    from django.core.files.uploadedfile import SimpleUploadedFile

    for nama in ("pembaca", "pimpinan", "evaluator"):
        resp = masuk_sebagai(nama).post(
            "/unit/bantargebang/workbook/2024/unggah/", {"berkas": SimpleUploadedFile("w.xlsx", isi)}
        )
        assert resp.status_code == 403, nama
    assert not UnggahanWorkbook.objects.exists()
