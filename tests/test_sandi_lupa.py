"""Password reset by e-mail, end to end: the mail (Indonesian) carries a link; following it sets
a new password that logs in; the same link used again, or after PASSWORD_RESET_TIMEOUT, is
refused; an unknown address sends nothing and says the same."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core import mail
from django.test import Client

pytestmark = pytest.mark.django_db
BARU = "Kata-Sandi-Baru-2025"


@pytest.fixture
def budi(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return get_user_model().objects.create_user(
        "budi", email="budi@bekasikota.go.id", password="lama-lama-sekali"
    )


def _tautan(c, email="budi@bekasikota.go.id"):
    r = c.post("/akun/lupa-sandi/", {"email": email})
    assert r.status_code == 302 and r.url == "/akun/lupa-sandi/terkirim/"
    assert len(mail.outbox) == 1
    pesan = mail.outbox[0]
    assert pesan.to == ["budi@bekasikota.go.id"] and "kata sandi baru" in pesan.subject
    assert "Tautan ini hanya berlaku sekali dan selama 60 menit" in pesan.body
    return re.search(r"http://testserver(/akun/sandi-baru/\S+/)", pesan.body).group(1)


def test_reset_end_to_end(budi):
    c = Client()
    tautan = _tautan(c)
    r = c.get(tautan)  # Django moves the token into the session and redirects
    assert r.status_code == 302
    form = c.get(r.url)
    assert 'name="new_password1"' in form.content.decode()
    r = c.post(r.url, {"new_password1": BARU, "new_password2": BARU})
    assert r.status_code == 302 and r.url == "/akun/sandi-baru/selesai/"
    budi.refresh_from_db()
    assert budi.check_password(BARU)
    assert Client().post("/akun/masuk/", {"username": "budi", "password": BARU}).status_code == 302


def test_used_link_is_refused(budi):
    c = Client()
    tautan = _tautan(c)
    r = c.get(tautan)
    c.post(r.url, {"new_password1": BARU, "new_password2": BARU})
    lagi = Client()
    r = lagi.get(tautan, follow=True)
    assert "tidak berlaku lagi" in r.content.decode()
    budi.refresh_from_db()
    assert budi.check_password(BARU)


def test_expired_link_is_refused(budi, settings, monkeypatch):
    tautan = _tautan(Client())
    nanti = dt.datetime.now() + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 5)
    monkeypatch.setattr(PasswordResetTokenGenerator, "_now", lambda self: nanti)
    c = Client()
    r = c.get(tautan, follow=True)
    assert "tidak berlaku lagi" in r.content.decode()
    uid = tautan.split("/")[3]
    r = c.post(f"/akun/sandi-baru/{uid}/set-password/", {"new_password1": BARU, "new_password2": BARU})
    budi.refresh_from_db()
    assert budi.check_password("lama-lama-sekali")


def test_unknown_address_sends_nothing(budi):
    r = Client().post("/akun/lupa-sandi/", {"email": "orang-lain@contoh.id"})
    assert r.status_code == 302 and r.url == "/akun/lupa-sandi/terkirim/"
    assert mail.outbox == []


def test_nul_in_the_address_gives_the_form_again(budi):
    r = Client().post("/akun/lupa-sandi/", {"email": "budi@bekasikota.go.id\x00"})
    assert r.status_code == 200 and 'role="alert"' in r.content.decode()
    assert mail.outbox == []
