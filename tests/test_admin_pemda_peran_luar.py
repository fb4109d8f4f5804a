"""admin_pemda cannot grant a role outside its pemda in the Django admin (a unit or pemda of
another pemda, to itself or to anyone), nor touch the roles or users of another pemda."""

import pytest

from akun.models import Peran
from tests.admin_bantu import masuk

pytestmark = pytest.mark.django_db


def test_cannot_give_itself_admin_pemda_of_another_pemda(dua_pemda):
    d = dua_pemda
    before = set(Peran.objects.values_list("id", flat=True))
    r = masuk("admin-a").post(
        "/admin/akun/peran/add/", {"user": d.admin_a.pk, "jenis": "admin_pemda", "pemda": d.b.pk}
    )
    assert r.status_code == 200  # the form again, with an error on the pemda
    assert set(Peran.objects.values_list("id", flat=True)) == before
    assert not Peran.objects.filter(user=d.admin_a, pemda=d.b).exists()


def test_cannot_give_a_role_in_another_pemdas_unit(dua_pemda):
    d = dua_pemda
    r = masuk("admin-a").post(
        "/admin/akun/peran/add/", {"user": d.op_a.pk, "jenis": "operator", "instansi": d.unit_b.pk}
    )
    assert r.status_code == 200
    assert not Peran.objects.filter(instansi=d.unit_b, user=d.op_a).exists()


def test_cannot_give_a_role_to_another_pemdas_user(dua_pemda):
    d = dua_pemda
    r = masuk("admin-a").post(
        "/admin/akun/peran/add/", {"user": d.eval_b.pk, "jenis": "viewer", "instansi": d.unit_a.pk}
    )
    assert r.status_code == 200
    assert not Peran.objects.filter(user=d.eval_b, instansi=d.unit_a).exists()


def test_cannot_move_an_own_role_to_another_pemda(dua_pemda):
    d = dua_pemda
    peran = Peran.objects.get(user=d.op_a)
    r = masuk("admin-a").post(
        f"/admin/akun/peran/{peran.pk}/change/",
        {"user": d.op_a.pk, "jenis": "operator", "instansi": d.unit_b.pk},
    )
    assert r.status_code == 200
    peran.refresh_from_db()
    assert peran.instansi == d.unit_a


def test_another_pemdas_roles_are_invisible_and_unchangeable(dua_pemda):
    d = dua_pemda
    peran_b = Peran.objects.get(user=d.eval_b)
    c = masuk("admin-a")
    assert "eval-b" not in c.get("/admin/akun/peran/").content.decode()
    r = c.post(
        f"/admin/akun/peran/{peran_b.pk}/change/",
        {"user": d.eval_b.pk, "jenis": "admin_pemda", "pemda": d.b.pk},
    )
    assert r.status_code == 302  # "does not exist"
    r = c.post(f"/admin/akun/peran/{peran_b.pk}/delete/", {"post": "yes"})
    peran_b.refresh_from_db()
    assert peran_b.jenis == "evaluator"


def test_own_pemda_role_is_granted_and_audited_with_the_pemda(dua_pemda):
    from audit.models import Jejak

    d = dua_pemda
    r = masuk("admin-a").post(
        "/admin/akun/peran/add/", {"user": d.op_a.pk, "jenis": "viewer", "instansi": d.unit_a.pk}
    )
    assert r.status_code == 302
    peran = Peran.objects.get(user=d.op_a, jenis="viewer")
    rows = Jejak.objects.filter(objek="akun.Peran", objek_id=str(peran.pk), aksi="buat")
    assert rows and {j.pemda_id for j in rows} == {d.a.pk}
    html = masuk("admin-a").get("/audit/?q=akun.Peran").content.decode()
    assert f"Peran Pembaca {d.op_a.username}" in html  # the row named by its role and user
    assert (
        f"Peran Pembaca {d.op_a.username}"
        not in masuk("admin-b").get("/audit/?q=akun.Peran").content.decode()
    )


def test_a_user_with_roles_in_two_pemda_is_managed_by_neither(dua_pemda):
    d = dua_pemda
    Peran.objects.create(user=d.op_a, jenis="viewer", instansi=d.unit_b)
    assert masuk("admin-a").get(f"/admin/auth/user/{d.op_a.pk}/change/").status_code == 302
    assert masuk("admin-b").get(f"/admin/auth/user/{d.op_a.pk}/change/").status_code == 302
