"""Indeks Kepuasan Masyarakat (PermenPANRB 14/2017, Lampiran, Bab IV; older: KepMenPAN 25/2004).

NRR per unsur = Σ answers / number of answers; IKM per unsur = NRR × 25;
IKM unit = (Σ NRR × 1/n) × 25 with the exact weight 1/n of the survey scheme (``Skema``: 1/9 in
PermenPANRB 14/2017, 1/14 in KepMenPAN 25/2004; tools that use 0.11 cap the index at 99 —
docs/rules.md §4). Mutu bands on the 25–100 scale are the scheme's (2017: ≥ 88.31 A, ≥ 76.61 B,
≥ 65.00 C, else D), classified on the value rounded to 2 decimals.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

__all__ = [
    "JUMLAH_UNSUR",
    "KEPMENPAN_25_2004",
    "PERMENPANRB_14_2017",
    "SKEMA_BAWAAN",
    "UNSUR",
    "Kepala",
    "Skema",
    "baca_kepala",
    "gabung_rata_periode",
    "gabung_responden",
    "ikm_dari_jumlah",
    "ikm_dari_nrr",
    "ikm_unsur",
    "interval_kepercayaan",
    "mutu",
    "nrr",
    "periode_untuk",
    "sampel_krejcie_morgan",
    "unsur_terendah",
]

KONVERSI = Decimal(25)
_KONVERSI_INT = 25
KINERJA = (("A", "Sangat Baik"), ("B", "Baik"), ("C", "Kurang Baik"))
KINERJA_BAWAH = ("D", "Tidak Baik")


@dataclass(frozen=True)
class Skema:
    """A survey scheme: its unsur (U1..Un, in the regulation's order; the weight of each is
    exactly 1/n) and the inclusive lower bounds of mutu A, B and C on the 25–100 scale."""

    kode: str
    nama: str
    unsur: tuple[str, ...]
    batas: tuple[Decimal, Decimal, Decimal]

    @cached_property
    def jumlah(self) -> int:
        return len(self.unsur)

    @property
    def mutu(self) -> tuple[tuple[Decimal, str, str], ...]:
        """(inclusive lower bound, mutu, kinerja unit), highest first; below the last: D."""
        return tuple((b, h, a) for b, (h, a) in zip(self.batas, KINERJA, strict=True))

    def label(self, nomor: int) -> str:
        """ "U8 Sarana dan Prasarana"."""
        return f"U{nomor} {self.unsur[nomor - 1]}"


PERMENPANRB_14_2017 = Skema(
    "permenpanrb-14-2017",
    "PermenPANRB 14/2017",
    (
        "Persyaratan",
        "Sistem, Mekanisme, dan Prosedur",
        "Waktu Penyelesaian",
        "Biaya/Tarif",
        "Produk Spesifikasi Jenis Pelayanan",
        "Kompetensi Pelaksana",
        "Perilaku Pelaksana",
        "Sarana dan Prasarana",
        "Penanganan Pengaduan, Saran, dan Masukan",
    ),
    (Decimal("88.31"), Decimal("76.61"), Decimal("65.00")),
)
# KepMenPAN 25/2004 (Pedoman Umum Penyusunan IKM), Lampiran: 14 unsur, nilai penimbang 1/14;
# mutu A 81,26–100, B 62,51–81,25, C 43,76–62,50, D 25–43,75.
KEPMENPAN_25_2004 = Skema(
    "kepmenpan-25-2004",
    "KepMenPAN 25/2004",
    (
        "Prosedur Pelayanan",
        "Persyaratan Pelayanan",
        "Kejelasan Petugas Pelayanan",
        "Kedisiplinan Petugas Pelayanan",
        "Tanggung Jawab Petugas Pelayanan",
        "Kemampuan Petugas Pelayanan",
        "Kecepatan Pelayanan",
        "Keadilan Mendapatkan Pelayanan",
        "Kesopanan dan Keramahan Petugas",
        "Kewajaran Biaya Pelayanan",
        "Kepastian Biaya Pelayanan",
        "Kepastian Jadwal Pelayanan",
        "Kenyamanan Lingkungan",
        "Keamanan Pelayanan",
    ),
    (Decimal("81.26"), Decimal("62.51"), Decimal("43.76")),
)
# The schemes shipped to every installation (skm migration 0008); the first is the default.
SKEMA_BAWAAN = (PERMENPANRB_14_2017, KEPMENPAN_25_2004)
MAKS_UNSUR = max(s.jumlah for s in SKEMA_BAWAAN)

# The current scheme's names, for code that has no unit at hand (the public questionnaire).
JUMLAH_UNSUR = PERMENPANRB_14_2017.jumlah
UNSUR = PERMENPANRB_14_2017.unsur
MUTU = PERMENPANRB_14_2017.mutu


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


def ikm_dari_nrr(nrr_unsur: Sequence[Decimal], skema: Skema = PERMENPANRB_14_2017) -> Decimal:
    """IKM unit = (Σ NRR × 1/n) × 25 for the scheme's n unsur, exact (= mean NRR × 25)."""
    if len(nrr_unsur) != skema.jumlah:
        raise ValueError(f"need {skema.jumlah} NRR values, got {len(nrr_unsur)}")
    return sum(nrr_unsur, Decimal(0)) * KONVERSI / skema.jumlah


def ikm_dari_jumlah(
    jumlah_unsur: Sequence[int], responden: int, skema: Skema = PERMENPANRB_14_2017
) -> Decimal:
    """IKM unit from the sums of the answers per unsur when each of the ``responden`` answered every
    unsur: (Σ NRR × 1/n) × 25 with NRR = Σ answers / responden is 25 × Σ sums / (responden × n),
    computed as that one division of two integers (the exact quotient rounded once;
    ``ikm_dari_nrr`` of NRR already rounded to the context's 28 digits agrees with it to about the
    last of them)."""
    k = skema.jumlah
    if len(jumlah_unsur) != k:
        raise ValueError(f"need {k} sums, got {len(jumlah_unsur)}")
    return ikm_dari_total(sum(jumlah_unsur), responden, k)


def ikm_dari_total(total: int, responden: int, jumlah_unsur: int) -> Decimal:
    """``ikm_dari_jumlah`` given the sum of the answers over all the scheme's ``jumlah_unsur``
    unsur (Σ over unsur of Σ answers) instead of the per-unsur sums: 25 × total / (responden ×
    n), the same single division and so the same value. A national read sends this one sum per
    unit and period."""
    if responden <= 0:
        raise ValueError("respondents must be > 0")
    if jumlah_unsur <= 0:
        raise ValueError("the scheme needs at least one unsur")
    return Decimal(_KONVERSI_INT * total) / (responden * jumlah_unsur)


def mutu(ikm: Decimal | None, skema: Skema = PERMENPANRB_14_2017) -> tuple[str, str] | None:
    """(mutu, kinerja) of an IKM on the 25–100 scale in the scheme's bands, on the value
    rounded to 2 decimals."""
    if ikm is None:
        return None
    from .format import bulat

    n = bulat(ikm, 2)
    for bawah, huruf, arti in skema.mutu:
        if n >= bawah:
            return huruf, arti
    return KINERJA_BAWAH


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
    triwulan: dict[str, list[Decimal]] = {"S1": [], "S2": []}  # one pass, in the mapping's order
    for p, v in nilai_periode.items():
        if s := SEMESTER_DARI_TRIWULAN.get(p):
            triwulan[s].append(v)
    semester = []
    for s, tw in triwulan.items():
        if s in nilai_periode:
            semester.append(nilai_periode[s])
        elif tw:
            semester.append(sum(tw, Decimal(0)) / len(tw))
    if not semester:
        return None
    return sum(semester, Decimal(0)) / len(semester)


def gabung_responden(
    per_periode: Iterable[tuple[Sequence[Decimal], int]], skema: Skema = PERMENPANRB_14_2017
) -> list[Decimal] | None:
    """NRR per unsur of pooled respondents (PermenPANRB 14/2017, Lampiran Bab IV: NRR =
    Σ nilai per unsur / jumlah responden, taken over every respondent of the year).

    Each item is (NRR per unsur of a period, respondents of that period); the pooled NRR
    is the respondent-weighted mean, i.e. exactly Σ answers / Σ respondents.
    """
    jumlah = [Decimal(0)] * skema.jumlah
    total = 0
    for nrr_unsur, n in per_periode:
        if len(nrr_unsur) != skema.jumlah:
            raise ValueError(f"need {skema.jumlah} NRR values, got {len(nrr_unsur)}")
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

    Returns (unsur number 1..n, NRR), lowest first, ties by unsur number; None skipped.
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


# --- Reading a column header ------------------------------------------------------------------

_KODE = re.compile(r"u\s*(\d{1,3})(?![0-9])[\s.:)\-–—]*(.*)", re.I | re.S)


def _sama(teks: str) -> str:
    """A name compared case-, space- and punctuation-insensitively ("Sistem, Mekanisme dan
    Prosedur" = "sistem mekanisme, dan prosedur")."""
    return re.sub(r"[\W_]+", "", teks.casefold())


@dataclass(frozen=True)
class Kepala:
    """What an unsur column header says: the unsur number and, when it names the unsur, the
    codes of the schemes in which that number has that name (None: a bare code, any scheme)."""

    nomor: int
    skema: frozenset[str] | None


def baca_kepala(teks: str, daftar_skema: Sequence[Skema] = SKEMA_BAWAAN) -> Kepala | None:
    """Read an unsur column header: a code ("U8", "u 8"), a code and a name ("U8 Sarana dan
    Prasarana", "U8. Sarana dan prasarana") or a name alone ("Sarana dan Prasarana"), case-,
    space- and punctuation-insensitive. None when the text is neither a code nor the name of an
    unsur of any scheme (another column). ValueError, with the reason, when it names an unsur
    no scheme has, or a code and a name that disagree (e.g. "U8 Penanganan Pengaduan …")."""
    teks = str(teks).strip()
    maks = max(s.jumlah for s in daftar_skema)
    m = _KODE.fullmatch(teks)
    if m:
        nomor, nama = int(m.group(1)), m.group(2).strip()
        if not 1 <= nomor <= maks:
            raise ValueError(f'unknown unsur "{teks}" (the survey schemes have U1..U{maks})')
        if not _sama(nama):
            return Kepala(nomor, None)
        cocok = frozenset(
            s.kode for s in daftar_skema if nomor <= s.jumlah and _sama(s.unsur[nomor - 1]) == _sama(nama)
        )
        if cocok:
            return Kepala(nomor, cocok)
        arti = "; ".join(f"{s.nama}: {s.label(nomor)}" for s in daftar_skema if nomor <= s.jumlah)
        lain = [f"{s.nama}: {s.label(i)}" for s in daftar_skema for i in _nomor_nama(s, nama)]
        pesan = f'"{teks}": U{nomor} is not "{nama}" ({arti})'
        if lain:
            pesan += f'; "{nama}" is ' + "; ".join(lain)
        raise ValueError(pesan)
    nomor_skema = {(i, s.kode) for s in daftar_skema for i in _nomor_nama(s, teks)}
    if not nomor_skema:
        return None
    nomor = {i for i, _k in nomor_skema}
    if len(nomor) > 1:
        raise ValueError(
            f'"{teks}" names different unsur in different schemes; write it with its code (U1 …)'
        )
    return Kepala(nomor.pop(), frozenset(k for _i, k in nomor_skema))


def _nomor_nama(skema: Skema, nama: str) -> list[int]:
    n = _sama(nama)
    return [i for i, u in enumerate(skema.unsur, 1) if _sama(u) == n] if n else []
