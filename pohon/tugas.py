"""The tree's PDF (one A3 landscape page) made off the request path: the task the queue's worker
runs for a ``tugas.Tugas`` of kind ``pohon`` (as ``laporan.tugas`` does for the documents), for
a unit's tree (a unit's job) or the pemda's tree and one pemda sasaran's tree (a pemda's job,
``{"sasaran": id}`` in its parameters for the latter)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from dasar.antrian import task
from dasar.galat import Ditolak
from tugas import services as tugas_services

from .gambar import pdf_pohon
from .selectors import cari_sasaran_pemda, pohon_pemda, pohon_unit


def judul_unit(instansi, tahun: int) -> str:
    """The title drawn on the unit's tree in its SVG and PDF."""
    return _("Pohon kinerja %(unit)s tahun %(tahun)s") % {"unit": instansi.nama, "tahun": tahun}


def judul_pemda(pemda, tahun: int, sasaran=None) -> str:
    """The title drawn on the pemda's tree (or one pemda sasaran's) in its SVG and PDF."""
    if sasaran is None:
        return _("Pohon kinerja %(pemda)s tahun %(tahun)s") % {"pemda": pemda.nama, "tahun": tahun}
    return _("Pohon kinerja sasaran %(kode)s %(pemda)s tahun %(tahun)s") % {
        "kode": sasaran.kode,
        "pemda": pemda.nama,
        "tahun": tahun,
    }


def nama_unit(instansi, tahun: int, ekstensi: str) -> str:
    """The download name of the unit's tree."""
    return f"pohon-kinerja-{instansi.slug}-{tahun}.{ekstensi}"


def nama_pemda(pemda, tahun: int, sasaran, ekstensi: str) -> str:
    """The download name of the pemda's tree (or one pemda sasaran's)."""
    bagian = f"-sasaran-{sasaran.kode}" if sasaran is not None else ""
    return f"pohon-kinerja-{pemda.kode}{bagian}-{tahun}.{ekstensi}"


def _kerja(p, lapor):
    tahun = p.parameter["tahun"]
    lapor(10)
    if p.pemda_id is not None:
        sasaran = None
        if p.parameter.get("sasaran") is not None:
            sasaran = cari_sasaran_pemda(p.pemda, p.parameter["sasaran"])
            if sasaran is None:
                raise Ditolak(_("sasaran pemda ini sudah tidak ada."))
        pohon = pohon_pemda(p.pemda, tahun, sasaran_pemda=sasaran.pk if sasaran else None)
        judul, nama = judul_pemda(p.pemda, tahun, sasaran), nama_pemda(p.pemda, tahun, sasaran, "pdf")
    else:
        pohon = pohon_unit(p.instansi, tahun)
        judul = judul_unit(p.instansi, tahun)
        nama = nama_unit(p.instansi, tahun, "pdf")
    lapor(50)
    data = pdf_pohon(pohon.akar, judul)
    lapor(95)
    return data, nama, "application/pdf"


@task()
def buat_pdf(tugas_id: str) -> dict:
    """Draw and store the PDF of job ``tugas_id``."""
    return tugas_services.jalankan(tugas_id, _kerja)


def _token_data(jenis: str, objek: int) -> str:
    """The data token of the unit ("i") or pemda ("p"), the code and the date: the same data's
    PDF is reused while kept; after a change of the data a new request makes a new one."""
    from tembolok.selectors import sidik_kode
    from tembolok.services import token

    return f"{token(jenis, objek)}:{sidik_kode()}:{timezone.localdate().isoformat()}"


def minta_pdf(*, user, instansi, tahun: int):
    """The job making the unit-year's tree PDF: reused while the same data's PDF is waiting,
    running or kept (keyed by the unit's data token, the code and the date)."""
    return tugas_services.minta(
        user=user,
        instansi=instansi,
        jenis="pohon",
        parameter={"tahun": tahun, "fmt": "pdf"},
        token_data=_token_data("i", instansi.id),
        tugas=buat_pdf,
    )


def minta_pdf_pemda(*, user, pemda, tahun: int, sasaran=None):
    """The pemda's job making the pemda-year's tree PDF (or, with ``sasaran``, one pemda
    sasaran's): reused like the unit's, keyed by the pemda's data token (``token("p", id)``,
    renewed by every write to one of its units' data or to pemda-wide data such as the RPJMD)."""
    parameter = {"tahun": tahun, "fmt": "pdf"}
    if sasaran is not None:
        parameter["sasaran"] = sasaran.pk
    return tugas_services.minta(
        user=user,
        pemda=pemda,
        jenis="pohon",
        parameter=parameter,
        token_data=_token_data("p", pemda.id),
        tugas=buat_pdf,
    )
