"""A lost phone: admin_pemda removes the authenticator entry of its own pemda's user in the
admin (so the user can enrol again); it never sees the key, cannot change or add an entry, and
never touches another pemda's user's entry."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.admin_bantu import masuk

pytestmark = pytest.mark.django_db
KUNCI = "3132333435363738393031323334353637383930"


@pytest.fixture
def perangkat(dua_pemda):
    return TOTPDevice.objects.create(user=dua_pemda.eval_b, name="ponsel", key=KUNCI, confirmed=True)


def test_own_pemda_removes_the_entry_without_seeing_the_key(perangkat):
    c = masuk("admin-b")
    daftar = c.get("/admin/otp_totp/totpdevice/")
    assert daftar.status_code == 200 and "eval-b" in daftar.content.decode()
    halaman = c.get(f"/admin/otp_totp/totpdevice/{perangkat.pk}/change/").content.decode()
    assert KUNCI not in halaman
    assert c.get(f"/admin/otp_totp/totpdevice/{perangkat.pk}/qrcode/").status_code == 403
    r = c.post(f"/admin/otp_totp/totpdevice/{perangkat.pk}/change/", {"name": "ganti", "key": "00" * 20})
    assert r.status_code == 403
    perangkat.refresh_from_db()
    assert perangkat.key == KUNCI and perangkat.name == "ponsel"
    assert c.get("/admin/otp_totp/totpdevice/add/").status_code == 403
    r = c.post(f"/admin/otp_totp/totpdevice/{perangkat.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302 and not TOTPDevice.objects.filter(pk=perangkat.pk).exists()


def test_another_pemda_cannot_touch_the_entry(perangkat):
    c = masuk("admin-a")
    assert "eval-b" not in c.get("/admin/otp_totp/totpdevice/").content.decode()
    c.post(f"/admin/otp_totp/totpdevice/{perangkat.pk}/delete/", {"post": "yes"})
    c.post(
        "/admin/otp_totp/totpdevice/",
        {"action": "delete_selected", "_selected_action": [perangkat.pk], "post": "yes"},
    )
    assert TOTPDevice.objects.filter(pk=perangkat.pk).exists()
