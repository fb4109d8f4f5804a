"""The tree's PDF (one A3 landscape page) made off the request path: the task the queue's worker
runs for a ``tugas.Tugas`` of kind ``pohon`` (as ``laporan.tugas`` does for the documents)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from dasar.antrian import task
from tugas import services as tugas_services

from .gambar import pdf_pohon
from .selectors import pohon_unit


def _kerja(p, lapor):
    tahun = p.parameter["tahun"]
    lapor(10)
    pohon = pohon_unit(p.instansi, tahun)
    lapor(50)
    judul = _("Pohon kinerja %(unit)s tahun %(tahun)s") % {"unit": p.instansi.nama, "tahun": tahun}
    data = pdf_pohon(pohon.akar, judul)
    lapor(95)
    return data, f"pohon-kinerja-{p.instansi.slug}-{tahun}.pdf", "application/pdf"


@task()
def buat_pdf(tugas_id: str) -> dict:
    """Draw and store the PDF of job ``tugas_id``."""
    return tugas_services.jalankan(tugas_id, _kerja)


def minta_pdf(*, user, instansi, tahun: int):
    """The job making the unit-year's tree PDF: reused while the same data's PDF is waiting,
    running or kept (keyed by the unit's data token, the code and the date)."""
    from tembolok.selectors import sidik_kode
    from tembolok.services import token
    from tugas.services import minta

    token_data = f"{token('i', instansi.id)}:{sidik_kode()}:{timezone.localdate().isoformat()}"
    return minta(
        user=user,
        instansi=instansi,
        jenis="pohon",
        parameter={"tahun": tahun, "fmt": "pdf"},
        token_data=token_data,
        tugas=buat_pdf,
    )
