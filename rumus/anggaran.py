"""Budget arithmetic: serapan, tingkat efisiensi, roll-ups and cash-plan checks.

Sources: serapan (absorption) = realisasi / pagu × 100 % (Permendagri 77/2020 on
financial reporting; docs/rules.md §3). "Tingkat efisiensi" as the seed reports it is
100 − serapan (docs/rules.md §3); the method is a parameter so the Ministry of Finance
method can be plugged in. Anggaran kas per triwulan must sum to the pagu
(Permendagri 77/2020, anggaran kas; docs/rules.md §3).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

__all__ = ["Baris", "RollUp", "cek_kas", "efisiensi", "roll_up", "serapan", "efisiensi_seed"]

SERATUS = Decimal(100)
NOL = Decimal(0)


def serapan(pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """Serapan anggaran in percent = realisasi / pagu × 100; None if pagu is 0 or missing."""
    if pagu is None or realisasi is None or pagu == 0:
        return None
    return realisasi / pagu * SERATUS


def efisiensi_seed(pagu: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """Tingkat efisiensi as in the seed's Tabel 3.8/3.16/3.22: 100 − serapan."""
    s = serapan(pagu, realisasi)
    return None if s is None else SERATUS - s


def efisiensi(
    pagu: Decimal | None,
    realisasi: Decimal | None,
    metode: Callable[[Decimal | None, Decimal | None], Decimal | None] = efisiensi_seed,
) -> Decimal | None:
    """Tingkat efisiensi by the chosen method (default: the seed's 100 − serapan)."""
    return metode(pagu, realisasi)


def cek_kas(pagu: Decimal, kas: Iterable[Decimal]) -> Decimal:
    """Selisih = pagu − Σ anggaran kas TW1..TW4. Zero means the cash plan is complete."""
    return pagu - sum(kas, NOL)


@dataclass
class Baris:
    """One budget line's raw figures (a sub-kegiatan at a sub-unit)."""

    program: str
    kegiatan: str
    sub_kegiatan: str
    pagu: Decimal
    realisasi: Decimal = NOL
    pagu_murni: Decimal | None = None
    kas: tuple[Decimal, Decimal, Decimal, Decimal] = (NOL, NOL, NOL, NOL)
    subunit: str | None = None  # the sub-unit holding the line; None = the unit itself


@dataclass
class RollUp:
    """Totals of a node of the programme ← kegiatan ← sub-kegiatan tree."""

    kode: str
    subunit: str | None = None
    pagu: Decimal = NOL
    realisasi: Decimal = NOL
    pagu_murni: Decimal | None = NOL
    kas: list[Decimal] = field(default_factory=lambda: [NOL, NOL, NOL, NOL])
    jumlah_baris: int = 0
    anak: dict[str, RollUp] = field(default_factory=dict)

    def tambah(self, b: Baris) -> None:
        self.pagu += b.pagu
        self.realisasi += b.realisasi
        if self.pagu_murni is not None:
            self.pagu_murni = None if b.pagu_murni is None else self.pagu_murni + b.pagu_murni
        self.kas = [a + k for a, k in zip(self.kas, b.kas, strict=True)]
        self.jumlah_baris += 1

    @property
    def serapan(self) -> Decimal | None:
        return serapan(self.pagu, self.realisasi)

    @property
    def efisiensi(self) -> Decimal | None:
        return efisiensi(self.pagu, self.realisasi)


def roll_up(baris: Iterable[Baris]) -> RollUp:
    """Total ← programme ← kegiatan ← budget line sums of pagu, realisasi and cash plan.

    The leaves are budget lines, keyed (sub-kegiatan code, sub-unit): the same
    sub-kegiatan held by four kelurahan is four leaves (seed Tabel 2.4).

    ``pagu_murni`` of a node is the sum of its lines' values only when every line has
    one; otherwise None (unknown), never a partial sum.
    """
    total = RollUp(kode="")
    for b in baris:
        total.tambah(b)
        p = total.anak.setdefault(b.program, RollUp(kode=b.program))
        p.tambah(b)
        k = p.anak.setdefault(b.kegiatan, RollUp(kode=b.kegiatan))
        k.tambah(b)
        s = k.anak.setdefault((b.sub_kegiatan, b.subunit), RollUp(kode=b.sub_kegiatan, subunit=b.subunit))
        s.tambah(b)
    return total
