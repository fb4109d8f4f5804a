"""Documents made off the request path: the task the queue runs for a document job.

``buat_dokumen`` is enqueued by ``minta_dokumen`` (below) with the id of a
``tugas.Tugas`` and runs in a worker (``manage.py db_worker``, or an RQ worker; docs/deploy.md,
"Antrian tugas"): it builds the document of the job's kind from the data, renders it (DOCX, or
PDF through LibreOffice) and stores the file through ``tugas.services.jalankan``, reporting its
progress on the way.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from dasar import dokumen
from dasar.antrian import task
from dasar.galat import Ditolak
from evaluasi.models import Evaluasi
from tugas import services as tugas_services

from . import keluaran, selectors
from .lhe import dokumen_lhe
from .unduhan import MIME, PERENDER, nama_berkas


def _isi(p):
    """The job's document, the year and the prefix its file is named by."""
    instansi, param = p.instansi, p.parameter
    if p.jenis == "lkip":
        return selectors.bangun("lkip", instansi, param["tahun"]), param["tahun"], "lkip"
    if p.jenis == "pk":
        from .perjanjian import bangun_perjanjian

        versi, kode = param.get("versi"), param.get("jabatan")
        jabatan = None
        if kode:  # a position's PK
            from organisasi.models import Pejabat

            jabatan = Pejabat.objects.filter(instansi=instansi, kode=kode).first()
            if jabatan is None:
                raise Ditolak(_("Jabatan PK tidak ditemukan."))
        dok = bangun_perjanjian(instansi, param["tahun"], versi, jabatan=jabatan)
        awalan = f"perjanjian-kinerja-{kode}" if kode else "perjanjian-kinerja"
        return dok, param["tahun"], f"{awalan}-v{versi}" if versi else awalan
    if p.jenis == "renja":
        from .renja import bangun_renja

        return bangun_renja(instansi, param["tahun"]), param["tahun"], "renja"
    if p.jenis == "skm":
        from .skm import laporan_skm

        dok = laporan_skm(instansi, param["tahun"])
        if dok is None:
            raise Ditolak(_("Belum ada data SKM untuk tahun ini."))
        return dok, param["tahun"], "laporan-skm"
    if p.jenis == "lhe":
        ev = (
            Evaluasi.objects.select_related("templat", "instansi")
            .filter(pk=param["evaluasi"], instansi=instansi)
            .first()
        )
        if ev is None:
            raise Ditolak(_("Evaluasi tidak ditemukan."))
        return dokumen_lhe(ev), ev.tahun, f"LHE-{ev.jenis}"
    raise Ditolak(_("Jenis dokumen tidak dikenal."))


def _terbitkan(p, lapor):
    """Issue the LKIP version of the job (as the user who asked for it); the job's file is a copy
    of the issued PDF."""
    from .services import terbitkan_lkip

    if p.pemohon is None:
        raise Ditolak(_("Pengguna yang meminta penerbitan tidak ada lagi."))
    lapor(10)
    from .models import TerbitanLKIP

    # a retry after the worker died (``percobaan`` and ``mulai`` are the earlier attempt's): if that
    # attempt issued the version before dying, offer it rather than issuing another one
    t = (
        TerbitanLKIP.objects.filter(
            instansi=p.instansi, tahun=p.parameter["tahun"], oleh=p.pemohon, waktu__gte=p.mulai
        )
        .order_by("-nomor")
        .first()
        if p.percobaan and p.mulai
        else None
    )
    if t is not None:
        lapor(95)
        data = dokumen.baca(t.berkas_pdf)
        return data, nama_berkas(f"lkip-v{t.nomor}", p.instansi, t.tahun, "pdf"), MIME["pdf"]
    try:
        t = terbitkan_lkip(
            user=p.pemohon,
            instansi=p.instansi,
            tahun=p.parameter["tahun"],
            akui_galat=bool(p.parameter.get("akui_galat")),
        )
    except PermissionDenied:
        raise Ditolak(_("Anda tidak boleh menerbitkan LKIP unit ini.")) from None
    lapor(95)
    data = dokumen.baca(t.berkas_pdf)
    return data, nama_berkas(f"lkip-v{t.nomor}", p.instansi, t.tahun, "pdf"), MIME["pdf"]


def _reviu(p, lapor):
    """Read the uploaded file of the job's ``ReviuBerkas``, store its findings (in Indonesian) and
    return the printable sheet (DOCX) as the job's file."""
    from .models import ReviuBerkas
    from .reviu import lembar_reviu_berkas
    from .reviu_dokumen import BerkasTidakDikenal, reviu_berkas, temuan_indonesia

    rb = ReviuBerkas.objects.select_related("instansi__pemda").filter(pk=p.parameter["reviu"]).first()
    if rb is None or rb.instansi_id != p.instansi_id:
        raise Ditolak(_("Berkas yang direviu tidak ditemukan."))
    lapor(10)
    try:
        with dokumen.salinan_lokal(dokumen.penyimpanan(), rb.berkas) as path:  # local, or from S3
            temuan = reviu_berkas(path)
    except FileNotFoundError:
        raise Ditolak(_("Berkas yang direviu tidak ditemukan.")) from None
    except BerkasTidakDikenal:
        raise Ditolak(_("Berkas bukan PDF, DOCX atau teks UTF-8.")) from None
    except Exception:  # noqa: BLE001 - a damaged or hostile file: refused, never a crash of the worker
        raise Ditolak(_("Isi berkas tidak dapat dibaca (berkas rusak atau terlindungi).")) from None
    lapor(70)
    rb.temuan = temuan_indonesia(temuan)
    ReviuBerkas.objects.filter(pk=rb.pk).update(temuan=rb.temuan)
    data = keluaran.render_docx(lembar_reviu_berkas(rb))
    lapor(95)
    return data, f"lembar-reviu-berkas-{rb.instansi.slug}-{rb.pk}.docx", MIME["docx"]


def _esr(p, lapor):
    """The ESR package ZIP of the job's unit-year (``laporan.esr``)."""
    from .esr import cek_tahun, nama_paket, paket_esr

    tahun = p.parameter["tahun"]
    alasan = cek_tahun(p.instansi, tahun)
    if alasan:
        raise Ditolak(alasan)
    data, _m = paket_esr(p.instansi, tahun, lapor)
    lapor(95)
    return data, nama_paket(p.instansi, tahun), MIME["zip"]


def _kerja(p, lapor):
    if p.jenis == "esr":
        return _esr(p, lapor)
    if p.jenis == "terbitan":
        return _terbitkan(p, lapor)
    if p.jenis == "reviu":
        return _reviu(p, lapor)
    fmt = p.parameter["fmt"]
    if fmt not in PERENDER:
        raise Ditolak(_("Format tidak dikenal."))
    lapor(10)
    dok, tahun, awalan = _isi(p)
    lapor(40)
    data = getattr(keluaran, PERENDER[fmt])(dok)
    lapor(95)
    return data, nama_berkas(awalan, p.instansi, tahun, fmt), MIME[fmt]


@task()
def buat_dokumen(tugas_id: str) -> dict:
    """Build, render and store the document of job ``tugas_id`` (a tugas.Tugas)."""
    return tugas_services.jalankan(tugas_id, _kerja)


def minta_dokumen(*, user, instansi, jenis: str, parameter: dict):
    """Request a document (LKIP, PK, Renja, LHE, Laporan SKM, the ESR package) to be made by the task queue's worker: the
    job (``tugas.Tugas``) for it, reused while the same document of the same data is waiting,
    running or kept (idempotent by kind, unit, parameters and the unit's data token)."""
    from django.utils import timezone

    from tembolok.selectors import sidik_kode
    from tembolok.services import token
    from tugas.services import minta

    # the unit's data token (changes with any write to its data), the code that shapes the
    # document, and the date it prints
    token_data = f"{token('i', instansi.id)}:{sidik_kode()}:{timezone.localdate().isoformat()}"
    return minta(
        user=user,
        instansi=instansi,
        jenis=jenis,
        parameter=parameter,
        token_data=token_data,
        tugas=buat_dokumen,
    )


def minta_reviu(*, user, rb):
    """Ask the worker to review an uploaded file (``laporan.ReviuBerkas``, kept by
    ``laporan.services.unggah_berkas_reviu``): one job per upload, linked to it."""
    from tugas.services import minta

    from .models import ReviuBerkas

    p = minta(
        user=user,
        instansi=rb.instansi,
        jenis="reviu",
        parameter={"reviu": rb.pk},
        token_data=rb.sha256,
        tugas=buat_dokumen,
    )
    ReviuBerkas.objects.filter(pk=rb.pk).update(tugas=p)
    rb.tugas = p
    return p
