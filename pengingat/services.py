"""The daily reminder job: record every reminder due (once per user, kind, object and due date)
and e-mail it to the users who did not turn e-mail off. Idempotent: a second run on the same day
finds every row already there and sends nothing; an e-mail that failed is tried again by the next
run (each e-mail is claimed by one run before it is sent)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from akun.models import Profil

from . import selectors
from .models import Pengingat

log = logging.getLogger(__name__)


@dataclass
class Laporan:
    """What a run did (the command prints it)."""

    tanggal: dt.date
    uji: bool  # --dry-run: nothing written, nothing sent
    baru: list = field(default_factory=list)  # (Calon, e-mail wanted) of the reminders created (or to be)
    sudah_ada: int = 0
    email_terkirim: int = 0
    email_gagal: int = 0
    email_mati: bool = False  # no SAKIP_URL_DASAR: no e-mail sent

    def ke_dict(self) -> dict:
        return {
            "tanggal": self.tanggal.isoformat(),
            "uji": self.uji,
            "baru": len(self.baru),
            "sudah_ada": self.sudah_ada,
            "email_terkirim": self.email_terkirim,
            "email_gagal": self.email_gagal,
            "email_mati": self.email_mati,
            "pengingat": [
                {
                    "pengguna": c.user.get_username(),
                    "email": email,
                    "jenis": c.jenis,
                    "objek": c.objek,
                    "jatuh_tempo": c.jatuh_tempo.isoformat(),
                    "judul": c.judul,
                    "tautan": c.tautan,
                }
                for c, email in self.baru
            ],
        }


def _mau_email(user_ids) -> set[int]:
    """Of these users, those who keep reminder e-mails on (the default) and have an address."""
    mati = set(
        Profil.objects.filter(user_id__in=user_ids, email_pengingat=False).values_list("user_id", flat=True)
    )
    from django.contrib.auth import get_user_model

    ada = set(get_user_model().objects.filter(pk__in=user_ids).exclude(email="").values_list("pk", flat=True))
    return ada - mati


def _kirim(p: Pengingat, koneksi) -> None:
    konteks = {"p": p, "url": settings.SAKIP_URL_DASAR + p.tautan, "situs": settings.SAKIP_URL_DASAR}
    with translation.override("id"):
        badan = render_to_string("pengingat/email.txt", konteks)
        subjek = "[SAKIP] " + p.judul
    EmailMessage(subjek, badan, settings.DEFAULT_FROM_EMAIL, [p.user.email], connection=koneksi).send()


def _kirim_tertunda(ids: list[int], laporan: Laporan) -> None:
    """E-mail these reminders, each claimed first (``email_dikirim`` set in one UPDATE) so that two
    runs at once never send one twice; a failure is recorded and released for the next run."""
    if not ids:
        return
    koneksi = get_connection()
    try:
        for p in Pengingat.objects.filter(pk__in=ids).select_related("user").order_by("pk"):
            if not Pengingat.objects.filter(pk=p.pk, email_dikirim=None).update(email_dikirim=timezone.now()):
                continue  # another run took it
            try:
                _kirim(p, koneksi)
            except Exception as exc:  # noqa: BLE001 - SMTP down, refused address …
                log.warning("pengingat %s: e-mail failed: %s", p.pk, exc)
                Pengingat.objects.filter(pk=p.pk).update(email_dikirim=None, email_galat=str(exc)[:300])
                laporan.email_gagal += 1
            else:
                Pengingat.objects.filter(pk=p.pk).update(email_galat="")
                laporan.email_terkirim += 1
    finally:
        koneksi.close()


def kirim_pengingat(*, hari: dt.date | None = None, uji: bool = False) -> Laporan:
    """Give every reminder due on ``hari`` (default: today, ``timezone.localdate()``): a row per
    (user, kind, object, due date) not given before, and its e-mail. ``uji``: only report."""
    hari = hari or timezone.localdate()
    with translation.override("id"):  # the reminders' texts are stored, in the users' language
        return _kirim_pengingat(hari, uji)


def _kirim_pengingat(hari: dt.date, uji: bool) -> Laporan:
    laporan = Laporan(tanggal=hari, uji=uji, email_mati=not settings.SAKIP_URL_DASAR)
    semua = selectors.calon(hari)
    ada = set(
        Pengingat.objects.filter(user_id__in={c.user.pk for c in semua}, jenis__in={c.jenis for c in semua})
        .filter(objek__in={c.objek for c in semua})
        .values_list("user_id", "jenis", "objek", "jatuh_tempo")
    )
    mau = _mau_email({c.user.pk for c in semua})
    tertunda = []
    for c in semua:
        if c.kunci in ada:
            laporan.sudah_ada += 1
            continue
        email = c.user.pk in mau and not laporan.email_mati
        if uji:
            laporan.baru.append((c, email))
            continue
        try:
            with transaction.atomic():
                p = Pengingat.objects.create(
                    user=c.user,
                    jenis=c.jenis,
                    objek=c.objek,
                    jatuh_tempo=c.jatuh_tempo,
                    instansi=c.instansi,
                    judul=c.judul[:300],
                    pesan=c.pesan[:2000],
                    tautan=c.tautan,
                )
        except IntegrityError:  # another run created it just now
            laporan.sudah_ada += 1
            continue
        laporan.baru.append((c, email))
        if email:
            tertunda.append(p.pk)
    if not uji and not laporan.email_mati:
        # e-mails that failed on an earlier run, of users who still want them
        lama = hari - dt.timedelta(days=settings.PENGINGAT_BATAS_LAMA_HARI)
        gagal = Pengingat.objects.filter(email_dikirim=None, dibuat__date__gte=lama).exclude(email_galat="")
        rows = list(gagal.values_list("pk", "user_id"))
        masih = _mau_email({uid for _pk, uid in rows})
        ulang = [pk for pk, uid in rows if uid in masih]
        _kirim_tertunda(tertunda + [pk for pk in ulang if pk not in tertunda], laporan)
    return laporan
