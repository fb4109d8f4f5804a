"""Who must be reminded of what on a given day (reads only; ``services.kirim_pengingat`` records
and sends). Each kind is read in a fixed number of queries whatever the number of units:

- an entry window closes in 7 days or tomorrow (``PENGINGAT_HARI_SEBELUM``; a unit's
  exception moves its date): the unit's operators, when entries are missing or not submitted;
- submitted realisasi waiting ``PENGINGAT_VERIFIKASI_HARI`` days: the unit's pimpinan;
- returned realisasi: the unit's operators;
- an LKE submitted by the unit: the evaluators; an LHE made final: the unit's operators and pimpinan;
- a recommendation's follow-up due within 7 days, or overdue: the unit's operators and pimpinan;
- the pemda's LKIP deadline (``JadwalPemda.batas_lkip``, else 31 March of the next year) in 7 days
  or tomorrow: the pimpinan and operators of each unit that has not issued that year's LKIP;
- the evaluation calendar: the date units submit their LKE (``evaluasi_ajukan``) in 7 days or
  tomorrow: the operators and pimpinan of each unit whose LKE AKIP of the year is not submitted;
  the date LHE are made final (``evaluasi_final``): the evaluators of each unit whose evaluation
  is not final.

Events older than ``PENGINGAT_BATAS_LAMA_HARI`` are left alone."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from akun.izin import pemegang
from anggaran.models import BarisAnggaran, RealisasiAnggaran
from audit.models import Jejak
from evaluasi.models import Evaluasi, Rekomendasi, StatusEvaluasi, StatusTindakLanjut
from jadwal.models import Alur, JadwalPemda, JendelaEntri, Pengecualian, batas_lkip_bawaan
from laporan.models import TerbitanLKIP
from organisasi.models import Instansi
from pengukuran.models import PengajuanRealisasi, Realisasi, StatusPeriode
from pengukuran.selectors import pk_berlaku
from perencanaan.models import PKIndikator
from rumus.format import format_tanggal

from .models import Pengingat

J = Pengingat.Jenis


@dataclass(frozen=True)
class Calon:
    """A reminder to give (the key: user, jenis, objek, jatuh_tempo)."""

    user: object
    jenis: str
    objek: str
    jatuh_tempo: dt.date
    instansi: Instansi | None
    judul: str
    pesan: str
    tautan: str

    @property
    def kunci(self) -> tuple:
        return (self.user.pk, self.jenis, self.objek, self.jatuh_tempo)


def _lokal(waktu) -> dt.date:
    return timezone.localtime(waktu).date()


def _untuk(penerima: dict, instansi, **isi) -> list[Calon]:
    return [Calon(user=u, instansi=instansi, **isi) for u in penerima.get(instansi.id, [])]


def _url_entri(instansi, tahun, alur, periode) -> str:
    if alur == Alur.ANGGARAN:
        return reverse("anggaran:realisasi", args=[instansi.slug, tahun, periode])
    return reverse("pengukuran:realisasi", args=[instansi.slug, tahun, periode])


def _belum_diisi(alur: str, units: list, tahun: int, periode: str) -> dict[int, int]:
    """unit id -> how many entries of the quarter are still empty (manual indicators of the PK in
    force; budget lines of the year)."""
    ids = [u.id for u in units]
    if alur == Alur.KINERJA:
        pk = pk_berlaku(ids, tahun)
        baris = list(
            PKIndikator.objects.filter(
                pk_dokumen__in=list(pk.values()), indikator__sumber_realisasi="manual"
            ).values_list("pk_dokumen__instansi_id", "indikator_id")
        )
        ada = set(
            Realisasi.objects.filter(
                indikator__instansi_id__in=ids, tahun=tahun, periode=periode
            ).values_list("indikator_id", flat=True)
        )
        hasil: dict[int, int] = {}
        for iid, ind in baris:
            if ind not in ada:
                hasil[iid] = hasil.get(iid, 0) + 1
        return hasil
    baris = list(
        BarisAnggaran.objects.filter(instansi_id__in=ids, tahun=tahun).values_list("instansi_id", "id")
    )
    ada = set(
        RealisasiAnggaran.objects.filter(
            baris__instansi_id__in=ids, baris__tahun=tahun, periode=periode
        ).values_list("baris_id", flat=True)
    )
    hasil = {}
    for iid, bid in baris:
        if bid not in ada:
            hasil[iid] = hasil.get(iid, 0) + 1
    return hasil


def _jendela(hari: dt.date) -> list[Calon]:
    """Entry windows (or a unit's exception) ending in 2–7 days (H-7) or in 0–1 day (H-1)."""
    jauh = max(settings.PENGINGAT_HARI_SEBELUM)
    akhir = hari + dt.timedelta(days=jauh)
    # every window whose close (or one of whose exceptions) falls between today and H-7
    pengecualian = list(
        Pengecualian.objects.filter(sampai__gte=hari, sampai__lte=akhir).select_related("instansi")
    )
    jendela = {
        w.pk: w
        for w in JendelaEntri.objects.filter(tutup__gte=hari, tutup__lte=akhir).select_related("pemda")
    }
    kunci_pc = {(p.instansi.pemda_id, p.tahun, p.alur, p.periode) for p in pengecualian}
    for w in JendelaEntri.objects.filter(
        pemda_id__in={k[0] for k in kunci_pc}, tahun__in={k[1] for k in kunci_pc}
    ).select_related("pemda"):
        if (w.pemda_id, w.tahun, w.alur, w.periode) in kunci_pc:
            jendela[w.pk] = w
    if not jendela:
        return []
    pemda_ids = {w.pemda_id for w in jendela.values()}
    units = list(Instansi.objects.filter(pemda_id__in=pemda_ids).select_related("pemda").order_by("nama"))
    semua_pc = {
        (p.instansi_id, p.tahun, p.alur, p.periode): p
        for p in Pengecualian.objects.filter(instansi__in=units, sampai__gte=hari)
    }
    operator = pemegang("isi", units)
    status = {
        (p.instansi_id, p.tahun, p.alur, p.periode): p.status
        for p in PengajuanRealisasi.objects.filter(
            instansi__in=units,
            tahun__in={w.tahun for w in jendela.values()},
            periode__in={w.periode for w in jendela.values()},
        )
    }
    out = []
    for w in jendela.values():
        unit_w = [u for u in units if u.pemda_id == w.pemda_id]
        kosong = _belum_diisi(w.alur, unit_w, w.tahun, w.periode)
        for u in unit_w:
            pc = semua_pc.get((u.id, w.tahun, w.alur, w.periode))
            batas = pc.sampai if pc is not None and pc.sampai > w.tutup else w.tutup
            sisa = (batas - hari).days
            if sisa < 0 or sisa > jauh:
                continue
            st = status.get((u.id, w.tahun, w.alur, w.periode), StatusPeriode.DRAFT)
            if st not in (StatusPeriode.DRAFT, StatusPeriode.DIKEMBALIKAN):
                continue  # submitted, verified or locked: nothing left for the operator
            n = kosong.get(u.id, 0)
            arg = {
                "alur": str(Alur(w.alur).label).lower(),
                "periode": w.periode,
                "tahun": w.tahun,
                "batas": format_tanggal(batas),
                "unit": u.nama,
                "n": n,
            }
            judul = _("Jendela entri %(alur)s %(periode)s %(tahun)s ditutup %(batas)s") % arg
            if n:
                pesan = (
                    _(
                        "%(unit)s: %(n)s isian %(alur)s %(periode)s %(tahun)s belum diisi. Isi dan ajukan "
                        "untuk verifikasi paling lambat %(batas)s; sesudah itu triwulan ini terkunci untuk entri."
                    )
                    % arg
                )
            else:
                pesan = (
                    _(
                        "%(unit)s: %(alur)s %(periode)s %(tahun)s sudah diisi tetapi belum diajukan. Ajukan "
                        "untuk verifikasi paling lambat %(batas)s."
                    )
                    % arg
                )
            out += _untuk(
                operator,
                u,
                jenis=_jenis_dekat(hari, batas, J.JENDELA_H7, J.JENDELA_H1),
                objek=f"jadwal.JendelaEntri:{w.pk}:{u.id}",
                jatuh_tempo=batas,
                judul=judul,
                pesan=pesan,
                tautan=_url_entri(u, w.tahun, w.alur, w.periode),
            )
    return out


def _pengajuan(hari: dt.date) -> list[Calon]:
    """Submitted quarters waiting for verification (pimpinan) and returned ones (operators)."""
    tunggu = settings.PENGINGAT_VERIFIKASI_HARI
    lama = hari - dt.timedelta(days=settings.PENGINGAT_BATAS_LAMA_HARI)
    rows = list(
        PengajuanRealisasi.objects.filter(
            status__in=[StatusPeriode.DIAJUKAN, StatusPeriode.DIKEMBALIKAN], diubah_pada__date__gte=lama
        ).select_related("instansi")
    )
    units = list({p.instansi_id: p.instansi for p in rows}.values())
    pimpinan, operator = pemegang("setujui", units), pemegang("isi", units)
    out = []
    for p in rows:
        sejak = _lokal(p.diubah_pada)
        arg = {
            "alur": str(Alur(p.alur).label).lower() if p.alur in Alur.values else p.alur,
            "periode": p.periode,
            "tahun": p.tahun,
            "unit": p.instansi.nama,
            "tanggal": format_tanggal(sejak),
        }
        tautan = _url_entri(p.instansi, p.tahun, p.alur, p.periode)
        if p.status == StatusPeriode.DIAJUKAN:
            if (hari - sejak).days < tunggu:
                continue
            out += _untuk(
                pimpinan,
                p.instansi,
                jenis=J.VERIFIKASI,
                objek=f"pengukuran.PengajuanRealisasi:{p.pk}",
                jatuh_tempo=sejak + dt.timedelta(days=tunggu),
                judul=_("%(unit)s: %(alur)s %(periode)s %(tahun)s menunggu verifikasi") % arg,
                pesan=_(
                    "%(unit)s mengajukan %(alur)s %(periode)s %(tahun)s pada %(tanggal)s dan belum "
                    "diverifikasi. Verifikasi atau kembalikan dengan komentar."
                )
                % arg,
                tautan=tautan,
            )
        else:
            out += _untuk(
                operator,
                p.instansi,
                jenis=J.DIKEMBALIKAN,
                objek=f"pengukuran.PengajuanRealisasi:{p.pk}",
                jatuh_tempo=sejak,
                judul=_("%(unit)s: %(alur)s %(periode)s %(tahun)s dikembalikan") % arg,
                pesan=(
                    _("Pimpinan mengembalikan %(alur)s %(periode)s %(tahun)s pada %(tanggal)s.") % arg
                    + (" " + _("Komentar: %(k)s") % {"k": p.komentar} if p.komentar else "")
                    + " "
                    + _("Perbaiki lalu ajukan lagi.")
                ),
                tautan=tautan,
            )
    return out


def _evaluasi(hari: dt.date) -> list[Calon]:
    """LKE submitted (evaluators) and LHE final (the unit's operators and pimpinan)."""
    lama = hari - dt.timedelta(days=settings.PENGINGAT_BATAS_LAMA_HARI)
    diajukan = list(Evaluasi.objects.filter(status=StatusEvaluasi.DIAJUKAN).select_related("instansi"))
    waktu_ajukan = dict(
        Jejak.objects.filter(
            objek="evaluasi.Evaluasi", objek_id__in=[str(e.pk) for e in diajukan], aksi="ajukan"
        )
        .values("objek_id")
        .annotate(w=Max("waktu"))
        .values_list("objek_id", "w")
    )
    final = list(
        Evaluasi.objects.filter(status=StatusEvaluasi.FINAL, difinalkan_pada__date__gte=lama).select_related(
            "instansi"
        )
    )
    units = list({e.instansi_id: e.instansi for e in diajukan + final}.values())
    evaluator, operator, pimpinan = (
        pemegang("evaluasi", units),
        pemegang("isi", units),
        pemegang("setujui", units),
    )
    out = []
    for e in diajukan:
        w = waktu_ajukan.get(str(e.pk))
        sejak = _lokal(w) if w else _lokal(e.dibuat)
        if sejak < lama:
            continue
        arg = {
            "jenis": e.get_jenis_display(),
            "unit": e.instansi.nama,
            "tahun": e.tahun,
            "tanggal": format_tanggal(sejak),
        }
        out += _untuk(
            evaluator,
            e.instansi,
            jenis=J.LKE_DIAJUKAN,
            objek=f"evaluasi.Evaluasi:{e.pk}",
            jatuh_tempo=sejak,
            judul=_("%(unit)s mengajukan LKE %(jenis)s %(tahun)s") % arg,
            pesan=_("LKE %(jenis)s %(tahun)s %(unit)s diajukan pada %(tanggal)s dan menunggu evaluasi.")
            % arg,
            tautan=reverse("evaluasi:lke", args=[e.instansi.slug, e.pk]),
        )
    for e in final:
        sejak = _lokal(e.difinalkan_pada)
        arg = {
            "jenis": e.get_jenis_display(),
            "unit": e.instansi.nama,
            "tahun": e.tahun,
            "tanggal": format_tanggal(sejak),
        }
        penerima = {e.instansi_id: operator.get(e.instansi_id, []) + pimpinan.get(e.instansi_id, [])}
        out += _untuk(
            penerima,
            e.instansi,
            jenis=J.LKE_FINAL,
            objek=f"evaluasi.Evaluasi:{e.pk}",
            jatuh_tempo=sejak,
            judul=_("LHE %(jenis)s %(tahun)s %(unit)s sudah final") % arg,
            pesan=_(
                "Evaluator memfinalkan evaluasi %(jenis)s %(tahun)s pada %(tanggal)s. Baca LHE dan "
                "tindak lanjuti rekomendasinya sebelum batas waktunya."
            )
            % arg,
            tautan=reverse("evaluasi:lke", args=[e.instansi.slug, e.pk]),
        )
    return out


def _tindak_lanjut(hari: dt.date) -> list[Calon]:
    """Open follow-ups of final evaluations: due within H-7, or overdue (once each)."""
    jauh = max(settings.PENGINGAT_HARI_SEBELUM)
    lama = hari - dt.timedelta(days=settings.PENGINGAT_BATAS_LAMA_HARI)
    rows = list(
        Rekomendasi.objects.filter(
            evaluasi__status=StatusEvaluasi.FINAL,
            status__in=[StatusTindakLanjut.TERBUKA, StatusTindakLanjut.PROSES],
            batas_waktu__gte=lama,
            batas_waktu__lte=hari + dt.timedelta(days=jauh),
        ).select_related("evaluasi__instansi")
    )
    units = list({r.evaluasi.instansi_id: r.evaluasi.instansi for r in rows}.values())
    operator, pimpinan = pemegang("isi", units), pemegang("setujui", units)
    out = []
    for r in rows:
        ins = r.evaluasi.instansi
        penerima = {ins.id: operator.get(ins.id, []) + pimpinan.get(ins.id, [])}
        terlambat = r.batas_waktu < hari
        arg = {"no": r.no, "uraian": r.uraian[:200], "batas": format_tanggal(r.batas_waktu), "unit": ins.nama}
        out += _untuk(
            penerima,
            ins,
            jenis=J.TL_TERLAMBAT if terlambat else J.TL_JATUH_TEMPO,
            objek=f"evaluasi.Rekomendasi:{r.pk}",
            jatuh_tempo=r.batas_waktu,
            judul=(
                _("%(unit)s: tindak lanjut rekomendasi %(no)s terlambat (batas %(batas)s)")
                if terlambat
                else _("%(unit)s: tindak lanjut rekomendasi %(no)s jatuh tempo %(batas)s")
            )
            % arg,
            pesan=_(
                "Rekomendasi %(no)s: %(uraian)s — batas waktu %(batas)s. Catat tindak lanjut dan buktinya."
            )
            % arg,
            tautan=reverse("evaluasi:lke", args=[ins.slug, r.evaluasi_id]) + "#rekomendasi",
        )
    return out


def _tanggal_jadwal(hari: dt.date, kolom: str) -> list[tuple[int, int, dt.date]]:
    """(pemda id, year, date) of the schedule date ``kolom`` falling between today and H-7; for
    ``batas_lkip`` also the default 31 March of pemda without a schedule for that year."""
    akhir = hari + dt.timedelta(days=max(settings.PENGINGAT_HARI_SEBELUM))
    out = list(
        JadwalPemda.objects.filter(**{f"{kolom}__gte": hari, f"{kolom}__lte": akhir}).values_list(
            "pemda_id", "tahun", kolom
        )
    )
    if kolom == "batas_lkip":
        tahun = hari.year - 1  # the LKIP of year N is due on 31 March of N+1
        if hari <= batas_lkip_bawaan(tahun) <= akhir:
            from organisasi.models import Pemda

            ada = set(JadwalPemda.objects.filter(tahun=tahun).values_list("pemda_id", flat=True))
            out += [
                (pid, tahun, batas_lkip_bawaan(tahun))
                for pid in Pemda.objects.values_list("id", flat=True)
                if pid not in ada
            ]
    return out


def _jenis_dekat(hari: dt.date, tanggal: dt.date, h7: str, h1: str) -> str:
    return h1 if (tanggal - hari).days <= min(settings.PENGINGAT_HARI_SEBELUM) else h7


def _unit_per_pemda(tanggal: list[tuple[int, int, dt.date]]) -> dict[int, list[Instansi]]:
    """The active units of the pemda in ``tanggal``, by pemda id (one query)."""
    per_pemda: dict[int, list[Instansi]] = {}
    for u in (
        Instansi.objects.filter(pemda_id__in={t[0] for t in tanggal}, aktif=True)
        .select_related("pemda")
        .order_by("nama")
    ):
        per_pemda.setdefault(u.pemda_id, []).append(u)
    return per_pemda


def _unit_jadwal(tanggal: list[tuple[int, int, dt.date]], per_pemda: dict[int, list[Instansi]]):
    """(unit, year, date, message arguments) for each unit of each pemda's schedule date."""
    for pemda_id, tahun, batas in tanggal:
        for u in per_pemda.get(pemda_id, []):
            yield u, tahun, batas, {"unit": u.nama, "tahun": tahun, "batas": format_tanggal(batas)}


def _batas_lkip(hari: dt.date) -> list[Calon]:
    """Units that have not issued the year's LKIP, H-7 and H-1 before the pemda's deadline: their
    pimpinan (who issues it) and operators (who prepare it)."""
    tanggal = _tanggal_jadwal(hari, "batas_lkip")
    if not tanggal:
        return []
    per_pemda = _unit_per_pemda(tanggal)
    units = [u for daftar in per_pemda.values() for u in daftar]
    terbit = set(
        TerbitanLKIP.objects.filter(instansi__in=units, tahun__in={t[1] for t in tanggal}).values_list(
            "instansi_id", "tahun"
        )
    )
    operator, pimpinan = pemegang("isi", units), pemegang("terbitkan", units)
    out = []
    for u, tahun, batas, arg in _unit_jadwal(tanggal, per_pemda):
        if (u.id, tahun) in terbit:
            continue
        out += _untuk(
            {u.id: pimpinan.get(u.id, []) + operator.get(u.id, [])},
            u,
            jenis=_jenis_dekat(hari, batas, J.LKIP_H7, J.LKIP_H1),
            objek=f"laporan.LKIP:{u.id}:{tahun}",
            jatuh_tempo=batas,
            judul=_("%(unit)s: LKIP %(tahun)s harus terbit paling lambat %(batas)s") % arg,
            pesan=_(
                "LKIP %(tahun)s %(unit)s belum diterbitkan. Selesaikan reviunya dan terbitkan sebelum "
                "%(batas)s, lalu unggah ke aplikasi ESR KemenPANRB."
            )
            % arg,
            tautan=reverse("laporan:lkip", args=[u.slug, tahun]),
        )
    return out


def _kalender_evaluasi(hari: dt.date) -> list[Calon]:
    """H-7 and H-1 before the evaluation calendar's dates: the LKE AKIP of the year not yet
    submitted by the date units submit (operators and pimpinan), the evaluation not yet final by
    the date LHE are made final (evaluators; a unit without an LKE that year has nothing to
    finalise)."""
    ajukan, final = _tanggal_jadwal(hari, "evaluasi_ajukan"), _tanggal_jadwal(hari, "evaluasi_final")
    if not ajukan and not final:
        return []
    per_pemda = _unit_per_pemda(ajukan + final)
    units = [u for daftar in per_pemda.values() for u in daftar]
    lke = {
        (e.instansi_id, e.tahun): e
        for e in Evaluasi.objects.filter(
            instansi__in=units, jenis="akip", tahun__in={t[1] for t in ajukan + final}
        )
    }
    operator, pimpinan, evaluator = (
        pemegang("isi", units),
        pemegang("setujui", units),
        pemegang("evaluasi", units),
    )
    sudah_diajukan = (StatusEvaluasi.DIAJUKAN, StatusEvaluasi.DIEVALUASI, StatusEvaluasi.FINAL)
    out = []
    for u, tahun, batas, arg in _unit_jadwal(ajukan, per_pemda):
        e = lke.get((u.id, tahun))
        if e is not None and e.status in sudah_diajukan:
            continue
        out += _untuk(
            {u.id: operator.get(u.id, []) + pimpinan.get(u.id, [])},
            u,
            jenis=_jenis_dekat(hari, batas, J.LKE_H7, J.LKE_H1),
            objek=f"evaluasi.akip:{u.id}:{tahun}",
            jatuh_tempo=batas,
            judul=_("%(unit)s: LKE AKIP %(tahun)s diajukan paling lambat %(batas)s") % arg,
            pesan=_(
                "LKE AKIP %(tahun)s %(unit)s belum diajukan. Lengkapi penilaian mandiri dan "
                "buktinya, lalu ajukan sebelum %(batas)s."
            )
            % arg,
            tautan=(
                reverse("evaluasi:lke", args=[u.slug, e.pk])
                if e
                else reverse("evaluasi:daftar", args=[u.slug])
            ),
        )
    for u, tahun, batas, arg in _unit_jadwal(final, per_pemda):
        e = lke.get((u.id, tahun))
        if e is None or e.status == StatusEvaluasi.FINAL:
            continue
        out += _untuk(
            evaluator,
            u,
            jenis=_jenis_dekat(hari, batas, J.LHE_H7, J.LHE_H1),
            objek=f"evaluasi.akip:{u.id}:{tahun}",
            jatuh_tempo=batas,
            judul=_("%(unit)s: LHE AKIP %(tahun)s final paling lambat %(batas)s") % arg,
            pesan=_(
                "Evaluasi AKIP %(tahun)s %(unit)s belum final. Selesaikan penilaian dan "
                "finalkan LHE sebelum %(batas)s."
            )
            % arg,
            tautan=reverse("evaluasi:lke", args=[u.slug, e.pk]),
        )
    return out


def calon(hari: dt.date) -> list[Calon]:
    """Every reminder due on ``hari`` (one per key), in a stable order."""
    semua: dict[tuple, Calon] = {}
    for c in (
        _jendela(hari)
        + _pengajuan(hari)
        + _evaluasi(hari)
        + _tindak_lanjut(hari)
        + _batas_lkip(hari)
        + _kalender_evaluasi(hari)
    ):
        semua.setdefault(c.kunci, c)
    return sorted(semua.values(), key=lambda c: (c.user.pk, c.jenis, c.objek))


def pengingat_pengguna(user, batas: int = 100) -> list[Pengingat]:
    """The user's latest reminders (one query)."""
    return list(Pengingat.objects.filter(user=user).select_related("instansi")[:batas])


def pengingat_mendatang(user, hari: dt.date, jenis=(J.JENDELA_H7, J.JENDELA_H1)) -> list[Pengingat]:
    """The user's reminders of these kinds about a date still to come (by default: an entry window
    closing), the nearest first: what the inbox "Tugas saya" shows of them (one query)."""
    return list(
        Pengingat.objects.filter(user=user, jatuh_tempo__gte=hari, jenis__in=list(jenis))
        .select_related("instansi")
        .order_by("jatuh_tempo", "id")
    )
