"""Indeks Kepuasan Masyarakat (PermenPANRB 14/2017, Lampiran, Bab IV).

NRR per unsur = Σ answers / number of answers; IKM per unsur = NRR × 25;
IKM unit = (Σ NRR × 1/9) × 25 with the exact weight 1/9 (tools that use 0.11 cap the
index at 99 — RULES.md §4). Mutu bands on the 25–100 scale: ≥ 88.31 A, ≥ 76.61 B,
≥ 65.00 C, else D, classified on the value rounded to 2 decimals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

__all__ = [
    "JUMLAH_UNSUR", "UNSUR", "gabung_rata_periode", "ikm_dari_nrr", "ikm_unsur", "mutu", "nrr",
]

JUMLAH_UNSUR = 9
UNSUR = (
    "Persyaratan",
    "Sistem, Mekanisme, dan Prosedur",
    "Waktu Penyelesaian",
    "Biaya/Tarif",
    "Produk Spesifikasi Jenis Pelayanan",
    "Kompetensi Pelaksana",
    "Perilaku Pelaksana",
    "Sarana dan Prasarana",
    "Penanganan Pengaduan, Saran, dan Masukan",
)
KONVERSI = Decimal(25)
# (inclusive lower bound, mutu, kinerja unit) on the 25–100 scale, highest first.
MUTU = (
    (Decimal("88.31"), "A", "Sangat Baik"),
    (Decimal("76.61"), "B", "Baik"),
    (Decimal("65.00"), "C", "Kurang Baik"),
)


def nrr(jawaban: Iterable[int]) -> Decimal | None:
    """Nilai rata-rata of one unsur: Σ answers / answers given (each 1..4)."""
    values = list(jawaban)
    if not values:
        return None
    for v in values:
        if v not in (1, 2, 3, 4):
            raise ValueError(f"answer must be 1..4, got {v!r}")
    return Decimal(sum(values)) / Decimal(len(values))


def ikm_unsur(nilai_nrr: Decimal) -> Decimal:
    """IKM of one unsur = NRR × 25."""
    return nilai_nrr * KONVERSI


def ikm_dari_nrr(nrr_unsur: Sequence[Decimal]) -> Decimal:
    """IKM unit = (Σ NRR × 1/9) × 25, exact (= mean NRR × 25)."""
    if len(nrr_unsur) != JUMLAH_UNSUR:
        raise ValueError(f"need {JUMLAH_UNSUR} NRR values, got {len(nrr_unsur)}")
    return sum(nrr_unsur, Decimal(0)) * KONVERSI / JUMLAH_UNSUR


def mutu(ikm: Decimal | None) -> tuple[str, str] | None:
    """(mutu, kinerja) of an IKM on the 25–100 scale, on the value rounded to 2 decimals."""
    if ikm is None:
        return None
    from .format import bulat

    n = bulat(ikm, 2)
    for bawah, huruf, arti in MUTU:
        if n >= bawah:
            return huruf, arti
    return "D", "Tidak Baik"


SEMESTER_DARI_TRIWULAN = {"TW1": "S1", "TW2": "S1", "TW3": "S2", "TW4": "S2"}


def gabung_rata_periode(nilai_periode: Mapping[str, Decimal]) -> Decimal | None:
    """Yearly IKM by averaging period values, as the seed does (RULES.md §4, seed §3.2).

    A TAHUN value is used as is. Otherwise each semester is its own value when given,
    else the average of its quarters (TW1, TW2 → S1; TW3, TW4 → S2); the year is the
    average of the semesters present. Seed: S1 80.88; S2 = (80.96 + 82.01) / 2;
    year = (S1 + S2) / 2 = 81.18.
    """
    if "TAHUN" in nilai_periode:
        return nilai_periode["TAHUN"]
    semester: dict[str, Decimal] = {}
    for s in ("S1", "S2"):
        if s in nilai_periode:
            semester[s] = nilai_periode[s]
            continue
        tw = [v for p, v in nilai_periode.items() if SEMESTER_DARI_TRIWULAN.get(p) == s]
        if tw:
            semester[s] = sum(tw, Decimal(0)) / len(tw)
    if not semester:
        return None
    return sum(semester.values(), Decimal(0)) / len(semester)
