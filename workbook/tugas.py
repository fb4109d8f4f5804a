"""A large uploaded workbook checked (dry run) or applied off the request path.

``jalankan_unggahan`` is enqueued by ``minta_unggahan`` with the id of a ``tugas.Tugas`` of kind
``workbook`` and runs in a worker (docs/deploy.md, "Antrian tugas"): it runs
``workbook.services.uji_tersimpan`` or ``terapkan_tersimpan`` for the upload the job names, which
keep the result on the upload (its result page shows it), and stores a short text summary as the
job's file.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from dasar.antrian import task
from dasar.galat import Ditolak
from tugas import services as tugas_services

from . import services
from .models import UnggahanWorkbook
from .selectors import ringkasan


def _kerja(p, lapor):
    obj = (
        UnggahanWorkbook.objects.select_related("instansi__pemda", "pengguna")
        .filter(pk=p.parameter["unggahan"], instansi=p.instansi)
        .first()
    )
    if obj is None:
        raise Ditolak(_("Unggahan workbook tidak ada lagi (mungkin sudah kedaluwarsa)."))
    lapor(10)
    if p.parameter["aksi"] == "terapkan":
        obj = services.terapkan_tersimpan(unggahan=obj)
    else:
        obj = services.uji_tersimpan(unggahan=obj)
    lapor(95)
    galat, t = obj.hasil.get("galat", []), ringkasan(obj.hasil)
    baris = [f"{obj.nama_berkas} — {obj.get_status_display()}"]
    baris += galat or [
        _("%(baru)d baris baru, %(ubah)d diubah, %(tetap)d tetap.")
        % {"baru": t["created"], "ubah": t["updated"], "tetap": t["unchanged"]}
    ]
    isi = ("\n".join(baris) + "\n").encode("utf-8")
    return isi, f"workbook-{p.parameter['aksi']}-{obj.instansi.slug}.txt", "text/plain; charset=utf-8"


@task()
def jalankan_unggahan(tugas_id: str) -> dict:
    """Check or apply the large upload of job ``tugas_id`` (a tugas.Tugas of kind workbook)."""
    return tugas_services.jalankan(tugas_id, _kerja)


def minta_unggahan(*, user, unggahan: UnggahanWorkbook, aksi: str):
    """Ask the worker to check (``aksi="uji"``) or apply (``"terapkan"``) a large upload left
    waiting by ``workbook.services``: one job per upload and step, linked from the upload."""
    from tugas.services import minta

    p = minta(
        user=user,
        instansi=unggahan.instansi,
        jenis="workbook",
        parameter={"unggahan": str(unggahan.pk), "aksi": aksi},
        token_data=f"{unggahan.sha256}:{aksi}",
        tugas=jalankan_unggahan,
    )
    UnggahanWorkbook.objects.filter(pk=unggahan.pk).update(tugas=p)
    return p
