"""Reads of the job area."""

from __future__ import annotations

from pathlib import PurePosixPath

from dasar import dokumen

from .models import Tugas

SUBFOLDER = "tugas"


def tugas_unit(instansi, pk) -> Tugas | None:
    """The job ``pk`` of this unit, or None."""
    return Tugas.objects.select_related("instansi").filter(pk=pk, instansi=instansi).first()


def tugas_pemda(kode: str, pk) -> Tugas | None:
    """The job ``pk`` of the pemda ``kode`` (a pemda-level job), or None."""
    return Tugas.objects.select_related("pemda").filter(pk=pk, pemda__kode=kode).first()


def tugas_pemohon(user, batas: int = 50) -> list[Tugas]:
    """The jobs the user asked for, newest first (the last ``batas``; finished ones are deleted
    after TUGAS_SIMPAN_JAM hours): one query, with their unit or pemda."""
    return list(
        Tugas.objects.filter(pemohon=user).select_related("instansi", "pemda").order_by("-dibuat")[:batas]
    )


def folder_tugas(p: Tugas) -> str:
    """The job's folder in the documents' storage (``dasar.dokumen``): one per job."""
    return f"{SUBFOLDER}/{p.pk}"


def nama_simpan(p: Tugas, percobaan: int, nama: str) -> str:
    """The stored name of an attempt's result file: its own folder per attempt, so two attempts
    never write the same name and the one that finishes the job is the one the job row names."""
    return f"{folder_tugas(p)}/{percobaan}/{PurePosixPath(nama).name}"


def berkas_ada(p: Tugas) -> bool:
    """Is the job's result file still kept?"""
    return dokumen.ada(p.berkas)


def buka_hasil(p: Tugas):
    """The finished job's file opened for a download, or None (not finished, or no longer kept)."""
    if p.status != Tugas.Status.SELESAI or not berkas_ada(p):
        return None
    return dokumen.buka(p.berkas)
