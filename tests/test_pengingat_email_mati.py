"""A user who turns reminder e-mails off on the account page gets no e-mail; the reminder still
shows on the "Pengingat" page with its link."""

import pytest
from django.core.management import call_command

from akun.models import Profil
from tests.pengingat_bantu import server_smtp, siapkan

pytestmark = pytest.mark.django_db


def test_opt_out_is_respected(pk_manual, settings, masuk_sebagai):
    siapkan(pk_manual, settings)
    op = masuk_sebagai("operator")
    html = op.get("/akun/pengingat/").content.decode()
    assert "operator@contoh.go.id" in html and "checked" in html  # on by default
    r = op.post("/akun/pengingat/", {}, follow=True)  # the box unticked
    assert "tidak dikirim lagi ke e-mail Anda" in r.content.decode()
    assert Profil.objects.get(user__username="operator").email_pengingat is False
    with server_smtp(settings) as smtp:
        call_command("kirim_pengingat", "--tanggal", "2025-07-08")
    assert smtp.untuk("operator@contoh.go.id") == []
    assert len(smtp.untuk("pimpinan@contoh.go.id")) == 1  # the others still get theirs
    html = op.get("/pengingat/").content.decode()
    assert "Jendela entri realisasi kinerja TW2 2025 ditutup 15 Juli 2025" in html
    assert 'href="/unit/bantargebang/realisasi/2025/TW2/"' in html
    assert "sedang dimatikan" in html
    # turned on again
    op.post("/akun/pengingat/", {"email_pengingat": "on"})
    assert Profil.objects.get(user__username="operator").email_pengingat is True


def test_window_reminder_shows_in_the_inbox(pk_manual, settings, masuk_sebagai, monkeypatch):
    """The inbox "Tugas saya" lists the window reminder until the window's date."""
    import datetime as dt

    from dasbor import kotak

    siapkan(pk_manual, settings)
    call_command("kirim_pengingat", "--tanggal", "2025-07-08")
    from django.contrib.auth import get_user_model

    op = get_user_model().objects.get(username="operator")
    bagian = {b.kode: b for b in kotak.kotak_masuk(op, 2025, hari_ini=dt.date(2025, 7, 10))}
    (item,) = bagian["pengingat"].item
    assert item.judul == "Jendela entri realisasi kinerja TW2 2025 ditutup 15 Juli 2025"
    assert item.url == "/unit/bantargebang/realisasi/2025/TW2/"
    assert "pengingat" not in {b.kode for b in kotak.kotak_masuk(op, 2025, hari_ini=dt.date(2025, 7, 16))}
