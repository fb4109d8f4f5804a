"""Writes of the job area: requesting a job (idempotent by key), the worker's side of running one
(status, progress, result file, error), and deleting jobs past their keeping time."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
from collections.abc import Callable
from datetime import timedelta
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from akun.izin import boleh_tugas, boleh_tugas_pemda
from dasar import dokumen
from dasar.galat import Ditolak

from .models import Tugas
from .selectors import berkas_ada, folder_tugas, nama_simpan

log = logging.getLogger(__name__)

# what the work returns: (file content, download name, MIME type)
Hasil = tuple[bytes, str, str]


def sidik(*, jenis: str, instansi=None, pemda=None, parameter: dict, token_data: str) -> str:
    """The idempotency key: kind + unit (or pemda) + parameters (year, format, …) + its data token.
    A unit's key is the one it had before pemda jobs existed (kept jobs stay reused)."""
    pemilik = [instansi.pk] if instansi is not None else ["p", pemda.pk]
    mentah = json.dumps([jenis, *pemilik, parameter, token_data], sort_keys=True, default=str)
    return hashlib.sha256(mentah.encode()).hexdigest()


def _batas_simpan():
    return timezone.now() - timedelta(hours=settings.TUGAS_SIMPAN_JAM)


def _lepaskan_yang_terhenti(k: str) -> None:
    """Give up the jobs of this key waiting or running since longer than TUGAS_BATAS_DETIK (their
    worker died, or none runs): failed, so a new request starts a new job."""
    sekarang = timezone.now()
    Tugas.objects.filter(sidik=k, status__in=Tugas.AKTIF).annotate(sejak=Coalesce("mulai", "dibuat")).filter(
        sejak__lt=sekarang - timedelta(seconds=settings.TUGAS_BATAS_DETIK)
    ).update(
        status=Tugas.Status.GAGAL,
        alasan_gagal=_(
            "Tugas ini terhenti karena melewati batas waktu. Minta sekali lagi untuk mengulanginya."
        ),
        selesai=sekarang,
    )


def _yang_sama(k: str) -> Tugas | None:
    """A job with this key that is waiting or running, or finished with its file still kept."""
    _lepaskan_yang_terhenti(k)
    for p in Tugas.objects.filter(
        Q(status__in=Tugas.AKTIF) | Q(status=Tugas.Status.SELESAI, selesai__gte=_batas_simpan()),
        sidik=k,
    ).order_by("-dibuat"):
        if p.aktif or berkas_ada(p):
            return p
    return None


def minta(*, user, instansi=None, pemda=None, jenis: str, parameter: dict, token_data: str, tugas) -> Tugas:
    """The job for this request: the same one while it is waiting, running or finished and kept
    (the same key), else a new one enqueued to ``tugas`` (a Task of dasar.antrian taking the job
    id). A queue that cannot be reached leaves the job failed with the reason. The job is the
    unit's (``instansi``) or, for a pemda-level document, the pemda's (``pemda``): exactly one."""
    if (instansi is None) == (pemda is None):
        raise ValueError("a job is either a unit's or a pemda's")
    boleh = (
        boleh_tugas(user, instansi, jenis) if instansi is not None else boleh_tugas_pemda(user, pemda, jenis)
    )
    if not boleh:
        raise PermissionDenied
    k = sidik(jenis=jenis, instansi=instansi, pemda=pemda, parameter=parameter, token_data=token_data)
    ulangi_terhenti(sidik=k)  # a job of this key whose worker died runs again rather than a new one
    ada = _yang_sama(k)
    if ada is not None:
        return ada
    try:
        with transaction.atomic():
            p = Tugas.objects.create(
                pemohon=user,
                instansi=instansi,
                pemda=pemda,
                jenis=jenis,
                parameter=parameter,
                sidik=k,
                nama_tugas=tugas.module_path,
            )
    except IntegrityError:  # the same request, at the same moment, created it first
        return Tugas.objects.get(sidik=k, status__in=Tugas.AKTIF)
    try:
        hasil = tugas.enqueue(str(p.pk))
    except Exception:  # noqa: BLE001 - Redis down, database backend misconfigured …
        log.exception("tugas %s: enqueue failed", p.pk)
        _gagal(p.pk, _("Antrian tugas tidak dapat dihubungi. Coba lagi beberapa saat lagi."))
    else:
        Tugas.objects.filter(pk=p.pk).update(id_antrian=str(hasil.id))
    p.refresh_from_db()
    return p


def _gagal(pk, pesan: str, percobaan: int | None = None) -> None:
    """Fail the job (only if it is still at this attempt, when given)."""
    qs = Tugas.objects.filter(pk=pk)
    if percobaan is not None:
        qs = qs.filter(percobaan=percobaan, status__in=Tugas.AKTIF)
    qs.update(status=Tugas.Status.GAGAL, alasan_gagal=pesan, selesai=timezone.now())


def nama_pekerja() -> str:
    """This worker process: host:pid (a job records who runs it)."""
    return f"{socket.gethostname()[:80]}:{os.getpid()}"


def jalankan(tugas_id: str, kerja: Callable[[Tugas, Callable[[int], None]], Hasil]) -> dict:
    """Run a job in a worker: ``kerja(tugas, lapor)`` does the work, calling ``lapor(percent)``
    as it goes, and returns the file. A job already finished (or deleted) is not run again. A
    refusal (``Ditolak``) fails the job with its message; any other error fails it with a general
    message and is raised again, so the task backend records it too.

    Each start is an attempt (``percobaan``, with the worker's host:pid; ``lapor`` is its
    heartbeat); a job
    whose worker died is started again by ``ulangi_terhenti``. Only the attempt that started last
    may finish the job: its file is written under the attempt's own name (``nama_simpan``) and
    the job row names it in the same update that marks the job finished, so an attempt thought
    dead that still ends keeps nothing, and a job completes once. The file goes to the documents'
    storage (``dasar.dokumen``: local or S3), never renamed there."""
    p = Tugas.objects.select_related("instansi__pemda", "pemda").filter(pk=tugas_id).first()
    if p is None or not p.aktif:
        return {"status": p.status if p else "hilang"}
    percobaan = p.percobaan + 1
    if not Tugas.objects.filter(pk=p.pk, status__in=Tugas.AKTIF, percobaan=p.percobaan).update(
        status=Tugas.Status.JALAN,
        mulai=timezone.now(),
        percobaan=percobaan,
        kemajuan=0,
        pekerja=nama_pekerja(),
        detak=timezone.now(),
    ):
        return {"status": Tugas.Status.GAGAL}  # given up, or taken by another worker, just now

    def lapor(persen: int) -> None:
        Tugas.objects.filter(pk=p.pk, percobaan=percobaan).update(
            kemajuan=max(0, min(99, int(persen))), detak=timezone.now()
        )

    try:
        data, nama, mime = kerja(p, lapor)
        p.nama_berkas = PurePosixPath(nama).name
        milik = nama_simpan(p, percobaan, p.nama_berkas)
        dokumen.tulis_sekali(milik, data)
    except Ditolak as exc:
        _gagal(p.pk, _("Dokumen tidak dapat dibuat: %(alasan)s") % {"alasan": exc}, percobaan)
        return {"status": Tugas.Status.GAGAL}
    except Exception:
        _gagal(
            p.pk,
            _("Terjadi kesalahan saat mengerjakan permintaan ini. Coba lagi atau hubungi admin."),
            percobaan,
        )
        raise
    selesai = Tugas.objects.filter(pk=p.pk, status=Tugas.Status.JALAN, percobaan=percobaan).update(
        status=Tugas.Status.SELESAI,
        kemajuan=100,
        berkas=milik,
        nama_berkas=p.nama_berkas,
        mime=mime,
        selesai=timezone.now(),
    )
    if not selesai:  # given up meanwhile, or started again by another worker: this attempt keeps nothing
        dokumen.hapus(milik)
        return {"status": Tugas.Status.GAGAL}
    return {"status": Tugas.Status.SELESAI, "berkas": p.nama_berkas}


def _mati(p: Tugas, sekarang) -> bool:
    """Has the worker running ``p`` died: its process is gone (same machine), or it has reported
    nothing for TUGAS_SENYAP_DETIK seconds (any machine)?"""
    host, _, pid = p.pekerja.rpartition(":")
    if host == socket.gethostname()[:80] and pid.isdigit():
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            pass  # alive, another user's process
        else:
            if _zombie(int(pid)):
                return True
    batas = timedelta(seconds=settings.TUGAS_SENYAP_DETIK)
    return (p.detak or p.mulai or p.dibuat) < sekarang - batas


def _zombie(pid: int) -> bool:
    """A killed child not yet reaped by its parent still answers kill(pid, 0)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def ulangi_terhenti(*, sidik: str | None = None) -> int:
    """Start again the running jobs (of one key, or all) whose worker died: back to waiting and
    enqueued again to their task, while they have attempts left (TUGAS_MAKS_PERCOBAAN); else
    failed with the reason. Returns the number enqueued again. Run by ``manage.py ulangi_tugas``
    (cron, every minute) and by ``minta`` for the key it is asked."""
    from django.utils.module_loading import import_string

    sekarang = timezone.now()
    qs = Tugas.objects.filter(status=Tugas.Status.JALAN).exclude(pekerja="")
    if sidik is not None:
        qs = qs.filter(sidik=sidik)
    n = 0
    for p in qs:
        if not _mati(p, sekarang):
            continue
        if p.percobaan >= settings.TUGAS_MAKS_PERCOBAAN or not p.nama_tugas:
            _gagal(
                p.pk,
                _(
                    "Pekerja berhenti saat mengerjakan tugas ini %(n)s kali. Minta sekali lagi atau hubungi admin."
                )
                % {"n": p.percobaan},
                p.percobaan,
            )
            continue
        # claimed by this attempt number: two runs at once re-enqueue it once
        if not Tugas.objects.filter(pk=p.pk, status=Tugas.Status.JALAN, percobaan=p.percobaan).update(
            status=Tugas.Status.ANTRI, kemajuan=0, pekerja="", detak=None
        ):
            continue
        log.warning(
            "tugas %s: worker %s died during attempt %s; enqueued again", p.pk, p.pekerja, p.percobaan
        )
        try:
            hasil = import_string(p.nama_tugas).enqueue(str(p.pk))
        except Exception:  # noqa: BLE001 - the queue cannot be reached
            log.exception("tugas %s: enqueue again failed", p.pk)
            _gagal(p.pk, _("Antrian tugas tidak dapat dihubungi. Coba lagi beberapa saat lagi."))
            continue
        Tugas.objects.filter(pk=p.pk).update(id_antrian=str(hasil.id))
        n += 1
    return n


def hapus_kedaluwarsa(*, sekarang=None) -> int:
    """Delete finished and failed jobs older than TUGAS_SIMPAN_JAM with their files; the
    number deleted."""
    batas = (sekarang or timezone.now()) - timedelta(hours=settings.TUGAS_SIMPAN_JAM)
    lama = list(
        Tugas.objects.filter(status__in=[Tugas.Status.SELESAI, Tugas.Status.GAGAL], selesai__lt=batas)
    )
    for p in lama:
        dokumen.hapus_folder(folder_tugas(p))
    Tugas.objects.filter(pk__in=[p.pk for p in lama]).delete()
    return len(lama)
