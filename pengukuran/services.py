"""Write services for quarterly realisasi: entry, evidence, and the verification workflow.

Views stay thin: every write goes through here, and every function checks permission
through ``akun.izin`` and the workflow state before touching the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F

from akun.izin import boleh
from audit.models import Aksi, catat
from dasar.galat import Ditolak, Konflik
from dasar.teks import tolak_jika_panjang
from dasar.unggahan import cek_unggahan
from jadwal.services import tolak_jika_tutup
from tembolok.services import usangkan

from .models import Alur, Bukti, PengajuanRealisasi, Realisasi, StatusPeriode

ANALISIS = ("analisis_sebab", "analisis_pendukung", "analisis_penghambat", "analisis_tindak_lanjut")


def _pengajuan(instansi, tahun: int, periode: str, alur: str = Alur.KINERJA) -> PengajuanRealisasi:
    """The period's submission row of one workflow, created by the first write (pages only read
    it: ``selectors.pengajuan_periode``)."""
    obj, _ = PengajuanRealisasi.objects.get_or_create(
        instansi=instansi, tahun=tahun, periode=periode, alur=alur
    )
    return obj


def _nama(alur: str, periode: str, tahun: int) -> str:
    """'Realisasi kinerja TW1 2025' / 'Realisasi anggaran TW1 2025' for messages."""
    return f"Realisasi {Alur(alur).value} {periode} {tahun}"


def cek_bisa_diisi(*, user, instansi, tahun, periode, alur: str = Alur.KINERJA) -> PengajuanRealisasi:
    """The user may fill in the unit's data and the period of that workflow (``alur``: the
    performance realisasi, or the budget realisasi) is still open (draft or returned); else
    ``PermissionDenied`` or ``Ditolak``. Each workflow has its own state."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    p = _pengajuan(instansi, tahun, periode, alur)
    if not p.bisa_diisi:
        raise Ditolak(
            f"{_nama(alur, periode, tahun)} berstatus {p.get_status_display().lower()} "
            "dan tidak dapat diubah."
        )
    return p


@dataclass
class Isian:
    nilai: Decimal | None
    analisis: dict[str, str]
    versi: int | None  # the versi the form was opened with (None: the row did not exist)


@transaction.atomic
def simpan_realisasi(*, user, indikator, tahun: int, periode: str, isian: Isian) -> Realisasi:
    """Create or update one realisasi; a stale ``versi`` raises Konflik (nothing overwritten)."""
    instansi = indikator.instansi
    cek_bisa_diisi(user=user, instansi=instansi, tahun=tahun, periode=periode)
    tolak_jika_tutup(instansi=instansi, tahun=tahun, alur="kinerja", periode=periode)
    if isian.nilai is None:
        raise Ditolak("Nilai realisasi wajib diisi.")
    values = {"nilai": isian.nilai, **{k: isian.analisis.get(k, "") for k in ANALISIS}}
    tolak_jika_panjang(Realisasi, **values)
    obj = (
        Realisasi.objects.select_for_update()
        .filter(indikator=indikator, tahun=tahun, periode=periode)
        .first()
    )
    if obj is None:
        if isian.versi not in (None, 0):
            raise Konflik("Realisasi ini telah dihapus oleh pengguna lain; muat ulang halaman.")
        obj = Realisasi.objects.create(indikator=indikator, tahun=tahun, periode=periode, **values)
        catat(
            user, obj, Aksi.BUAT, {k: (None, v) for k, v in values.items() if v not in ("", None)}, instansi
        )
        return obj
    if all(getattr(obj, k) == v for k, v in values.items()):
        return obj  # what the user wants is already stored (by whoever): nothing to save, no conflict
    if isian.versi != obj.versi:
        raise Konflik(
            "Realisasi ini sudah diubah oleh pengguna lain sejak halaman dibuka. "
            "Perubahan Anda tidak disimpan; muat ulang halaman untuk melihat nilai terbaru."
        )
    perubahan = {k: (getattr(obj, k), v) for k, v in values.items() if getattr(obj, k) != v}
    if perubahan:
        updated = Realisasi.objects.filter(pk=obj.pk, versi=isian.versi).update(
            versi=F("versi") + 1, **values
        )
        if not updated:  # pragma: no cover - guarded by select_for_update
            raise Konflik("Realisasi ini sudah diubah oleh pengguna lain.")
        usangkan([instansi.id])  # QuerySet.update sends no post_save
        catat(user, obj, Aksi.UBAH, perubahan, instansi)
        obj.refresh_from_db()
    return obj


class KonflikTriwulan(Konflik):
    """Some indicators of the quarter's form changed since the page was opened: ``baris`` maps
    their indikator id to the row as stored now (None: deleted). Nothing of the form was saved."""

    def __init__(self, baris: dict[int, Realisasi | None]):
        self.baris = baris
        super().__init__(
            f"{len(baris)} indikator sudah diubah pengguna lain sejak halaman dibuka; tidak ada yang "
            "disimpan. Bandingkan kedua versi, gabungkan isian Anda, lalu simpan lagi."
        )


@dataclass
class HasilTriwulan:
    """What one Simpan of the quarter's form stored: the indicators whose values were saved (new
    or changed), the evidence files stored per indicator, and the files refused (with why)."""

    disimpan: list = field(default_factory=list)  # Indikator
    bukti: list = field(default_factory=list)  # (Indikator, file name)
    bukti_ditolak: list = field(default_factory=list)  # (Indikator, file name, reason)


@transaction.atomic
def simpan_triwulan(*, user, instansi, tahun: int, periode: str, isian: dict, bukti: dict) -> HasilTriwulan:
    """Save the quarter's form of the unit in one transaction: ``isian`` maps an Indikator of the
    unit to its ``Isian`` (only the indicators the user changed), ``bukti`` an Indikator to its
    uploaded files. Any stale ``versi`` raises ``KonflikTriwulan`` and nothing is saved. A refused
    evidence file does not undo the values: it is reported in ``bukti_ditolak`` (the values and the
    other files are saved); a file for an indicator that has no value yet is refused the same way."""
    cek_bisa_diisi(user=user, instansi=instansi, tahun=tahun, periode=periode)
    for ind in list(isian) + list(bukti):
        if ind.instansi_id != instansi.id:
            raise Ditolak("Indikator tidak dikenal untuk unit ini.")
    hasil, konflik = HasilTriwulan(), {}
    for ind in sorted(isian, key=lambda i: i.id):
        sebelum = Realisasi.objects.filter(indikator=ind, tahun=tahun, periode=periode).values_list(
            "versi", flat=True
        )
        lama = sebelum.first()
        try:
            r = simpan_realisasi(user=user, indikator=ind, tahun=tahun, periode=periode, isian=isian[ind])
        except Konflik:
            konflik[ind.id] = Realisasi.objects.filter(indikator=ind, tahun=tahun, periode=periode).first()
            continue
        if r.versi != lama:
            hasil.disimpan.append(ind)
    if konflik:
        raise KonflikTriwulan(konflik)
    for ind, files in bukti.items():
        r = Realisasi.objects.filter(indikator=ind, tahun=tahun, periode=periode).first()
        for f in files:
            if r is None:
                hasil.bukti_ditolak.append((ind, f.name, "isi nilai realisasi lebih dahulu"))
                continue
            try:
                tambah_bukti(user=user, realisasi=r, berkas=f)
            except Ditolak as exc:
                hasil.bukti_ditolak.append((ind, f.name, str(exc)))
            else:
                hasil.bukti.append((ind, f.name))
    return hasil


@transaction.atomic
def tambah_bukti(*, user, realisasi: Realisasi, berkas) -> Bukti:
    instansi = realisasi.indikator.instansi
    cek_bisa_diisi(user=user, instansi=instansi, tahun=realisasi.tahun, periode=realisasi.periode)
    tolak_jika_tutup(instansi=instansi, tahun=realisasi.tahun, alur="kinerja", periode=realisasi.periode)
    jenis = cek_unggahan(berkas)
    b = Bukti.objects.create(
        realisasi=realisasi,
        berkas=berkas,
        nama_asli=berkas.name[:255],
        jenis=jenis,
        ukuran=berkas.size,
        diunggah_oleh=user,
    )
    catat(user, realisasi, Aksi.UNGGAH, {"bukti": (None, b.nama_asli)}, instansi, keterangan="bukti")
    return b


TRANSISI = {
    "ajukan": ("isi", {StatusPeriode.DRAFT, StatusPeriode.DIKEMBALIKAN}, StatusPeriode.DIAJUKAN),
    "verifikasi": ("setujui", {StatusPeriode.DIAJUKAN}, StatusPeriode.DIVERIFIKASI),
    "kembalikan": ("setujui", {StatusPeriode.DIAJUKAN}, StatusPeriode.DIKEMBALIKAN),
    "kunci": ("setujui", {StatusPeriode.DIVERIFIKASI}, StatusPeriode.TERKUNCI),
}


@transaction.atomic
def ubah_status(
    *, user, instansi, tahun: int, periode: str, aksi: str, komentar: str = "", alur: str = Alur.KINERJA
) -> PengajuanRealisasi:
    """One step of one workflow's quarter (``alur``): ajukan, verifikasi, kembalikan, kunci."""
    aksi_izin, dari, ke = TRANSISI[aksi]
    if not boleh(user, aksi_izin, instansi):
        raise PermissionDenied
    if aksi == "ajukan":  # submitting is the operator's last entry step: inside the window
        tolak_jika_tutup(instansi=instansi, tahun=tahun, alur=alur, periode=periode)
    p = PengajuanRealisasi.objects.select_for_update().get(pk=_pengajuan(instansi, tahun, periode, alur).pk)
    if p.status not in dari:
        raise Ditolak(
            f"Tidak dapat {aksi}: status {_nama(alur, periode, tahun)} adalah "
            f"{p.get_status_display().lower()}."
        )
    tolak_jika_panjang(PengajuanRealisasi, komentar=komentar.strip())
    if aksi == "kembalikan" and not komentar.strip():
        raise Ditolak("Tuliskan alasan pengembalian agar operator tahu apa yang harus diperbaiki.")
    lama = p.status
    p.status, p.komentar, p.diubah_oleh = ke, komentar.strip() if aksi == "kembalikan" else p.komentar, user
    p.save()
    catat(
        user,
        p,
        Aksi(aksi),
        {"status": (lama, ke), **({"komentar": ("", komentar)} if komentar else {})},
        instansi,
        keterangan=f"realisasi {Alur(alur).value}",
    )
    return p


TRIWULAN = ("TW1", "TW2", "TW3", "TW4")


@transaction.atomic
def kunci_tahun(*, user, instansi, tahun: int, konfirmasi: bool) -> int:
    """Year end: lock all four quarters of both workflows (performance and budget realisasi) in
    one action. ``konfirmasi`` is the user's explicit confirmation after the summary page
    (``anggaran.selectors.ringkasan_kunci_tahun``) showed what is still unverified; without it the
    lock is refused. Quarters not yet verified are locked too (the summary named them); each
    quarter's previous state is kept in the audit. Returns how many quarter-workflows changed."""
    if not boleh(user, "setujui", instansi):
        raise PermissionDenied
    if not konfirmasi:
        raise Ditolak("Penguncian tahun belum dikonfirmasi: baca ringkasan, centang konfirmasi, lalu kunci.")
    for a in Alur.values:
        for t in TRIWULAN:
            _pengajuan(instansi, tahun, t, a)
    berubah = 0
    for p in (
        PengajuanRealisasi.objects.select_for_update()
        .filter(instansi=instansi, tahun=tahun, periode__in=TRIWULAN)
        .order_by("alur", "periode")
    ):
        if p.status == StatusPeriode.TERKUNCI:
            continue
        lama = p.status
        p.status, p.diubah_oleh = StatusPeriode.TERKUNCI, user
        p.save()
        catat(
            user,
            p,
            Aksi.KUNCI,
            {"status": (lama, p.status)},
            instansi,
            keterangan=f"realisasi {p.alur}, kunci tahun {tahun}",
        )
        berubah += 1
    if not berubah:
        raise Ditolak(f"Semua triwulan {tahun} sudah terkunci.")
    return berubah
