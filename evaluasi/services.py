"""Evaluation scores and the LKE workflow (PermenPANRB 88/2021 AKIP, 90/2021 Zona Integritas).

Two sources of a unit's score for a year: a FINAL LKE evaluation done in the system (scores of
the evaluator, ``nilai penetapan``), else the component scores imported from a finished LHE
(``NilaiKomponen``, sheet evaluasi_nilai). ``total_evaluasi`` answers both for any number of
units in a constant number of queries; everything is summed by ``rumus.evaluasi``.

Every write goes through a function here that checks ``akun.izin`` and the workflow state,
and records the audit trail.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from akun.izin import boleh
from audit.models import catat
from rumus.evaluasi import JawabanTidakSah, fraksi_jawaban, predikat_akip, rekap_skor, total_komponen

from .models import (
    BuktiEvaluasi,
    Evaluasi,
    EvaluasiFinal,
    Jawaban,
    JenisTautan,
    Komponen,
    Kriteria,
    NilaiKomponen,
    Rekomendasi,
    StatusEvaluasi,
    StatusTindakLanjut,
    SubKomponen,
    TemplatBeku,
    TemplatEvaluasi,
)


class EvaluasiError(Exception):
    """A refused write; the message is shown to the user as is."""


# --- Imported LHE scores (unchanged API) --------------------------------------------------------


@dataclass
class HasilEvaluasi:
    total: Decimal
    komponen: list[NilaiKomponen]

    @property
    def predikat(self):
        return predikat_akip(self.total)


def hasil_evaluasi(instansi_id: int, tahun: int, jenis: str) -> HasilEvaluasi | None:
    """Imported component scores of one unit (sheet evaluasi_nilai)."""
    komponen = list(NilaiKomponen.objects.filter(instansi_id=instansi_id, tahun=tahun, jenis=jenis))
    if not komponen:
        return None
    return HasilEvaluasi(sum((k.nilai for k in komponen), Decimal(0)), komponen)


# --- LKE totals -----------------------------------------------------------------------------


@dataclass
class BarisKomponen:
    komponen: Komponen
    usulan: Decimal
    penetapan: Decimal
    sub: list[tuple[SubKomponen, Decimal, Decimal]] = field(default_factory=list)


@dataclass
class HasilLKE:
    evaluasi: Evaluasi
    komponen: list[BarisKomponen]
    total_usulan: Decimal
    total_penetapan: Decimal

    @property
    def predikat(self):
        return predikat_akip(self.total_penetapan)

    @property
    def predikat_usulan(self):
        return predikat_akip(self.total_usulan)

    @property
    def pengungkit(self) -> Decimal:
        """ZI: Σ of the pengungkit components (the Renstra's "Nilai Pengungkit")."""
        return total_komponen(b.penetapan for b in self.komponen if b.komponen.kelompok == "pengungkit")


def _fraksi(kriteria: Kriteria, jawaban: str) -> Decimal | None:
    try:
        return fraksi_jawaban(kriteria.jenis_jawaban, jawaban, kriteria.nilai_maks)
    except JawabanTidakSah:  # stored answers are validated on save; a template edit cannot crash a page
        return None


def struktur_templat(templat_id: int) -> list[Komponen]:
    """Components with ``.sub_list`` and each sub's ``.kriteria_list`` in three queries."""
    komps = list(Komponen.objects.filter(templat_id=templat_id).order_by("no", "id"))
    subs = list(SubKomponen.objects.filter(komponen__templat_id=templat_id).order_by("no", "id"))
    krits = list(Kriteria.objects.filter(sub__komponen__templat_id=templat_id).order_by("no", "id"))
    by_sub = defaultdict(list)
    for k in krits:
        by_sub[k.sub_id].append(k)
    by_komp = defaultdict(list)
    for s in subs:
        s.kriteria_list = by_sub[s.id]
        by_komp[s.komponen_id].append(s)
    for k in komps:
        k.sub_list = by_komp[k.id]
    return komps


def hitung_lke(ev: Evaluasi, komps: list[Komponen] | None = None, jawaban: dict | None = None) -> HasilLKE:
    """Scores per sub-component, component and overall, for the unit's and the evaluator's answers."""
    komps = komps if komps is not None else struktur_templat(ev.templat_id)
    if jawaban is None:
        jawaban = {j.kriteria_id: j for j in ev.jawaban.all()}
    rows_u, rows_p = [], []
    for k in komps:
        for s in k.sub_list:
            for c in s.kriteria_list:
                j = jawaban.get(c.id)
                rows_u.append((k.id, s.id, c.bobot, _fraksi(c, j.usulan) if j else None))
                rows_p.append((k.id, s.id, c.bobot, _fraksi(c, j.penetapan) if j else None))
    ru, rp = rekap_skor(rows_u), rekap_skor(rows_p)
    out = []
    for k in komps:
        b = BarisKomponen(k, ru["komponen"].get(k.id, Decimal(0)), rp["komponen"].get(k.id, Decimal(0)))
        b.sub = [(s, ru["sub"].get(s.id, Decimal(0)), rp["sub"].get(s.id, Decimal(0))) for s in k.sub_list]
        out.append(b)
    return HasilLKE(ev, out, ru["total"], rp["total"])


def evaluasi_final(instansi_ids, tahun: int, jenis: str) -> dict[int, HasilLKE]:
    """FINAL LKE evaluations of the units, computed in four queries whatever their number."""
    evs = list(
        Evaluasi.objects.filter(
            instansi_id__in=list(instansi_ids), tahun=tahun, jenis=jenis, status=StatusEvaluasi.FINAL
        )
    )
    if not evs:
        return {}
    struktur = {}
    templat_ids = {e.templat_id for e in evs}
    komps = list(Komponen.objects.filter(templat_id__in=templat_ids).order_by("no", "id"))
    subs = list(SubKomponen.objects.filter(komponen__templat_id__in=templat_ids).order_by("no", "id"))
    krits = list(Kriteria.objects.filter(sub__komponen__templat_id__in=templat_ids).order_by("no", "id"))
    by_sub, by_komp = defaultdict(list), defaultdict(list)
    for c in krits:
        by_sub[c.sub_id].append(c)
    for s in subs:
        s.kriteria_list = by_sub[s.id]
        by_komp[s.komponen_id].append(s)
    for k in komps:
        k.sub_list = by_komp[k.id]
        struktur.setdefault(k.templat_id, []).append(k)
    jawaban = defaultdict(dict)
    for j in Jawaban.objects.filter(evaluasi__in=evs):
        jawaban[j.evaluasi_id][j.kriteria_id] = j
    return {e.instansi_id: hitung_lke(e, struktur.get(e.templat_id, []), jawaban[e.id]) for e in evs}


def total_evaluasi(instansi_ids, tahun: int, jenis: str) -> dict[int, Decimal]:
    """Score per unit: a FINAL LKE evaluation when one exists, else Σ imported component scores.

    For ZI the LKE value is the nilai pengungkit (what the Renstra's ZI indicator tracks).
    Constant number of queries (Pengukuran and the pemda dashboard call this).
    """
    return {i: s.nilai for i, s in sumber_evaluasi(instansi_ids, tahun, jenis).items()}


@dataclass
class SkorUnit:
    nilai: Decimal
    sumber: str  # "lke" | "imported"
    evaluasi: Evaluasi | None = None

    @property
    def predikat(self):
        return predikat_akip(self.nilai)


def sumber_evaluasi(instansi_ids, tahun: int, jenis: str) -> dict[int, SkorUnit]:
    ids = list(instansi_ids)
    out: dict[int, SkorUnit] = {}
    rows = (
        NilaiKomponen.objects.filter(instansi_id__in=ids, tahun=tahun, jenis=jenis)
        .values("instansi_id")
        .annotate(total=Sum("nilai"))
    )
    for r in rows:
        out[r["instansi_id"]] = SkorUnit(r["total"], "imported")
    for iid, h in evaluasi_final(ids, tahun, jenis).items():
        out[iid] = SkorUnit(h.pengungkit if jenis == "zi" else h.total_penetapan, "lke", h.evaluasi)
    return out


def hasil_akip(instansi_id: int, tahun: int, jenis: str = "akip") -> dict | None:
    """Components, total, predikat and source for the akip command: the final LKE, else imported."""
    final = evaluasi_final([instansi_id], tahun, jenis).get(instansi_id)
    if final is not None:
        comps = [(b.komponen.nama, b.komponen.bobot, b.penetapan) for b in final.komponen]
        total, sumber = final.total_penetapan, "lke"
    else:
        imp = hasil_evaluasi(instansi_id, tahun, jenis)
        if imp is None:
            return None
        comps = [(k.komponen, k.bobot, k.nilai) for k in imp.komponen]
        total, sumber = imp.total, "imported"
    return {"components": comps, "total": total, "predikat": predikat_akip(total), "source": sumber}


def perbandingan(instansi_list, tahun: int, jenis: str = "akip") -> list[dict]:
    """Every unit's score and predikat for the year and the previous year (seed Tabel 3.15)."""
    ids = [i.id for i in instansi_list]
    kini, lalu = sumber_evaluasi(ids, tahun, jenis), sumber_evaluasi(ids, tahun - 1, jenis)
    return [{"instansi": i, "kini": kini.get(i.id), "lalu": lalu.get(i.id)} for i in instansi_list]


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


def periksa_bobot(templat: TemplatEvaluasi) -> list[str]:
    """Weight consistency: Σ kriteria = sub-komponen, Σ sub = komponen, Σ komponen = 100."""
    masalah = []
    komps = struktur_templat(templat.id)
    for k in komps:
        if sum((s.bobot for s in k.sub_list), Decimal(0)) != k.bobot:
            masalah.append(f"Σ bobot sub-komponen {k.nama} ≠ {k.bobot}")
        for s in k.sub_list:
            if sum((c.bobot for c in s.kriteria_list), Decimal(0)) != s.bobot:
                masalah.append(f"Σ bobot kriteria {k.nama} / {s.nama} ≠ {s.bobot}")
    if sum((k.bobot for k in komps), Decimal(0)) != 100:
        masalah.append("Σ bobot komponen ≠ 100")
    return masalah


def _admin_pemda(user, pemda_id=None) -> bool:
    if not user.is_authenticated:
        return False
    qs = user.peran.filter(jenis="admin_pemda")
    return qs.filter(pemda_id=pemda_id).exists() if pemda_id else qs.exists()


def boleh_kelola_templat(user, templat: TemplatEvaluasi) -> bool:
    return templat.pemda_id is not None and _admin_pemda(user, templat.pemda_id)


@transaction.atomic
def salin_templat(user, templat: TemplatEvaluasi, tahun: int, nama: str = "") -> TemplatEvaluasi:
    """Copy a template (with all its parts) to the admin's pemda for a year, to adapt it."""
    peran = (
        user.peran.filter(jenis="admin_pemda", pemda__isnull=False).first() if user.is_authenticated else None
    )
    if peran is None:
        raise PermissionDenied
    if not 2000 <= tahun <= 2100:
        raise EvaluasiError("Tahun tidak sah.")
    baru = TemplatEvaluasi.objects.create(
        jenis=templat.jenis,
        tahun=tahun,
        pemda_id=peran.pemda_id,
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
    catat(user, baru, "salin templat", {"induk": (None, str(templat))})
    return baru


@transaction.atomic
def ubah_kriteria(
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
        raise EvaluasiError("Uraian kriteria wajib diisi.")
    if bobot is None or bobot < 0:
        raise EvaluasiError("Bobot harus angka ≥ 0.")
    if jenis_jawaban not in ("yt", "abcde", "angka"):
        raise EvaluasiError("Jenis jawaban tidak dikenal.")
    if jenis_jawaban == "angka" and nilai_maks is not None and nilai_maks <= 0:
        raise EvaluasiError("Nilai maksimum harus > 0.")
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
        catat(user, kriteria, "ubah kriteria", perubahan)
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
def buat_evaluasi(user, instansi, tahun: int, jenis: str) -> Evaluasi:
    if not (boleh(user, "isi", instansi) or boleh(user, "evaluasi", instansi)):
        raise PermissionDenied
    if jenis not in ("akip", "zi"):
        raise EvaluasiError("Jenis evaluasi tidak dikenal.")
    if not 2000 <= tahun <= 2100:
        raise EvaluasiError("Tahun tidak sah.")
    ada = Evaluasi.objects.filter(instansi=instansi, tahun=tahun, jenis=jenis).first()
    if ada:
        return ada
    templat = templat_untuk(instansi, jenis, tahun)
    if templat is None:
        raise EvaluasiError("Belum ada templat evaluasi untuk tahun ini.")
    ev = Evaluasi.objects.create(instansi=instansi, tahun=tahun, jenis=jenis, templat=templat)
    catat(user, ev, "buat", {"templat": (None, str(templat))}, instansi)
    return ev


def _normal(kriteria: Kriteria, jawaban: str) -> str:
    """Validate and normalise an answer ("" = no answer)."""
    teks = (jawaban or "").strip()
    if not teks:
        return ""
    try:
        f = fraksi_jawaban(kriteria.jenis_jawaban, teks, kriteria.nilai_maks)
    except JawabanTidakSah as e:
        raise EvaluasiError(f"Kriteria {kriteria.no}: {e}.") from e
    if kriteria.jenis_jawaban == "yt":
        return "Ya" if f == 1 else "Tidak"
    if kriteria.jenis_jawaban == "abcde":
        return teks.upper()
    return str(Decimal(teks.replace(",", ".")).normalize())[:20]


def _kriteria_milik(ev: Evaluasi, kriteria: Kriteria):
    if kriteria.sub.komponen.templat_id != ev.templat_id:
        raise EvaluasiError("Kriteria bukan bagian dari templat evaluasi ini.")


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
        raise EvaluasiError(pesan_status)
    _kriteria_milik(ev, kriteria)
    nilai = _normal(kriteria, nilai_teks)
    j, _ = Jawaban.objects.get_or_create(evaluasi=ev, kriteria=kriteria)
    baru = dict(zip(medan, (nilai, teks.strip()), strict=True))
    perubahan = {k: (getattr(j, k), v) for k, v in baru.items() if getattr(j, k) != v}
    if perubahan:
        for k, v in baru.items():
            setattr(j, k, v)
        j.save()
        catat(user, j, "isi" if aksi == "isi" else "nilai", perubahan, ev.instansi)
    return j


@transaction.atomic
def simpan_usulan(user, ev: Evaluasi, kriteria: Kriteria, usulan: str, catatan: str = "") -> Jawaban:
    """The unit's self-assessment of one criterion (operator, while draft)."""
    return _simpan_jawaban(
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


@transaction.atomic
def simpan_penetapan(user, ev: Evaluasi, kriteria: Kriteria, penetapan: str, komentar: str = "") -> Jawaban:
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
        raise EvaluasiError("Dokumen yang ditautkan tidak ditemukan pada unit ini.")


@transaction.atomic
def tambah_bukti(
    user,
    ev: Evaluasi,
    kriteria: Kriteria,
    jenis: str,
    berkas=None,
    objek_id: int | None = None,
    tahun: int | None = None,
) -> BuktiEvaluasi:
    """Evidence for the unit's answer: an upload (type checked by content) or a document in the system."""
    from pengukuran.entri import EntriError, periksa_berkas

    ev = _kunci(user, ev, "isi")
    if ev.status != StatusEvaluasi.DRAFT:
        raise EvaluasiError("Evaluasi sudah diajukan; bukti tidak dapat ditambah.")
    _kriteria_milik(ev, kriteria)
    j, _ = Jawaban.objects.get_or_create(evaluasi=ev, kriteria=kriteria)
    if jenis == JenisTautan.UNGGAH:
        if berkas is None:
            raise EvaluasiError("Pilih berkas yang diunggah.")
        try:
            ext = periksa_berkas(berkas)
        except EntriError as e:
            raise EvaluasiError(str(e)) from e
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
        "tambah bukti",
        {"bukti": (None, b.nama_asli or f"{b.get_jenis_display()} {objek_id or tahun}")},
        ev.instansi,
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
def ubah_status(user, ev: Evaluasi, aksi: str) -> Evaluasi:
    if aksi not in TRANSISI:
        raise EvaluasiError("Aksi tidak dikenal.")
    izin, dari, ke = TRANSISI[aksi]
    ev = _kunci(user, ev, izin)
    if ev.status not in dari:
        raise EvaluasiError(f"Tidak dapat {aksi}: status evaluasi adalah {ev.get_status_display().lower()}.")
    if aksi == "finalkan":
        belum = ev.jawaban.exclude(usulan="").filter(penetapan="").count()
        if belum:
            raise EvaluasiError(f"{belum} kriteria yang dijawab unit belum diberi nilai penetapan.")
    lama = ev.status
    ev.status = ke
    if aksi in ("mulai", "finalkan"):
        ev.evaluator = user
    if aksi == "finalkan":
        ev.difinalkan_pada = timezone.now()
    ev.save()
    catat(user, ev, aksi, {"status": (lama, ke)}, ev.instansi)
    return ev


@transaction.atomic
def simpan_lhe(user, ev: Evaluasi, kekuatan: str, kelemahan: str) -> Evaluasi:
    ev = _kunci(user, ev, "evaluasi")
    if ev.status != StatusEvaluasi.DIEVALUASI:
        raise EvaluasiError("Isi LHE setelah evaluasi dimulai.")
    perubahan = {
        k: (getattr(ev, k), v.strip())
        for k, v in (("kekuatan", kekuatan), ("kelemahan", kelemahan))
        if getattr(ev, k) != v.strip()
    }
    if perubahan:
        ev.kekuatan, ev.kelemahan = kekuatan.strip(), kelemahan.strip()
        ev.save()
        catat(user, ev, "ubah LHE", perubahan, ev.instansi)
    return ev


@transaction.atomic
def tambah_rekomendasi(user, ev: Evaluasi, uraian: str, penanggung_jawab: str, batas_waktu) -> Rekomendasi:
    ev = _kunci(user, ev, "evaluasi")
    if ev.status != StatusEvaluasi.DIEVALUASI:
        raise EvaluasiError("Rekomendasi ditambahkan selama evaluasi.")
    if not uraian.strip() or not penanggung_jawab.strip() or batas_waktu is None:
        raise EvaluasiError("Uraian, penanggung jawab dan batas waktu rekomendasi wajib diisi.")
    no = (ev.rekomendasi.count() or 0) + 1
    r = Rekomendasi.objects.create(
        evaluasi=ev,
        no=no,
        uraian=uraian.strip(),
        penanggung_jawab=penanggung_jawab.strip()[:200],
        batas_waktu=batas_waktu,
    )
    catat(user, r, "tambah rekomendasi", {"uraian": (None, r.uraian)}, ev.instansi)
    return r


@transaction.atomic
def ubah_tindak_lanjut(
    user, rek: Rekomendasi, status: str, tindak_lanjut: str = "", berkas=None
) -> Rekomendasi:
    """Follow-up: the unit moves open → in progress → done (with evidence); the evaluator accepts
    (or reopens). Allowed after the evaluation is final: only the follow-up fields change."""
    from pengukuran.entri import EntriError, periksa_berkas

    rek = Rekomendasi.objects.select_for_update().select_related("evaluasi__instansi").get(pk=rek.pk)
    instansi = rek.evaluasi.instansi
    S = StatusTindakLanjut
    if status in (S.PROSES, S.SELESAI):
        if not boleh(user, "isi", instansi):
            raise PermissionDenied
        if rek.status == S.DITERIMA:
            raise EvaluasiError("Tindak lanjut sudah diterima evaluator.")
    elif status in (S.DITERIMA, S.TERBUKA):
        if not boleh(user, "evaluasi", instansi):
            raise PermissionDenied
        if rek.status != S.SELESAI:
            raise EvaluasiError("Evaluator menerima atau membuka kembali tindak lanjut yang sudah selesai.")
    else:
        raise EvaluasiError("Status tindak lanjut tidak dikenal.")
    if rek.evaluasi.status != StatusEvaluasi.FINAL:
        raise EvaluasiError("Tindak lanjut dicatat setelah LHE final.")
    lama = rek.status
    perubahan = {"status": (lama, status)}
    if status in (S.PROSES, S.SELESAI):
        if tindak_lanjut.strip() != rek.tindak_lanjut:
            perubahan["tindak_lanjut"] = (rek.tindak_lanjut, tindak_lanjut.strip())
            rek.tindak_lanjut = tindak_lanjut.strip()
        if berkas is not None:
            try:
                rek.jenis_berkas = periksa_berkas(berkas)
            except EntriError as e:
                raise EvaluasiError(str(e)) from e
            rek.berkas, rek.nama_berkas = berkas, berkas.name[:255]
            perubahan["berkas"] = (None, rek.nama_berkas)
        if status == S.SELESAI and not rek.berkas:
            raise EvaluasiError("Tindak lanjut selesai harus disertai bukti (unggah berkas).")
        if status == S.SELESAI and not rek.tindak_lanjut:
            raise EvaluasiError("Uraikan tindak lanjut yang telah dilakukan.")
    rek.status = status
    rek.save()
    catat(user, rek, "tindak lanjut", perubahan, instansi)
    return rek


# --- Follow-up for the dashboard, the next evaluation and the LKIP -------------------------------


def tindak_lanjut_terbuka(instansi, hari_ini=None) -> list[Rekomendasi]:
    """Recommendations of the unit's final evaluations not yet accepted by the evaluator, oldest
    due date first; each has ``.lewat`` (overdue) set. One query."""
    hari_ini = hari_ini or timezone.localdate()
    rows = list(
        Rekomendasi.objects.filter(evaluasi__instansi=instansi, evaluasi__status=StatusEvaluasi.FINAL)
        .exclude(status=StatusTindakLanjut.DITERIMA)
        .select_related("evaluasi")
        .order_by("batas_waktu", "evaluasi__tahun", "no")
    )
    for r in rows:
        r.lewat = r.terlambat(hari_ini)
    return rows


def tindak_lanjut_untuk_lkip(instansi, tahun: int) -> list[dict]:
    """Follow-up of the recommendations of evaluations of years before ``tahun`` (LKIP chapter IV):
    one dict per recommendation with plain values (tahun evaluasi, jenis, uraian, penanggung jawab,
    batas waktu, status label, tindak lanjut, terlambat at the end of ``tahun``)."""
    from datetime import date

    akhir = date(tahun, 12, 31)
    rows = (
        Rekomendasi.objects.filter(
            evaluasi__instansi=instansi, evaluasi__status=StatusEvaluasi.FINAL, evaluasi__tahun__lt=tahun
        )
        .select_related("evaluasi")
        .order_by("evaluasi__tahun", "evaluasi__jenis", "no")
    )
    return [
        {
            "tahun_evaluasi": r.evaluasi.tahun,
            "jenis": r.evaluasi.get_jenis_display(),
            "no": r.no,
            "rekomendasi": r.uraian,
            "penanggung_jawab": r.penanggung_jawab,
            "batas_waktu": r.batas_waktu,
            "status": r.get_status_display(),
            "tindak_lanjut": r.tindak_lanjut,
            "terlambat": r.terlambat(min(akhir, timezone.localdate())),
        }
        for r in rows
    ]
