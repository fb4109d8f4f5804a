"""The Django admin is for superusers: with SAKIP_ADMIN_PEMDA off (the default outside the test
settings) an admin_pemda user, staff flag and all, is sent to the login page and can change
nothing there; a superuser still gets in."""

import pytest
from django.contrib.auth import get_user_model

from akun import izin
from tests.admin_bantu import masuk


@pytest.fixture
def tanpa_admin_pemda(settings):
    settings.SAKIP_ADMIN_PEMDA = False


def test_the_setting_is_off_unless_the_environment_turns_it_on():
    import subprocess
    import sys

    kode = (
        "import django; django.setup(); from django.conf import settings; print(settings.SAKIP_ADMIN_PEMDA)"
    )
    env = {
        "DJANGO_SETTINGS_MODULE": "sakip.settings",
        "DJANGO_SECRET_KEY": "k" * 20 + "-production-shaped-key-0123456789-abcdefghij",
        "PATH": "/usr/bin:/bin",
    }
    keluar = subprocess.run([sys.executable, "-c", kode], env=env, capture_output=True, text=True, check=True)
    assert keluar.stdout.strip() == "False"


def test_admin_pemda_cannot_open_the_admin(dua_pemda, tanpa_admin_pemda):
    assert not izin.boleh_admin(dua_pemda.admin_a)
    c = masuk("admin-a")
    r = c.get("/admin/")
    assert r.status_code == 302 and r["Location"].startswith("/admin/login/")  # which sends to the login page


def test_admin_pemda_cannot_change_a_unit_through_the_admin(dua_pemda, tanpa_admin_pemda):
    c = masuk("admin-a")
    url = f"/admin/organisasi/instansi/{dua_pemda.unit_a.pk}/change/"
    r = c.post(
        url, {"nama": "Diubah lewat admin", "slug": "unit-a", "pemda": dua_pemda.a.pk, "jenis": "kecamatan"}
    )
    assert r.status_code == 302 and r["Location"].startswith("/admin/login/")  # which sends to the login page
    dua_pemda.unit_a.refresh_from_db()
    assert dua_pemda.unit_a.nama != "Diubah lewat admin"
    assert not get_user_model().objects.get(username="admin-a").is_superuser


def test_a_superuser_still_gets_in(dua_pemda, tanpa_admin_pemda):
    assert izin.boleh_admin(dua_pemda.root)
    r = masuk("root").get("/admin/")
    assert r.status_code == 200
