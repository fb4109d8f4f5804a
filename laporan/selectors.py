"""Reads of the dokumen area: a document built from the data by kind, and the editable text
blocks of an LKIP (which sections exist, what the unit wrote)."""

from __future__ import annotations

from audit.models import Jejak
from laporan.dokumen import Dokumen
from laporan.lkip import bangun_lkip
from laporan.models import ReviuBerkas, TeksBlok, TerbitanLKIP
from laporan.perjanjian import bangun_perjanjian
from laporan.teks import AWALAN_ANALISIS, BAGIAN
from perencanaan.models import PKIndikator

# document kind → builder(instansi, tahun) -> Dokumen
PEMBANGUN = {
    "lkip": bangun_lkip,
    "perjanjian": bangun_perjanjian,
}


def bangun(jenis: str, instansi, tahun: int) -> Dokumen:
    """The document of this kind (``PEMBANGUN``) for a unit-year."""
    return PEMBANGUN[jenis](instansi, tahun)


def daftar_bagian(instansi, tahun: int) -> dict[str, str]:
    """Editable sections (key → title): the LKIP's sections, then one analysis per IKU of the year's PK."""
    hasil = dict(BAGIAN)
    pk = (
        PKIndikator.objects.filter(
            pk_dokumen__instansi=instansi, pk_dokumen__tahun=tahun, pk_dokumen__jabatan__isnull=True
        )
        .select_related("indikator")
        .order_by("-pk_dokumen__versi", "no")
    )
    for row in pk:
        hasil.setdefault(
            AWALAN_ANALISIS + row.indikator.kode, f"Analisis {row.indikator.kode} {row.indikator.nama}"
        )
    return hasil


def teks_blok(instansi, tahun: int) -> dict[str, str]:
    """The unit's own texts of a year: section key → text."""
    return dict(TeksBlok.objects.filter(instansi=instansi, tahun=tahun).values_list("bagian", "teks"))


def jejak_teks_terakhir(instansi, tahun: int, bagian: str):
    """The last audit row of a text block (who changed it, when), or None. Two queries."""
    ids = TeksBlok.objects.filter(instansi=instansi, tahun=tahun, bagian=bagian).values_list("pk", flat=True)
    return (
        Jejak.objects.filter(instansi=instansi, objek="laporan.TeksBlok", objek_id__in=[str(i) for i in ids])
        .order_by("-waktu", "-id")
        .first()
    )


def terbitan_lkip(instansi, tahun: int) -> list:
    """The issued versions of the unit's LKIP for the year, newest first (without their content)."""
    return list(
        TerbitanLKIP.objects.filter(instansi=instansi, tahun=tahun).defer("isi_beku").order_by("-nomor")
    )


def terbitan_terakhir(instansi, tahun: int):
    """The latest issued version of the unit's LKIP for the year, or None."""
    return (
        TerbitanLKIP.objects.filter(instansi=instansi, tahun=tahun)
        .defer("isi_beku")
        .order_by("-nomor")
        .first()
    )


def berkas_terbitan(t: TerbitanLKIP, fmt: str) -> bytes:
    """The stored file (``docx`` or ``pdf``) of an issued LKIP version, as written when it was
    issued (never rendered again). ``Ditolak`` when the file is missing or its bytes no longer
    match their SHA-256 (the download answers 503)."""
    import hashlib

    from django.utils.translation import gettext as _

    from dasar import dokumen
    from dasar.galat import Ditolak

    rel, sha = (t.berkas_docx, t.sha256_docx) if fmt == "docx" else (t.berkas_pdf, t.sha256_pdf)
    try:
        data = dokumen.baca(rel)
    except OSError:
        raise Ditolak(_("berkas terbitan tidak ditemukan")) from None
    if hashlib.sha256(data).hexdigest() != sha:
        raise Ditolak(_("berkas terbitan tidak sesuai kode SHA-256-nya"))
    return data


def reviu_berkas_unit(instansi, batas: int = 50) -> list[ReviuBerkas]:
    """The unit's reviewed LKIP files, newest first, each with ``jumlah_galat`` and
    ``jumlah_peringatan`` counted from its stored findings (one query)."""
    daftar = list(ReviuBerkas.objects.filter(instansi=instansi).select_related("pengunggah")[:batas])
    for rb in daftar:
        temuan = rb.temuan or []
        rb.jumlah_galat = sum(t["level"] == "error" for t in temuan)
        rb.jumlah_peringatan = sum(t["level"] == "warning" for t in temuan)
    return daftar


def reviu_berkas_satu(instansi, pk: int) -> ReviuBerkas | None:
    """One reviewed file of the unit (None for another unit's), with its job."""
    return ReviuBerkas.objects.filter(instansi=instansi, pk=pk).select_related("tugas").first()
