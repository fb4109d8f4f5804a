"""SKM setup: the unit's layanan are added, renamed and deleted on the settings page."""

import pytest
from django.test import Client

from audit.models import Jejak
from organisasi.models import Layanan
from skm.models import Responden

pytestmark = [pytest.mark.django_db]
URL = "/unit/bantargebang/skm/pengaturan/"


def test_operator_adds_renames_and_deletes_a_layanan(pengguna_demo, masuk_sebagai):
    op = masuk_sebagai("operator")
    r = op.post(
        URL,
        {"bagian": "layanan_tambah", "kode": "izin-keramaian", "nama": "Surat Izin  Keramaian"},
        follow=True,
    )
    assert "Layanan &#x27;Surat Izin Keramaian&#x27; ditambahkan." in r.content.decode()
    baru = Layanan.objects.get(instansi__slug="bantargebang", kode="izin-keramaian")
    assert baru.nama == "Surat Izin Keramaian"
    assert Client().get("/s/bantargebang/izin-keramaian/").status_code == 200  # its public questionnaire
    op.post(URL, {"bagian": "layanan_ubah", "layanan": baru.id, "nama": "Izin Keramaian"})
    baru.refresh_from_db()
    assert baru.nama == "Izin Keramaian" and baru.kode == "izin-keramaian"
    op.post(URL, {"bagian": "layanan_hapus", "layanan": baru.id})
    assert not Layanan.objects.filter(pk=baru.pk).exists()
    aksi = list(
        Jejak.objects.filter(objek="organisasi.Layanan", objek_id=str(baru.id)).values_list("aksi", flat=True)
    )
    assert sorted(aksi) == ["buat", "buat", "hapus", "hapus", "ubah"]  # one record per changed field


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"kode": "KTP El", "nama": "x"}, "huruf, angka dan tanda hubung"),
        ({"kode": "ktp/el", "nama": "x"}, "huruf, angka dan tanda hubung"),
        ({"kode": "baru", "nama": "  "}, "Nama layanan wajib diisi"),
        ({"kode": "baru", "nama": "x" * 201}, "Nama layanan wajib diisi"),
    ],
)
def test_bad_layanan_is_refused_with_a_message(pengguna_demo, data, pesan, masuk_sebagai):
    n = Layanan.objects.count()
    r = masuk_sebagai("operator").post(URL, {"bagian": "layanan_tambah", **data})
    assert r.status_code == 400 and pesan in r.content.decode()
    assert Layanan.objects.count() == n


def test_duplicate_kode_refused(pengguna_demo, masuk_sebagai):
    kode = Layanan.objects.filter(instansi__slug="bantargebang").first().kode
    r = masuk_sebagai("operator").post(
        URL, {"bagian": "layanan_tambah", "kode": kode.lower(), "nama": "Lagi"}
    )
    assert r.status_code == 400 and "sudah dipakai" in r.content.decode()


def test_layanan_with_answers_or_summaries_cannot_be_deleted(pengguna_demo, masuk_sebagai):
    ins = pengguna_demo["operator"].peran.first().instansi
    lay = Layanan.objects.filter(instansi=ins).first()
    Responden.objects.create(
        instansi=ins, layanan=lay, tahun=2024, periode="TW4", **{f"u{i}": 3 for i in range(1, 10)}
    )
    r = masuk_sebagai("operator").post(URL, {"bagian": "layanan_hapus", "layanan": lay.id})
    assert r.status_code == 400 and "tidak dapat dihapus" in r.content.decode()
    assert Layanan.objects.filter(pk=lay.pk).exists()


def test_readers_cannot_change_layanan_and_other_units_layanan_is_not_found(pengguna_demo, masuk_sebagai):
    from tests.factories import InstansiFactory

    assert (
        masuk_sebagai("pembaca").post(URL, {"bagian": "layanan_tambah", "kode": "x", "nama": "x"}).status_code
        == 403
    )
    lain = Layanan.objects.create(instansi=InstansiFactory(), kode="lain", nama="Lain")
    r = masuk_sebagai("operator").post(URL, {"bagian": "layanan_ubah", "layanan": lain.id, "nama": "Diambil"})
    assert r.status_code == 400 and "tidak ditemukan" in r.content.decode()
    lain.refresh_from_db()
    assert lain.nama == "Lain"


def test_settings_page_lists_layanan_with_forms_for_the_operator_only(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("operator").get(URL).content.decode()
    assert 'name="bagian" value="layanan_tambah"' in html and html.count('value="layanan_hapus"') == 7
    html = masuk_sebagai("pembaca").get(URL).content.decode()
    assert "layanan_tambah" not in html and "/s/bantargebang/" in html
