"""Capaian kinerja (achievement against target) and its category.

Sources: PermenPANRB 53/2014 (pengukuran kinerja: capaian = realisasi dibanding
target); the negative-polarity and range rules as applied in published LKjIP and
the PNS performance rules (docs/rules.md §2). The category scale is the one commonly used
in reports after Permendagri 86/2017; its cut-offs are unconfirmed, so the scale is
a parameter with a default, never hard-coded in callers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

__all__ = [
    "Agregasi",
    "Polaritas",
    "SkalaKategori",
    "SKALA_DEFAULT",
    "agregasi",
    "capaian",
    "kategori_capaian",
    "status_target",
]

SERATUS = Decimal(100)


class Polaritas(StrEnum):
    POSITIF = "positif"  # higher is better
    NEGATIF = "negatif"  # lower is better
    RENTANG = "rentang"  # a target range [target, target_atas]


class Agregasi(StrEnum):
    TERAKHIR = "terakhir"  # the latest period's value
    JUMLAH = "jumlah"  # cumulative: sum of periods
    RATA_RATA = "rata-rata"  # average of periods


def capaian(
    target: Decimal | None,
    realisasi: Decimal | None,
    polaritas: Polaritas | str = Polaritas.POSITIF,
    target_atas: Decimal | None = None,
) -> Decimal | None:
    """Capaian in percent, exact; None when it cannot be computed.

    - positif: realisasi / target × 100 (PermenPANRB 53/2014).
    - negatif: (2 × target − realisasi) / target × 100, floored at 0 (docs/rules.md §2,
      the method of published LKjIP).
    - rentang: within [target, target_atas] → 100; above → measured against the upper
      bound as a negative-polarity value; below → against the lower bound as a
      positive-polarity value (docs/rules.md §2, PNS performance rules).

    A target of 0 has no defined ratio: None (the caller shows "tidak dapat dihitung").
    """
    if target is None or realisasi is None:
        return None
    polaritas = Polaritas(polaritas)
    if polaritas is Polaritas.RENTANG:
        atas = target if target_atas is None else target_atas
        bawah, atas = min(target, atas), max(target, atas)
        if bawah <= realisasi <= atas:
            return SERATUS
        if realisasi > atas:
            return capaian(atas, realisasi, Polaritas.NEGATIF)
        return capaian(bawah, realisasi, Polaritas.POSITIF)
    if target == 0:
        return None
    if polaritas is Polaritas.POSITIF:
        return realisasi / target * SERATUS
    hasil = (2 * target - realisasi) / target * SERATUS
    return max(hasil, Decimal(0))


def agregasi(nilai: Sequence[Decimal], cara: Agregasi | str) -> Decimal | None:
    """Combine period values (in period order) into the year's realisasi.

    The method is a property of the indicator (docs/rules.md §2): the last value, the sum
    (cumulative indicators) or the average of the periods. No values → None.
    """
    values = [v for v in nilai if v is not None]
    if not values:
        return None
    cara = Agregasi(cara)
    if cara is Agregasi.TERAKHIR:
        return values[-1]
    total = sum(values, Decimal(0))
    if cara is Agregasi.JUMLAH:
        return total
    return total / len(values)


@dataclass(frozen=True)
class SkalaKategori:
    """Ordered (lower bound inclusive, label) pairs, highest first; last bound must be ≤ any value."""

    batas: tuple[tuple[Decimal, str], ...]

    def kategori(self, nilai: Decimal) -> str:
        for bawah, label in self.batas:
            if nilai >= bawah:
                return label
        return self.batas[-1][1]

    @classmethod
    def dari(cls, pasangan: Iterable[tuple[str | int | Decimal, str]]) -> SkalaKategori:
        return cls(tuple((Decimal(str(b)), label) for b, label in pasangan))


# docs/rules.md §2: ≥ 91 Sangat Baik, 76–90 Baik, 66–75 Cukup, 51–65 Kurang, ≤ 50 Sangat Kurang.
# Applied to the capaian rounded to one decimal, with the gaps (90–91, 75–76, …) closed
# upward from the lower bound of each band: 90.5 → Baik, 91.0 → Sangat Baik.
SKALA_DEFAULT = SkalaKategori.dari(
    [(91, "Sangat Baik"), (76, "Baik"), (66, "Cukup"), (51, "Kurang"), (-(10**9), "Sangat Kurang")]
)


def kategori_capaian(nilai: Decimal | None, skala: SkalaKategori = SKALA_DEFAULT) -> str | None:
    """Category label of a capaian (percent); classified on the value rounded to 1 decimal."""
    if nilai is None:
        return None
    from .format import DESIMAL_PERSEN, bulat

    return skala.kategori(bulat(nilai, DESIMAL_PERSEN))


def status_target(nilai: Decimal | None) -> str | None:
    """Verdict wording for a capaian (PermenPANRB 53/2014 narrative), on the exact value.

    > 100 "melampaui target", = 100 "mencapai target", < 100 "belum mencapai target".
    """
    if nilai is None:
        return None
    if nilai > SERATUS:
        return "melampaui target"
    if nilai == SERATUS:
        return "mencapai target"
    return "belum mencapai target"


# docs/rules.md §12.1: the status colour of a capaian category on the dashboards and the tree
WARNA_KATEGORI = {
    "Sangat Baik": "hijau",
    "Baik": "hijau",
    "Cukup": "kuning",
    "Kurang": "merah",
    "Sangat Kurang": "merah",
}


def warna_kategori(kategori: str | None) -> str:
    """The status colour of a capaian category: hijau, kuning, merah, or abu (no capaian)."""
    return WARNA_KATEGORI.get(kategori or "", "abu")
