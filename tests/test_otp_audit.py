"""Enrolling an authenticator app and removing it in the admin each write an audit row with the
user and the user's pemda (akun sends a signal, audit records it: akun never imports audit)."""

import time

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.models import Jejak
from tests.admin_bantu import PASSWORD, masuk

pytestmark = pytest.mark.django_db
KUNCI = "3132333435363738393031323334353637383930"
OBJEK = "otp_totp.TOTPDevice"


def _kode(key_hex):
    totp = TOTP(bytes.fromhex(key_hex))
    totp.time = time.time()
    return f"{totp.token():06d}"


def test_enrolment_writes_an_audit_row_with_the_pemda(dua_pemda):
    dua_pemda.b.wajib_otp = True
    dua_pemda.b.save()
    c = Client()
    assert c.post("/akun/masuk/", {"username": "admin-b", "password": PASSWORD}).status_code == 302
    c.get("/akun/otp/daftar/")
    perangkat = TOTPDevice.objects.get(user=dua_pemda.admin_b, confirmed=False)
    assert not Jejak.objects.filter(objek=OBJEK).exists()  # an entry not yet confirmed is no enrolment
    c.post("/akun/otp/daftar/", {"kode": "000"})
    assert not Jejak.objects.filter(objek=OBJEK).exists()  # a wrong code enrols nothing
    TOTPDevice.objects.filter(pk=perangkat.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    assert c.post("/akun/otp/daftar/", {"kode": _kode(perangkat.key)}).status_code == 302
    j = Jejak.objects.get(objek=OBJEK)
    assert (j.objek_id, j.aksi, j.user, j.nama_pengguna) == (
        str(perangkat.pk),
        "tambah",
        dua_pemda.admin_b,
        "admin-b",
    )
    assert j.pemda == dua_pemda.b and j.keterangan == "aplikasi autentikator"
    assert (j.field, j.baru) == ("name", "SAKIP")


@pytest.mark.parametrize("admin", ["admin-b", "root"])
def test_removal_in_the_admin_writes_an_audit_row_with_the_users_pemda(dua_pemda, admin):
    perangkat = TOTPDevice.objects.create(user=dua_pemda.eval_b, name="ponsel", key=KUNCI, confirmed=True)
    r = masuk(admin).post(f"/admin/otp_totp/totpdevice/{perangkat.pk}/delete/", {"post": "yes"})
    assert r.status_code == 302 and not TOTPDevice.objects.filter(pk=perangkat.pk).exists()
    j = Jejak.objects.get(objek=OBJEK, objek_id=str(perangkat.pk))
    assert j.aksi == "hapus" and j.nama_pengguna == admin
    assert j.pemda == dua_pemda.b  # the device's user's pemda, also when a superuser of no pemda removes it
