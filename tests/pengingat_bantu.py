"""Helpers of the reminder tests: a real SMTP server (aiosmtpd) that keeps what it receives, and a
scenario in the demo: a TW2 2025 window closing on 15 July 2025 with IKU9 not entered, and TW1 2025
submitted on 1 July 2025, waiting for verification."""

from __future__ import annotations

import datetime as dt
import email
import socket
from contextlib import contextmanager
from email import policy

from django.contrib.auth import get_user_model
from django.utils import timezone

from jadwal.models import JendelaEntri
from pengukuran.models import PengajuanRealisasi

URL_DASAR = "https://sakip.contoh.go.id"
PENGGUNA = ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")


class Penampung:
    """aiosmtpd handler: every message received as (envelope sender, recipients, parsed message)."""

    def __init__(self):
        self.pesan = []

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.original_content or envelope.content, policy=policy.default)
        self.pesan.append((envelope.mail_from, list(envelope.rcpt_tos), msg))
        return "250 OK"

    def untuk(self, alamat: str) -> list:
        return [m for _f, to, m in self.pesan if alamat in to]


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server_smtp(settings):
    """A real SMTP server on a free local port, and Django's SMTP backend pointed at it."""
    from aiosmtpd.controller import Controller

    penampung = Penampung()
    port = _port_bebas()
    c = Controller(penampung, hostname="127.0.0.1", port=port)
    c.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield penampung
    finally:
        c.stop()


def badan(msg) -> str:
    return msg.get_body(preferencelist=("plain",)).get_content()


def siapkan(pk_manual, settings):
    """The scenario (see the module docstring); every demo user gets an address <name>@contoh.go.id."""
    settings.SAKIP_URL_DASAR = URL_DASAR
    for u in get_user_model().objects.filter(username__in=PENGGUNA):
        u.email = f"{u.username}@contoh.go.id"
        u.save()
    ins = pk_manual.instansi
    JendelaEntri.objects.create(
        pemda=ins.pemda,
        tahun=2025,
        alur="kinerja",
        periode="TW2",
        buka=dt.date(2025, 7, 1),
        tutup=dt.date(2025, 7, 15),
    )
    p = PengajuanRealisasi.objects.create(
        instansi=ins, tahun=2025, periode="TW1", alur="kinerja", status="diajukan"
    )
    PengajuanRealisasi.objects.filter(pk=p.pk).update(
        diubah_pada=timezone.make_aware(dt.datetime(2025, 7, 1, 9, 0))
    )
    return ins
