"""An account created by an admin must set its own password at first login: every page
redirects to the password page until it is done; then the account works normally."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.admin_bantu import masuk

pytestmark = pytest.mark.django_db
SEMENTARA, SENDIRI = "Sandi-Dari-Admin-11", "Sandi-Pilihan-Sendiri-22"


def test_first_login_forces_the_password_change(dua_pemda):
    r = masuk("admin-a").post(
        "/admin/auth/user/add/",
        {"username": "baru", "usable_password": "true", "password1": SEMENTARA, "password2": SEMENTARA},
    )
    assert r.status_code == 302
    c = Client()
    r = c.post("/akun/masuk/", {"username": "baru", "password": SEMENTARA})
    assert r.status_code == 302
    for url in ("/", "/akun/riwayat/", "/admin/"):
        r = c.get(url)
        assert r.status_code == 302 and r.url == "/akun/sandi/", url
    assert c.get("/akun/sandi/").status_code == 200
    r = c.post(
        "/akun/sandi/", {"old_password": SEMENTARA, "new_password1": SENDIRI, "new_password2": SENDIRI}
    )
    assert r.status_code == 302
    baru = get_user_model().objects.get(username="baru")
    assert baru.check_password(SENDIRI) and not baru.profil.harus_ganti_sandi
    assert c.get("/akun/riwayat/").status_code == 200
    c2 = Client()
    c2.post("/akun/masuk/", {"username": "baru", "password": SENDIRI})
    assert c2.get("/akun/riwayat/").status_code == 200


def test_a_reset_by_email_also_clears_the_flag(dua_pemda, settings):
    import re

    from django.core import mail

    from akun.models import Profil

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    op = dua_pemda.op_a
    op.email = "op@contoh.id"
    op.save()
    Profil.objects.create(user=op, harus_ganti_sandi=True)
    c = Client()
    c.post("/akun/lupa-sandi/", {"email": "op@contoh.id"})
    tautan = re.search(r"http://testserver(/akun/sandi-baru/\S+/)", mail.outbox[0].body).group(1)
    r = c.get(tautan)
    c.post(r.url, {"new_password1": SENDIRI, "new_password2": SENDIRI})
    op.profil.refresh_from_db()
    assert not op.profil.harus_ganti_sandi
