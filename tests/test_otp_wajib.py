"""When a pemda turns on the second factor (Pemda.wajib_otp), its admin_pemda, evaluators and
pimpinan must give a TOTP code after the password before any page; operators and viewers do
not; with the setting off nobody is asked."""

import time

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from akun.models import Peran
from tests.admin_bantu import PASSWORD

pytestmark = pytest.mark.django_db
KUNCI = "3132333435363738393031323334353637383930"  # hex of a known key (RFC 6238's test key)


def _kode(key_hex=KUNCI, **kw):
    totp = TOTP(bytes.fromhex(key_hex), **kw)
    totp.time = time.time()
    return f"{totp.token():06d}"


def _masuk(username):
    c = Client()
    r = c.post("/akun/masuk/", {"username": username, "password": PASSWORD})
    assert r.status_code == 302
    return c


@pytest.fixture
def wajib(dua_pemda):
    dua_pemda.b.wajib_otp = True
    dua_pemda.b.save()
    TOTPDevice.objects.create(user=dua_pemda.eval_b, name="ponsel", key=KUNCI, confirmed=True)
    return dua_pemda


def test_evaluator_must_give_the_code(wajib):
    c = _masuk("eval-b")
    r = c.get("/akun/riwayat/")
    assert r.status_code == 302 and r.url.startswith("/akun/otp/")
    assert c.get("/pemda/pemda-b/").status_code == 302
    r = c.post("/akun/otp/", {"kode": "000000", "next": "/akun/riwayat/"})
    assert r.status_code == 200 and "Kode salah" in r.content.decode()
    assert c.get("/akun/riwayat/").status_code == 302
    TOTPDevice.objects.filter(user=wajib.eval_b).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    r = c.post("/akun/otp/", {"kode": _kode(), "next": "/akun/riwayat/"})
    assert r.status_code == 302 and r.url == "/akun/riwayat/"
    assert c.get("/akun/riwayat/").status_code == 200


def test_the_code_is_required_for_the_admin_too(wajib):
    c = _masuk("admin-b")  # no app yet: must enrol before anything else
    r = c.get("/admin/")
    assert r.status_code == 302 and r.url.startswith("/akun/otp/")
    assert "Daftarkan aplikasi autentikator" in c.get("/akun/otp/").content.decode()


def test_enrolment_with_the_qr_key(wajib):
    c = _masuk("admin-b")
    html = c.get("/akun/otp/daftar/").content.decode()
    assert "<svg" in html
    perangkat = TOTPDevice.objects.get(user=wajib.admin_b, confirmed=False)
    r = c.post("/akun/otp/daftar/", {"kode": "123"})
    assert r.status_code == 200 and not TOTPDevice.objects.filter(user=wajib.admin_b, confirmed=True).exists()
    perangkat.refresh_from_db()
    assert perangkat.throttling_failure_count == 1  # django-otp slows down guessing
    TOTPDevice.objects.filter(pk=perangkat.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    r = c.post("/akun/otp/daftar/", {"kode": _kode(perangkat.key)})
    assert r.status_code == 302
    assert TOTPDevice.objects.get(pk=perangkat.pk).confirmed
    assert c.get("/admin/").status_code == 200
    # a second login asks for the code again; enrolling another app is not possible without it
    c2 = _masuk("admin-b")
    assert c2.get("/akun/otp/daftar/").status_code == 302
    assert TOTPDevice.objects.filter(user=wajib.admin_b).count() == 1


def test_pimpinan_of_a_unit_must_give_the_code(wajib, django_user_model):
    u = django_user_model.objects.create_user("pimpinan-b", password=PASSWORD)
    Peran.objects.create(user=u, jenis="pimpinan", instansi=wajib.unit_b)
    r = _masuk("pimpinan-b").get("/")
    assert r.status_code == 302 and r.url.startswith("/akun/otp/")


def test_operators_and_other_pemda_are_not_asked(wajib):
    assert _masuk("op-a").get("/akun/riwayat/").status_code == 200
    assert _masuk("admin-a").get("/admin/").status_code == 200  # pemda A has it off


def test_switched_off_nobody_is_asked(dua_pemda):
    TOTPDevice.objects.create(user=dua_pemda.eval_b, name="ponsel", key=KUNCI, confirmed=True)
    assert _masuk("eval-b").get("/akun/riwayat/").status_code == 200


def test_turning_it_on_applies_to_open_sessions_within_a_minute(dua_pemda):
    from akun import sesi

    c = _masuk("eval-b")
    assert c.get("/akun/riwayat/").status_code == 200
    dua_pemda.b.wajib_otp = True
    dua_pemda.b.save()
    s = c.session
    s[sesi.AKTIF] -= sesi.SEGARKAN
    s.save()
    r = c.get("/akun/riwayat/")
    assert r.status_code == 302 and r.url.startswith("/akun/otp/")
