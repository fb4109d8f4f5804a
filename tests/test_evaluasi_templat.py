"""Templates: both shipped ones are consistent; admin_pemda copies and adapts one; a template used
by a submitted evaluation is frozen (service, model, admin and page refuse changes)."""

from decimal import Decimal as D

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory

from evaluasi import selectors, services
from evaluasi.models import Komponen, Kriteria, SubKomponen, TemplatBeku, TemplatEvaluasi
from tests.evaluasi_bantu import kriteria, tandai_sisa_tidak_relevan

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _templat_bawaan(db):
    services.pastikan_templat_bawaan()  # a transactional test before this one may have flushed them


def test_shipped_templates_recreated_after_flush_and_command_idempotent():
    from django.core.management import call_command

    TemplatEvaluasi.objects.filter(pemda=None).delete()
    call_command("muat_templat_evaluasi")
    call_command("muat_templat_evaluasi")
    assert sorted(TemplatEvaluasi.objects.filter(pemda=None).values_list("jenis", flat=True)) == [
        "akip",
        "zi",
    ]
    TemplatEvaluasi.objects.filter(pemda=None).delete()
    t = services.templat_untuk(type("I", (), {"pemda_id": None})(), "akip", 2024)  # recreated on demand
    assert t.nama == "LKE AKIP PermenPANRB 88/2021" and selectors.cek_bobot(t) == []


def test_shipped_zi_template():
    t = TemplatEvaluasi.objects.get(pemda=None, jenis="zi")
    assert selectors.cek_bobot(t) == []
    komps = list(Komponen.objects.filter(templat=t))
    pengungkit = [k for k in komps if k.kelompok == "pengungkit"]
    assert [(k.nama, k.bobot) for k in pengungkit] == [
        ("Manajemen Perubahan", 8),
        ("Penataan Tatalaksana", 7),
        ("Penataan Sistem Manajemen SDM", 10),
        ("Penguatan Akuntabilitas Kinerja", 10),
        ("Penguatan Pengawasan", 15),
        ("Peningkatan Kualitas Pelayanan Publik", 10),
    ]
    for k in pengungkit:
        assert [(s.nama, s.bobot) for s in SubKomponen.objects.filter(komponen=k)] == [
            ("Pemenuhan", k.bobot / 2),
            ("Reform", k.bobot / 2),
        ]
    assert sum(k.bobot for k in komps if k.kelompok == "hasil") == 40
    assert Kriteria.objects.filter(sub__komponen__templat=t, sub__nama__startswith="Indeks").count() == 2


def test_admin_pemda_copies_and_adapts(pengguna_demo):
    admin, op = pengguna_demo["adminpemda"], pengguna_demo["operator"]
    asal = TemplatEvaluasi.objects.get(pemda=None, jenis="akip")
    with pytest.raises(PermissionDenied):
        services.salin_templat(user=op, templat=asal, tahun=2026)
    c = Client()
    c.force_login(admin)
    r = c.post(f"/evaluasi/templat/{asal.pk}/salin/", {"tahun": "2026", "nama": "LKE AKIP Kota Bekasi 2026"})
    baru = TemplatEvaluasi.objects.get(nama="LKE AKIP Kota Bekasi 2026")
    assert r.status_code == 302 and baru.pemda.kode == "kota-bekasi" and baru.induk == asal
    assert (
        Kriteria.objects.filter(sub__komponen__templat=baru).count()
        == Kriteria.objects.filter(sub__komponen__templat=asal).count()
    )
    k = (
        Kriteria.objects.filter(sub__komponen__templat=baru)
        .order_by("sub__komponen__no", "sub__no", "no")
        .first()
    )
    r = c.post(
        f"/evaluasi/templat/kriteria/{k.pk}/",
        {
            "uraian": "Pedoman perencanaan kinerja Kota Bekasi.",
            "bobot": "1,5",
            "jenis_jawaban": "abcde",
            "panduan": "x",
        },
    )
    k.refresh_from_db()
    assert (k.uraian, k.bobot, k.jenis_jawaban) == (
        "Pedoman perencanaan kinerja Kota Bekasi.",
        D("1.5"),
        "abcde",
    )
    # the shipped template cannot be edited in place, and an operator cannot edit the copy
    asal_k = Kriteria.objects.filter(sub__komponen__templat=asal).first()
    assert (
        c.post(
            f"/evaluasi/templat/kriteria/{asal_k.pk}/", {"uraian": "x", "bobot": "1", "jenis_jawaban": "yt"}
        ).status_code
        == 403
    )
    c.force_login(op)
    assert (
        c.post(
            f"/evaluasi/templat/kriteria/{k.pk}/", {"uraian": "x", "bobot": "1", "jenis_jawaban": "yt"}
        ).status_code
        == 403
    )
    # an evaluation of a Kota Bekasi unit from 2026 uses the pemda's own template
    from organisasi.models import Instansi

    assert services.templat_untuk(Instansi.objects.get(slug="bantargebang"), "akip", 2026) == baru
    assert services.templat_untuk(Instansi.objects.get(slug="bantargebang"), "akip", 2025) == asal


def test_frozen_template(pengguna_demo, demo):
    admin, op = pengguna_demo["adminpemda"], pengguna_demo["operator"]
    t = services.salin_templat(
        user=admin, templat=TemplatEvaluasi.objects.get(pemda=None, jenis="akip"), tahun=2024
    )
    ev = services.buat_evaluasi(user=op, instansi=demo, tahun=2024, jenis="akip")
    assert ev.templat == t
    k = kriteria(ev)[0]
    services.ubah_kriteria(
        user=admin,
        kriteria=k,
        uraian="Boleh diubah selama draf",
        bobot=k.bobot,
        jenis_jawaban="yt",
        panduan="",
    )  # not frozen yet
    tandai_sisa_tidak_relevan(op, ev)
    services.ubah_status(user=op, ev=ev, aksi="ajukan")
    t.refresh_from_db()
    assert t.beku
    k.refresh_from_db()
    with pytest.raises(TemplatBeku):  # service
        services.ubah_kriteria(
            user=admin, kriteria=k, uraian="Diubah", bobot=k.bobot, jenis_jawaban="yt", panduan=""
        )
    for obj in (t, k.sub.komponen, k.sub, k):  # models
        with pytest.raises(TemplatBeku):
            obj.save()
        with pytest.raises(TemplatBeku):
            obj.delete()
    from django.contrib.auth import get_user_model

    req = RequestFactory().get("/")
    req.user = get_user_model().objects.create_superuser("root", password="x-Sakip-2024!")
    lain = services.salin_templat(user=admin, templat=t, tahun=2030)  # a fresh copy is editable
    for model, obj, bisa in (
        (TemplatEvaluasi, t, False),
        (Kriteria, k, False),
        (TemplatEvaluasi, lain, True),
    ):
        ma = site._registry[model]  # admin
        assert ma.has_change_permission(req, obj) is bisa and ma.has_delete_permission(req, obj) is bisa
    c = Client()  # page
    c.force_login(admin)
    c.post(f"/evaluasi/templat/kriteria/{k.pk}/", {"uraian": "Diubah", "bobot": "1", "jenis_jawaban": "yt"})
    k.refresh_from_db()
    assert k.uraian == "Boleh diubah selama draf"
    assert "dibekukan" in c.get(f"/evaluasi/templat/{t.pk}/").content.decode()
