"""Writes of the LKE workflow (PermenPANRB 88/2021 AKIP, 90/2021 Zona Integritas): templates,
answers, evidence, status, LHE text, recommendations and their follow-up. The scores are read
in ``evaluasi.selectors``.

Every write goes through a function here that checks ``akun.izin`` and the workflow state,
and records the audit trail.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from akun.izin import boleh, boleh_kelola_templat, pemda_kelolaan
from audit.models import Aksi, catat
from dasar.galat import Ditolak
from dasar.teks import tolak_jika_panjang
from dasar.unggahan import cek_unggahan
from laporan.lhe import isi_beku_lhe
from rumus.angka import JenisAngka, parse_angka
from rumus.evaluasi import JawabanTidakSah, fraksi_jawaban

from .models import (
    BuktiEvaluasi,
    Evaluasi,
    EvaluasiFinal,
    Jawaban,
    JenisTautan,
    Komponen,
    Kriteria,
    Rekomendasi,
    StatusEvaluasi,
    StatusTindakLanjut,
    SubKomponen,
    TemplatBeku,
    TemplatEvaluasi,
)
from .selectors import kriteria_belum_dijawab, struktur_templat

# --- Templates --------------------------------------------------------------------------------


def pastikan_templat_bawaan() -> int:
    """Create the shipped templates that are missing (migration 0003 normally did; a flushed
    database, e.g. after ``manage.py flush``, has lost them). Idempotent; returns how many were made."""
    from . import templat_bawaan

    with transaction.atomic():
        return sum(
            templat_bawaan.muat(TemplatEvaluasi, Komponen, SubKomponen, Kriteria, data)
            for data in templat_bawaan.SEMUA
        )


def templat_untuk(instansi, jenis: str, tahun: int) -> TemplatEvaluasi | None:
    """The pemda's own template for the year if any, else the latest shipped one."""
    if not TemplatEvaluasi.objects.filter(pemda=None, jenis=jenis).exists():
        pastikan_templat_bawaan()
    qs = TemplatEvaluasi.objects.filter(jenis=jenis, tahun__lte=tahun)
    return (
        qs.filter(pemda_id=instansi.pemda_id).order_by("-tahun", "-id").first()
        or qs.filter(pemda=None).order_by("-tahun", "-id").first()
    )


@transaction.atomic
def salin_templat(*, user, templat: TemplatEvaluasi, tahun: int, nama: str = "") -> TemplatEvaluasi:
    """Copy a template (with all its parts) to the admin's pemda for a year, to adapt it."""
    pemda_id = pemda_kelolaan(user)
    if pemda_id is None:
        raise PermissionDenied
    if not 2000 <= tahun <= 2100:
        raise Ditolak("Tahun tidak sah.")
    baru = TemplatEvaluasi.objects.create(
        jenis=templat.jenis,
        tahun=tahun,
        pemda_id=pemda_id,
        induk=templat,
        nama=(nama.strip() or f"{templat.nama} — {tahun}")[:200],
        dasar_hukum=templat.dasar_hukum,
        keterangan=templat.keterangan,
    )
    for k in struktur_templat(templat.id):
        k2 = Komponen.objects.create(templat=baru, no=k.no, nama=k.nama, bobot=k.bobot, kelompok=k.kelompok)
        for s in k.sub_list:
            s2 = SubKomponen.objects.create(komponen=k2, no=s.no, nama=s.nama, bobot=s.bobot)
            Kriteria.objects.bulk_create(
                [
                    Kriteria(
                        sub=s2,
                        no=c.no,
                        uraian=c.uraian,
                        jenis_jawaban=c.jenis_jawaban,
                        bobot=c.bobot,
                        nilai_maks=c.nilai_maks,
                        panduan=c.panduan,
                    )
                    for c in s.kriteria_list
                ]
            )
    catat(user, baru, Aksi.SALIN, {"induk": (None, str(templat))}, keterangan="templat")
    return baru


@transaction.atomic
def ubah_kriteria(
    *,
    user,
    kriteria: Kriteria,
    uraian: str,
    bobot: Decimal,
    jenis_jawaban: str,
    panduan: str,
    nilai_maks: Decimal | None = None,
) -> Kriteria:
    templat = kriteria.sub.komponen.templat
    if not boleh_kelola_templat(user, templat):
        raise PermissionDenied
    if templat.beku:
        raise TemplatBeku(
            "Templat ini dipakai evaluasi yang sudah diajukan dan tidak dapat diubah; "
            "salin untuk membuat versi baru."
        )
    if not uraian.strip():
        raise Ditolak("Uraian kriteria wajib diisi.")
    tolak_jika_panjang(Kriteria, uraian=uraian.strip(), panduan=panduan.strip())
    if bobot is None or bobot < 0:
        raise Ditolak("Bobot harus angka ≥ 0.")
    if jenis_jawaban not in ("yt", "abcde", "angka"):
        raise Ditolak("Jenis jawaban tidak dikenal.")
    if jenis_jawaban == "angka" and nilai_maks is not None and nilai_maks <= 0:
        raise Ditolak("Nilai maksimum harus > 0.")
    baru = {
        "uraian": uraian.strip(),
        "bobot": bobot,
        "jenis_jawaban": jenis_jawaban,
        "panduan": panduan.strip(),
        "nilai_maks": nilai_maks if jenis_jawaban == "angka" else None,
    }
    perubahan = {k: (getattr(kriteria, k), v) for k, v in baru.items() if getattr(kriteria, k) != v}
    for k, v in baru.items():
        setattr(kriteria, k, v)
    kriteria.save()
    if perubahan:
        catat(user, kriteria, Aksi.UBAH, perubahan, keterangan="kriteria")
    return kriteria


# --- Evaluation workflow ----------------------------------------------------------------------


def _cek_belum_final(ev: Evaluasi):
    if ev.status == StatusEvaluasi.FINAL:
        raise EvaluasiFinal("Evaluasi sudah final dan tidak dapat diubah.")


def _kunci(user, ev: Evaluasi, izin: str) -> Evaluasi:
    """The evaluation re-read and locked for a change: ``user`` must be allowed ``izin`` on its
    unit, and a final evaluation changes no more."""
    ev = Evaluasi.objects.select_for_update().select_related("instansi").get(pk=ev.pk)
    if not boleh(user, izin, ev.instansi):
        raise PermissionDenied
    _cek_belum_final(ev)
    return ev


@transaction.atomic
def buat_evaluasi(*, user, instansi, tahun: int, jenis: str) -> Evaluasi:
    if not (boleh(user, "isi", instansi) or boleh(user, "evaluasi", instansi)):
        raise PermissionDenied
    if jenis not in ("akip", "zi"):
        raise Ditolak("Jenis evaluasi tidak dikenal.")
    if not 2000 <= tahun <= 2100:
        raise Ditolak("Tahun tidak sah.")
    ada = Evaluasi.objects.filter(instansi=instansi, tahun=tahun, jenis=jenis).first()
    if ada:
        return ada
    templat = templat_untuk(instansi, jenis, tahun)
    if templat is None:
        raise Ditolak("Belum ada templat evaluasi untuk tahun ini.")
    ev = Evaluasi.objects.create(instansi=instansi, tahun=tahun, jenis=jenis, templat=templat)
    catat(user, ev, Aksi.BUAT, {"templat": (None, str(templat))}, instansi)
    return ev


def _normal(kriteria: Kriteria, jawaban: str) -> str:
    """Validate and normalise an answer ("" = no answer)."""
    teks = (jawaban or "").strip()
    if not teks:
        return ""
    try:
        f = fraksi_jawaban(kriteria.jenis_jawaban, teks, kriteria.nilai_maks)
    except JawabanTidakSah as e:
        raise Ditolak(f"Kriteria {kriteria.no}: {e}.") from e
    if kriteria.jenis_jawaban == "yt":
        return "Ya" if f == 1 else "Tidak"
    if kriteria.jenis_jawaban == "abcde":
        return teks.upper()
    maks = kriteria.nilai_maks if kriteria.nilai_maks is not None else 100
    return str(parse_angka(teks, JenisAngka.DESIMAL, batas_atas=maks).normalize())[:20]


def _kriteria_milik(ev: Evaluasi, kriteria: Kriteria):
    if kriteria.sub.komponen.templat_id != ev.templat_id:
        raise Ditolak("Kriteria bukan bagian dari templat evaluasi ini.")


def _simpan_jawaban(
    user,
    ev: Evaluasi,
    kriteria: Kriteria,
    aksi: str,
    status: str,
    pesan_status: str,
    medan: tuple[str, str],
    nilai_teks: str,
    teks: str,
) -> Jawaban:
    """Save one criterion's score and note: ``medan`` = (score field, note field) of Jawaban;
    ``aksi`` is the permission needed (and the audit action), ``status`` the one the evaluation must be in."""
    ev = _kunci(user, ev, aksi)
    if ev.status != status:
        raise Ditolak(pesan_status)
    _kriteria_milik(ev, kriteria)
    nilai = _normal(kriteria, nilai_teks)
    j, _ = Jawaban.objects.get_or_create(evaluasi=ev, kriteria=kriteria)
    baru = dict(zip(medan, (nilai, teks.strip()), strict=True))
    tolak_jika_panjang(Jawaban, **baru)
    perubahan = {k: (getattr(j, k), v) for k, v in baru.items() if getattr(j, k) != v}
    if perubahan:
        for k, v in baru.items():
            setattr(j, k, v)
        j.save()
        if aksi == "isi":
            catat(user, j, Aksi.UBAH, perubahan, ev.instansi, keterangan="usulan")
        else:
            catat(user, j, Aksi.NILAI, perubahan, ev.instansi)
    return j


@transaction.atomic
def simpan_usulan(
    *,
    user,
    ev: Evaluasi,
    kriteria: Kriteria,
    usulan: str,
    catatan: str = "",
    tidak_relevan: bool = False,
    alasan: str = "",
) -> Jawaban:
    """The unit's self-assessment of one criterion (operator, while draft); or, with
    ``tidak_relevan``, the criterion marked as not applying to the unit, with its reason (then no
    answer: it scores as unanswered)."""
    no = f"{kriteria.sub.komponen.no}.{kriteria.sub.no}.{kriteria.no}"
    if tidak_relevan and not (alasan or "").strip():
        raise Ditolak(
            f"Kriteria {no}: tuliskan alasan mengapa kriteria ini tidak relevan.",
            bidang={"alasan": ["Tuliskan alasannya."]},
        )
    if tidak_relevan and (usulan or "").strip():
        raise Ditolak(
            f"Kriteria {no}: kriteria yang tidak relevan tidak diberi jawaban; kosongkan jawabannya."
        )
    j = _simpan_jawaban(
        user,
        ev,
        kriteria,
        "isi",
        StatusEvaluasi.DRAFT,
        "Evaluasi sudah diajukan; jawaban unit tidak dapat diubah.",
        ("usulan", "catatan"),
        usulan,
        catatan,
    )
    baru = {
        "tidak_relevan": bool(tidak_relevan),
        "alasan_tidak_relevan": (alasan or "").strip() if tidak_relevan else "",
    }
    tolak_jika_panjang(Jawaban, alasan_tidak_relevan=baru["alasan_tidak_relevan"])
    perubahan = {k: (getattr(j, k), v) for k, v in baru.items() if getattr(j, k) != v}
    if perubahan:
        for k, v in baru.items():
            setattr(j, k, v)
        j.save()
        catat(user, j, Aksi.UBAH, perubahan, ev.instansi, keterangan="usulan")
    return j


@transaction.atomic
def simpan_penetapan(
    *, user, ev: Evaluasi, kriteria: Kriteria, penetapan: str, komentar: str = ""
) -> Jawaban:
    """The evaluator's score of one criterion (while under evaluation)."""
    return _simpan_jawaban(
        user,
        ev,
        kriteria,
        "evaluasi",
        StatusEvaluasi.DIEVALUASI,
        "Nilai penetapan diisi setelah evaluasi dimulai.",
        ("penetapan", "komentar"),
        penetapan,
        komentar,
    )


def _cek_tautan(ev: Evaluasi, jenis: str, objek_id: int | None, tahun: int | None):
    from pengukuran.models import Bukti
    from perencanaan.models import PerjanjianKinerja, Renstra

    if jenis == JenisTautan.RENSTRA:
        ok = Renstra.objects.filter(pk=objek_id, instansi=ev.instansi).exists()
    elif jenis == JenisTautan.PK:
        ok = PerjanjianKinerja.objects.filter(pk=objek_id, instansi=ev.instansi).exists()
    elif jenis == JenisTautan.BUKTI:
        ok = Bukti.objects.filter(pk=objek_id, realisasi__indikator__instansi=ev.instansi).exists()
    elif jenis == JenisTautan.LKIP:
        ok = tahun is not None and 2000 <= tahun <= 2100
    else:
        ok = False
    if not ok:
        raise Ditolak("Dokumen yang ditautkan tidak ditemukan pada unit ini.")


@transaction.atomic
def tambah_bukti(
    *,
    user,
    ev: Evaluasi,
    kriteria: Kriteria,
    jenis: str,
    berkas=None,
    objek_id: int | None = None,
    tahun: int | None = None,
) -> BuktiEvaluasi:
    """Evidence for the unit's answer: an upload (type checked by content) or a document in the system."""
    ev = _kunci(user, ev, "isi")
    if ev.status != StatusEvaluasi.DRAFT:
        raise Ditolak("Evaluasi sudah diajukan; bukti tidak dapat ditambah.")
    _kriteria_milik(ev, kriteria)
    j, _ = Jawaban.objects.get_or_create(evaluasi=ev, kriteria=kriteria)
    if jenis == JenisTautan.UNGGAH:
        if berkas is None:
            raise Ditolak("Pilih berkas yang diunggah.")
        ext = cek_unggahan(berkas)
        b = BuktiEvaluasi.objects.create(
            jawaban=j,
            jenis=jenis,
            berkas=berkas,
            nama_asli=berkas.name[:255],
            jenis_berkas=ext,
            ukuran=berkas.size,
            diunggah_oleh=user,
        )
    else:
        _cek_tautan(ev, jenis, objek_id, tahun)
        b = BuktiEvaluasi.objects.create(
            jawaban=j,
            jenis=jenis,
            objek_id=objek_id,
            tahun=tahun if jenis == JenisTautan.LKIP else None,
            diunggah_oleh=user,
        )
    catat(
        user,
        j,
        Aksi.TAMBAH,
        {"bukti": (None, b.nama_asli or f"{b.get_jenis_display()} {objek_id or tahun}")},
        ev.instansi,
        keterangan="bukti",
    )
    return b


# transition → (izin, from states, to state)
TRANSISI = {
    "ajukan": ("isi", {StatusEvaluasi.DRAFT}, StatusEvaluasi.DIAJUKAN),
    "kembalikan": ("evaluasi", {StatusEvaluasi.DIAJUKAN}, StatusEvaluasi.DRAFT),
    "mulai": ("evaluasi", {StatusEvaluasi.DIAJUKAN}, StatusEvaluasi.DIEVALUASI),
    "finalkan": ("evaluasi", {StatusEvaluasi.DIEVALUASI}, StatusEvaluasi.FINAL),
}


@transaction.atomic
def ubah_status(*, user, ev: Evaluasi, aksi: str, konfirmasi: bool = False) -> Evaluasi:
    """One step of the LKE workflow. ``ajukan`` is refused while a criterion has neither an
    answer nor the "tidak relevan" mark (with its reason); ``finalkan`` (irreversible: the LHE is
    frozen) needs ``konfirmasi``, given on the summary page (``selectors.ringkasan_final``)."""
    if aksi not in TRANSISI:
        raise Ditolak("Aksi tidak dikenal.")
    izin, dari, ke = TRANSISI[aksi]
    ev = _kunci(user, ev, izin)
    if ev.status not in dari:
        raise Ditolak(f"Tidak dapat {aksi}: status evaluasi adalah {ev.get_status_display().lower()}.")
    if aksi == "ajukan":
        belum = kriteria_belum_dijawab(ev)
        if belum:
            nomor = ", ".join(f"{c.sub.komponen.no}.{c.sub.no}.{c.no}" for c in belum[:10])
            raise Ditolak(
                f"LKE belum dapat diajukan: {len(belum)} kriteria belum dijawab ({nomor}"
                f"{', …' if len(belum) > 10 else ''}). Jawab setiap kriteria, atau tandai "
                '"tidak relevan" dengan alasannya.'
            )
    if aksi == "finalkan":
        if not konfirmasi:
            raise Ditolak("Finalisasi belum dikonfirmasi: baca ringkasan, centang konfirmasi, lalu finalkan.")
        belum = ev.jawaban.exclude(usulan="").filter(penetapan="").count()
        if belum:
            raise Ditolak(f"{belum} kriteria yang dijawab unit belum diberi nilai penetapan.")
    lama = ev.status
    ev.status = ke
    if aksi in ("mulai", "finalkan"):
        ev.evaluator = user
    perubahan = {"status": (lama, ke)}
    if aksi == "finalkan":
        ev.difinalkan_pada = timezone.now()
        ev.isi_beku, ev.sha256 = isi_beku_lhe(ev)  # the LHE as finalised; it renders from this only
        perubahan["sha256"] = ("", ev.sha256)
    ev.save()
    catat(user, ev, Aksi(aksi), perubahan, ev.instansi)
    return ev


@transaction.atomic
def simpan_lhe(*, user, ev: Evaluasi, kekuatan: str, kelemahan: str) -> Evaluasi:
    ev = _kunci(user, ev, "evaluasi")
    if ev.status != StatusEvaluasi.DIEVALUASI:
        raise Ditolak("Isi LHE setelah evaluasi dimulai.")
    perubahan = {
        k: (getattr(ev, k), v.strip())
        for k, v in (("kekuatan", kekuatan), ("kelemahan", kelemahan))
        if getattr(ev, k) != v.strip()
    }
    if perubahan:
        tolak_jika_panjang(Evaluasi, kekuatan=kekuatan.strip(), kelemahan=kelemahan.strip())
        ev.kekuatan, ev.kelemahan = kekuatan.strip(), kelemahan.strip()
        ev.save()
        catat(user, ev, Aksi.UBAH, perubahan, ev.instansi, keterangan="LHE")
    return ev


@transaction.atomic
def tambah_rekomendasi(*, user, ev: Evaluasi, uraian: str, penanggung_jawab: str, batas_waktu) -> Rekomendasi:
    ev = _kunci(user, ev, "evaluasi")
    if ev.status != StatusEvaluasi.DIEVALUASI:
        raise Ditolak("Rekomendasi ditambahkan selama evaluasi.")
    tolak_jika_panjang(Rekomendasi, uraian=uraian.strip(), penanggung_jawab=penanggung_jawab.strip())
    if not uraian.strip() or not penanggung_jawab.strip() or batas_waktu is None:
        raise Ditolak("Uraian, penanggung jawab dan batas waktu rekomendasi wajib diisi.")
    no = (ev.rekomendasi.count() or 0) + 1
    r = Rekomendasi.objects.create(
        evaluasi=ev,
        no=no,
        uraian=uraian.strip(),
        penanggung_jawab=penanggung_jawab.strip()[:200],
        batas_waktu=batas_waktu,
    )
    catat(user, r, Aksi.TAMBAH, {"uraian": (None, r.uraian)}, ev.instansi, keterangan="rekomendasi")
    return r


@transaction.atomic
def ubah_tindak_lanjut(
    *, user, rek: Rekomendasi, status: str, tindak_lanjut: str = "", berkas=None
) -> Rekomendasi:
    """Follow-up: the unit moves open → in progress → done (with evidence); the evaluator accepts
    (or reopens). Allowed after the evaluation is final: only the follow-up fields change."""
    rek = Rekomendasi.objects.select_for_update().select_related("evaluasi__instansi").get(pk=rek.pk)
    instansi = rek.evaluasi.instansi
    S = StatusTindakLanjut
    if status in (S.PROSES, S.SELESAI):
        if not boleh(user, "isi", instansi):
            raise PermissionDenied
        if rek.status == S.DITERIMA:
            raise Ditolak("Tindak lanjut sudah diterima evaluator.")
    elif status in (S.DITERIMA, S.TERBUKA):
        if not boleh(user, "evaluasi", instansi):
            raise PermissionDenied
        if rek.status != S.SELESAI:
            raise Ditolak("Evaluator menerima atau membuka kembali tindak lanjut yang sudah selesai.")
    else:
        raise Ditolak("Status tindak lanjut tidak dikenal.")
    if rek.evaluasi.status != StatusEvaluasi.FINAL:
        raise Ditolak("Tindak lanjut dicatat setelah LHE final.")
    lama = rek.status
    perubahan = {"status": (lama, status)}
    if status in (S.PROSES, S.SELESAI):
        tolak_jika_panjang(Rekomendasi, tindak_lanjut=tindak_lanjut.strip())
        if tindak_lanjut.strip() != rek.tindak_lanjut:
            perubahan["tindak_lanjut"] = (rek.tindak_lanjut, tindak_lanjut.strip())
            rek.tindak_lanjut = tindak_lanjut.strip()
        if berkas is not None:
            rek.jenis_berkas = cek_unggahan(berkas)
            rek.berkas, rek.nama_berkas = berkas, berkas.name[:255]
            perubahan["berkas"] = (None, rek.nama_berkas)
        if status == S.SELESAI and not rek.berkas:
            raise Ditolak("Tindak lanjut selesai harus disertai bukti (unggah berkas).")
        if status == S.SELESAI and not rek.tindak_lanjut:
            raise Ditolak("Uraikan tindak lanjut yang telah dilakukan.")
    rek.status = status
    rek.save()
    catat(user, rek, Aksi.UBAH, perubahan, instansi, keterangan="tindak lanjut")
    return rek


# --- One form per component -------------------------------------------------------------------

MEDAN_UNIT = ("usulan", "catatan", "tidak_relevan", "alasan_tidak_relevan")
MEDAN_EVALUATOR = ("penetapan", "komentar")


def token_jawaban(j: Jawaban | None, medan: tuple[str, ...]) -> str:
    """Optimistic-lock token of a criterion's answer in one mode (the unit's or the evaluator's
    fields): a fingerprint of the stored values (no answer row = empty values)."""
    return token_isian({m: getattr(j, m) for m in medan} if j else {}, medan)


def token_isian(isi: dict, medan: tuple[str, ...]) -> str:
    """The same fingerprint of values given as a dict (what a form shows or received)."""
    import hashlib
    import json

    nilai = [str(bool(isi.get(m))) if m == "tidak_relevan" else str(isi.get(m) or "").strip() for m in medan]
    return hashlib.sha256(json.dumps(nilai).encode()).hexdigest()[:32]


class KonflikLKE(Ditolak):
    """Some criteria of the component's form changed since the page was opened: ``baris`` maps
    their id to the answer stored now (or None). Nothing of the form was saved."""

    def __init__(self, baris: dict):
        self.baris = baris
        super().__init__(
            f"{len(baris)} kriteria sudah diubah pengguna lain sejak halaman dibuka; tidak ada yang "
            "disimpan. Bandingkan kedua versi, gabungkan isian Anda, lalu simpan lagi."
        )


@transaction.atomic
def simpan_komponen(*, user, ev: Evaluasi, mode: str, isian: dict, bukti: dict | None = None) -> dict:
    """The one Simpan of an LKE component's form. ``mode`` "unit" (the operator's answers:
    ``isian`` maps a Kriteria to {usulan, catatan, tidak_relevan, alasan, token}) or "evaluator"
    (the scores: {penetapan, komentar, token}). In one transaction: a stale token anywhere raises
    ``KonflikLKE``; a bad value anywhere raises ``Ditolak`` with ``bidang`` naming each field
    ("k<id>-<field>") and nothing is saved. ``bukti`` (unit mode) maps a Kriteria to
    (uploaded files, linked document "jenis:nomor" or ""); a refused file is reported, not fatal.
    Returns {"disimpan": [Kriteria], "bukti": [(Kriteria, name)], "bukti_ditolak": [(Kriteria, name, why)]}."""
    medan = MEDAN_UNIT if mode == "unit" else MEDAN_EVALUATOR
    sekarang = {
        j.kriteria_id: j
        for j in Jawaban.objects.select_for_update().filter(evaluasi=ev, kriteria__in=list(isian))
    }

    def sama(c, v) -> bool:  # what the user sent is already stored (by whoever): no conflict
        isi = dict(v, alasan_tidak_relevan=v.get("alasan", "")) if mode == "unit" else v
        return token_isian(isi, medan) == token_jawaban(sekarang.get(c.id), medan)

    konflik = {
        c.id: sekarang.get(c.id)
        for c, v in isian.items()
        if token_jawaban(sekarang.get(c.id), medan) != v.get("token") and not sama(c, v)
    }
    if konflik:
        raise KonflikLKE(konflik)
    hasil, salah = {"disimpan": [], "bukti": [], "bukti_ditolak": []}, {}
    for c in sorted(isian, key=lambda k: (k.sub.komponen.no, k.sub.no, k.no)):
        v = isian[c]
        lama = token_jawaban(sekarang.get(c.id), medan)
        try:
            with transaction.atomic():
                if mode == "unit":
                    j = simpan_usulan(
                        user=user,
                        ev=ev,
                        kriteria=c,
                        usulan=v.get("usulan", ""),
                        catatan=v.get("catatan", ""),
                        tidak_relevan=bool(v.get("tidak_relevan")),
                        alasan=v.get("alasan", ""),
                    )
                else:
                    j = simpan_penetapan(
                        user=user,
                        ev=ev,
                        kriteria=c,
                        penetapan=v.get("penetapan", ""),
                        komentar=v.get("komentar", ""),
                    )
        except EvaluasiFinal:
            raise
        except Ditolak as e:
            medan_salah = "alasan" if "alasan" in e.bidang else ("usulan" if mode == "unit" else "penetapan")
            salah[f"k{c.id}-{medan_salah}"] = [str(e)]
            continue
        if token_jawaban(j, medan) != lama:
            hasil["disimpan"].append(c)
    if salah:
        raise Ditolak(bidang=salah)
    for c, (files, tautan) in (bukti or {}).items():
        for f in files:
            try:
                with transaction.atomic():
                    tambah_bukti(user=user, ev=ev, kriteria=c, jenis=JenisTautan.UNGGAH, berkas=f)
            except EvaluasiFinal:
                raise
            except Ditolak as e:
                hasil["bukti_ditolak"].append((c, f.name, str(e)))
            else:
                hasil["bukti"].append((c, f.name))
        if tautan:
            jenis, _sep, nomor = tautan.partition(":")
            nomor = int(nomor) if nomor.isdigit() else None
            try:
                with transaction.atomic():
                    if jenis == JenisTautan.LKIP:
                        tambah_bukti(user=user, ev=ev, kriteria=c, jenis=jenis, tahun=nomor)
                    elif jenis in (JenisTautan.RENSTRA, JenisTautan.PK, JenisTautan.BUKTI):
                        tambah_bukti(user=user, ev=ev, kriteria=c, jenis=jenis, objek_id=nomor)
                    else:
                        raise Ditolak("Jenis dokumen tidak dikenal.")
            except EvaluasiFinal:
                raise
            except Ditolak as e:
                hasil["bukti_ditolak"].append((c, "dokumen tertaut", str(e)))
            else:
                hasil["bukti"].append((c, "dokumen tertaut"))
    return hasil
