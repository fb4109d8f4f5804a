"""Writes of the zona tertib monitoring: the monthly assessment of a zone (permission, value
checks and the audit trail inside)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction

from akun.izin import boleh
from audit.models import Aksi, catat
from dasar.galat import Ditolak
from dasar.teks import tolak_jika_panjang
from dasar.unggahan import cek_unggahan

from .models import PenilaianZona, Zona


def simpan_penilaian(
    *, user, zona: Zona, tahun: int, bulan: int, kategori: str, catatan: str = "", foto=None
) -> PenilaianZona:
    """Create or replace the assessment of ``zona`` for a month (1–12), with an optional JPG/PNG
    photo. Refusals raise ``Ditolak`` (nothing saved); a user who may not fill in the unit's data
    gets ``PermissionDenied``."""
    instansi = zona.instansi
    if not 1 <= bulan <= 12:
        raise Ditolak("Pilih bulan 1–12.")
    tolak_jika_panjang(PenilaianZona, catatan=catatan.strip())
    if kategori not in PenilaianZona.Kategori.values:
        raise Ditolak("Kategori harus Baik, Cukup, Kurang atau Tidak dinilai.")
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    if foto is not None and cek_unggahan(foto) not in ("jpg", "png"):
        raise Ditolak(f"Foto {foto.name} harus JPG atau PNG.")
    with transaction.atomic():
        obj, created = PenilaianZona.objects.get_or_create(zona=zona, tahun=tahun, bulan=bulan)
        lama = None if created else obj.kategori
        obj.kategori, obj.catatan = kategori, catatan.strip()
        if foto is not None:
            obj.foto = foto
        obj.save()
        catat(user, obj, Aksi.BUAT if created else Aksi.UBAH, {"kategori": (lama, kategori)}, instansi)
    return obj
