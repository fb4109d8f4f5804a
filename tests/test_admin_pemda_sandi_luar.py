"""admin_pemda cannot set the password of another pemda's user (nor a superuser's) in the
Django admin; setting its own pemda's user's password is audited and forces a new password at
that user's next login."""

import pytest
from django.contrib.auth import get_user_model

from tests.admin_bantu import PASSWORD, masuk

pytestmark = pytest.mark.django_db
User = get_user_model()
BARU = {"password1": "Sandi-Penyerang-99", "password2": "Sandi-Penyerang-99", "usable_password": "true"}


def test_cannot_set_another_pemdas_users_password(dua_pemda):
    d = dua_pemda
    c = masuk("admin-a")
    assert c.get(f"/admin/auth/user/{d.eval_b.pk}/password/").status_code in (302, 404)
    r = c.post(f"/admin/auth/user/{d.eval_b.pk}/password/", BARU)
    assert r.status_code in (302, 404)
    d.eval_b.refresh_from_db()
    assert d.eval_b.check_password(PASSWORD) and not d.eval_b.check_password("Sandi-Penyerang-99")


def test_cannot_set_a_superusers_password(dua_pemda):
    d = dua_pemda
    r = masuk("admin-a").post(f"/admin/auth/user/{d.root.pk}/password/", BARU)
    assert r.status_code in (302, 404)
    d.root.refresh_from_db()
    assert d.root.check_password(PASSWORD)


def test_own_pemdas_user_password_is_set_audited_and_must_be_changed(dua_pemda):
    from audit.models import Jejak

    d = dua_pemda
    r = masuk("admin-a").post(f"/admin/auth/user/{d.op_a.pk}/password/", BARU)
    assert r.status_code == 302
    d.op_a.refresh_from_db()
    assert d.op_a.check_password("Sandi-Penyerang-99")
    assert d.op_a.profil.harus_ganti_sandi
    j = Jejak.objects.get(objek="auth.User", objek_id=str(d.op_a.pk), field="password")
    assert j.user == d.admin_a and j.pemda == d.a and "Sandi" not in j.baru
