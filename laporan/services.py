"""Writes of the dokumen area: the editable text blocks (``TeksBlok``) of an LKIP.

Writes check permission through ``akun.izin.boleh(user, "isi", instansi)``, refuse bad input
with ``dasar.galat.Ditolak`` and record the audit trail (``audit.models.catat``).
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from akun.izin import boleh
from audit.models import Aksi, catat
from dasar.galat import Ditolak
from laporan.models import TeksBlok
from laporan.selectors import daftar_bagian

PANJANG_MAKS = 20000


@transaction.atomic
def simpan_teks(*, user, instansi, tahun: int, bagian: str, teks: str) -> TeksBlok | None:
    """Create, change or (empty text) delete one text block; audited. Returns the block or None."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    if bagian not in daftar_bagian(instansi, tahun):
        raise Ditolak(f"Bagian teks tidak dikenal: {bagian}")
    teks = (teks or "").replace("\r\n", "\n").strip()
    if len(teks) > PANJANG_MAKS:
        raise Ditolak(f"Teks terlalu panjang (maksimal {PANJANG_MAKS} karakter).")
    obj = TeksBlok.objects.select_for_update().filter(instansi=instansi, tahun=tahun, bagian=bagian).first()
    if not teks:
        if obj is not None:
            catat(user, obj, Aksi.HAPUS, {"teks": (obj.teks, None)}, instansi)
            obj.delete()
        return None
    if obj is None:
        obj = TeksBlok.objects.create(instansi=instansi, tahun=tahun, bagian=bagian, teks=teks)
        catat(user, obj, Aksi.BUAT, {"teks": (None, teks)}, instansi)
    elif obj.teks != teks:
        catat(user, obj, Aksi.UBAH, {"teks": (obj.teks, teks)}, instansi)
        obj.teks = teks
        obj.save(update_fields=["teks"])
    return obj


def minta_dokumen(*, user, instansi, jenis: str, parameter: dict):
    """Request a document (LKIP, PK, LHE, Laporan SKM) to be made by the task queue's worker: the
    job (``tugas.Tugas``) for it, reused while the same document of the same data is waiting,
    running or kept (idempotent by kind, unit, parameters and the unit's data version)."""
    from django.utils import timezone

    from tembolok.selectors import sidik_kode
    from tembolok.services import token
    from tugas.services import minta

    from .tugas import buat_dokumen

    # the unit's data version (changes with any write to its data), the code that shapes the
    # document, and the date it prints
    versi = f"{token('i', instansi.id)}:{sidik_kode()}:{timezone.localdate().isoformat()}"
    return minta(
        user=user, instansi=instansi, jenis=jenis, parameter=parameter, versi_data=versi, tugas=buat_dokumen
    )
