"""In the Django admin admin_pemda sees and changes only its own pemda's master data (units,
sub-units, officials, layanan, zones, budget lines); its selects offer only its pemda's rows;
shared nomenclature is read-only; every change is audited with its pemda."""

import pytest

from audit.models import Jejak
from organisasi.models import Instansi, Layanan, Pemda, SubUnit
from tests.admin_bantu import masuk
from tests.factories import SubUnitFactory

pytestmark = pytest.mark.django_db


def test_lists_show_only_own_pemda(dua_pemda):
    d = dua_pemda
    SubUnitFactory(instansi=d.unit_a, nama="Kelurahan Milik A")
    SubUnitFactory(instansi=d.unit_b, nama="Kelurahan Milik B")
    c = masuk("admin-a")
    html = c.get("/admin/organisasi/subunit/").content.decode()
    assert "Kelurahan Milik A" in html and "Kelurahan Milik B" not in html
    html = c.get("/admin/organisasi/pemda/").content.decode()
    assert "Kota A" in html and "Kota B" not in html
    html = c.get("/admin/auth/user/").content.decode()
    assert "op-a" in html and "eval-b" not in html and "admin-b" not in html


def test_another_pemdas_row_cannot_be_changed_or_deleted(dua_pemda):
    d = dua_pemda
    sub_b = SubUnitFactory(instansi=d.unit_b, nama="Asli")
    c = masuk("admin-a")
    r = c.post(
        f"/admin/organisasi/subunit/{sub_b.pk}/change/",
        {"instansi": d.unit_b.pk, "kode": sub_b.kode, "nama": "Dibajak", "jenis": "kelurahan"},
    )
    assert r.status_code == 302
    sub_b.refresh_from_db()
    assert sub_b.nama == "Asli"
    c.post(f"/admin/organisasi/instansi/{d.unit_b.pk}/delete/", {"post": "yes"})
    c.post(
        "/admin/organisasi/subunit/",
        {"action": "delete_selected", "_selected_action": [sub_b.pk], "post": "yes"},
    )
    assert Instansi.objects.filter(pk=d.unit_b.pk).exists() and SubUnit.objects.filter(pk=sub_b.pk).exists()


def test_selects_offer_only_own_pemda_and_refuse_another(dua_pemda):
    d = dua_pemda
    c = masuk("admin-a")
    html = c.get("/admin/organisasi/layanan/add/").content.decode()
    assert f'value="{d.unit_a.pk}"' in html and f'value="{d.unit_b.pk}"' not in html
    r = c.post(
        "/admin/organisasi/layanan/add/", {"instansi": d.unit_b.pk, "kode": "L9", "nama": "Disusupkan"}
    )
    assert r.status_code == 200 and not Layanan.objects.filter(kode="L9").exists()
    r = c.post(
        "/admin/organisasi/instansi/add/",
        {"pemda": d.b.pk, "slug": "baru-b", "nama": "Baru", "jenis": "dinas"},
    )
    assert r.status_code == 200 and not Instansi.objects.filter(slug="baru-b").exists()


def test_pemda_cannot_be_added_and_other_areas_are_closed(dua_pemda):
    c = masuk("admin-a")
    assert c.post("/admin/organisasi/pemda/add/", {"kode": "pemda-c", "nama": "C"}).status_code == 403
    assert not Pemda.objects.filter(kode="pemda-c").exists()
    for url in ("/admin/perencanaan/indikator/", "/admin/audit/jejak/", "/admin/auth/group/"):
        assert c.get(url).status_code == 403, url
    assert c.get("/admin/anggaran/program/").status_code == 200  # shared nomenclature: look only
    assert c.get("/admin/anggaran/program/add/").status_code == 403


def test_own_master_data_change_is_audited_with_the_pemda(dua_pemda):
    d = dua_pemda
    r = masuk("admin-a").post(
        "/admin/organisasi/layanan/add/", {"instansi": d.unit_a.pk, "kode": "L1", "nama": "KTP"}
    )
    assert r.status_code == 302
    lay = Layanan.objects.get(kode="L1")
    assert Jejak.objects.filter(objek="organisasi.Layanan", objek_id=str(lay.pk), pemda=d.a).exists()
    r = masuk("admin-a").post(
        f"/admin/organisasi/pemda/{d.a.pk}/change/",
        {"kode": d.a.kode, "nama": "Kota A Baru", "periode_rencana_aksi": "triwulan"},
    )
    assert r.status_code == 302
    j = Jejak.objects.get(objek="organisasi.Pemda", field="nama")
    assert j.pemda == d.a and j.instansi is None
    assert "<td>Kota A Baru</td>" in masuk("admin-a").get("/audit/?q=Kota+A+Baru").content.decode()
    assert "<td>Kota A Baru</td>" not in masuk("admin-b").get("/audit/?q=Kota+A+Baru").content.decode()
