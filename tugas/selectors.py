"""Reads of the job area."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from .models import Tugas

SUBFOLDER = "tugas"


def tugas_unit(instansi, pk) -> Tugas | None:
    """The job ``pk`` of this unit, or None."""
    return Tugas.objects.select_related("instansi").filter(pk=pk, instansi=instansi).first()


def tugas_pemda(kode: str, pk) -> Tugas | None:
    """The job ``pk`` of the pemda ``kode`` (a pemda-level job), or None."""
    return Tugas.objects.select_related("pemda").filter(pk=pk, pemda__kode=kode).first()


def path_berkas(p: Tugas) -> Path:
    """Where the job's result file is (or will be) kept: one folder per job under DOKUMEN_ROOT."""
    nama = p.nama_berkas or "hasil"
    return Path(settings.DOKUMEN_ROOT) / SUBFOLDER / str(p.pk) / Path(nama).name
