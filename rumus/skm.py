"""Indeks Kepuasan Masyarakat (PermenPANRB 14/2017, Lampiran, Bab IV).

NRR per unsur = Σ answers / number of answers; IKM per unsur = NRR × 25;
IKM unit = (Σ NRR × 1/9) × 25 with the exact weight 1/9 (tools that use 0.11 cap the
index at 99 — docs/rules.md §4). Mutu bands on the 25–100 scale: ≥ 88.31 A, ≥ 76.61 B,
≥ 65.00 C, else D, classified on the value rounded to 2 decimals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

__all__ = [
    "JUMLAH_UNSUR",
    "UNSUR",
    "gabung_rata_periode",
    "gabung_responden",
    "ikm_dari_nrr",
    "ikm_unsur",
    "interval_kepercayaan",
    "mutu",
    "nrr",
    "periode_untuk",
    "sampel_krejcie_morgan",
    "unsur_terendah",
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
    """Yearly IKM by averaging period values, as the seed does (docs/rules.md §4, seed §3.2).

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


def gabung_responden(per_periode: Iterable[tuple[Sequence[Decimal], int]]) -> list[Decimal] | None:
    """NRR per unsur of pooled respondents (PermenPANRB 14/2017, Lampiran Bab IV: NRR =
    Σ nilai per unsur / jumlah responden, taken over every respondent of the year).

    Each item is (NRR per unsur of a period, respondents of that period); the pooled NRR
    is the respondent-weighted mean, i.e. exactly Σ answers / Σ respondents.
    """
    jumlah = [Decimal(0)] * JUMLAH_UNSUR
    total = 0
    for nrr_unsur, n in per_periode:
        if len(nrr_unsur) != JUMLAH_UNSUR:
            raise ValueError(f"need {JUMLAH_UNSUR} NRR values, got {len(nrr_unsur)}")
        if n < 0:
            raise ValueError("respondents must be >= 0")
        for i, v in enumerate(nrr_unsur):
            jumlah[i] += Decimal(v) * n
        total += n
    if total == 0:
        return None
    return [j / total for j in jumlah]


def sampel_krejcie_morgan(populasi: int) -> int:
    """Minimum sample for a population (PermenPANRB 14/2017, Lampiran Bab III: the
    Krejcie and Morgan table, χ² = 3.841 (1 df, 95 %), P = 0.5, d = 0.05).

    s = χ² N P(1−P) / (d² (N−1) + χ² P(1−P)), rounded up:
    N = 100 → 80, 1000 → 278, 10000 → 370.
    """
    if populasi < 0:
        raise ValueError("population must be >= 0")
    if populasi == 0:
        return 0
    chi2 = Decimal("3.841")
    pq = Decimal("0.25")
    d2 = Decimal("0.0025")
    s = chi2 * populasi * pq / (d2 * (populasi - 1) + chi2 * pq)
    bulat_atas = int(s)
    return bulat_atas if s == bulat_atas else bulat_atas + 1


def interval_kepercayaan(
    ikm_responden: Sequence[Decimal], z: Decimal = Decimal("1.96")
) -> tuple[Decimal, Decimal] | None:
    """95 % confidence interval of the IKM (mean ± z·s/√n over each respondent's IKM, the
    respondent IKM being (Σ answers / 9) × 25 as in PermenPANRB 14/2017 Bab IV).

    Needs at least 2 respondents; returns (lower, upper), clipped to 25–100.
    """
    n = len(ikm_responden)
    if n < 2:
        return None
    values = [Decimal(v) for v in ikm_responden]
    rata = sum(values, Decimal(0)) / n
    var = sum(((v - rata) ** 2 for v in values), Decimal(0)) / (n - 1)
    se = (var / n).sqrt()
    return max(Decimal(25), rata - z * se), min(Decimal(100), rata + z * se)


def unsur_terendah(nrr_unsur: Sequence[Decimal | None], jumlah: int = 3) -> list[tuple[int, Decimal]]:
    """The lowest unsur, for the Rencana Tindak Lanjut (PermenPANRB 14/2017, Bab V: the
    unsur with the lowest value are given priority for improvement).

    Returns (unsur number 1..9, NRR), lowest first, ties by unsur number; None skipped.
    """
    pasang = [(i + 1, Decimal(v)) for i, v in enumerate(nrr_unsur) if v is not None]
    pasang.sort(key=lambda p: (p[1], p[0]))
    return pasang[:jumlah]


def periode_untuk(tanggal: dt.date, jenis: str) -> str:
    """The survey period a response of this day belongs to: TW1..TW4, S1/S2 or TAHUN.

    ``jenis`` is the unit's period type (``PengaturanSKM.JenisPeriode``): ``"TAHUN"``, ``"S"``
    (semester) or anything else for quarters."""
    if jenis == "TAHUN":
        return "TAHUN"
    if jenis == "S":
        return "S1" if tanggal.month <= 6 else "S2"
    return f"TW{(tanggal.month - 1) // 3 + 1}"
