"""Rencana Aksi: quarter targets of a PK indicator and how a quarter is judged against them.

Source: PermenPANRB 53/2014 (the Rencana Aksi breaks the PK's annual targets down per period
so that progress can be monitored) and PermenPANRB 88/2021 (the AKIP evaluation asks whether the
Rencana Aksi is monitored). The quarter targets must follow the indicator's aggregation, the same
rule that combines the quarters' realisasi into the year's (docs/rules.md §2, §11):

- ``terakhir``: the TW4 target equals the annual target (earlier quarters are milestones);
- ``jumlah``: the four quarter targets add up to the annual target;
- ``rata-rata``: the mean of the four quarter targets equals the annual target.

Exact Decimal arithmetic; the mean is compared as ``sum == 4 × annual`` so no division rounds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from .capaian import Agregasi, Polaritas, capaian

__all__ = [
    "TRIWULAN",
    "BULAN",
    "Selisih",
    "cek_target_triwulan",
    "cek_target_bulan",
    "triwulan_dari_bulan",
    "status_rencana",
    "SESUAI",
    "TERTINGGAL",
]

TRIWULAN = ("TW1", "TW2", "TW3", "TW4")
BULAN = tuple(f"B{i:02d}" for i in range(1, 13))  # B01 (January) .. B12 (December)
SESUAI = "sesuai rencana"
TERTINGGAL = "tertinggal"
SERATUS = Decimal(100)


@dataclass(frozen=True)
class Selisih:
    """Why a set of quarter targets does not follow the aggregation.

    ``aturan``: "lengkap" (some quarters empty), "terakhir", "jumlah" or "rata-rata";
    ``hasil``: what the quarters give (the TW4 target, the sum, the mean; None for "lengkap");
    ``harapan``: the annual target; ``kosong``: the empty quarters (for "lengkap")."""

    aturan: str
    harapan: Decimal
    hasil: Decimal | None = None
    kosong: tuple[str, ...] = ()


def cek_target_triwulan(
    target_tahunan: Decimal, target_tw: Sequence[Decimal | None], cara: Agregasi | str
) -> Selisih | None:
    """None when the four quarter targets (TW1..TW4, in order) follow the aggregation ``cara``
    of the annual target, else what is wrong. All four quarters are required (a quarter without
    a target cannot be judged); all four empty is "no plan" and is not checked here."""
    if len(target_tw) != 4:
        raise ValueError("four quarters expected")
    kosong = tuple(tw for tw, v in zip(TRIWULAN, target_tw, strict=True) if v is None)
    if kosong:
        return Selisih("lengkap", target_tahunan, None, kosong)
    nilai = [Decimal(v) for v in target_tw]
    cara = Agregasi(cara)
    if cara is Agregasi.TERAKHIR:
        return None if nilai[3] == target_tahunan else Selisih(cara.value, target_tahunan, nilai[3])
    total = sum(nilai, Decimal(0))
    if cara is Agregasi.JUMLAH:
        return None if total == target_tahunan else Selisih(cara.value, target_tahunan, total)
    if total == 4 * target_tahunan:
        return None
    return Selisih(cara.value, target_tahunan, total / 4)


def status_rencana(
    target_tw: Sequence[Decimal | None],
    realisasi_tw: Sequence[Decimal | None],
    polaritas: Polaritas | str = Polaritas.POSITIF,
) -> tuple[str, str] | None:
    """(status, quarter) of the plan: the latest quarter with a realisasi and a target is judged
    against that quarter's target; capaian ≥ 100 % is "sesuai rencana", below it "tertinggal".
    None when no quarter has both (nothing to judge yet)."""
    for tw, t, r in reversed(list(zip(TRIWULAN, target_tw, realisasi_tw, strict=True))):
        if t is None or r is None:
            continue
        c = capaian(t, r, polaritas)
        if c is None:
            continue
        return (SESUAI if c >= SERATUS else TERTINGGAL), tw
    return None


def _cek_periode(
    target_tahunan: Decimal, target: Sequence[Decimal | None], cara: Agregasi | str, nama: Sequence[str]
) -> Selisih | None:
    """The aggregation rule over any number of periods (their names ``nama``, in order): the last
    period's target equals the annual one ("terakhir"), the periods add up to it ("jumlah") or
    their mean equals it ("rata-rata", compared as ``sum == n × annual``)."""
    if len(target) != len(nama):
        raise ValueError(f"{len(nama)} periods expected")
    kosong = tuple(p for p, v in zip(nama, target, strict=True) if v is None)
    if kosong:
        return Selisih("lengkap", target_tahunan, None, kosong)
    nilai = [Decimal(v) for v in target]
    cara = Agregasi(cara)
    if cara is Agregasi.TERAKHIR:
        return None if nilai[-1] == target_tahunan else Selisih(cara.value, target_tahunan, nilai[-1])
    total = sum(nilai, Decimal(0))
    if cara is Agregasi.JUMLAH:
        return None if total == target_tahunan else Selisih(cara.value, target_tahunan, total)
    if total == len(nilai) * target_tahunan:
        return None
    return Selisih(cara.value, target_tahunan, total / len(nilai))


def cek_target_bulan(
    target_tahunan: Decimal, target_bulan: Sequence[Decimal | None], cara: Agregasi | str
) -> Selisih | None:
    """The monthly form of ``cek_target_triwulan``: None when the twelve month targets (B01..B12)
    follow the aggregation ``cara`` of the annual target — the same rules as the quarters: the
    December target equals the annual target ("terakhir"), the months add up to it ("jumlah"),
    their mean equals it ("rata-rata") — else what is wrong."""
    return _cek_periode(target_tahunan, target_bulan, cara, BULAN)


def triwulan_dari_bulan(target_bulan: Sequence[Decimal | None], cara: Agregasi | str) -> list[Decimal | None]:
    """The four quarter targets a monthly plan gives, by the indicator's aggregation: a quarter is
    its last month ("terakhir"), the sum of its three months ("jumlah") or their mean
    ("rata-rata"); a quarter with an empty month is None. Months that follow the aggregation give
    quarters that follow it too (tests/test_rumus_rencana_aksi_bulan.py)."""
    if len(target_bulan) != 12:
        raise ValueError("twelve months expected")
    cara = Agregasi(cara)
    out: list[Decimal | None] = []
    for q in range(4):
        tiga = target_bulan[3 * q : 3 * q + 3]
        if any(v is None for v in tiga):
            out.append(None)
        elif cara is Agregasi.TERAKHIR:
            out.append(Decimal(tiga[2]))
        elif cara is Agregasi.JUMLAH:
            out.append(sum((Decimal(v) for v in tiga), Decimal(0)))
        else:
            out.append(sum((Decimal(v) for v in tiga), Decimal(0)) / 3)
    return out
