"""Writes of the dokumen area: the editable text blocks (``TeksBlok``) of an LKIP, and issuing a
version of the LKIP (``terbitkan_lkip``).

Writes check permission through ``akun.izin.boleh(user, "isi", instansi)``, refuse bad input
with ``dasar.galat.Ditolak`` and record the audit trail (``audit.models.catat``).
"""

from __future__ import annotations

import hashlib

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from akun.izin import boleh
from audit.models import Aksi, catat
from dasar import dokumen
from dasar.galat import Ditolak, Konflik
from dasar.sidik import sidik
from laporan import keluaran
from laporan.lkip import bangun_lkip
from laporan.models import TeksBlok, TerbitanLKIP
from laporan.reviu import reviu, ringkasan
from laporan.selectors import daftar_bagian
from laporan.teks import rapikan, token_teks
from laporan.terbitan import dari_isi, ke_isi, perubahan
from perencanaan.models import PerjanjianKinerja
from rumus.format import format_tanggal

PANJANG_MAKS = 20000


@transaction.atomic
def simpan_teks(*, user, instansi, tahun: int, bagian: str, teks: str) -> TeksBlok | None:
    """Create, change or (empty text) delete one text block; audited. Returns the block or None."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    if bagian not in daftar_bagian(instansi, tahun):
        raise Ditolak(f"Bagian teks tidak dikenal: {bagian}")
    teks = rapikan(teks)
    if len(teks) > PANJANG_MAKS:
        raise Ditolak(f"Teks terlalu panjang (maksimal {PANJANG_MAKS} karakter).")
    obj = TeksBlok.objects.select_for_update().filter(instansi=instansi, tahun=tahun, bagian=bagian).first()
    if not teks:
        if obj is not None:
            catat(user, obj, Aksi.HAPUS, {"teks": (obj.teks, None)}, instansi)
            obj.delete()
        return None
    if obj is None:
        obj = TeksBlok.objects.create(instansi=instansi, tahun=tahun, bagian=bagian, teks=teks)
        catat(user, obj, Aksi.BUAT, {"teks": (None, teks)}, instansi)
    elif obj.teks != teks:
        catat(user, obj, Aksi.UBAH, {"teks": (obj.teks, teks)}, instansi)
        obj.teks = teks
        obj.save(update_fields=["teks"])
    return obj


class KonflikTeks(Konflik):
    """Some blocks changed since the editor was opened: ``baris`` maps their key to the text
    stored now ("" when deleted). Nothing of the form was saved."""

    def __init__(self, baris: dict[str, str]):
        self.baris = baris
        super().__init__(
            f"{len(baris)} bagian teks sudah diubah pengguna lain sejak halaman dibuka; tidak ada yang "
            "disimpan. Bandingkan kedua versi, gabungkan teks Anda, lalu simpan lagi."
        )


@transaction.atomic
def simpan_semua_teks(*, user, instansi, tahun: int, isian: dict[str, tuple[str, str]]) -> list[str]:
    """The LKIP text editor's one Simpan: ``isian`` maps a block's key to (text, token of the text
    the editor showed, ``laporan.teks.token_teks``), for the blocks the user changed. In one
    transaction: any block whose stored text no longer matches its token raises ``KonflikTeks``
    and nothing is saved; otherwise every block is saved by ``simpan_teks`` (audited). Returns the
    keys of the blocks whose stored text changed."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    daftar = daftar_bagian(instansi, tahun)
    for bagian in isian:
        if bagian not in daftar:
            raise Ditolak(f"Bagian teks tidak dikenal: {bagian}")
    sekarang = dict(
        TeksBlok.objects.select_for_update()
        .filter(instansi=instansi, tahun=tahun, bagian__in=list(isian))
        .values_list("bagian", "teks")
    )
    konflik = {
        b: sekarang.get(b, "")
        for b, (teks, token) in isian.items()
        if token_teks(sekarang.get(b)) != token and rapikan(teks) != rapikan(sekarang.get(b))
    }
    if konflik:
        raise KonflikTeks(konflik)
    berubah = []
    for bagian in daftar:  # the document's order
        if bagian in isian and rapikan(isian[bagian][0]) != rapikan(sekarang.get(bagian)):
            simpan_teks(user=user, instansi=instansi, tahun=tahun, bagian=bagian, teks=isian[bagian][0])
            berubah.append(bagian)
    return berubah


# --- issuing an LKIP version ---------------------------------------------------------------------


def _berkas_terbitan(instansi, tahun: int, nomor: int, sha: str, fmt: str) -> str:
    """Name (in the documents' storage, ``dasar.dokumen``) of an issued version's file; the content hash in the name
    keeps two attempts at the same number apart."""
    return f"terbitan/lkip/{instansi.id}/{tahun}/lkip-{instansi.slug}-{tahun}-v{nomor}-{sha[:12]}.{fmt}"


def _tulis(rel: str, data: bytes) -> None:
    """Write an issued file once: never over an existing file (``dasar.dokumen``)."""
    dokumen.tulis_sekali(rel, data)


def terbitkan_lkip(*, user, instansi, tahun: int, akui_galat: bool = False):
    """Issue the next version of the unit's LKIP for the year (``laporan.models.TerbitanLKIP``).

    The pimpinan of the unit only (``boleh(user, "terbitkan", instansi)``). Refused (``Ditolak``)
    without a Perjanjian Kinerja, when the reviu finds errors and ``akui_galat`` is not given, and
    when the content equals the previous version's. The document is built from the data, frozen
    as plain JSON with the version's number, date and issuer (``isi_beku``) and its SHA-256, rendered
    from that content (DOCX, then the PDF from that DOCX; the hash on the cover's back page), the
    files written once in the documents' storage with their own SHA-256; audited (``terbitkan``). Takes a few
    seconds (LibreOffice): run it from the task queue or the ``terbitkan_lkip`` command, not inside
    a request."""
    if not boleh(user, "terbitkan", instansi):
        raise PermissionDenied
    if not PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).exists():
        raise Ditolak(
            f"Belum ada Perjanjian Kinerja {instansi.nama} tahun {tahun}; LKIP tidak dapat diterbitkan."
        )
    galat = ringkasan(reviu(instansi, tahun))["error"]
    if galat and not akui_galat:
        raise Ditolak(
            f"Reviu menemukan {galat} kesalahan. Perbaiki dahulu, atau terbitkan dengan menyatakan "
            "bahwa kesalahan tersebut diketahui."
        )
    dokumen = ke_isi(bangun_lkip(instansi, tahun))
    sebelum = TerbitanLKIP.objects.filter(instansi=instansi, tahun=tahun).order_by("-nomor").first()
    if sebelum is not None and sebelum.isi_beku["dokumen"] == dokumen:
        raise Ditolak(f"Isi LKIP sama dengan versi {sebelum.nomor}; tidak ada versi baru yang diterbitkan.")
    nomor = sebelum.nomor + 1 if sebelum else 1
    waktu = timezone.now()
    tanggal = timezone.localdate(waktu)
    nama = (user.get_full_name() or user.get_username()).strip()
    isi = {
        "format": 1,
        "instansi": instansi.nama,
        "tahun": tahun,
        "nomor": nomor,
        "tanggal": tanggal.isoformat(),
        "diterbitkan_oleh": nama,
        "dokumen": dokumen,
    }
    sha = sidik(isi)
    balik = [
        f"Dokumen ini adalah LKIP {instansi.nama} tahun {tahun} versi terbitan {nomor}, "
        f"diterbitkan pada {format_tanggal(tanggal)} oleh {nama}.",
        f"Kode verifikasi SHA-256 isi dokumen: {sha}",
        "Kode dihitung dari isi dokumen yang dibekukan saat diterbitkan; isi yang diubah "
        "menghasilkan kode yang lain.",
    ]
    docx = keluaran.render_docx(dari_isi(dokumen, balik))
    pdf = keluaran.docx_ke_pdf(docx)
    rel_docx = _berkas_terbitan(instansi, tahun, nomor, sha, "docx")
    rel_pdf = _berkas_terbitan(instansi, tahun, nomor, sha, "pdf")
    _tulis(rel_docx, docx)
    _tulis(rel_pdf, pdf)
    try:
        with transaction.atomic():
            obj = TerbitanLKIP.objects.create(
                instansi=instansi,
                tahun=tahun,
                nomor=nomor,
                waktu=waktu,
                oleh=user,
                nama_pengguna=user.get_username(),
                isi_beku=isi,
                sha256=sha,
                berkas_docx=rel_docx,
                sha256_docx=hashlib.sha256(docx).hexdigest(),
                berkas_pdf=rel_pdf,
                sha256_pdf=hashlib.sha256(pdf).hexdigest(),
                perubahan=perubahan(sebelum.isi_beku["dokumen"], dokumen) if sebelum else [],
                galat_reviu=galat,
            )
            catat(user, obj, Aksi.TERBITKAN, {"sha256": (None, sha)}, instansi, keterangan="LKIP")
    except IntegrityError:
        for rel in (rel_docx, rel_pdf):
            dokumen.hapus(rel)
        raise Ditolak(
            f"Versi {nomor} baru saja diterbitkan oleh pengguna lain; muat ulang halaman."
        ) from None
    return obj


# ---------------------------------------------------------------- reviu of an uploaded LKIP file

REVIU_MAKS_BYTES = 10 * 1024 * 1024  # an LKIP PDF of 30–60 pages with charts is 0,5–5 MB


def _jenis_berkas_reviu(nama: str, data: bytes) -> str:
    """pdf, docx or txt, judged from the content (never the name); ``Ditolak`` naming the file
    for anything else, for a DOCX that breaks the archive limits (``dasar.xlsx.cek_berkas``: zip
    bombs, too many entries, XML entities) and for text that is not UTF-8."""
    import io
    import zipfile

    from dasar.xlsx import BerkasDitolak, cek_berkas

    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            cek_berkas(io.BytesIO(data))
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" not in zf.namelist():
                    raise Ditolak(f"Berkas {nama} adalah arsip ZIP, bukan dokumen Word (DOCX).")
        except BerkasDitolak as exc:
            raise Ditolak(f"Berkas {nama} ditolak: {exc}") from None
        except (zipfile.BadZipFile, OSError):
            raise Ditolak(f"Berkas {nama} rusak: arsip DOCX tidak dapat dibaca.") from None
        return "docx"
    try:
        teks = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Ditolak(f"Berkas {nama} bukan PDF, DOCX atau teks UTF-8 (diperiksa dari isinya).") from None
    if "\x00" in teks or not teks.strip():
        raise Ditolak(f"Berkas {nama} bukan PDF, DOCX atau teks UTF-8 (diperiksa dari isinya).")
    return "txt"


def unggah_berkas_reviu(*, user, instansi, berkas):
    """Keep an LKIP/LKjIP file made elsewhere (an ``UploadedFile``) for its reviu, which
    ``laporan.tugas.minta_reviu`` then asks the task queue's worker for; returns the
    ``ReviuBerkas``. The unit's operator or pimpinan,
    or an evaluator of the Inspektorat (``boleh(user, "reviu_berkas", instansi)``). Refused
    (``Ditolak``, naming the file) when larger than ``REVIU_MAKS_BYTES`` or not a PDF, DOCX or UTF-8
    text judged from its content; nothing is kept then. Audited (``unggah``, "reviu berkas")."""
    from dasar.unggahan import nama_aman
    from laporan.models import ReviuBerkas

    if not boleh(user, "reviu_berkas", instansi):
        raise PermissionDenied
    nama = nama_aman(berkas.name or "", "")[:200] or "berkas"
    if berkas.size > REVIU_MAKS_BYTES:
        raise Ditolak(f"Berkas {nama} terlalu besar ({berkas.size / 1048576:.1f} MB); maksimal 10 MB.")
    data = berkas.read()
    jenis = _jenis_berkas_reviu(nama, data)
    sha = hashlib.sha256(data).hexdigest()
    rel = f"reviu-berkas/{instansi.slug}/{sha}.{jenis}"
    try:
        _tulis(rel, data)  # named by its SHA-256: the same file uploaded again is stored once
    except FileExistsError:
        pass
    with transaction.atomic():
        rb = ReviuBerkas.objects.create(
            instansi=instansi,
            pengunggah=user,
            nama_berkas=nama,
            jenis=jenis,
            ukuran=len(data),
            sha256=sha,
            berkas=rel,
        )
        catat(user, rb, Aksi.UNGGAH, {"sha256": (None, sha)}, instansi, keterangan="reviu berkas")
    return rb
