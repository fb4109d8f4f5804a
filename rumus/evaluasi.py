"""AKIP evaluation score and predikat (PermenPANRB 88/2021).

Predikat bands (docs/rules.md §5): AA > 90–100, A > 80–90, BB > 70–80, B > 60–70,
CC > 50–60, C > 30–50, D 0–30; bounds exclusive below (exactly 90.00 is A).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

__all__ = [
    "predikat_akip",
    "total_komponen",
    "PREDIKAT_AKIP",
    "KONVERSI_ABCDE",
    "JENIS_JAWABAN",
    "JawabanTidakSah",
    "fraksi_jawaban",
    "skor_kriteria",
    "rekap_skor",
    "Rekap",
]

# (exclusive lower bound, predikat, interpretasi), highest first.
PREDIKAT_AKIP = (
    (Decimal(90), "AA", "Sangat Memuaskan"),
    (Decimal(80), "A", "Memuaskan"),
    (Decimal(70), "BB", "Sangat Baik"),
    (Decimal(60), "B", "Baik"),
    (Decimal(50), "CC", "Cukup"),
    (Decimal(30), "C", "Kurang"),
)


def predikat_akip(nilai: Decimal | None) -> tuple[str, str] | None:
    """(predikat, interpretasi) for a total score 0–100, on the value rounded to 2 decimals."""
    if nilai is None:
        return None
    from .format import bulat

    n = bulat(nilai, 2)
    for bawah, predikat, arti in PREDIKAT_AKIP:
        if n > bawah:
            return predikat, arti
    return "D", "Sangat Kurang"


def total_komponen(nilai: Iterable[Decimal]) -> Decimal:
    """Nilai hasil evaluasi = Σ component scores (PermenPANRB 88/2021)."""
    return sum(nilai, Decimal(0))


# --- LKE worksheet (lembar kerja evaluasi) -------------------------------------------------
# Answer types of a criterion and their conversion to a fraction 0–1 (LKE PermenPANRB 88/2021):
# Ya/Tidak → 1/0; A/B/C/D/E → 1, 0.75, 0.5, 0.25, 0; a number → value / maximum (clamped).
JENIS_JAWABAN = ("yt", "abcde", "angka")
KONVERSI_ABCDE = {
    "A": Decimal(1),
    "B": Decimal("0.75"),
    "C": Decimal("0.5"),
    "D": Decimal("0.25"),
    "E": Decimal(0),
}
KONVERSI_YT = {"YA": Decimal(1), "Y": Decimal(1), "TIDAK": Decimal(0), "T": Decimal(0)}


class JawabanTidakSah(ValueError):
    """An answer that does not fit the criterion's answer type."""


def fraksi_jawaban(jenis: str, jawaban: str | None, maks: Decimal | None = None) -> Decimal | None:
    """Fraction 0–1 of an answer; None for an empty answer; JawabanTidakSah for a bad one."""
    if jawaban is None or str(jawaban).strip() == "":
        return None
    teks = str(jawaban).strip().upper()
    if jenis == "yt":
        if teks not in KONVERSI_YT:
            raise JawabanTidakSah(f"jawaban {jawaban!r} harus Ya atau Tidak")
        return KONVERSI_YT[teks]
    if jenis == "abcde":
        if teks not in KONVERSI_ABCDE:
            raise JawabanTidakSah(f"jawaban {jawaban!r} harus salah satu dari A, B, C, D, E")
        return KONVERSI_ABCDE[teks]
    if jenis == "angka":
        from .angka import AngkaError, JenisAngka, parse_angka

        maks = Decimal(maks if maks is not None else 100)
        try:
            # a decimal value read one way or refused (docs/rules.md §8); above maks is no reading
            n = parse_angka(teks, JenisAngka.DESIMAL, batas_atas=maks)
        except AngkaError as e:
            raise JawabanTidakSah(f"jawaban {jawaban!r} bukan angka ({e})") from e
        if not n.is_finite() or maks <= 0:
            raise JawabanTidakSah(f"jawaban {jawaban!r} bukan angka")
        if n < 0 or n > maks:
            raise JawabanTidakSah(f"jawaban {jawaban!r} di luar rentang 0–{maks}")
        return n / maks
    raise JawabanTidakSah(f"jenis jawaban tidak dikenal: {jenis!r}")


def skor_kriteria(bobot: Decimal, fraksi: Decimal | None) -> Decimal:
    """Score of one criterion = its weight × the answer's fraction (no answer scores 0)."""
    return Decimal(bobot) * (fraksi if fraksi is not None else Decimal(0))


class Rekap(dict):
    """Totals of a worksheet: ``sub[id]``, ``komponen[id]``, ``total`` (all Decimal)."""


def rekap_skor(kriteria: Iterable[tuple[object, object, Decimal, Decimal | None]]) -> Rekap:
    """Sum criterion scores per sub-component, component and overall.

    ``kriteria``: (component key, sub-component key, criterion weight, answer fraction or None).
    Every key that appears gets a total, even when nothing is answered.
    """
    sub: dict = {}
    komp: dict = {}
    for k, s, bobot, fraksi in kriteria:
        skor = skor_kriteria(bobot, fraksi)
        sub[s] = sub.get(s, Decimal(0)) + skor
        komp[k] = komp.get(k, Decimal(0)) + skor
    return Rekap(sub=sub, komponen=komp, total=total_komponen(komp.values()))
