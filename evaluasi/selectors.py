"""Reads of the evaluations: scores of a unit for a year, the LKE totals, the template
structure and the follow-up of recommendations (PermenPANRB 88/2021 AKIP, 90/2021 Zona Integritas).

Two sources of a unit's score for a year: a FINAL LKE evaluation done in the system (scores of
the evaluator, ``nilai penetapan``), else the component scores imported from a finished LHE
(``NilaiKomponen``, sheet evaluasi_nilai). ``total_evaluasi`` answers both for any number of
units in a constant number of queries; everything is summed by ``rumus.evaluasi``.
Writes are in ``evaluasi.services``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone

from rumus.evaluasi import JawabanTidakSah, fraksi_jawaban, predikat_akip, rekap_skor, total_komponen

from .models import (
    Evaluasi,
    Jawaban,
    Komponen,
    Kriteria,
    NilaiKomponen,
    Rekomendasi,
    StatusEvaluasi,
    StatusTindakLanjut,
    SubKomponen,
    TemplatEvaluasi,
)

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
        .order_by()  # no join for the model's ordering by unit
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


# --- Template weights -----------------------------------------------------------------------


def cek_bobot(templat: TemplatEvaluasi) -> list[str]:
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


def kriteria_belum_dijawab(ev: Evaluasi) -> list[Kriteria]:
    """The criteria of the evaluation's template with no answer of the unit and not marked
    "tidak relevan", in the worksheet's order. Two queries."""
    sudah = set(
        Jawaban.objects.filter(evaluasi=ev)
        .exclude(usulan="", tidak_relevan=False)
        .values_list("kriteria_id", flat=True)
    )
    return [
        c
        for c in Kriteria.objects.filter(sub__komponen__templat_id=ev.templat_id)
        .select_related("sub__komponen")
        .order_by("sub__komponen__no", "sub__no", "no")
        if c.id not in sudah
    ]
