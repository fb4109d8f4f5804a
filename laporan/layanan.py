"""Services of the dokumen area: building a document by kind and writing the editable text blocks.

Writes check permission through ``akun.izin.boleh(user, "isi", instansi)`` and record the
audit trail (``audit.models.catat``).
"""

from __future__ import annotations

import importlib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from akun.izin import boleh
from audit.models import catat
from laporan.models import TeksBlok

# document kind → (module, builder(instansi, tahun) -> Dokumen); imported lazily
PEMBANGUN = {
    "lkip": ("laporan.lkip", "bangun_lkip"),
    "perjanjian": ("laporan.perjanjian", "bangun_perjanjian"),
}

# editable text blocks of the LKIP when laporan.teks (the LKIP content) is not there
BAGIAN_TEKS = {
    "kata_pengantar": "Kata Pengantar",
    "ikhtisar": "Ikhtisar Eksekutif",
    "latar_belakang": "Latar Belakang",
    "kesimpulan": "Kesimpulan",
    "saran": "Saran / Langkah ke Depan",
}
PANJANG_MAKS = 20000


class PembangunTidakAda(Exception):
    """The builder of this document kind is not available (yet)."""


def pembangun(jenis: str):
    modul, fungsi = PEMBANGUN[jenis]
    try:
        return getattr(importlib.import_module(modul), fungsi)
    except (ImportError, AttributeError) as exc:
        raise PembangunTidakAda(f"Pembangun dokumen {jenis} belum tersedia ({modul}.{fungsi}).") from exc


def bangun(jenis: str, instansi, tahun: int):
    return pembangun(jenis)(instansi, tahun)


def daftar_bagian(instansi, tahun: int) -> dict[str, str]:
    """Editable sections (key → title): the LKIP's sections, then one analysis per IKU of the year's PK."""
    try:
        from laporan.teks import AWALAN_ANALISIS, BAGIAN
    except ImportError:  # pragma: no cover - the LKIP content module is not there
        return dict(BAGIAN_TEKS)
    from perencanaan.models import PKIndikator

    hasil = dict(BAGIAN)
    pk = (
        PKIndikator.objects.filter(pk_dokumen__instansi=instansi, pk_dokumen__tahun=tahun)
        .select_related("indikator")
        .order_by("-pk_dokumen__versi", "no")
    )
    for row in pk:
        hasil.setdefault(
            AWALAN_ANALISIS + row.indikator.kode, f"Analisis {row.indikator.kode} {row.indikator.nama}"
        )
    return hasil


def teks_blok(instansi, tahun: int) -> dict[str, str]:
    return dict(TeksBlok.objects.filter(instansi=instansi, tahun=tahun).values_list("bagian", "teks"))


@transaction.atomic
def simpan_teks(user, instansi, tahun: int, bagian: str, teks: str) -> TeksBlok | None:
    """Create, change or (empty text) delete one text block; audited. Returns the block or None."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    if bagian not in daftar_bagian(instansi, tahun):
        raise ValidationError(f"Bagian teks tidak dikenal: {bagian}")
    teks = (teks or "").replace("\r\n", "\n").strip()
    if len(teks) > PANJANG_MAKS:
        raise ValidationError(f"Teks terlalu panjang (maksimal {PANJANG_MAKS} karakter).")
    obj = TeksBlok.objects.select_for_update().filter(instansi=instansi, tahun=tahun, bagian=bagian).first()
    if not teks:
        if obj is not None:
            catat(user, obj, "hapus", {"teks": (obj.teks, None)}, instansi)
            obj.delete()
        return None
    if obj is None:
        obj = TeksBlok.objects.create(instansi=instansi, tahun=tahun, bagian=bagian, teks=teks)
        catat(user, obj, "buat", {"teks": (None, teks)}, instansi)
    elif obj.teks != teks:
        catat(user, obj, "ubah", {"teks": (obj.teks, teks)}, instansi)
        obj.teks = teks
        obj.save(update_fields=["teks"])
    return obj
