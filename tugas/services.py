"""Writes of the job area: requesting a job (idempotent by key), the worker's side of running one
(status, progress, result file, error), and deleting jobs past their keeping time."""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from akun.izin import boleh_tugas
from dasar.galat import Ditolak

from .models import Tugas
from .selectors import path_berkas

log = logging.getLogger(__name__)

# what the work returns: (file content, download name, MIME type)
Hasil = tuple[bytes, str, str]


def sidik(*, jenis: str, instansi, parameter: dict, token_data: str) -> str:
    """The idempotency key: kind + unit + parameters (year, format, …) + the unit's data token."""
    mentah = json.dumps([jenis, instansi.pk, parameter, token_data], sort_keys=True, default=str)
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
        if p.aktif or path_berkas(p).is_file():
            return p
    return None


def minta(*, user, instansi, jenis: str, parameter: dict, token_data: str, tugas) -> Tugas:
    """The job for this request: the same one while it is waiting, running or finished and kept
    (the same key), else a new one enqueued to ``tugas`` (a Task of dasar.antrian taking the job
    id). A queue that cannot be reached leaves the job failed with the reason."""
    if not boleh_tugas(user, instansi, jenis):
        raise PermissionDenied
    k = sidik(jenis=jenis, instansi=instansi, parameter=parameter, token_data=token_data)
    ada = _yang_sama(k)
    if ada is not None:
        return ada
    try:
        with transaction.atomic():
            p = Tugas.objects.create(
                pemohon=user, instansi=instansi, jenis=jenis, parameter=parameter, sidik=k
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


def _gagal(pk, pesan: str) -> None:
    Tugas.objects.filter(pk=pk).update(status=Tugas.Status.GAGAL, alasan_gagal=pesan, selesai=timezone.now())


def _simpan_berkas(p: Tugas, data: bytes) -> None:
    tujuan = path_berkas(p)
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    sementara = tujuan.with_name(tujuan.name + ".sementara")
    sementara.write_bytes(data)
    sementara.replace(tujuan)  # a reader never sees half a file


def jalankan(tugas_id: str, kerja: Callable[[Tugas, Callable[[int], None]], Hasil]) -> dict:
    """Run a job in a worker: ``kerja(tugas, lapor)`` does the work, calling ``lapor(percent)``
    as it goes, and returns the file. A job already finished (or deleted) is not run again. A
    refusal (``Ditolak``) fails the job with its message; any other error fails it with a general
    message and is raised again, so the task backend records it too."""
    p = Tugas.objects.select_related("instansi__pemda").filter(pk=tugas_id).first()
    if p is None or not p.aktif:
        return {"status": p.status if p else "hilang"}
    if not Tugas.objects.filter(pk=p.pk, status__in=Tugas.AKTIF).update(
        status=Tugas.Status.JALAN, mulai=timezone.now(), percobaan=p.percobaan + 1, kemajuan=0
    ):
        return {"status": Tugas.Status.GAGAL}  # given up just now

    def lapor(persen: int) -> None:
        Tugas.objects.filter(pk=p.pk).update(kemajuan=max(0, min(99, int(persen))))

    try:
        data, nama, mime = kerja(p, lapor)
        p.nama_berkas = Path(nama).name
        _simpan_berkas(p, data)
    except Ditolak as exc:
        _gagal(p.pk, _("Dokumen tidak dapat dibuat: %(alasan)s") % {"alasan": exc})
        return {"status": Tugas.Status.GAGAL}
    except Exception:
        _gagal(p.pk, _("Terjadi kesalahan saat mengerjakan permintaan ini. Coba lagi atau hubungi admin."))
        raise
    selesai = Tugas.objects.filter(pk=p.pk, status=Tugas.Status.JALAN).update(
        status=Tugas.Status.SELESAI,
        kemajuan=100,
        berkas=str(path_berkas(p).relative_to(settings.DOKUMEN_ROOT)),
        nama_berkas=p.nama_berkas,
        mime=mime,
        selesai=timezone.now(),
    )
    if not selesai:  # given up meanwhile (too late): its file is not kept
        shutil.rmtree(path_berkas(p).parent, ignore_errors=True)
        return {"status": Tugas.Status.GAGAL}
    return {"status": Tugas.Status.SELESAI, "berkas": p.nama_berkas}


def hapus_kedaluwarsa(*, sekarang=None) -> int:
    """Delete finished and failed jobs older than TUGAS_SIMPAN_JAM with their files; the
    number deleted."""
    batas = (sekarang or timezone.now()) - timedelta(hours=settings.TUGAS_SIMPAN_JAM)
    lama = list(
        Tugas.objects.filter(status__in=[Tugas.Status.SELESAI, Tugas.Status.GAGAL], selesai__lt=batas)
    )
    for p in lama:
        shutil.rmtree(path_berkas(p).parent, ignore_errors=True)
    Tugas.objects.filter(pk__in=[p.pk for p in lama]).delete()
    return len(lama)
