"""The pemda console's RPJMD/RPD pages: admin_pemda builds a plan level by level (one page, one
save per level; nothing typed is lost on a refusal), deletes with a summary; a unit's operator
links its tujuan to a pemda sasaran on the page next to the Renstra."""

from decimal import Decimal

import pytest
from django.test import Client

from akun.models import Peran
from audit.models import Jejak
from rpjmd.models import IndikatorPemda, Kontribusi, Rpjmd, SasaranPemda, TargetPemda, TujuanPemda
from tests.rpjmd_bantu import rpd_kecil

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db, django_user_model):
    r = rpd_kecil(dengan_kontribusi=False)
    u = django_user_model.objects.create_user("admin-kota")
    Peran.objects.create(user=u, jenis="admin_pemda", pemda=r.pemda)
    c = Client()
    c.force_login(u)
    r.c = c
    return r


def _formset(prefix, rows, initial=0):
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(initial)}
    for i, row in enumerate(rows):
        for k, v in row.items():
            data[f"{prefix}-{i}-{k}"] = "" if v is None else str(v)
    return data


def test_admin_builds_a_plan_level_by_level(admin):
    c = admin.c
    r = c.get("/konsol/rpjmd/")
    assert r.status_code == 200 and "RPD Kota Contoh 2025-2027" in r.content.decode()
    r = c.post(
        "/konsol/rpjmd/baru/",
        {
            "jenis": "rpjmd",
            "kode": "rpjmd-2028-2032",
            "nama": "RPJMD 2028-2032",
            "tahun_awal": 2028,
            "tahun_akhir": 2032,
            "visi": "Kota maju",
        },
    )
    baru = Rpjmd.objects.get(kode="rpjmd-2028-2032")
    assert r.status_code == 302 and r.url == f"/konsol/rpjmd/{baru.pk}/"
    assert c.get(f"/konsol/rpjmd/{baru.pk}/misi/").status_code == 200
    r = c.post(
        f"/konsol/rpjmd/{baru.pk}/misi/",
        _formset("b", [{"kode": "M1", "uraian": "Tata kelola baik", "urutan": 1}, {}]),
    )
    assert r.status_code == 302
    m1 = baru.misi.get()
    r = c.post(
        f"/konsol/rpjmd/{baru.pk}/tujuan/",
        _formset("b", [{"kode": "T1", "uraian": "Pemerintahan yang baik", "misi": m1.pk}]),
    )
    assert r.status_code == 302
    t1 = TujuanPemda.objects.get(rpjmd=baru)
    assert t1.misi == m1
    rows = [
        {"kode": "S1.1", "uraian": "Pelayanan prima", "tujuan": t1.pk},
        {"kode": "S1.2", "uraian": "Ketertiban", "tujuan": t1.pk},
    ]
    assert c.post(f"/konsol/rpjmd/{baru.pk}/sasaran/", _formset("b", rows)).status_code == 302
    s11 = SasaranPemda.objects.get(rpjmd=baru, kode="S1.1")
    rows = [
        {
            "kode": "IS1",
            "nama": "IKM kota",
            "induk": f"s:{s11.pk}",
            "satuan": "Nilai",
            "polaritas": "positif",
            "target_2028": "80",
            "target_2029": "80,5",
        },
        {
            "kode": "IT1",
            "nama": "Indeks RB",
            "induk": f"t:{t1.pk}",
            "satuan": "Nilai",
            "polaritas": "rentang",
            "target_2028": "60",
            "atas_2028": "80",
        },
    ]
    r = c.post(f"/konsol/rpjmd/{baru.pk}/indikator/", _formset("b", rows))
    assert r.status_code == 302, r.content.decode()
    is1 = IndikatorPemda.objects.get(rpjmd=baru, kode="IS1")
    assert is1.level == "sasaran" and is1.sasaran == s11
    assert [t.nilai for t in is1.target.order_by("tahun")] == [Decimal("80"), Decimal("80.5")]
    it1 = IndikatorPemda.objects.get(rpjmd=baru, kode="IT1")
    assert it1.level == "tujuan" and it1.target.get().nilai_atas == 80
    halaman = c.get(f"/konsol/rpjmd/{baru.pk}/").content.decode()
    assert "80,5" in halaman and "60–80" in halaman and "Tata kelola baik" in halaman
    # the indicator page shows the stored targets back
    assert 'value="80,5"' in c.get(f"/konsol/rpjmd/{baru.pk}/indikator/").content.decode()
    assert Jejak.objects.filter(objek="rpjmd.TargetPemda", aksi="buat").count() == 3
    assert Jejak.objects.filter(objek="rpjmd.Rpjmd", aksi="buat", pemda=admin.pemda).exists()


def test_refused_row_keeps_what_was_typed(admin):
    c = admin.c
    rows = [
        {"kode": "S2.1", "uraian": "Sasaran baru yang diketik", "tujuan": admin.t1.pk},
        {"kode": "S2.1", "uraian": "Kode sama", "tujuan": admin.t1.pk},
    ]
    r = c.post(f"/konsol/rpjmd/{admin.rpd.pk}/sasaran/", _formset("b", rows))
    assert r.status_code == 200
    teks = r.content.decode()
    assert "Sasaran baru yang diketik" in teks and "sudah dipakai di baris 1" in teks
    assert not SasaranPemda.objects.filter(kode="S2.1").exists()
    # a code already used by a row not in the table, and a bad number: refused, nothing saved
    rows = [
        {
            "kode": "IS1.1",
            "nama": "x",
            "induk": f"s:{admin.s12.pk}",
            "satuan": "%",
            "polaritas": "positif",
            "target_2025": "1.250",
        }
    ]
    r = c.post(f"/konsol/rpjmd/{admin.rpd.pk}/indikator/", _formset("b", rows))
    assert r.status_code == 200 and "1.250" in r.content.decode()
    assert IndikatorPemda.objects.count() == 1


def test_overlapping_period_is_refused_with_a_message(admin):
    r = admin.c.post(
        "/konsol/rpjmd/baru/",
        {"jenis": "rpjmd", "kode": "lain", "nama": "Lain", "tahun_awal": 2026, "tahun_akhir": 2030},
    )
    assert r.status_code == 200 and "bertumpuk" in r.content.decode()
    assert not Rpjmd.objects.filter(kode="lain").exists()


def test_delete_confirms_with_a_summary_and_refuses_a_supported_sasaran(admin):
    c = admin.c
    url = f"/konsol/rpjmd/{admin.rpd.pk}/tujuan/{admin.t1.pk}/hapus/"
    teks = c.get(url).content.decode()
    assert "2 sasaran" in teks and "1 indikator" in teks and "3 target tahunan" in teks
    Kontribusi.objects.create(sasaran_pemda=admin.s11, instansi=admin.unit1, tujuan=admin.ut1, uraian="x")
    teks = c.get(url).content.decode()
    assert "tidak dapat dihapus" in teks and "Kecamatan Satu" in teks
    r = c.post(url, follow=True)
    assert r.status_code == 200 and "lepaskan dulu" in r.content.decode()
    assert TujuanPemda.objects.filter(pk=admin.t1.pk).exists()
    url = f"/konsol/rpjmd/{admin.rpd.pk}/sasaran/{admin.s12.pk}/hapus/"
    assert c.post(url).status_code == 302
    assert not SasaranPemda.objects.filter(pk=admin.s12.pk).exists()
    assert Jejak.objects.filter(objek="rpjmd.SasaranPemda", aksi="hapus").exists()
    Kontribusi.objects.all().delete()
    assert c.post(f"/konsol/rpjmd/{admin.rpd.pk}/hapus/").status_code == 302
    assert not Rpjmd.objects.exists() and not TargetPemda.objects.exists()


def test_operator_links_a_tujuan_with_its_contribution(admin, django_user_model):
    op = django_user_model.objects.create_user("op-satu")
    Peran.objects.create(user=op, jenis="operator", instansi=admin.unit1)
    c = Client()
    c.force_login(op)
    url = "/unit/kec-satu/sasaran-pemda/"
    teks = c.get(url).content.decode()
    assert "S1.1 — Meningkatnya kualitas pelayanan publik" in teks
    r = c.post(
        url,
        _formset(
            "k",
            [
                {
                    "unsur": f"t:{admin.ut1.pk}",
                    "sasaran_pemda": admin.s11.pk,
                    "uraian": "Pelayanan administrasi cepat",
                }
            ],
        ),
    )
    assert r.status_code == 302
    k = Kontribusi.objects.get()
    assert (k.instansi, k.tujuan, k.sasaran_pemda) == (admin.unit1, admin.ut1, admin.s11)
    assert Jejak.objects.filter(objek="rpjmd.Kontribusi", aksi="buat", instansi=admin.unit1).exists()
    # no contribution named: refused with a message, nothing saved
    r = c.post(
        url,
        _formset(
            "k",
            [{"id": k.pk, "unsur": f"t:{admin.ut1.pk}", "sasaran_pemda": admin.s12.pk, "uraian": ""}],
            initial=1,
        ),
    )
    assert r.status_code == 200
    k.refresh_from_db()
    assert k.sasaran_pemda == admin.s11
    # unlinking confirms first
    assert "Ya, lepas" in c.get(f"/unit/kec-satu/sasaran-pemda/{k.pk}/hapus/").content.decode()
    assert c.post(f"/unit/kec-satu/sasaran-pemda/{k.pk}/hapus/").status_code == 302
    assert not Kontribusi.objects.exists()
