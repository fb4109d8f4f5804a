"""Totals of imported evaluation scores (rumus.evaluasi)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from rumus.evaluasi import predikat_akip

from .models import NilaiKomponen


@dataclass
class HasilEvaluasi:
    total: Decimal
    komponen: list[NilaiKomponen]

    @property
    def predikat(self):
        return predikat_akip(self.total)


def total_evaluasi(instansi_ids, tahun: int, jenis: str) -> dict[int, Decimal]:
    """Σ component scores per unit, in SQL."""
    rows = (NilaiKomponen.objects.filter(instansi_id__in=instansi_ids, tahun=tahun, jenis=jenis)
            .values("instansi_id").annotate(total=Sum("nilai")))
    return {r["instansi_id"]: r["total"] for r in rows}


def hasil_evaluasi(instansi_id: int, tahun: int, jenis: str) -> HasilEvaluasi | None:
    komponen = list(NilaiKomponen.objects.filter(instansi_id=instansi_id, tahun=tahun, jenis=jenis))
    if not komponen:
        return None
    return HasilEvaluasi(sum((k.nilai for k in komponen), Decimal(0)), komponen)
