"""Reviu of an LKIP/LKjIP file made elsewhere: recompute what its text lets us recompute.

Pure: works on a :class:`Dokumen` (tables and sentences, each with its place) that
``laporan/reviu_dokumen.py`` reads from a PDF, DOCX or plain-text file. Every figure is
recomputed with the project's own rules (docs/rules.md): capaian (§2,
``rumus.capaian``), serapan and tingkat efisiensi (§3, ``rumus.anggaran``), IKM from NRR
with the exact 1/n weight and its mutu band (§4, ``rumus.skm``), the AKIP total and
predikat (§5, ``rumus.evaluasi``); numbers are read by ``rumus.angka`` (§8).

A printed value agrees with its recomputation when they differ by at most half a unit of
the printed value's last decimal (a value rounded for display), plus the error carried by
rounded inputs where the inputs are printed rounded (NRR at three decimals).

An **error** is a printed figure or sentence that contradicts the document's own numbers;
a **warning** is a number written in a convention that invites misreading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from .anggaran import efisiensi_seed, serapan
from .angka import AngkaError, JenisAngka, parse_angka
from .capaian import Polaritas, capaian, status_target
from .evaluasi import predikat_akip, total_komponen
from .format import format_angka, format_rupiah
from .skm import PERMENPANRB_14_2017, SKEMA_BAWAAN, ikm_dari_nrr, ikm_unsur, mutu
from .zona import persentase_zona

__all__ = ["Dokumen", "Kalimat", "Keterangan", "Tabel", "Temuan", "baca_angka", "reviu"]

GALAT = "error"
PERINGATAN = "warning"
SERATUS = Decimal(100)
_ANGKA = re.compile(r"(?:[-−]\s?)?\d[\d.,]*\d|(?:[-−]\s?)?\d")
_TAG = re.compile(r"<[^>]+>")
_TAHUN = re.compile(r"^(?:19|20)\d\d$")


@dataclass
class Tabel:
    """A table as printed: its caption number (``"3.21"``, None when uncaptioned), title,
    rows of cell texts, and where it starts (``"baris 1074"``, ``"halaman 12"``)."""

    nomor: str | None
    judul: str
    baris: list[list[str]]
    letak: str


@dataclass
class Kalimat:
    teks: str
    letak: str


@dataclass
class Keterangan:
    """A caption: ``jenis`` "Tabel" or "Gambar", its number and place."""

    jenis: str
    nomor: str
    letak: str


@dataclass
class Dokumen:
    tabel: list[Tabel] = field(default_factory=list)
    kalimat: list[Kalimat] = field(default_factory=list)
    keterangan: list[Keterangan] = field(default_factory=list)
    # Sentences and tables in reading order: ("tabel", i) / ("kalimat", i).
    urutan: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class Temuan:
    level: str
    where: str
    message: str
    printed: str | None = None
    recomputed: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


# --- reading numbers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Angka:
    nilai: Decimal
    teks: str
    desimal: int  # decimals as printed


def bersih(teks: str) -> str:
    return re.sub(r"\s+", " ", _TAG.sub("", teks or "").replace("\u00a0", " ")).strip()


def baca_angka(teks: str, jenis: JenisAngka = JenisAngka.DESIMAL, batas_atas=None) -> Angka | None:
    """The first number in a cell or phrase ("74.15 (BB)", "97,8%", "Rp. 5.654.327.020,-"),
    read by ``rumus.angka.parse_angka`` in the column kind; a lone three-digit group that is
    ambiguous in a decimal column is read as decimals (a printed indicator value or NRR).
    None when there is no number."""
    teks = bersih(teks)
    m = _ANGKA.search(teks)
    if not m:
        return None
    token = m.group(0).replace("−", "-").replace(" ", "")
    if teks[: m.start()].rstrip().endswith("(") and teks[m.end() :].lstrip().startswith(")"):
        token = "-" + token.lstrip("-")  # "(47.306.000,00)": a negative amount
    try:
        nilai = parse_angka(token, jenis, batas_atas=batas_atas)
    except AngkaError:
        try:
            nilai = parse_angka(token.replace(",", "."), JenisAngka.DESIMAL, batas_atas=Decimal(0))
        except AngkaError:
            return None
    return Angka(nilai, token, _desimal(token, jenis))


def _desimal(token: str, jenis: JenisAngka) -> int:
    digits = token.lstrip("-")
    marks = [i for i, c in enumerate(digits) if c in ".,"]
    if not marks:
        return 0
    last = marks[-1]
    frac = digits[last + 1 :]
    if digits.count(digits[last]) > 1 and not (("." in digits) and ("," in digits)):
        return 0  # several of the same mark: thousands
    if len(frac) == 3 and jenis is JenisAngka.RUPIAH and "." in digits and "," in digits:
        return len(frac)
    if len(frac) == 3 and jenis in (JenisAngka.RUPIAH, JenisAngka.CACAH):
        return 0
    return len(frac)


_MURNI = re.compile(r"^(rp\.?\s*)?[-−(]?\d[\d.,]*\)?\s*(%|persen)?(\s*\(.*\))?(,-)?$", re.I)


def murni(teks: str) -> bool:
    """Whether a cell is a number (with its unit or a parenthesised note), not a label like "TW 1"."""
    return bool(_MURNI.match(bersih(teks)))


def _setengah(a: Angka) -> Decimal:
    return Decimal(5) / Decimal(10) ** (a.desimal + 1)


def _cocok(a: Angka, nilai: Decimal | None, tambahan: Decimal = Decimal(0)) -> bool:
    return nilai is None or abs(a.nilai - nilai) <= _setengah(a) + tambahan


def _tampil(nilai: Decimal | None, desimal: int = 2) -> str | None:
    return None if nilai is None else format_angka(nilai, desimal)


def _uang(teks: str) -> Angka | None:
    a = baca_angka(teks, JenisAngka.RUPIAH)
    return a if a is not None and a.nilai >= 1000 and re.search(r"\d[.,]\d{3}", a.teks) else None


# --- indicators named in the document ----------------------------------------------------


@dataclass
class Indikator:
    nama: str
    alias: tuple[str, ...]
    target: Angka | None = None
    realisasi: Angka | None = None
    letak: str = ""

    @property
    def capaian(self) -> Decimal | None:
        if self.target is None or self.realisasi is None:
            return None
        return capaian(self.target.nilai, self.realisasi.nilai, Polaritas.POSITIF)


def _kata(teks: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", bersih(teks).lower())


def _alias(nama: str) -> tuple[str, ...]:
    kata = _kata(nama)
    if len(kata) <= 3:
        return (" ".join(kata),)
    return (" ".join(kata), " ".join(kata[:3]), " ".join(kata[-3:]))


def _sebut(teks: str, indikator: list[Indikator]) -> list[tuple[int, Indikator]]:
    """Positions (in the word-normalised text) where an indicator is named, in order."""
    norm = " " + " ".join(_kata(teks)) + " "
    hasil = []
    for ind in indikator:
        for al in ind.alias:
            for m in re.finditer(re.escape(" " + al + " "), norm):
                hasil.append((m.start(), ind))
    hasil.sort(key=lambda x: x[0])
    bersihkan, terakhir = [], None
    for pos, ind in hasil:
        if ind is not terakhir:
            bersihkan.append((pos, ind))
        terakhir = ind
    return bersihkan


def _kolom(tabel: Tabel) -> tuple[int, dict[str, int]]:
    """(index of the first data row, column index of target/realisasi/capaian by header)."""
    kolom: dict[str, int] = {}
    mulai = 0
    for i, baris in enumerate(tabel.baris):
        isi = [bersih(c) for c in baris if bersih(c)]
        nomor_kolom = bool(isi) and all(re.fullmatch(r"\d{1,2}", c) for c in isi)  # "1 2 3 4": column numbers
        if not nomor_kolom and any(murni(c) and not _TAHUN.match(bersih(c)) for c in baris[1:]):
            mulai = i
            break
        for j, c in enumerate(baris):
            t = bersih(c).lower()
            for kunci in ("target", "realisasi", "capaian"):
                if t.startswith(kunci) and kunci not in kolom:
                    kolom[kunci] = j
        mulai = i + 1
    return mulai, kolom


def _indikator(dokumen: Dokumen) -> list[Indikator]:
    """Indicators of the capaian tables (a header with target, realisasi and capaian)."""
    daftar: dict[str, Indikator] = {}
    for tabel in dokumen.tabel:
        mulai, kolom = _kolom(tabel)
        if not {"target", "realisasi", "capaian"} <= kolom.keys() or _indikator_program(tabel):
            continue
        j_nama = next(
            (
                j
                for b in tabel.baris[:mulai]
                for j, c in enumerate(b)
                if bersih(c).lower().startswith("indikator")
            ),
            None,
        )
        for baris in tabel.baris[mulai:]:
            if j_nama is not None and j_nama < len(baris):
                nama = bersih(baris[j_nama])
            else:
                continue
            if len(_kata(nama)) < 3 or any(k in nama.lower() for k in ("program", "kegiatan")):
                continue
            if max(kolom.values()) >= len(baris):
                continue
            ind = daftar.setdefault(" ".join(_kata(nama)), Indikator(nama, _alias(nama), letak=_letak(tabel)))
            ind.target = ind.target or baca_angka(baris[kolom["target"]])
            ind.realisasi = ind.realisasi or baca_angka(baris[kolom["realisasi"]])
    hasil = list(daftar.values())
    # An alias two indicators share names neither.
    hitung = defaultdict(int)
    for ind in hasil:
        for al in set(ind.alias):
            hitung[al] += 1
    for ind in hasil:
        ind.alias = tuple(al for al in ind.alias if hitung[al] == 1)
    return hasil


def _indikator_program(tabel: Tabel) -> bool:
    """A table of programme indicators (they support an IKU; they are not one)."""
    return "indikator program" in (tabel.judul.lower() + " " + _kepala(tabel))


def _letak(tabel: Tabel, baris: int | None = None) -> str:
    nama = f"Tabel {tabel.nomor}" if tabel.nomor else "tabel"
    teks = f"{nama} ({tabel.letak})"
    return teks if baris is None else f"{teks}, row {baris + 1}"


def _letak_kalimat(k: Kalimat) -> str:
    potong = k.teks if len(k.teks) <= 70 else k.teks[:67] + "..."
    return f"{k.letak}: «{potong}»"


# --- the checks --------------------------------------------------------------------------


def _nomor_ganda(dokumen: Dokumen) -> list[Temuan]:
    tempat = defaultdict(list)
    for k in dokumen.keterangan:
        tempat[(k.jenis, k.nomor)].append(k.letak)
    return [
        Temuan(
            GALAT,
            f"{jenis} {nomor} ({', '.join(letak)})",
            f"{jenis} {nomor} is used {len(letak)} times",
            f"{jenis} {nomor}",
        )
        for (jenis, nomor), letak in tempat.items()
        if len(letak) > 1
    ]


_SASARAN = re.compile(r"\b(\d{1,2})\s*(?:\([a-z ]+\)\s*)?sasaran\b(?!\s+strategis\s+\d)", re.I)


def _jumlah_sasaran(dokumen: Dokumen) -> list[Temuan]:
    sebut = defaultdict(list)
    for k in dokumen.kalimat:
        for m in _SASARAN.finditer(k.teks):
            sebut[int(m.group(1))].append(k)
    if len(sebut) < 2:
        return []
    return [
        Temuan(
            GALAT,
            "; ".join(_letak_kalimat(k[0]) for k in sebut.values()),
            "the number of sasaran differs between sentences",
            ", ".join(f"{n} sasaran" for n in sorted(sebut)),
        )
    ]


def _kepala(tabel: Tabel) -> str:
    mulai, _ = _kolom(tabel)
    return " ".join(bersih(c) for b in tabel.baris[:mulai] for c in b).lower()


def _cek_anggaran(
    tabel: Tabel, efisiensi_ada: bool
) -> tuple[list[Temuan], list[tuple[str, Decimal, Decimal]]]:
    """Serapan and efisiensi of each budget row; totals of "Total"/"Jumlah" rows.
    Returns the findings and the rows as (label, pagu, realisasi)."""
    temuan, rows = [], []
    if "realisasi" not in _kepala(tabel):
        return temuan, rows
    # the rows' own serapan since the last total row, to tell an unweighted mean in a total row
    # from the pagu-weighted roll-up it must be (docs/rules.md §3: Σ realisasi / Σ pagu)
    serapan_baris: list[Decimal] = []
    for i, baris in enumerate(tabel.baris):
        uang = [(j, _uang(c)) for j, c in enumerate(baris)]
        uang = [(j, a) for j, a in uang if a is not None]
        if len(uang) < 2:
            continue
        (jp, pagu), (jr, real) = uang[-2], uang[-1]
        label = next((bersih(c) for c in reversed(baris[:jp]) if re.search(r"[A-Za-z]", bersih(c))), "")
        rows.append((label, pagu.nilai, real.nilai))
        sisa = [baca_angka(c) for c in baris[jr + 1 :]]
        sisa = [a for a in sisa if a is not None]
        s = serapan(pagu.nilai, real.nilai)
        total = re.match(r"^(total|jumlah)\b", label.lower()) is not None
        rata = (
            sum(serapan_baris, Decimal(0)) / len(serapan_baris) if total and len(serapan_baris) >= 2 else None
        )
        if sisa and not _cocok(sisa[0], s) and rata is not None and _cocok(sisa[0], rata):
            temuan.append(
                Temuan(
                    GALAT,
                    _letak(tabel, i),
                    f"serapan of «{label}» is the unweighted mean of the rows' serapan; "
                    "pagu-weighted: total realisasi / total pagu",
                    sisa[0].teks,
                    _tampil(s),
                )
            )
        elif sisa and not _cocok(sisa[0], s):
            temuan.append(
                Temuan(
                    GALAT,
                    _letak(tabel, i),
                    f"serapan of «{label}» = realisasi / pagu",
                    sisa[0].teks,
                    _tampil(s),
                )
            )
        if total:
            serapan_baris = []
        elif s is not None:
            serapan_baris.append(s)
        if efisiensi_ada and len(sisa) >= 2:
            e = efisiensi_seed(pagu.nilai, real.nilai)
            if not _cocok(sisa[-1], e) and not _cocok(sisa[-1], SERATUS - sisa[0].nilai):
                temuan.append(
                    Temuan(
                        GALAT,
                        _letak(tabel, i),
                        f"tingkat efisiensi of «{label}» = 100 − serapan",
                        sisa[-1].teks,
                        _tampil(e),
                    )
                )
    return temuan, rows


def _cek_total(tabel: Tabel) -> list[Temuan]:
    """A row labelled Total/Jumlah/Nilai Hasil Evaluasi: each of its summable columns is the
    sum of the data rows above it (a percentage column is recomputed, not summed)."""
    temuan = []
    mulai, _ = _kolom(tabel)
    atas: list[list[str]] = []
    for i, baris in enumerate(tabel.baris[mulai:], start=mulai):
        label = " ".join(bersih(c) for c in baris if re.search(r"[A-Za-z]", bersih(c))).lower()
        if re.match(r"^(total|jumlah|nilai hasil evaluasi)\b", label) and not re.search(
            r"\bikm\b|rata", label
        ):
            for j, c in enumerate(baris):
                a = baca_angka(c, JenisAngka.RUPIAH if _uang(c) else JenisAngka.DESIMAL)
                if a is None or "%" in c or j >= len(baris):
                    continue
                kolom = [
                    baca_angka(r[j], JenisAngka.RUPIAH if _uang(r[j]) else JenisAngka.DESIMAL)
                    for r in atas
                    if j < len(r)
                ]
                kolom = [k for k in kolom if k is not None]
                if not kolom or (_uang(c) is None and any(_uang(r[j]) for r in atas if j < len(r))):
                    continue
                if _persen_kolom(tabel, j):
                    continue
                jumlah = total_komponen(k.nilai for k in kolom)
                tambahan = sum((_setengah(k) for k in kolom), Decimal(0))
                # Nested rows (programme ← kegiatan ← sub-kegiatan) each sum to the total,
                # so all rows sum to a multiple of it; programme rows alone sum to it.
                program = [
                    baca_angka(r[j], JenisAngka.RUPIAH)
                    for r in atas
                    if j < len(r) and any(bersih(c).lower().startswith("program") for c in r)
                ]
                calon = [jumlah / lapis for lapis in (1, 2, 3)]
                if program and all(x is not None for x in program):
                    calon.append(total_komponen(x.nilai for x in program))
                if not any(_cocok(a, x, tambahan) for x in calon):
                    uang = _uang(c) is not None
                    temuan.append(
                        Temuan(
                            GALAT,
                            _letak(tabel, i),
                            f"total of column {j + 1} = sum of the {len(kolom)} rows above",
                            a.teks,
                            format_rupiah(jumlah) if uang else _tampil(jumlah),
                        )
                    )
            atas = []
            continue
        isi = [bersih(c) for c in baris if bersih(c)]
        if any(murni(c) for c in baris) and not all(re.fullmatch(r"\d{1,2}", c) for c in isi):
            atas.append(baris)
    return temuan


_KODE = re.compile(r"^\d{1,2}(?:\.\d{1,4})+$")  # 7.01.01.2.01.0006 (an amount: 1.250.000, groups of three)
_RIBUAN = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def _cek_subtotal(tabel: Tabel) -> list[Temuan]:
    """Sub-totals of a budget table (header with realisasi): a programme's and a kegiatan's pagu
    and realisasi against the rows below them. With codes (7.01.01 ← 7.01.01.2.01 ←
    7.01.01.2.01.0006) each row with children is the sum of its direct children; without codes a
    row labelled "Program …" is followed by its kegiatan and sub-kegiatan rows, which sum to it
    once (one level listed) or twice (both levels)."""
    if "realisasi" not in _kepala(tabel):
        return []
    rows = []  # (index, code, label, [pagu, realisasi])
    for i, baris in enumerate(tabel.baris):
        uang = [a for a in (_uang(c) for c in baris) if a is not None]
        if len(uang) < 2:
            continue
        kode = next((bersih(c) for c in baris if _KODE.match(bersih(c)) and not _RIBUAN.match(bersih(c))), "")
        teks = [bersih(c) for c in baris if re.search(r"[A-Za-z]", bersih(c))]
        # the programme / kegiatan name (a table may start with an indicator column)
        label = next((t for t in teks if t.lower().startswith("program")), teks[-1] if teks else "")
        rows.append((i, kode, label, uang[:2]))
    temuan = []

    def cek(i, label, induk, anak, lapis):
        for j, nama in ((0, "pagu"), (1, "realisasi")):
            jumlah = sum((a[3][j].nilai for a in anak), Decimal(0))
            if not any(jumlah == induk[j].nilai * n for n in lapis):
                temuan.append(
                    Temuan(
                        GALAT,
                        _letak(tabel, i),
                        f"sub-total {nama} of «{label}» = sum of its {len(anak)} rows below",
                        induk[j].teks,
                        format_rupiah(jumlah / lapis[0]),
                    )
                )

    berkode = [r for r in rows if r[1]]
    if berkode:
        kode = {r[1] for r in berkode}
        for r in berkode:
            anak = [
                a
                for a in berkode
                if a[1].startswith(r[1] + ".")
                and not any(k != r[1] and a[1].startswith(k + ".") and k.startswith(r[1] + ".") for k in kode)
            ]
            if anak:
                cek(r[0], r[2], r[3], anak, (1,))
        return temuan
    program = [n for n, r in enumerate(rows) if r[2].lower().startswith("program")]
    for urut, n in enumerate(program):
        akhir = program[urut + 1] if urut + 1 < len(program) else len(rows)
        anak = [r for r in rows[n + 1 : akhir] if not re.match(r"^(total|jumlah)\b", r[2].lower())]
        if anak:
            cek(rows[n][0], rows[n][2], rows[n][3], anak, (1, 2))
    return temuan


def _persen_kolom(tabel: Tabel, j: int) -> bool:
    for baris in tabel.baris:
        if j < len(baris) and (
            "%" in baris[j] or "persen" in baris[j].lower() or "efisiensi" in baris[j].lower()
        ):
            return True
    return False


def _cek_capaian(tabel: Tabel) -> list[Temuan]:
    mulai, kolom = _kolom(tabel)
    if not {"target", "realisasi", "capaian"} <= kolom.keys():
        return []
    temuan = []
    for i, baris in enumerate(tabel.baris[mulai:], start=mulai):
        if max(kolom.values()) >= len(baris):
            continue
        t, r, c = (baca_angka(baris[kolom[k]]) for k in ("target", "realisasi", "capaian"))
        if t is None or r is None or c is None or _uang(baris[kolom["target"]]):
            continue
        positif = capaian(t.nilai, r.nilai, Polaritas.POSITIF)
        negatif = capaian(t.nilai, r.nilai, Polaritas.NEGATIF)
        if not (_cocok(c, positif) or _cocok(c, negatif)):
            temuan.append(
                Temuan(
                    GALAT,
                    _letak(tabel, i),
                    "capaian = realisasi / target × 100 (positive polarity; (2T − R) / T for negative)",
                    c.teks,
                    _tampil(positif),
                )
            )
    return temuan


def _cek_ikm(tabel: Tabel) -> list[Temuan]:
    """NRR rows → IKM per unsur (NRR × 25), its category, and the unit IKM (exact 1/n)."""
    temuan = []
    nrr: list[Angka] | None = None
    skema = PERMENPANRB_14_2017
    for i, baris in enumerate(tabel.baris):
        label = bersih(baris[0] if baris else "").lower()
        nilai = [bersih(c) for c in baris[1:] if bersih(c)]
        if "nrr" in label and "x" not in label and "ikm" not in label:
            angka = [baca_angka(c, batas_atas=4) for c in nilai]
            cocok = [s for s in SKEMA_BAWAAN if s.jumlah == len(angka)]
            if cocok and all(a is not None for a in angka):
                nrr, skema = angka, cocok[0]
            continue
        if nrr is None:
            continue
        galat_nrr = max(_setengah(a) for a in nrr) * 25
        if label.startswith("ikm per unsur") and len(nilai) == len(nrr):
            for u, (n, c) in enumerate(zip(nrr, nilai, strict=True), start=1):
                a = baca_angka(c)
                if a is not None and not _cocok(a, ikm_unsur(n.nilai), galat_nrr):
                    temuan.append(
                        Temuan(
                            GALAT,
                            _letak(tabel, i),
                            f"IKM of U{u} = NRR × 25",
                            a.teks,
                            _tampil(ikm_unsur(n.nilai)),
                        )
                    )
        elif label.startswith("kategori") and len(nilai) == len(nrr):
            for u, (n, c) in enumerate(zip(nrr, nilai, strict=True), start=1):
                band = mutu(ikm_unsur(n.nilai), skema)
                if band and c.strip().upper() != band[0] and len(c.strip()) == 1:
                    temuan.append(
                        Temuan(
                            GALAT,
                            _letak(tabel, i),
                            f"mutu of U{u} (IKM {_tampil(ikm_unsur(n.nilai))})",
                            c,
                            band[0],
                        )
                    )
        elif label.startswith("ikm unit") and nilai:
            a = baca_angka(nilai[0])
            ikm = ikm_dari_nrr([n.nilai for n in nrr], skema)
            if a is not None and not _cocok(a, ikm, galat_nrr):
                temuan.append(
                    Temuan(
                        GALAT, _letak(tabel, i), f"IKM = Σ NRR × 1/{skema.jumlah} × 25", a.teks, _tampil(ikm)
                    )
                )
            band = mutu(ikm, skema)
            kata = nilai[0].lower()
            if band and re.search(r"\(([abcd])\b", kata) and f"({band[0].lower()}" not in kata:
                temuan.append(Temuan(GALAT, _letak(tabel, i), "mutu of the unit IKM", nilai[0], band[0]))
            nrr = None
    return temuan


def _cek_akip(tabel: Tabel) -> list[Temuan]:
    """A "Nilai Hasil Evaluasi" total followed by a predikat row: the predikat of the total."""
    temuan, total = [], None
    for i, baris in enumerate(tabel.baris):
        label = " ".join(bersih(c) for c in baris).lower()
        if "nilai hasil evaluasi" in label:
            angka = [baca_angka(c) for c in baris]
            angka = [a for a in angka if a is not None]
            total = angka[-1] if angka else None
        elif total is not None and ("predikat" in label or "tingkat akuntabilitas" in label):
            printed = bersih(baris[-1]) or next((bersih(c) for c in reversed(baris) if bersih(c)), "")
            p = predikat_akip(total.nilai)
            if p and printed.upper() != p[0]:
                temuan.append(
                    Temuan(GALAT, _letak(tabel, i), f"predikat of the AKIP total {total.teks}", printed, p[0])
                )
    return temuan


def _cek_konvensi(tabel: Tabel) -> list[Temuan]:
    """Money written with both conventions in one table, or a dot decimal among dot thousands."""
    titik, koma, desimal_titik = [], [], []
    for baris in tabel.baris:
        for c in baris:
            t = bersih(c)
            for m in _ANGKA.finditer(t):
                tok = m.group(0)
                if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", tok):
                    titik.append(tok)
                elif re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", tok):
                    koma.append(tok)
                elif re.fullmatch(r"\d+\.\d{1,2}", tok):
                    desimal_titik.append(tok)
    temuan = []
    if titik and koma:
        sedikit = koma if len(koma) <= len(titik) else titik
        temuan.append(
            Temuan(
                PERINGATAN,
                _letak(tabel),
                "amounts written with both '.' and ',' as thousands separator",
                ", ".join(sedikit[:5]),
            )
        )
    if titik and desimal_titik:
        temuan.append(
            Temuan(
                PERINGATAN,
                _letak(tabel),
                "a dot decimal among dot thousands: read as decimals, confirm",
                ", ".join(desimal_titik[:5]),
            )
        )
    return temuan


def _judul_indikator(tabel: Tabel, indikator: list[Indikator]) -> list[Temuan]:
    judul = {id(ind): ind for _, ind in _sebut(tabel.judul, indikator)}
    if len(judul) != 1:
        return []
    (ind_judul,) = judul.values()
    isi = {}
    for baris in tabel.baris:
        for c in baris:
            for _, ind in _sebut(c, indikator):
                isi[id(ind)] = ind
    if isi and id(ind_judul) not in isi:
        lain = ", ".join(ind.nama for ind in isi.values())
        return [
            Temuan(
                GALAT,
                _letak(tabel),
                f"the title names «{ind_judul.nama}» but the table holds «{lain}»",
                tabel.judul,
            )
        ]
    return []


_VERDIK_BELUM = re.compile(
    r"\b(belum|tidak)\s+(dapat\s+)?(mencapai|melampaui|tercapai|terpenuhi)|tidak\s+tercapai", re.I
)
_VERDIK_LAMPAU = re.compile(r"\b(melampaui|terlampaui|melebihi)\b", re.I)
_VERDIK_CAPAI = re.compile(r"\b(mencapai target|tercapai|terpenuhi)\b", re.I)


def _segmen(teks: str, indikator: list[Indikator]) -> list[tuple[Indikator, str]]:
    """The parts of a sentence about each indicator it names (from one name to the next)."""
    norm = " " + " ".join(_kata(teks)) + " "
    sebut = _sebut(teks, indikator)
    return [
        (ind, norm[pos : (sebut[k + 1][0] if k + 1 < len(sebut) else len(norm))])
        for k, (pos, ind) in enumerate(sebut)
    ]


def _verdik(dokumen: Dokumen, indikator: list[Indikator]) -> list[Temuan]:
    temuan = []
    for k in dokumen.kalimat:
        for ind, seg in _segmen(k.teks, indikator):
            nilai = ind.capaian
            if nilai is None:
                continue
            if _VERDIK_BELUM.search(seg):
                klaim = "belum mencapai target"
            elif _VERDIK_LAMPAU.search(seg):
                klaim = "melampaui target"
            elif _VERDIK_CAPAI.search(seg):
                klaim = "mencapai target"
            else:
                continue
            benar = status_target(nilai)
            if klaim == benar or (benar == "melampaui target" and klaim == "mencapai target"):
                continue
            temuan.append(
                Temuan(
                    GALAT,
                    _letak_kalimat(k),
                    f"«{ind.nama}»: capaian {_tampil(nilai, 1)} % ({ind.letak}) is «{benar}»",
                    klaim,
                    benar,
                )
            )
    return temuan


_NILAI = r"(\d[\d.,]*\d|\d)"
_FAKTA = re.compile(
    r"\b(target|realisasi)((?:\s+(?:kinerja|renstra|ikm|indikator|nilai|capaian))*)(?:\s+pada)?(?:\s+tahun\s+(\d{4}))?"
    r"(?:\s+(?:sebesar|mencapai|yaitu|adalah))?\s+" + _NILAI + r"(?!\s*\d)"
)


def _fakta(dokumen: Dokumen, indikator: list[Indikator]):
    """(indikator, year, "target"/"realisasi") → [(value, place)] from tables and sentences."""
    fakta = defaultdict(list)
    for tabel in dokumen.tabel:
        tahun_judul = re.findall(r"tahun\s+(\d{4})", tabel.judul.lower())
        mulai, kolom = _kolom(tabel)
        kepala = tabel.baris[:mulai]
        tahun_kolom = {j: bersih(c) for b in kepala for j, c in enumerate(b) if _TAHUN.match(bersih(c))}
        tahun_kepala = [t for b in kepala for c in b for t in re.findall(r"tahun\s+(\d{4})", c.lower())]
        if _indikator_program(tabel):
            continue
        if {"target", "realisasi"} <= kolom.keys():
            tahun = (tahun_kepala or tahun_judul or [None])[0]
            if tahun is None:
                continue
            tahun_jenis = {}
            for jenis in ("target", "realisasi"):
                sel = [bersih(b[kolom[jenis]]) for b in kepala if kolom[jenis] < len(b)]
                di_sel = [t for c in sel for t in re.findall(r"\b((?:19|20)\d\d)\b", c)]
                tahun_jenis[jenis] = di_sel[0] if di_sel else tahun
            for i, baris in enumerate(tabel.baris[mulai:], start=mulai):
                for _, ind in _sebut(" ".join(baris), indikator)[:1]:
                    for jenis in ("target", "realisasi"):
                        tahun = tahun_jenis[jenis]
                        if kolom[jenis] < len(baris):
                            a = baca_angka(baris[kolom[jenis]])
                            if a is not None:
                                fakta[(id(ind), tahun, jenis)].append((a, _letak(tabel, i), ind))
        elif tahun_kolom and len(set(tahun_kolom.values())) == len(tahun_kolom):
            judul = _sebut(tabel.judul, indikator)
            for i, baris in enumerate(tabel.baris[mulai:], start=mulai):
                teks = " ".join(bersih(c) for c in baris).lower()
                sebut = _sebut(" ".join(baris), indikator) or judul
                if len({id(s[1]) for s in sebut}) != 1:
                    continue
                ind = sebut[0][1]
                label = next((bersih(c).lower() for c in baris if re.search(r"[A-Za-z]", c)), "")
                jenis = (
                    "target"
                    if label.startswith("target")
                    else "realisasi"
                    if label.startswith("realisasi")
                    else None
                )
                if (
                    jenis is None
                    and _sebut(" ".join(baris), indikator)
                    and "realisasi" in (tabel.judul.lower() + teks)
                ):
                    jenis = "realisasi"
                if jenis is None:
                    continue
                for j, tahun in tahun_kolom.items():
                    if j < len(baris):
                        a = baca_angka(baris[j])
                        if a is not None:
                            fakta[(id(ind), tahun, jenis)].append((a, _letak(tabel, i), ind))
    for k in dokumen.kalimat:
        for ind, seg in _segmen(k.teks, indikator):
            tahun = None
            for m in re.finditer(r"\btahun\s+(\d{4})\b|" + _FAKTA.pattern, seg):
                if m.group(1):
                    tahun = m.group(1)
                    continue
                jenis, tahun_sini, teks = m.group(2), m.group(4), m.group(5)
                tahun = tahun_sini or tahun
                if tahun is None:
                    continue
                a = baca_angka(teks.replace(" ", ""))
                if a is not None:
                    fakta[(id(ind), tahun, jenis)].append((a, _letak_kalimat(k), ind))
    return fakta


def _beda_tempat(dokumen: Dokumen, indikator: list[Indikator]) -> list[Temuan]:
    temuan = []
    for (_, tahun, jenis), daftar in _fakta(dokumen, indikator).items():
        nilai = {a.nilai for a, _, _ in daftar}
        if len(nilai) < 2:
            continue
        ind = daftar[0][2]
        temuan.append(
            Temuan(
                GALAT,
                "; ".join(dict.fromkeys(letak for _, letak, _ in daftar)),
                f"«{ind.nama}»: {jenis} {tahun} has different values in different places",
                ", ".join(dict.fromkeys(a.teks for a, _, _ in daftar)),
            )
        )
    return temuan


def _zona(dokumen: Dokumen, indikator: list[Indikator]) -> list[Temuan]:
    """A zone table (columns Zona and Kategori, one numbered row per zone): the exact share of
    zones tertib (category "baik", or a Tertib column saying ya/v) against the realisasi and capaian
    printed for the zona tertib indicator; a capaian computed from a rounded percentage
    (7/12 → "58 %" → 145 % instead of 145,83 %) is an error (docs/rules.md §9)."""
    temuan = []
    ind_zona = [ind for ind in indikator if "tertib" in ind.nama.lower()]
    if len(ind_zona) != 1:
        return temuan
    (ind,) = ind_zona
    for tabel in dokumen.tabel:
        kepala = [bersih(c).lower() for c in (tabel.baris[0] if tabel.baris else [])]
        if "zona" not in kepala or "kategori" not in kepala:
            continue
        j_kat = kepala.index("kategori")
        j_tertib = kepala.index("tertib") if "tertib" in kepala else None
        zona = []
        for baris in tabel.baris[1:]:
            if not baris or not re.fullmatch(r"\d+\.?", bersih(baris[0])) or j_kat >= len(baris):
                continue
            if j_tertib is not None and j_tertib < len(baris):
                zona.append("baik" if bersih(baris[j_tertib]).lower() in ("ya", "v", "✓") else "tidak")
            else:
                zona.append(bersih(baris[j_kat]).lower())
        p = persentase_zona(zona)
        if p is None:
            continue
        sebut = f"{sum(z == 'baik' for z in zona)}/{len(zona)} = {_tampil(p)} % ({_letak(tabel)})"
        for lain in dokumen.tabel:
            mulai, kolom = _kolom(lain)
            if not {"target", "realisasi", "capaian"} <= kolom.keys() or _indikator_program(lain):
                continue
            for i, baris in enumerate(lain.baris[mulai:], start=mulai):
                if max(kolom.values()) >= len(baris) or ind not in [
                    x for _, x in _sebut(" ".join(baris), indikator)
                ]:
                    continue
                t, r, c = (baca_angka(baris[kolom[k]]) for k in ("target", "realisasi", "capaian"))
                if t is None or r is None or c is None:
                    continue
                if not _cocok(r, p):
                    temuan.append(
                        Temuan(
                            GALAT,
                            _letak(lain, i),
                            f"realisasi of «{ind.nama}»: zones tertib {sebut}",
                            r.teks,
                            _tampil(p),
                        )
                    )
                    continue
                benar = capaian(t.nilai, p, Polaritas.POSITIF)
                if not _cocok(c, benar):
                    temuan.append(
                        Temuan(
                            GALAT,
                            _letak(lain, i),
                            f"capaian of «{ind.nama}» from the rounded realisasi {r.teks}; exact: zones tertib {sebut}",
                            c.teks,
                            _tampil(benar),
                        )
                    )
    return temuan


_PAGU = re.compile(r"\bpagu(?:\s+anggaran)?(?:\s+sebesar)?\s+rp\.?\s*(\d[\d.,]*\d)", re.I)
_REAL = re.compile(r"\brealisasi(?:\s+anggaran)?(?:\s+sebesar)?\s+rp\.?\s*(\d[\d.,]*\d)", re.I)
_SERAPAN = re.compile(r"serapan[^.]*?\b(?:adalah|sebesar|mencapai)\s+(\d[\d.,]*)\s*(?:%|persen)", re.I)


def _kalimat_anggaran(
    dokumen: Dokumen, anggaran: dict[int, list[tuple[str, Decimal, Decimal]]]
) -> list[Temuan]:
    """A sentence's "pagu ... Rp X" that equals a realisasi of the budget table before it;
    its "serapan ... N persen" against realisasi / pagu."""
    temuan, terakhir = [], None
    for jenis, i in dokumen.urutan:
        if jenis == "tabel":
            if anggaran.get(i):
                terakhir = anggaran[i]
            continue
        k = dokumen.kalimat[i]
        mp, mr = _PAGU.search(k.teks), _REAL.search(k.teks)
        pagu = baca_angka(mp.group(1), JenisAngka.RUPIAH) if mp else None
        real = baca_angka(mr.group(1), JenisAngka.RUPIAH) if mr else None
        if pagu is not None and terakhir:
            program = [r for r in terakhir if r[0].lower().startswith("program")] or terakhir[:1]
            total_pagu = sum((r[1] for r in program), Decimal(0))
            total_real = sum((r[2] for r in program), Decimal(0))
            if pagu.nilai == total_real and total_pagu != total_real:
                temuan.append(
                    Temuan(
                        GALAT,
                        _letak_kalimat(k),
                        f"the figure labelled pagu is the realisasi of the table above; its pagu is {format_rupiah(total_pagu)} "
                        f"(serapan {_tampil(serapan(total_pagu, total_real))} %)",
                        format_rupiah(pagu.nilai),
                        format_rupiah(total_pagu),
                    )
                )
        ms = _SERAPAN.search(k.teks)
        if ms and pagu is not None and real is not None:
            printed = baca_angka(ms.group(1), JenisAngka.PERSEN)
            s = serapan(pagu.nilai, real.nilai)
            if printed is not None and not _cocok(printed, s):
                temuan.append(
                    Temuan(
                        GALAT,
                        _letak_kalimat(k),
                        "serapan = realisasi / pagu of the same sentence",
                        f"{printed.teks} persen",
                        _tampil(s),
                    )
                )
    return temuan


def reviu(dokumen: Dokumen) -> list[Temuan]:
    """Every finding on the document, errors first, each in reading order."""
    indikator = _indikator(dokumen)
    temuan = _nomor_ganda(dokumen) + _jumlah_sasaran(dokumen)
    anggaran = {}
    for i, tabel in enumerate(dokumen.tabel):
        kepala = " ".join(bersih(c) for b in tabel.baris[:3] for c in b).lower()
        t, rows = _cek_anggaran(tabel, "efisiensi" in kepala)
        anggaran[i] = rows
        temuan += t + _cek_total(tabel) + _cek_subtotal(tabel) + _cek_capaian(tabel) + _cek_ikm(tabel)
        temuan += _cek_akip(tabel)
        temuan += _judul_indikator(tabel, indikator) + _cek_konvensi(tabel)
    temuan += _zona(dokumen, indikator)
    temuan += (
        _verdik(dokumen, indikator) + _beda_tempat(dokumen, indikator) + _kalimat_anggaran(dokumen, anggaran)
    )
    return sorted(temuan, key=lambda t: t.level != GALAT)


def ringkas(temuan: list[Temuan]) -> dict[str, int]:
    return {
        GALAT: sum(t.level == GALAT for t in temuan),
        PERINGATAN: sum(t.level == PERINGATAN for t in temuan),
    }
