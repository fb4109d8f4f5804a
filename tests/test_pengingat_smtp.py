"""Reminders are e-mailed through a real SMTP server (aiosmtpd, started by the test) to the people
who must act, in Indonesian, with an absolute link to the exact page."""

import datetime as dt

import pytest
from django.core.management import call_command

from pengingat.models import Pengingat
from tests.pengingat_bantu import URL_DASAR, badan, server_smtp, siapkan

pytestmark = pytest.mark.django_db


def test_window_and_verification_reminders_reach_the_right_people(pk_manual, settings, capsys):
    siapkan(pk_manual, settings)
    settings.PENGINGAT_VERIFIKASI_HARI = 3
    with server_smtp(settings) as smtp:
        call_command("kirim_pengingat", "--tanggal", "2025-07-08")  # H-7 of the TW2 window
    # the operator: the window closes in 7 days and IKU9 is not entered
    (m,) = smtp.untuk("operator@contoh.go.id")
    assert m["Subject"] == "[SAKIP] Jendela entri realisasi kinerja TW2 2025 ditutup 15 Juli 2025"
    teks = badan(m)
    assert "Kecamatan Bantargebang: 1 isian realisasi kinerja TW2 2025 belum diisi" in teks
    assert f"{URL_DASAR}/unit/bantargebang/realisasi/2025/TW2/" in teks
    assert f"{URL_DASAR}/akun/pengingat/" in teks  # where to turn e-mail reminders off
    # the pimpinan: TW1 submitted on 1 July, still waiting after 3 days
    (m,) = smtp.untuk("pimpinan@contoh.go.id")
    assert "menunggu verifikasi" in m["Subject"]
    assert "mengajukan realisasi kinerja TW1 2025 pada 1 Juli 2025" in badan(m)
    assert f"{URL_DASAR}/unit/bantargebang/realisasi/2025/TW1/" in badan(m)
    # nobody else: one recipient per message
    assert all(len(to) == 1 for _f, to, _m in smtp.pesan)
    assert sorted(to[0] for _f, to, _m in smtp.pesan) == ["operator@contoh.go.id", "pimpinan@contoh.go.id"]
    assert Pengingat.objects.filter(email_dikirim__isnull=False).count() == 2


def test_h1_reminder_and_nothing_once_submitted(pk_manual, settings):
    ins = siapkan(pk_manual, settings)
    with server_smtp(settings) as smtp:
        call_command("kirim_pengingat", "--tanggal", "2025-07-14")
    assert [m["Subject"] for m in smtp.untuk("operator@contoh.go.id")] == [
        "[SAKIP] Jendela entri realisasi kinerja TW2 2025 ditutup 15 Juli 2025"
    ]
    assert Pengingat.objects.get(user__username="operator").jenis == "jendela_h1"
    # a submitted quarter needs nothing more from the operator
    from pengukuran.models import PengajuanRealisasi

    PengajuanRealisasi.objects.create(
        instansi=ins, tahun=2025, periode="TW2", alur="kinerja", status="diajukan"
    )
    Pengingat.objects.all().delete()
    with server_smtp(settings) as smtp:
        call_command("kirim_pengingat", "--tanggal", "2025-07-15")
    assert smtp.untuk("operator@contoh.go.id") == []


def test_a_failed_send_is_retried_by_the_next_run(pk_manual, settings):
    siapkan(pk_manual, settings)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens: refused
    call_command("kirim_pengingat", "--tanggal", "2025-07-08")
    p = Pengingat.objects.get(user__username="operator")
    assert p.email_dikirim is None and p.email_galat
    with server_smtp(settings) as smtp:
        call_command("kirim_pengingat", "--tanggal", "2025-07-09")
    assert len(smtp.untuk("operator@contoh.go.id")) == 1
    p.refresh_from_db()
    assert p.email_dikirim is not None and p.email_galat == ""
    assert dt.date(2025, 7, 15) == p.jatuh_tempo
