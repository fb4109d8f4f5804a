"""A large SKM upload (paper questionnaires) imported off the request path.

``impor_tugas`` is enqueued by ``minta_impor`` (from ``antrikan_impor_responden`` below) with
the id of a ``tugas.Tugas`` of kind ``skm_impor`` and runs in a worker (docs/deploy.md, "Antrian
tugas"): it imports the kept file as the user who uploaded it (``skm.services.impor_responden_berkas``:
permission, the unit's rows only, all or nothing, audited) with the importer's row limit, then
deletes the file; the job's file is a short text report. A file with problems fails the job
with them (nothing saved).
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage

from dasar.antrian import task
from dasar.dokumen import salinan_lokal
from dasar.galat import Ditolak
from tugas import services as tugas_services


def _kerja(p, lapor):
    from .services import _batch_lama, impor_responden_berkas

    disimpan = p.parameter["berkas"]
    if p.pemohon is None:
        raise Ditolak("Pengguna yang mengunggah tidak ada lagi.")
    if not default_storage.exists(disimpan):
        raise Ditolak("Berkas unggahan tidak ada lagi; unggah sekali lagi.")
    lapor(10)
    lama, galat = _batch_lama(p.instansi, p.parameter.get("ganti"), p.parameter.get("konfirmasi"))
    try:
        if not galat:
            with salinan_lokal(default_storage, disimpan) as path:  # the kept upload, local or from S3
                n, galat = impor_responden_berkas(
                    user=p.pemohon,
                    instansi=p.instansi,
                    path=path,
                    nama=p.parameter["nama"],
                    lama=lama,
                    maks_baris=None,
                )
    except PermissionDenied:
        raise Ditolak("Anda tidak boleh mengimpor responden SKM unit ini.") from None
    finally:
        default_storage.delete(disimpan)
    if galat:
        lebih = f" (dan {len(galat) - 30} masalah lain)" if len(galat) > 30 else ""
        raise Ditolak("tidak ada yang disimpan. " + "; ".join(galat[:30]) + lebih)
    lapor(95)
    isi = f"{p.parameter['nama']}: {n} jawaban responden diimpor.\n".encode()
    return isi, f"impor-skm-{p.instansi.slug}.txt", "text/plain; charset=utf-8"


@task()
def impor_tugas(tugas_id: str) -> dict:
    """Import the kept SKM upload of job ``tugas_id`` (a tugas.Tugas of kind skm_impor)."""
    return tugas_services.jalankan(tugas_id, _kerja)


def minta_impor(*, user, instansi, berkas: str, nama: str, sha256: str, ganti: str, konfirmasi: str):
    """The job importing a kept upload: one per file content and replaced batch (the same file
    uploaded twice while waiting is one job)."""
    from tugas.services import minta

    return minta(
        user=user,
        instansi=instansi,
        jenis="skm_impor",
        parameter={"berkas": berkas, "nama": nama, "ganti": ganti, "konfirmasi": konfirmasi},
        token_data=f"{sha256}:{ganti}",
        tugas=impor_tugas,
    )


def antrikan_impor_responden(
    *, user, instansi, berkas, ganti: int | str | None = None, konfirmasi: int | str | None = None
):
    """A large upload (above ``SKM_IMPOR_LANGSUNG_BYTES``) imported by the task queue's worker:
    the file is kept in the uploads' storage (``skm/unggahan/<sha256>.xlsx``: MEDIA_ROOT or the
    S3 bucket) and a job (``tugas.Tugas`` of kind
    ``skm_impor``, ``skm.tugas``) enqueued; the same file asked twice is one job. Returns
    (the job or None, problems found before queueing)."""
    from akun.izin import boleh_atur_skm

    from .services import MAKS_UNGGAH, _batch_lama

    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    _lama, galat = _batch_lama(instansi, ganti, konfirmasi)
    if galat:
        return None, galat
    if berkas is None:
        return None, ["Pilih berkas .xlsx."]
    if berkas.size > MAKS_UNGGAH:
        return None, [f"Berkas terlalu besar (paling besar {MAKS_UNGGAH // (1024 * 1024)} MB)."]
    import zipfile

    from dasar.xlsx import BerkasDitolak, cek_berkas

    h = hashlib.sha256()
    for chunk in berkas.chunks():
        h.update(chunk)
    try:
        berkas.seek(0)
        cek_berkas(berkas)  # a bomb or no workbook at all is refused before it is kept
    except (BerkasDitolak, zipfile.BadZipFile, OSError) as exc:
        return None, [f"Berkas bukan buku kerja .xlsx yang dapat dibaca ({exc})."]
    # kept under its content's SHA-256: the same file uploaded again is the same job's input
    relatif = f"skm/unggahan/{h.hexdigest()}.xlsx"
    if not default_storage.exists(relatif):
        berkas.seek(0)
        disimpan = default_storage.save(relatif, berkas)
        if disimpan != relatif:  # the same file, kept at the same moment by another request
            default_storage.delete(disimpan)
    p = minta_impor(
        user=user,
        instansi=instansi,
        berkas=relatif,
        nama=(getattr(berkas, "name", "") or "")[:255],
        sha256=h.hexdigest(),
        ganti=str(ganti or ""),
        konfirmasi=str(konfirmasi or ""),
    )
    if not p.aktif:  # the same import already done (or failed): no worker will read the file
        default_storage.delete(relatif)
    return p, []
