"""The pemda console's accounts: created without a password, its owner sets one through the
one-time link and logs in; roles per unit or per pemda, never in another pemda, never staff or
superuser; deactivated, not deleted; every change audited with the pemda."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.test import Client

from akun.models import Peran
from audit.models import Jejak
from dasar.galat import Ditolak
from konsol import services
from tests.admin_bantu import PASSWORD

pytestmark = pytest.mark.django_db
User = get_user_model()
SANDI = "Sandi-Pilihan-Sendiri-22"


def _klien(user):
    c = Client()
    c.force_login(user)
    return c


def _buat(c, username="op-baru", **lain):
    data = {
        "username": username,
        "first_name": "Budi",
        "last_name": "Santoso",
        "email": "budi@contoh.go.id",
    } | lain
    return c.post("/konsol/pengguna/baru/", data)


def _tautan(r) -> str:
    return re.search(r'value="http://testserver(/akun/sandi-baru/[^"]+/)"', r.content.decode()).group(1)


def test_a_new_account_sets_its_password_once_through_the_link_and_logs_in(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    r = _buat(c)
    assert r.status_code == 200
    baru = User.objects.get(username="op-baru")
    assert not baru.has_usable_password() and not baru.is_staff and not baru.is_superuser
    assert baru.profil.pemda == d.a
    tautan = _tautan(r)
    # the owner opens the link, chooses a password, logs in
    tamu = Client()
    r = tamu.get(tautan)
    assert r.status_code == 302
    r = tamu.post(r.url, {"new_password1": SANDI, "new_password2": SANDI})
    assert r.status_code == 302
    baru.refresh_from_db()
    assert baru.check_password(SANDI)
    masuk = Client()
    r = masuk.post("/akun/masuk/", {"username": "op-baru", "password": SANDI})
    assert r.status_code == 302 and masuk.get("/akun/riwayat/").status_code == 200
    # the link was for one use
    r = Client().get(tautan, follow=True)
    assert "tidak berlaku" in r.content.decode().lower()
    jejak = Jejak.objects.filter(objek="auth.User", objek_id=str(baru.pk))
    assert set(jejak.values_list("aksi", "keterangan")) == {("buat", ""), ("buat", "tautan sandi")}
    assert set(jejak.values_list("pemda_id", flat=True)) == {d.a.id}


def test_roles_per_unit_or_per_pemda_within_its_own_pemda(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    _buat(c)
    baru = User.objects.get(username="op-baru")
    url = f"/konsol/pengguna/{baru.pk}/peran/"
    assert c.post(url, {"jenis": "operator", "instansi": d.unit_a.pk}).status_code == 302
    assert c.post(url, {"jenis": "evaluator", "instansi": ""}).status_code == 302
    assert set(Peran.objects.filter(user=baru).values_list("jenis", "instansi_id", "pemda_id")) == {
        ("operator", d.unit_a.pk, None),
        ("evaluator", None, d.a.pk),
    }
    # an operator of the whole pemda, an admin of one unit: refused, said where
    r = c.post(url, {"jenis": "operator", "instansi": ""})
    assert r.status_code == 200 and "pilih unitnya" in r.content.decode()
    r = c.post(url, {"jenis": "admin_pemda", "instansi": d.unit_a.pk})
    assert r.status_code == 200 and "kosongkan unit" in r.content.decode()
    # another pemda's unit is not offered and not accepted
    assert "unit-b" not in c.get(url).content.decode()
    r = c.post(url, {"jenis": "operator", "instansi": d.unit_b.pk})
    assert r.status_code == 200 and not Peran.objects.filter(user=baru, instansi=d.unit_b).exists()
    with pytest.raises(Ditolak):
        services.beri_peran(user=d.admin_a, pemda=d.a, pengguna=baru, jenis="operator", instansi=d.unit_b)
    # nothing makes a superuser or staff: the form has no such field, the service no such argument
    r = c.post(url, {"jenis": "operator", "instansi": d.unit_a.pk, "is_superuser": "on", "is_staff": "on"})
    baru.refresh_from_db()
    assert not baru.is_superuser and not baru.is_staff
    # the role is taken away (audited, with who held what)
    op = Peran.objects.get(user=baru, jenis="operator")
    assert c.post(f"/konsol/peran/{op.pk}/hapus/").status_code == 302
    assert not Peran.objects.filter(pk=op.pk).exists()
    assert Jejak.objects.filter(
        objek="akun.Peran", objek_id=str(op.pk), aksi="hapus", field="jenis", lama="operator"
    ).exists()
    assert Jejak.objects.filter(objek="akun.Peran", aksi="buat", instansi=d.unit_a, pemda=d.a).exists()


def test_accounts_of_another_pemda_or_superusers_are_not_managed(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    for u in (d.root, d.eval_b, d.admin_b):
        assert c.get(f"/konsol/pengguna/{u.pk}/").status_code == 404
        assert c.post(f"/konsol/pengguna/{u.pk}/status/", {"aktif": "0"}).status_code == 404
        assert c.post(f"/konsol/pengguna/{u.pk}/tautan/").status_code == 404
        with pytest.raises(PermissionDenied):
            services.tautan_sandi(user=d.admin_a, pemda=d.a, pengguna=u)
    # a user holding a role in pemda B too is no longer A's to manage
    Peran.objects.create(user=d.op_a, jenis="viewer", instansi=d.unit_b)
    assert c.get(f"/konsol/pengguna/{d.op_a.pk}/").status_code == 404
    names = c.get("/konsol/pengguna/").content.decode()
    assert "root" not in names and "eval-b" not in names and "op-a" not in names


def test_a_deactivated_account_cannot_log_in_and_is_kept(dua_pemda):
    d = dua_pemda
    c = _klien(d.admin_a)
    assert c.post(f"/konsol/pengguna/{d.op_a.pk}/status/", {"aktif": "0"}).status_code == 302
    d.op_a.refresh_from_db()
    assert not d.op_a.is_active and Peran.objects.filter(user=d.op_a).exists()
    assert not Client().login(username="op-a", password=PASSWORD)
    # an admin cannot lock itself out
    with pytest.raises(Ditolak):
        services.ubah_status_pengguna(user=d.admin_a, pemda=d.a, pengguna=d.admin_a, aktif=False)
    adm = Peran.objects.get(user=d.admin_a)
    with pytest.raises(Ditolak):
        services.cabut_peran(user=d.admin_a, pemda=d.a, peran=adm)
    assert c.post(f"/konsol/pengguna/{d.op_a.pk}/status/", {"aktif": "1"}).status_code == 302
    d.op_a.refresh_from_db()
    assert d.op_a.is_active
    assert Jejak.objects.filter(objek="auth.User", field="is_active").count() == 2


def test_a_taken_username_keeps_the_typed_values(dua_pemda):
    c = _klien(dua_pemda.admin_a)
    r = _buat(c, username="OP-A", first_name="Siti")
    html = r.content.decode()
    assert (
        r.status_code == 200 and "sudah dipakai" in html and 'value="Siti"' in html and 'value="OP-A"' in html
    )
    assert User.objects.filter(username__iexact="op-a").count() == 1


def test_a_lost_phones_authenticator_is_removed(dua_pemda):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    d = dua_pemda
    TOTPDevice.objects.create(user=d.op_a, name="SAKIP", confirmed=True)
    c = _klien(d.admin_a)
    assert "Hapus aplikasi autentikator" in c.get(f"/konsol/pengguna/{d.op_a.pk}/").content.decode()
    assert c.post(f"/konsol/pengguna/{d.op_a.pk}/otp/").status_code == 302
    assert not TOTPDevice.objects.filter(user=d.op_a).exists()
    assert Jejak.objects.filter(keterangan="aplikasi autentikator", aksi="hapus", pemda=d.a).exists()


def test_the_invitation_sends_the_one_time_link_by_e_mail(dua_pemda, settings):
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    d = dua_pemda
    c = _klien(d.admin_a)
    r = _buat(c, username="undangan", email="", kirim_email="on")  # no address: said, nothing made
    assert r.status_code == 200 and "Isi e-mail untuk mengirim tautan" in r.content.decode()
    assert not User.objects.filter(username="undangan").exists() and not mail.outbox
    r = _buat(c, username="undangan", email="siti@contoh.go.id", kirim_email="on")
    assert r.status_code == 200 and "Tautan dikirim ke siti@contoh.go.id" in r.content.decode()
    (surat,) = mail.outbox
    assert surat.to == ["siti@contoh.go.id"] and "undangan" in surat.body and "Kota A" in surat.subject
    tautan = re.search(r"http://testserver(/akun/sandi-baru/\S+/)", surat.body).group(1)
    tamu = Client()
    r = tamu.get(tautan)
    tamu.post(r.url, {"new_password1": SANDI, "new_password2": SANDI})
    assert User.objects.get(username="undangan").check_password(SANDI)
    baru = User.objects.get(username="undangan")
    assert Jejak.objects.filter(objek_id=str(baru.pk), keterangan="tautan sandi (e-mail)").exists()
    # a new link later, by e-mail again
    assert c.post(f"/konsol/pengguna/{baru.pk}/tautan/", {"kirim": "1"}).status_code == 200
    assert len(mail.outbox) == 2
