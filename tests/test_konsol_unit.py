"""The pemda console's units, sub-units and officials: created and edited through the pages,
audited, deactivated instead of deleted, refused with the typed values kept; two kecamatan of
one pemda each have their own ``camat``."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client

from audit.models import Jejak
from dasar.galat import Ditolak
from konsol import services
from organisasi.models import Instansi, Pejabat, SubUnit

pytestmark = pytest.mark.django_db


def _klien(user):
    c = Client()
    c.force_login(user)
    return c


def _unit(c, slug, nama):
    r = c.post(
        "/konsol/unit/baru/",
        {"nama": nama, "jenis": "kecamatan", "slug": slug, "alamat": "Jl. Contoh 1", "kota": "Bekasi"},
    )
    assert r.status_code == 302, r.content.decode()[:2000]
    return Instansi.objects.get(slug=slug)


def test_admin_creates_a_kecamatan_with_sub_units_and_its_camat(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    timur = _unit(c, "bekasi-timur", "Kecamatan Bekasi Timur")
    assert (timur.pemda, timur.jenis, timur.alamat, timur.kota, timur.aktif) == (
        d.a,
        "kecamatan",
        "Jl. Contoh 1",
        "Bekasi",
        True,
    )
    for kode, nama in (("kel-duren-jaya", "Kelurahan Duren Jaya"), ("kel-aren-jaya", "Kelurahan Aren Jaya")):
        r = c.post(
            "/konsol/unit/bekasi-timur/subunit/baru/", {"kode": kode, "nama": nama, "jenis": "kelurahan"}
        )
        assert r.status_code == 302
    assert list(SubUnit.objects.filter(instansi=timur).values_list("kode", flat=True)) == [
        "kel-aren-jaya",
        "kel-duren-jaya",
    ]
    r = c.post(
        "/konsol/unit/bekasi-timur/pejabat/baru/",
        {
            "kode": "camat",
            "nama": "ARIF WIBOWO, S.STP.",
            "jabatan": "Camat Bekasi Timur",
            "pangkat_golongan": "Pembina, IV/a",
            "nip": "19800101 200501 1 002",
        },
    )
    assert r.status_code == 302
    camat = Pejabat.objects.get(instansi=timur, kode="camat")
    assert (camat.pemda, camat.nip, camat.pangkat_golongan) == (d.a, "198001012005011002", "Pembina, IV/a")
    page = c.get("/konsol/unit/bekasi-timur/").content.decode()
    assert "Kelurahan Duren Jaya" in page and "19800101 200501 1 002" in page
    # every write audited, with the unit and the pemda
    jejak = Jejak.objects.filter(instansi=timur)
    assert set(jejak.values_list("objek", "aksi").distinct()) == {
        ("organisasi.Instansi", "buat"),
        ("organisasi.SubUnit", "buat"),
        ("organisasi.Pejabat", "buat"),
    }
    assert set(jejak.values_list("pemda_id", flat=True)) == {d.a.id}
    assert jejak.filter(objek="organisasi.Pejabat", field="nip", baru="198001012005011002").exists()


def test_two_kecamatan_each_have_a_camat_but_not_two_in_one(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    _unit(c, "kec-satu", "Kecamatan Satu")
    _unit(c, "kec-dua", "Kecamatan Dua")
    data = {"kode": "camat", "nama": "CAMAT SATU", "jabatan": "Camat", "nip": ""}
    assert c.post("/konsol/unit/kec-satu/pejabat/baru/", data).status_code == 302
    assert c.post("/konsol/unit/kec-dua/pejabat/baru/", {**data, "nama": "CAMAT DUA"}).status_code == 302
    assert Pejabat.objects.filter(pemda=d.a, kode="camat").count() == 2
    # a second camat in one unit: refused next to the field, every typed value kept
    r = c.post(
        "/konsol/unit/kec-satu/pejabat/baru/", {**data, "nama": "CAMAT KETIGA", "jabatan": "Camat Baru"}
    )
    html = r.content.decode()
    assert r.status_code == 200 and "sudah dipakai pejabat lain di Kecamatan Satu" in html
    assert 'value="CAMAT KETIGA"' in html and 'value="Camat Baru"' in html
    assert Pejabat.objects.filter(pemda=d.a, kode="camat").count() == 2
    # the pemda's own officials (no unit) are keyed per pemda
    wk = {"kode": "walikota", "nama": "TRI ADHIANTO", "jabatan": "Wali Kota Bekasi", "nip": ""}
    assert c.post("/konsol/pejabat/baru/", wk).status_code == 302
    assert Pejabat.objects.get(pemda=d.a, instansi=None, kode="walikota").jabatan == "Wali Kota Bekasi"
    assert c.post("/konsol/pejabat/baru/", wk).status_code == 200


@pytest.mark.parametrize(
    ("data", "pesan"),
    [
        ({"slug": "Bekasi Timur"}, "Huruf kecil, angka dan tanda hubung"),
        ({"slug": "unit-b"}, "sudah dipakai unit lain"),  # another pemda's unit: slugs are global
        ({"nama": ""}, "Bidang ini tidak boleh kosong"),
        ({"jenis": "kelurahan"}, "pilihan yang tersedia"),
    ],
)
def test_a_bad_unit_is_refused_with_the_typed_values_kept(dua_pemda, data, pesan):
    c = _klien(dua_pemda.admin_a)
    isi = {
        "nama": "Kecamatan Baru",
        "jenis": "kecamatan",
        "slug": "kec-baru",
        "alamat": "Jl. Ketik 7",
        "kota": "Bekasi",
    } | data
    r = c.post("/konsol/unit/baru/", isi)
    html = r.content.decode()
    assert r.status_code == 200 and pesan in html, html[-3000:]
    assert 'value="Jl. Ketik 7"' in html
    assert not Instansi.objects.filter(nama="Kecamatan Baru").exists()


def test_a_bad_nip_is_refused(dua_pemda):
    c = _klien(dua_pemda.admin_a)
    r = c.post(
        "/konsol/unit/unit-a/pejabat/baru/",
        {"kode": "camat", "nama": "NAMA", "jabatan": "Camat", "nip": "1980 0101"},
    )
    assert r.status_code == 200 and "NIP harus 18 digit angka" in r.content.decode()
    assert 'value="1980 0101"' in r.content.decode()
    assert not Pejabat.objects.exists()


def test_deactivate_keeps_the_unit_and_hides_it_from_the_unit_switcher(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    lain = _unit(c, "kec-lain", "Kecamatan Lain")
    sub = SubUnit.objects.create(instansi=lain, kode="kel-x", nama="Kelurahan X", jenis="kelurahan")
    pj = Pejabat.objects.create(pemda=d.a, instansi=lain, kode="camat", jabatan="Camat")
    assert c.post("/konsol/unit/kec-lain/status/", {"aktif": "0"}).status_code == 302
    assert c.post(f"/konsol/unit/kec-lain/subunit/{sub.pk}/status/", {"aktif": "0"}).status_code == 302
    assert c.post(f"/konsol/pejabat/{pj.pk}/status/", {"aktif": "0"}).status_code == 302
    lain.refresh_from_db()
    sub.refresh_from_db()
    pj.refresh_from_db()
    assert (lain.aktif, sub.aktif, pj.aktif) == (False, False, False)  # kept, not deleted
    switcher = c.get("/unit/unit-a/").content.decode().split('id="unit-aktif"')[1].split("</select>")[0]
    assert "Kecamatan Lain" not in switcher
    assert 'value="kec-lain"' in c.get("/unit/kec-lain/").content.decode()  # its own pages still open
    assert "Kecamatan Lain" not in c.get(f"/konsol/pengguna/{d.op_a.pk}/peran/").content.decode()
    assert c.post("/konsol/unit/kec-lain/status/", {"aktif": "1"}).status_code == 302
    lain.refresh_from_db()
    assert lain.aktif
    aksi = list(
        Jejak.objects.filter(objek="organisasi.Instansi", objek_id=str(lain.pk), field="aktif").values_list(
            "lama", "baru"
        )
    )
    assert sorted(aksi) == [("False", "True"), ("True", "False")]


def test_services_refuse_anyone_but_the_pemdas_admin(dua_pemda):
    d = dua_pemda
    for user in (d.op_a, d.admin_b, d.eval_b):
        with pytest.raises(PermissionDenied):
            services.buat_instansi(user=user, pemda=d.a, nama="X", jenis="kecamatan", slug="x")
        with pytest.raises(PermissionDenied):
            services.ubah_status_instansi(user=user, instansi=d.unit_a, aktif=False)
        with pytest.raises(PermissionDenied):
            services.buat_pejabat(
                user=user, pemda=d.a, instansi=d.unit_a, kode="camat", nama="N", jabatan="J"
            )
    with pytest.raises(PermissionDenied):  # a unit of another pemda
        services.buat_pejabat(
            user=d.admin_a, pemda=d.a, instansi=d.unit_b, kode="camat", nama="N", jabatan="J"
        )
    with pytest.raises(Ditolak):
        services.buat_subunit(user=d.admin_a, instansi=d.unit_a, kode="a b", nama="", jenis="kelurahan")
    assert not Instansi.objects.filter(slug="x").exists() and not Jejak.objects.exists()


def test_the_sub_unit_and_official_keep_their_kode_when_edited(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    sub = SubUnit.objects.create(instansi=d.unit_a, kode="kel-x", nama="Kelurahan X", jenis="kelurahan")
    r = c.post(
        f"/konsol/unit/unit-a/subunit/{sub.pk}/",
        {"kode": "lain", "nama": "Kelurahan Y", "jenis": "kelurahan"},
    )
    assert r.status_code == 302
    sub.refresh_from_db()
    assert (sub.kode, sub.nama) == ("kel-x", "Kelurahan Y")
    assert Jejak.objects.get(objek="organisasi.SubUnit", aksi="ubah").field == "nama"
