"""Persentase Wilayah yang Tertib from the latest assessment of each zone (rumus.zona)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rumus.zona import persentase_zona

from .models import PenilaianZona, Zona, aktif_pada


@dataclass
class HasilZona:
    persentase: Decimal | None
    tertib: int
    jumlah: int
    kategori: dict[str, str]  # zona kode -> latest category ('' = not assessed)


def _urutan(bulan):
    # The year's recapitulation (bulan empty) outranks any month.
    return 13 if bulan is None else bulan


def persentase_tertib(instansi_ids, tahun: int) -> dict[int, HasilZona]:
    """Per unit, the year's percentage over the zones not retired by ``tahun`` (a zone retired
    in a later year still counts in this one)."""
    zones = defaultdict(list)
    for z in Zona.objects.filter(aktif_pada(tahun), instansi_id__in=instansi_ids).order_by("urutan", "kode"):
        zones[z.instansi_id].append(z)
    latest: dict[int, tuple[int, str]] = {}
    for zona_id, bulan, kategori in PenilaianZona.objects.filter(
        zona__instansi_id__in=instansi_ids, tahun=tahun
    ).values_list("zona_id", "bulan", "kategori"):
        rank = _urutan(bulan)
        if zona_id not in latest or rank > latest[zona_id][0]:
            latest[zona_id] = (rank, kategori)
    out = {}
    for iid, zs in zones.items():
        if not any(z.id in latest for z in zs):
            continue  # no assessment this year: nothing to compute
        kategori = {z.kode: latest.get(z.id, (0, ""))[1] for z in zs}
        pct = persentase_zona(kategori.values())
        out[iid] = HasilZona(pct, sum(1 for k in kategori.values() if k == "baik"), len(zs), kategori)
    return out
