"""Changes made in the Django admin to planning, realisasi, budget, zones and SKM wording are in the
audit trail with the unit they belong to; the audit log itself cannot be edited there."""

from decimal import Decimal

import pytest
from django.contrib import admin

from audit.admin import Diaudit
from audit.models import Jejak

pytestmark = pytest.mark.django_db


def test_every_admin_page_except_the_log_is_audited():
    from audit.models import Jejak as Log

    for model, model_admin in admin.site._registry.items():
        if model is Log or model._meta.app_label in ("auth",):
            continue
        assert isinstance(model_admin, Diaudit), f"{model._meta.label} admin does not record changes"


def test_target_change_in_admin_is_recorded_with_its_unit(pengguna_demo, masuk_sebagai):
    from perencanaan.models import Target

    t = Target.objects.filter(indikator__instansi__slug="bantargebang").select_related("indikator").first()
    c = masuk_sebagai("admin")  # planning data in the admin: superusers only (admin_pemda: master data)
    url = f"/admin/perencanaan/target/{t.pk}/change/"
    form = {"indikator": t.indikator_id, "tahun": t.tahun, "nilai": "99.5"}
    for f in t._meta.fields:
        if f.name not in form and f.name != "id" and getattr(t, f.attname) is not None:
            form[f.name] = getattr(t, f.attname)
    r = c.post(url, form)
    assert r.status_code == 302, r.content.decode()[:2000]
    t.refresh_from_db()
    assert t.nilai == Decimal("99.5")
    j = Jejak.objects.get(objek="perencanaan.Target", objek_id=str(t.pk), field="nilai")
    assert j.instansi.slug == "bantargebang" and j.baru == "99.5" and j.user.username == "admin"


def test_master_data_change_by_admin_pemda_is_recorded(pengguna_demo, masuk_sebagai):
    from organisasi.models import Layanan

    lay = Layanan.objects.filter(instansi__slug="bantargebang").first()
    r = masuk_sebagai("adminpemda").post(
        f"/admin/organisasi/layanan/{lay.pk}/change/",
        {"instansi": lay.instansi_id, "kode": lay.kode, "nama": "Nama Baru"},
    )
    assert r.status_code == 302
    j = Jejak.objects.get(objek="organisasi.Layanan", objek_id=str(lay.pk), field="nama")
    assert (j.lama, j.baru, j.instansi.slug, j.user.username) == (
        lay.nama,
        "Nama Baru",
        "bantargebang",
        "adminpemda",
    )


def test_bulk_delete_in_admin_is_recorded(pengguna_demo, masuk_sebagai):
    from zona.models import Zona

    z = Zona.objects.filter(instansi__slug="bantargebang").first()
    c = masuk_sebagai("admin")
    r = c.post("/admin/zona/zona/", {"action": "delete_selected", "_selected_action": [z.pk], "post": "yes"})
    assert r.status_code == 302 and not Zona.objects.filter(pk=z.pk).exists()
    j = Jejak.objects.get(objek="zona.Zona", objek_id=str(z.pk), aksi="hapus")
    assert j.instansi.slug == "bantargebang"


def test_audit_log_is_read_only_in_admin(pengguna_demo, masuk_sebagai):
    j = Jejak.objects.create(objek="x.Y", objek_id="1", aksi="ubah")
    assert masuk_sebagai("adminpemda").get("/admin/audit/jejak/").status_code == 403  # searches it at /audit/
    c = masuk_sebagai("admin")
    assert c.get("/admin/audit/jejak/").status_code == 200
    assert c.post(f"/admin/audit/jejak/{j.pk}/change/", {"aksi": "dipalsukan"}).status_code == 403
    assert c.post(f"/admin/audit/jejak/{j.pk}/delete/", {"post": "yes"}).status_code == 403
    j.refresh_from_db()
    assert j.aksi == "ubah"
