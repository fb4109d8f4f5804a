"""Figures for the dashboards, from the same services the commands use."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

import tembolok.selectors
from anggaran.selectors import nama_nomenklatur, roll_up_instansi, total_instansi
from evaluasi.selectors import total_evaluasi
from pengukuran.models import NilaiPembanding
from pengukuran.selectors import Pengukuran, capaian_pk
from perencanaan.models import Indikator
from rumus.anggaran import serapan
from rumus.evaluasi import predikat_akip
from skm.selectors import nilai_ikm
from tembolok.services import cuplikan_banyak, token_banyak


@dataclass
class RingkasUnit:
    instansi: object
    ikm: Decimal | None
    nilai_akip: Decimal | None
    predikat: str | None
    rata_capaian: Decimal | None
    serapan: Decimal | None
    pagu: Decimal | None


def ringkasan_pemda(instansi_list, tahun: int, peng: Pengukuran | None = None) -> list[RingkasUnit]:
    """Every unit side by side, in a constant number of queries. The IKM and AKIP scores are
    those ``peng`` read for the indicators (read once) when it covers the units and the year."""
    ids = [i.id for i in instansi_list]
    peng = peng or Pengukuran(ids, [tahun])
    cap = capaian_pk(ids, tahun, peng)
    budget = total_instansi(ids, tahun)
    if peng.mencakup(ids, tahun):
        ikm, akip = peng.skm[tahun], peng.evaluasi[(tahun, "akip")]
    else:
        ikm, akip = nilai_ikm(ids, tahun), total_evaluasi(ids, tahun, "akip")
    out = []
    for ins in instansi_list:
        values = [r.capaian for r in cap.get(ins.id, []) if r.capaian is not None]
        pagu, real = budget.get(ins.id, (None, None))
        nilai = akip.get(ins.id)
        p = predikat_akip(nilai)
        out.append(
            RingkasUnit(
                ins,
                ikm[ins.id].ikm if ins.id in ikm else None,
                nilai,
                p[0] if p else None,
                sum(values, Decimal(0)) / len(values) if values else None,
                serapan(pagu, real),
                pagu,
            )
        )
    return out


_KOLOM = ("ikm", "nilai_akip", "predikat", "rata_capaian", "serapan", "pagu")


def _teks(nilai: dict) -> dict:
    """Decimal figures as their exact text (JSON has no Decimal), None kept."""
    return {k: None if v is None else str(v) for k, v in nilai.items()}


def ringkasan_tersimpan(instansi_list, tahun: int) -> list[RingkasUnit]:
    """``ringkasan_pemda`` with each unit's row stored (``tembolok``), so only the units whose
    data changed since their row was stored are computed again. The row is stored in two parts:
    everything but the IKM under the unit's ``"k"`` token, which a public survey answer keeps, and
    the IKM under its ``"i"`` token, which the answer drops. A stream of answers then costs the
    pemda dashboard the IKM of the answered units (the running sums: cheap), not their capaian,
    budget and AKIP again. A unit with an indicator whose realisasi comes from the survey
    (``sumber_realisasi = "skm"``) has its capaian in the ``"i"`` part too, so it follows the
    answers. A unit missing both parts is computed once: its ``"i"`` part reuses the row when
    its ``"i"`` token is still the one read before that row was computed."""
    per_id = {i.id: i for i in instansi_list}
    sidik = tembolok.selectors.sidik_kode()
    dihitung: dict[int, RingkasUnit] = {}
    token_awal: dict[int, str] = {}

    def buat_tetap(ids):
        token_awal.update(token_banyak("i", ids))  # before reading the data, as cuplikan_banyak does
        rows = ringkasan_pemda([per_id[i] for i in ids], tahun, Pengukuran(ids, [tahun], ringan=True))
        dihitung.update((r.instansi.id, r) for r in rows)
        survei = set(
            Indikator.objects.filter(instansi_id__in=ids, sumber_realisasi=Indikator.SumberRealisasi.SKM)
            .values_list("instansi_id", flat=True)
            .distinct()
        )
        return {
            r.instansi.id: json.dumps(
                {
                    **_teks({k: getattr(r, k) for k in _KOLOM if k != "ikm"}),
                    "ikut_survei": r.instansi.id in survei,
                }
            )
            for r in rows
        }

    tetap = {
        i: json.loads(t)
        for i, t in cuplikan_banyak(
            {i: f"ringkas-k:{i}:{tahun}" for i in per_id}, "k", buat_tetap, sidik
        ).items()
    }

    def buat_survei(ids):
        sekarang = (
            tembolok.selectors.token_terkini("i", [i for i in ids if i in dihitung]) if dihitung else {}
        )
        isi = {i: dihitung[i] for i in ids if i in dihitung and sekarang.get(i) == token_awal.get(i)}
        sisa = [i for i in ids if i not in isi]
        ikm = nilai_ikm(sisa, tahun) if sisa else {}
        ikut = [i for i in sisa if tetap[i]["ikut_survei"]]
        if ikut:  # their capaian depends on the answers: computed again with the IKM
            peng = Pengukuran(ikut, [tahun], ringan=True)
            isi.update((r.instansi.id, r) for r in ringkasan_pemda([per_id[i] for i in ikut], tahun, peng))
        out = {}
        for i in ids:
            if i in isi:
                d = {"ikm": isi[i].ikm, "rata_capaian": isi[i].rata_capaian}
            else:
                d = {"ikm": ikm[i].ikm if i in ikm else None}
            out[i] = json.dumps(_teks(d))
        return out

    survei = cuplikan_banyak({i: f"ringkas:{i}:{tahun}" for i in per_id}, "i", buat_survei, sidik)
    out = []
    for ins in instansi_list:
        d = {**tetap[ins.id], **json.loads(survei[ins.id])}
        out.append(
            RingkasUnit(ins, *(d[k] if k == "predikat" or d[k] is None else Decimal(d[k]) for k in _KOLOM))
        )
    return out


def tabel_pembanding(instansi_list, tahun: int, pengukuran: Pengukuran | None = None):
    """Per unit and indikator: the unit's own value, then other units' published values
    (seed Tabel 3.9 / 3.15). Two queries plus the sources the indicators use, whatever the number
    of units (the realisasi's values only)."""
    ids = [i.id for i in instansi_list]
    rows = list(
        NilaiPembanding.objects.filter(indikator__instansi_id__in=ids, tahun=tahun)
        .select_related("indikator__instansi")
        .order_by("indikator__instansi__nama", "indikator__kode", "id")
    )
    if not rows:
        return []
    pengukuran = pengukuran or Pengukuran(
        sorted({r.indikator.instansi_id for r in rows}), [tahun], ringan=True
    )
    out, index = [], {}
    for r in rows:
        ind = r.indikator
        if ind.id not in index:
            index[ind.id] = {
                "unit": ind.instansi,
                "indikator": ind,
                "sendiri": pengukuran.realisasi(ind, tahun),
                "lain": [],
            }
            out.append(index[ind.id])
        index[ind.id]["lain"].append(r)
    return out


def anggaran_program(instansi, tahun):
    total = roll_up_instansi([instansi.id], tahun).get(instansi.id)
    if total is None:
        return None, []
    nama = nama_nomenklatur(total.anak)
    return total, [(nama.get(k, k), p) for k, p in sorted(total.anak.items())]


def serapan_kumulatif(instansi, tahun, programmes):
    """Cumulative % of pagu per quarter per programme: cash plan, and realisasi where entered per quarter."""
    from django.db.models import Sum

    from anggaran.models import RealisasiAnggaran

    per_tw = {}
    for kode, periode, total in (
        RealisasiAnggaran.objects.filter(baris__instansi=instansi, baris__tahun=tahun)
        .exclude(periode="TAHUN")
        .values_list("baris__sub_kegiatan__kegiatan__program__kode", "periode")
        .annotate(s=Sum("nilai"))
    ):
        per_tw[(kode, periode)] = total
    rencana, realisasi = [], []
    for _, p in programmes:
        acc, plan = Decimal(0), []
        for k in p.kas:
            acc += k
            plan.append(serapan(p.pagu, acc) or Decimal(0))
        rencana.append(plan)
        acc, real = Decimal(0), []
        have = any((p.kode, q) in per_tw for q in ("TW1", "TW2", "TW3", "TW4"))
        for q in ("TW1", "TW2", "TW3", "TW4"):
            acc += per_tw.get((p.kode, q)) or 0
            real.append(serapan(p.pagu, acc) if have and (p.kode, q) in per_tw else None)
        realisasi.append(real)
    return rencana, realisasi
