"""admin_pemda cannot make itself or anyone superuser or staff, nor give groups or permissions,
in the Django admin: the fields are not on its form and a POST that sets them changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from tests.admin_bantu import masuk

pytestmark = pytest.mark.django_db
User = get_user_model()


def _form(user, **extra):
    return {
        "username": user.username,
        "first_name": "",
        "last_name": "",
        "email": "",
        "is_active": "on",
        "date_joined_0": "2024-01-01",
        "date_joined_1": "00:00:00",
        **extra,
    }


def test_own_form_has_no_superuser_staff_groups_or_permissions(dua_pemda):
    html = masuk("admin-a").get(f"/admin/auth/user/{dua_pemda.admin_a.pk}/change/").content.decode()
    assert 'name="username"' in html
    for field in ("is_superuser", "is_staff", "groups", "user_permissions"):
        assert f'name="{field}"' not in html, field


def test_posting_superuser_on_itself_changes_nothing(dua_pemda):
    grup = Group.objects.create(name="Semua")
    perm = Permission.objects.get(codename="change_user")
    c = masuk("admin-a")
    me = dua_pemda.admin_a
    r = c.post(
        f"/admin/auth/user/{me.pk}/change/",
        _form(
            me, is_superuser="on", is_staff="on", groups=[grup.pk], user_permissions=[perm.pk], first_name="A"
        ),
    )
    assert r.status_code == 302
    me.refresh_from_db()
    assert me.first_name == "A"  # the allowed field was saved
    assert not me.is_superuser and me.is_staff  # staff as the superuser set it, nothing more
    assert not me.groups.exists() and not me.user_permissions.exists()


def test_posting_superuser_or_staff_on_another_user_changes_nothing(dua_pemda):
    op = dua_pemda.op_a
    r = masuk("admin-a").post(
        f"/admin/auth/user/{op.pk}/change/", _form(op, is_superuser="on", is_staff="on")
    )
    assert r.status_code == 302
    op.refresh_from_db()
    assert not op.is_superuser and not op.is_staff


def test_new_user_cannot_be_created_superuser_or_staff(dua_pemda):
    r = masuk("admin-a").post(
        "/admin/auth/user/add/",
        {
            "username": "baru",
            "usable_password": "true",
            "password1": "Kata-Sandi-Baru-77",
            "password2": "Kata-Sandi-Baru-77",
            "is_superuser": "on",
            "is_staff": "on",
        },
    )
    assert r.status_code == 302, r.content.decode()[:3000]
    baru = User.objects.get(username="baru")
    assert not baru.is_superuser and not baru.is_staff
    assert baru.profil.pemda == dua_pemda.a and baru.profil.harus_ganti_sandi
    # the new account is the pemda's: its admin sees it (to give it a role), the other pemda's does not
    assert masuk("admin-a").get(f"/admin/auth/user/{baru.pk}/change/").status_code == 200
    assert masuk("admin-b").get(f"/admin/auth/user/{baru.pk}/change/").status_code == 302


def test_superusers_cannot_be_edited_by_admin_pemda(dua_pemda):
    root = dua_pemda.root
    c = masuk("admin-a")
    assert root.username not in c.get("/admin/auth/user/").content.decode()
    r = c.post(f"/admin/auth/user/{root.pk}/change/", _form(root, is_active=""))
    assert r.status_code == 302  # "does not exist" → back to the admin index
    root.refresh_from_db()
    assert root.is_active and root.is_superuser
    r = c.post(f"/admin/auth/user/{root.pk}/delete/", {"post": "yes"})
    assert User.objects.filter(pk=root.pk).exists()
