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

__all__ = ["TRIWULAN", "Selisih", "cek_target_triwulan", "status_rencana", "SESUAI", "TERTINGGAL"]

TRIWULAN = ("TW1", "TW2", "TW3", "TW4")
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
