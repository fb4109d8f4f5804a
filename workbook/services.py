"""Writes of the workbook upload from the web: check an uploaded workbook of one unit (stored,
then imported as a dry run rolled back) and apply it in one transaction.

docs/workbook.md, "Upload from the web": who may upload, what a unit's file may write, the
limits, how the stored file is kept between the two steps.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from akun.izin import boleh, boleh_kelola_rpjmd, boleh_ubah_pejabat_pemda
from audit.models import Aksi, catat
from dasar.dokumen import salinan_lokal
from dasar.galat import Ditolak
from dasar.unggahan import cek_unggahan
from dasar.xlsx import BerkasDitolak, cek_berkas

from .importer import MAKS_BARIS, baca, import_workbook
from .models import UnggahanWorkbook
from .pesan import indonesiakan

# An upload of at most BATAS_LANGSUNG_BYTES is checked and applied within the web request, with
# at most MAKS_BARIS_WEB rows (blank ones included); a larger one (up to BUKTI_MAKS_BYTES) is
# checked and applied by the task queue's worker (workbook/tugas.py), with the importer's own
# limit (docs/workbook.md, "Upload from the web").
BATAS_LANGSUNG_BYTES = 1024 * 1024
MAKS_BARIS_WEB = 20_000
BERLAKU = timedelta(hours=24)  # a checked upload may be applied for this long

# sheets of data shared beyond the unit: an upload may hold them only as they are stored
NOMENKLATUR = ("program", "kegiatan", "sub_kegiatan")


def _tolak_baris(user, instansi):
    """What an upload to ``instansi`` by ``user`` may not create or change (importer ``tolak_baris``)."""
    pejabat_pemda = boleh_ubah_pejabat_pemda(user, instansi)
    rpjmd_pemda = boleh_kelola_rpjmd(user, instansi.pemda_id)
    jendela: dict = {}  # (tahun, alur, periode) -> the quarter's entry status (jadwal), read once

    def tutup(tahun, alur, periode) -> str | None:
        """Why a realisasi of this quarter may not be entered now (its entry window closed), or None."""
        from jadwal.selectors import status_entri

        k = (tahun, alur, periode)
        if k not in jendela:
            jendela[k] = status_entri(instansi, tahun, alur, periode)
        st = jendela[k]
        return None if st.terbuka else st.teks

    def tolak(sheet: str, values: dict) -> str | None:
        # the entry windows of the pemda's schedule hold for an upload as for the entry pages
        if sheet == "realisasi" and (alasan := tutup(values["tahun"], "kinerja", values["periode"])):
            return alasan
        if sheet == "realisasi_anggaran" and (
            alasan := tutup(values["baris"].tahun, "anggaran", values["periode"])
        ):
            return alasan
        if sheet in ("pemda", "instansi"):
            return _(
                "profil pemda dan unit tidak diubah lewat unggahan workbook; baris ini harus sama "
                "dengan yang tersimpan (ubah profil di halaman pengelolaan pemda)"
            )
        if sheet in NOMENKLATUR:
            return _(
                "nomenklatur nasional (program, kegiatan, sub-kegiatan) dipakai semua unit dan tidak "
                "ditambah atau diubah lewat unggahan; pakai kode yang sudah dimuat, atau minta admin "
                "memuat nomenklaturnya"
            )
        if sheet.startswith("rpjmd") and sheet != "rpjmd_kontribusi" and not rpjmd_pemda:
            return _(
                "RPJMD/RPD pemda hanya dapat ditambah atau diubah oleh admin pemda; kosongkan baris "
                "ini atau samakan dengan yang tersimpan"
            )
        if sheet == "pejabat" and values.get("instansi") is None and not pejabat_pemda:
            return _(
                "pejabat pemda (tanpa instansi, misalnya Wali Kota) hanya dapat ditambah atau diubah "
                "oleh admin pemda; kosongkan baris ini atau samakan dengan yang tersimpan"
            )
        return None

    return tolak


def _unit_lain(rows, instansi) -> list[str]:
    """Problems of rows naming another unit or pemda than the page's: a unit's upload writes only
    that unit's data."""
    slug, pemda = instansi.slug, instansi.pemda.kode
    galat = []

    def lain(r, kolom, harus):
        nilai = r.nilai.get(kolom)
        if nilai is not None and nilai != harus:
            galat.append(
                f"{r.ref(kolom)}: "
                + _(
                    'workbook ini diunggah untuk %(unit)s ("%(harus)s"), tetapi baris ini menyebut '
                    '"%(nilai)s"; data unit lain tidak dapat ditulis dari halaman unit ini'
                )
                % {"unit": instansi.nama, "harus": harus, "nilai": nilai}
            )

    for sheet, daftar in rows.items():
        for r in daftar:
            if sheet == "pemda":
                lain(r, "kode", pemda)
            elif sheet == "instansi":
                lain(r, "slug", slug)
                lain(r, "pemda", pemda)
            else:
                lain(r, "instansi", slug)
                if sheet == "pejabat" or sheet.startswith("rpjmd"):
                    lain(r, "pemda", pemda)
    return galat


def _hapus_kedaluwarsa() -> None:
    """Drop uploads past their time (and their files), whoever made them."""
    for u in UnggahanWorkbook.objects.filter(kedaluwarsa__lt=timezone.now()):
        u.berkas.delete(save=False)
        u.delete()


def _latar(obj: UnggahanWorkbook) -> bool:
    """Is this upload checked and applied by the worker (a large file)?"""
    return obj.ukuran > BATAS_LANGSUNG_BYTES


def _lokal(obj: UnggahanWorkbook):
    """The stored upload as a file on this machine (itself, or a copy from S3) for the reader."""
    return salinan_lokal(obj.berkas.storage, obj.berkas.name)


def _impor(user, obj: UnggahanWorkbook, *, terapkan: bool, maks_baris: int = MAKS_BARIS_WEB):
    """Read the stored upload (``_lokal``), check it names only its unit, import it (a dry run
    unless ``terapkan``). Returns (problems in Indonesian, counts per sheet)."""
    instansi, berkas_nama = obj.instansi, obj.nama_berkas
    with _lokal(obj) as path:
        rows, galat = baca(path, maks_baris)
        disimpan = f"{Path(path).name}: "  # a problem of the whole file names the name it was uploaded as
        galat = [f"{berkas_nama}: {g[len(disimpan) :]}" if g.startswith(disimpan) else g for g in galat]
        if not galat:
            galat = _unit_lain(rows, instansi)
        if galat:
            return [indonesiakan(g) for g in galat], {}
        hasil = import_workbook(
            path,
            dry_run=not terapkan,
            oleh=user.username if terapkan else None,
            pengguna=user,
            nama_berkas=berkas_nama,
            maks_baris=maks_baris,
            tolak_baris=_tolak_baris(user, instansi),
            dibaca=rows,
        )
    return [indonesiakan(g) for g in hasil.errors], hasil.counts


def uji_unggahan(*, user, instansi, tahun: int, berkas) -> UnggahanWorkbook:
    """Store an uploaded workbook of ``instansi`` and run its import as a dry run (everything in a
    transaction rolled back): every problem as ``sheet!CELL: pesan`` and the counts that would be
    created, updated and left unchanged per sheet, kept on the returned ``UnggahanWorkbook`` for
    the result page and for ``terapkan_unggahan``. A file that is not a safe .xlsx is refused
    (``Ditolak``) and not kept. A large file (``BATAS_LANGSUNG_BYTES``) is only checked as an
    archive here and left waiting (``UJI_ANTRI``) for the worker: the caller enqueues it
    (``workbook.tugas.minta_unggahan``), which runs ``uji_tersimpan``. Audited (unggah)."""
    if not boleh(user, "impor", instansi):
        raise PermissionDenied
    if berkas is None:
        raise Ditolak(_("Pilih berkas workbook (.xlsx) untuk diunggah."))
    if cek_unggahan(berkas) != "xlsx":  # size and type by content
        raise Ditolak(
            _("Berkas %(nama)s bukan workbook .xlsx (diperiksa dari isinya).") % {"nama": berkas.name}
        )
    isi = berkas.read()
    _hapus_kedaluwarsa()
    nama = (berkas.name or "workbook.xlsx")[-255:]
    obj = UnggahanWorkbook(
        pengguna=user,
        instansi=instansi,
        tahun=tahun,
        nama_berkas=nama,
        sha256=hashlib.sha256(isi).hexdigest(),
        ukuran=len(isi),
        kedaluwarsa=timezone.now() + BERLAKU,
    )
    obj.berkas.save(f"{obj.id.hex}.xlsx", ContentFile(isi), save=False)  # a name no one guesses
    try:
        if _latar(obj):
            try:
                with _lokal(obj) as path:
                    cek_berkas(path)  # the archive checks; the sheets are read by the worker
            except BerkasDitolak as exc:
                galat = [indonesiakan(f"{nama}: {exc}")]
            except Exception as exc:  # noqa: BLE001 - no ZIP archive, a damaged one
                galat = [
                    indonesiakan(f"{nama}: not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})")
                ]
            else:
                galat = []
            jumlah = {}
        else:
            galat, jumlah = _impor(user, obj, terapkan=False)
    except BaseException:
        obj.berkas.delete(save=False)
        raise
    berkas_galat = [g for g in galat if "!" not in g.split(": ", 1)[0]]
    if berkas_galat:  # the file itself is refused (not an .xlsx, a zip bomb …): not kept
        obj.berkas.delete(save=False)
        raise Ditolak(" ".join(berkas_galat))
    if _latar(obj):
        obj.status = UnggahanWorkbook.Status.UJI_ANTRI
    obj.hasil = {"galat": galat, "jumlah": jumlah}
    with transaction.atomic():
        obj.save()
        catat(
            user,
            obj,
            Aksi.UNGGAH,
            {"berkas": (None, nama), "hasil_uji": (None, _ringkas(galat, jumlah))},
            instansi,
            keterangan="workbook (uji coba)",
        )
    return obj


def _ringkas(galat, jumlah) -> str:
    if galat:
        return _("%(n)d masalah") % {"n": len(galat)}
    return "; ".join(
        f"{s}: {c['created']} baru, {c['updated']} diubah, {c['unchanged']} tetap" for s, c in jumlah.items()
    )


def terapkan_unggahan(*, user, instansi, unggahan_id) -> UnggahanWorkbook:
    """Apply a checked upload (``uji_unggahan``) of this user and unit in one transaction: the
    stored file must still have the SHA-256 the dry run read, the upload must not be expired nor
    applied, and the import must find no problem now (else nothing is saved and the problems are
    kept on the upload). Audited (impor, with the file name and counts: ``catat_impor``); the
    stored file is deleted once applied. A large file is left waiting (``TERAPKAN_ANTRI``) for the
    worker: the caller enqueues it (``workbook.tugas.minta_unggahan``), which runs
    ``terapkan_tersimpan``."""
    if not boleh(user, "impor", instansi):
        raise PermissionDenied
    with transaction.atomic():
        obj = (
            UnggahanWorkbook.objects.select_for_update()
            .filter(pk=unggahan_id, instansi=instansi, pengguna=user)
            .first()
        )
        if obj is None:
            raise Ditolak(_("Unggahan ini tidak ada (mungkin sudah kedaluwarsa). Unggah workbook lagi."))
        _cek_siap(obj, UnggahanWorkbook.Status.DIPERIKSA)
        if _latar(obj):
            obj.status = UnggahanWorkbook.Status.TERAPKAN_ANTRI
            obj.save(update_fields=["status"])
            return obj
        galat = _terapkan(obj, user)
    return _selesai(obj, galat)


def _cek_siap(obj: UnggahanWorkbook, status) -> None:
    """Refuse to apply an upload that is not in ``status``, expired, with problems, or whose
    stored file is not the one its dry run read."""
    if obj.status == UnggahanWorkbook.Status.DITERAPKAN:
        raise Ditolak(_("Workbook ini sudah diterapkan."))
    if obj.status in UnggahanWorkbook.ANTRI and obj.status != status:
        raise Ditolak(_("Workbook ini sedang dikerjakan di latar belakang; tunggu sampai selesai."))
    if obj.kedaluwarsa < timezone.now():
        raise Ditolak(_("Unggahan ini sudah kedaluwarsa. Unggah workbook lagi untuk memeriksanya."))
    if obj.hasil.get("galat"):
        raise Ditolak(_("Workbook ini masih bermasalah; perbaiki sel yang disebut lalu unggah lagi."))
    try:
        with obj.berkas.open("rb") as f:
            isi = f.read()
    except (OSError, ValueError):
        isi = b""
    if hashlib.sha256(isi).hexdigest() != obj.sha256:
        raise Ditolak(_("Berkas yang tersimpan berubah sejak diperiksa; unggah workbook lagi."))


def _terapkan(obj: UnggahanWorkbook, user) -> list[str]:
    """The import for real (inside the caller's transaction); its problems, none when saved."""
    galat, jumlah = _impor(user, obj, terapkan=True, maks_baris=_maks_baris(obj))
    if not galat:
        obj.status = UnggahanWorkbook.Status.DITERAPKAN
        obj.diterapkan = timezone.now()
        obj.hasil = {"galat": [], "jumlah": jumlah}
        obj.save(update_fields=["status", "diterapkan", "hasil"])
    return galat


def _maks_baris(obj) -> int:
    return MAKS_BARIS if _latar(obj) else MAKS_BARIS_WEB


def _selesai(obj: UnggahanWorkbook, galat: list[str], *, tolak: bool = True) -> UnggahanWorkbook:
    if galat:
        # the data changed since the dry run: the import saved nothing; its problems are shown
        UnggahanWorkbook.objects.filter(pk=obj.pk).update(
            hasil={"galat": galat, "jumlah": {}}, status=UnggahanWorkbook.Status.DIPERIKSA
        )
        obj.refresh_from_db()
        if tolak:
            raise Ditolak(
                _("Tidak ada yang disimpan: data berubah sejak uji coba. Lihat masalahnya di bawah.")
            )
        return obj
    obj.berkas.delete(save=True)
    return obj


# -- the worker's side (workbook/tugas.py) --------------------------------------------------------
def uji_tersimpan(*, unggahan: UnggahanWorkbook) -> UnggahanWorkbook:
    """The dry run of a large upload waiting for it, in the worker: as ``uji_unggahan`` does in
    the request, as its uploader (who must still be allowed), with the importer's row limit."""
    obj, user = unggahan, unggahan.pengguna
    if obj.status != UnggahanWorkbook.Status.UJI_ANTRI:
        return obj
    if not boleh(user, "impor", obj.instansi):
        raise Ditolak(_("Pengunggah tidak lagi boleh mengunggah workbook unit ini."))
    galat, jumlah = _impor(user, obj, terapkan=False, maks_baris=MAKS_BARIS)
    obj.hasil = {"galat": galat, "jumlah": jumlah}
    obj.status = UnggahanWorkbook.Status.DIPERIKSA
    obj.save(update_fields=["hasil", "status"])
    return obj


def terapkan_tersimpan(*, unggahan: UnggahanWorkbook) -> UnggahanWorkbook:
    """Apply a large upload waiting for it, in the worker: the checks of ``terapkan_unggahan``
    again (hash, expiry, the uploader still allowed), then the import in one transaction; a
    problem found now saves nothing and is kept on the upload."""
    user = unggahan.pengguna
    if not boleh(user, "impor", unggahan.instansi):
        raise Ditolak(_("Pengunggah tidak lagi boleh mengunggah workbook unit ini."))
    with transaction.atomic():
        obj = (
            UnggahanWorkbook.objects.select_for_update().select_related("instansi__pemda").get(pk=unggahan.pk)
        )
        if obj.status != UnggahanWorkbook.Status.TERAPKAN_ANTRI:
            return obj
        _cek_siap(obj, UnggahanWorkbook.Status.TERAPKAN_ANTRI)
        galat = _terapkan(obj, user)
    return _selesai(obj, galat, tolak=False)


__all__ = ["MAKS_BARIS_WEB", "terapkan_tersimpan", "terapkan_unggahan", "uji_tersimpan", "uji_unggahan"]
