"""IKM per period and per year from the NRR summaries (formulas in rumus.skm)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rumus import skm as rumus_skm

from .models import RingkasanNRR

URUTAN = ["TW1", "TW2", "S1", "TW3", "TW4", "S2", "TAHUN"]
METODE_RATA_PERIODE = "rata-rata nilai periode (semester = rata-rata triwulan; tahun = rata-rata semester)"


@dataclass
class IKMPeriode:
    periode: str
    nrr: list[Decimal]
    responden: int | None

    @property
    def ikm_unsur(self) -> list[Decimal]:
        return [rumus_skm.ikm_unsur(n) for n in self.nrr]

    @property
    def mutu_unsur(self) -> list[str]:
        return [rumus_skm.mutu(v)[0] for v in self.ikm_unsur]

    @property
    def ikm(self) -> Decimal:
        return rumus_skm.ikm_dari_nrr(self.nrr)

    @property
    def mutu(self) -> str:
        return rumus_skm.mutu(self.ikm)[0]


@dataclass
class IKMTahun:
    periode: list[IKMPeriode]
    ikm: Decimal | None
    metode: str

    @property
    def mutu(self) -> str | None:
        m = rumus_skm.mutu(self.ikm)
        return m[0] if m else None


def ikm_tahun(instansi_ids, tahun: int) -> dict[int, IKMTahun]:
    """IKM of each unit for the year, from the all-layanan summaries (one query)."""
    per_unit: dict[int, list[IKMPeriode]] = defaultdict(list)
    qs = RingkasanNRR.objects.filter(instansi_id__in=instansi_ids, tahun=tahun, layanan__isnull=True)
    for r in qs:
        per_unit[r.instansi_id].append(IKMPeriode(r.periode, r.nrr, r.responden))
    out = {}
    for iid, periods in per_unit.items():
        periods.sort(key=lambda p: URUTAN.index(p.periode))
        value = rumus_skm.gabung_rata_periode({p.periode: p.ikm for p in periods})
        out[iid] = IKMTahun(periods, value, METODE_RATA_PERIODE)
    return out
