"""Survey setup of a unit: period type, population, combining method, question wording.

The regulation's wording (PermenPANRB 14/2017, Lampiran) is the default; a unit may
reword a question and its four answer labels, but answer 1 always means the worst and 4
the best (the IKM formulas depend on it). Writes go through ``simpan_pengaturan`` (permission
check and audit trail).
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from akun.izin import boleh_atur_skm
from audit.models import catat
from organisasi.models import Layanan

from .models import PengaturanSKM, PertanyaanSKM
from .selectors import LABEL_BAKU, PERTANYAAN_BAKU

MAKS_LABEL = 80
MAKS_PERTANYAAN = 500


def simpan_pengaturan(
    *,
    user,
    instansi,
    jenis_periode: str,
    metode: str,
    populasi_per_periode: int | None,
    pertanyaan: list[tuple[str, list[str]]],
) -> PengaturanSKM:
    """Save the unit's survey setup (all or nothing) and record every change in the audit trail.

    ``pertanyaan``: 9 items (question, [4 labels]); an item equal to the regulation's wording
    removes the unit's own wording. Raises PermissionDenied or ValidationError (messages
    per field)."""
    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    galat: dict[str, list[str]] = {}
    if jenis_periode not in PengaturanSKM.JenisPeriode.values:
        galat["jenis_periode"] = ["Jenis periode tidak dikenal."]
    if metode not in PengaturanSKM.Metode.values:
        galat["metode"] = ["Metode tidak dikenal."]
    if populasi_per_periode is not None and not 0 <= populasi_per_periode <= 10_000_000:
        galat["populasi_per_periode"] = ["Populasi harus bilangan bulat 0 sampai 10.000.000."]
    if len(pertanyaan) != 9:
        galat["pertanyaan"] = ["Harus ada 9 pertanyaan."]
    bersih = []
    for i, (teks, label) in enumerate(pertanyaan, 1):
        teks = (teks or "").strip()
        label = [(x or "").strip() for x in label]
        if not teks or len(teks) > MAKS_PERTANYAAN:
            galat.setdefault(f"u{i}", []).append(
                f"Pertanyaan U{i} wajib diisi (paling banyak {MAKS_PERTANYAAN} huruf)."
            )
        if len(label) != 4 or any(not x or len(x) > MAKS_LABEL for x in label):
            galat.setdefault(f"u{i}", []).append(
                f"U{i}: keempat label jawaban wajib diisi (paling banyak {MAKS_LABEL} huruf)."
            )
        bersih.append((teks, label))
    if galat:
        raise ValidationError(galat)
    with transaction.atomic():
        obj, baru = PengaturanSKM.objects.select_for_update().get_or_create(instansi=instansi)
        ubah = {
            f: (None if baru else getattr(obj, f), v)
            for f, v in (
                ("jenis_periode", jenis_periode),
                ("metode", metode),
                ("populasi_per_periode", populasi_per_periode),
            )
            if baru or getattr(obj, f) != v
        }
        for f, (_lama, v) in ubah.items():
            setattr(obj, f, v)
        if ubah:
            obj.save()
            catat(user, obj, "buat" if baru else "ubah", ubah, instansi)
        ada = {p.unsur: p for p in PertanyaanSKM.objects.select_for_update().filter(instansi=instansi)}
        for i, (teks, label) in enumerate(bersih, 1):
            p = ada.get(i)
            lama = (p.pertanyaan, p.label) if p else (PERTANYAAN_BAKU[i - 1], list(LABEL_BAKU[i - 1]))
            if (teks, label) == lama:
                continue
            perubahan = {f"u{i}.pertanyaan": (lama[0], teks)} if teks != lama[0] else {}
            perubahan.update(
                {
                    f"u{i}.label{k}": (lama[1][k - 1], label[k - 1])
                    for k in range(1, 5)
                    if label[k - 1] != lama[1][k - 1]
                }
            )
            if (teks, label) == (PERTANYAAN_BAKU[i - 1], list(LABEL_BAKU[i - 1])):
                catat(user, p, "kembali ke baku", perubahan, instansi)
                p.delete()
                continue
            if p is None:
                p = PertanyaanSKM(instansi=instansi, unsur=i)
            p.pertanyaan = teks
            p.label1, p.label2, p.label3, p.label4 = label
            p.save()
            catat(user, p, "ubah", perubahan, instansi)
    return obj


MAKS_UNGGAH = 10 * 1024 * 1024
MAKS_BARIS_UNGGAH = 20_000  # rows of one upload: read and saved within a web request (docs/workbook.md)


def impor_responden(*, user, instansi, berkas) -> tuple[int, list[str]]:
    """Import the unit's paper questionnaires from an uploaded workbook holding only the sheet
    ``skm_responden`` with rows of this unit. Returns (rows saved, problems); with any problem
    nothing is saved. Audited."""
    import tempfile
    from pathlib import Path

    from workbook.importer import baca, import_workbook

    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    if berkas is None:
        return 0, ["Pilih berkas .xlsx."]
    if berkas.size > MAKS_UNGGAH:
        return 0, [f"Berkas terlalu besar (paling besar {MAKS_UNGGAH // (1024 * 1024)} MB)."]
    with tempfile.TemporaryDirectory(prefix="sakip_skm_") as d:
        path = Path(d) / "skm.xlsx"
        with path.open("wb") as f:
            for chunk in berkas.chunks():
                f.write(chunk)
        rows, galat = baca(path, MAKS_BARIS_UNGGAH)
        if galat:
            return 0, galat
        lain = sorted(set(rows) - {"skm_responden"})
        if lain:
            return 0, [f"{s}!A1: only the sheet skm_responden may be uploaded here" for s in lain]
        galat = [
            r.ref("instansi") + f': instansi must be "{instansi.slug}", got "{r["instansi"]}"'
            for r in rows.get("skm_responden", [])
            if r["instansi"] != instansi.slug
        ]
        if galat:
            return 0, galat
        hasil = import_workbook(path, maks_baris=MAKS_BARIS_UNGGAH)
    if hasil.errors:
        return 0, hasil.errors
    c = hasil.counts.get("skm_responden", {})
    n = c.get("created", 0)
    catat(
        user,
        instansi,
        "impor responden SKM",
        {"responden": (c.get("replaced", 0), n), "berkas": (None, getattr(berkas, "name", ""))},
        instansi,
    )
    return n, []


KODE_LAYANAN = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")


def tambah_layanan(*, user, instansi, kode: str, nama: str) -> Layanan:
    """A new layanan of the unit; ``kode`` becomes part of its public questionnaire address
    (/s/<unit>/<kode>/), so it is fixed once created. Raises PermissionDenied or ValidationError."""
    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    kode, nama = (kode or "").strip(), " ".join((nama or "").split())
    galat: dict[str, list[str]] = {}
    if not KODE_LAYANAN.match(kode) or len(kode) > 50:
        galat["kode"] = [
            "Kode layanan: huruf, angka dan tanda hubung (-) tanpa spasi, paling banyak 50 "
            "karakter, misalnya ktp-el."
        ]
    elif Layanan.objects.filter(instansi=instansi, kode__iexact=kode).exists():
        galat["kode"] = [f"Kode '{kode}' sudah dipakai layanan lain unit ini."]
    if not nama or len(nama) > 200:
        galat["nama"] = ["Nama layanan wajib diisi (paling banyak 200 huruf)."]
    if galat:
        raise ValidationError(galat)
    with transaction.atomic():
        obj = Layanan.objects.create(instansi=instansi, kode=kode, nama=nama)
        catat(user, obj, "buat", {"kode": (None, kode), "nama": (None, nama)}, instansi)
    return obj


def ubah_layanan(*, user, instansi, layanan_id, nama: str) -> Layanan:
    """Rename a layanan (its kode stays: printed posters point to it)."""
    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    obj = _layanan(instansi, layanan_id)
    nama = " ".join((nama or "").split())
    if not nama or len(nama) > 200:
        raise ValidationError({"nama": ["Nama layanan wajib diisi (paling banyak 200 huruf)."]})
    if nama != obj.nama:
        with transaction.atomic():
            lama, obj.nama = obj.nama, nama
            obj.save(update_fields=["nama"])
            catat(user, obj, "ubah", {"nama": (lama, nama)}, instansi)
    return obj


def hapus_layanan(*, user, instansi, layanan_id) -> None:
    """Delete a layanan that no survey answer or NRR summary refers to (those would lose
    their layanan, or be deleted with it)."""
    from .models import Responden, RingkasanNRR

    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    obj = _layanan(instansi, layanan_id)
    jawaban = Responden.objects.filter(layanan=obj).count()
    ringkasan = RingkasanNRR.objects.filter(layanan=obj).count()
    if jawaban or ringkasan:
        raise ValidationError(
            {
                "layanan": [
                    f"Layanan '{obj.nama}' tidak dapat dihapus: sudah ada {jawaban} jawaban survei dan {ringkasan} "
                    "ringkasan NRR untuk layanan ini."
                ]
            }
        )
    with transaction.atomic():
        catat(user, obj, "hapus", {"kode": (obj.kode, None), "nama": (obj.nama, None)}, instansi)
        obj.delete()


def _layanan(instansi, layanan_id) -> Layanan:
    try:
        return Layanan.objects.get(instansi=instansi, pk=int(layanan_id))
    except (Layanan.DoesNotExist, TypeError, ValueError):
        raise ValidationError({"layanan": ["Layanan tidak ditemukan di unit ini."]}) from None
