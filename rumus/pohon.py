"""The pohon kinerja (performance tree) as plain data, and the checks the AKIP evaluation asks of
it (PermenPANRB 88/2021, LKE component *Perencanaan Kinerja*: "kinerja dijenjangkan/cascading
secara selaras", "indikator kinerja ... berorientasi hasil", "anggaran selaras dengan kinerja").

The tree is built by ``pohon.selectors`` from the database; here it is only data (no Django).
docs/rules.md §12 lists the rules with their sources.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from .capaian import WARNA_KATEGORI, warna_kategori  # noqa: F401 - the tree's colours are the dashboards'

# The levels of a tree, top to bottom (a unit tree starts at its tujuan; its parent is the pemda
# sasaran it supports).
SASARAN_PEMDA = "sasaran_pemda"
TUJUAN = "tujuan"
SASARAN = "sasaran"
PROGRAM = "program"
KEGIATAN = "kegiatan"
SUB_KEGIATAN = "sub_kegiatan"
RHK = "rhk"
LEVEL = (SASARAN_PEMDA, TUJUAN, SASARAN, PROGRAM, KEGIATAN, SUB_KEGIATAN, RHK)

OUTCOME = "outcome"
OUTPUT = "output"
# docs/rules.md §12.1: a level's results are outcomes (tujuan, sasaran strategis, sasaran program:
# Permendagri 86/2017 art. 1 and PermenPANRB 89/2021 "cascading") or outputs (kegiatan and
# sub-kegiatan: their indicators measure the goods or services delivered). Configurable default.
JENIS_LEVEL = {
    SASARAN_PEMDA: OUTCOME,
    TUJUAN: OUTCOME,
    SASARAN: OUTCOME,
    PROGRAM: OUTCOME,
    KEGIATAN: OUTPUT,
    SUB_KEGIATAN: OUTPUT,
    RHK: OUTPUT,
}

# the same colours as hex, for the server-side SVG and PDF (static/sakip.css --hijau …)
HEKS_WARNA = {"hijau": "#1e7b34", "kuning": "#7a5400", "merah": "#a4262c", "abu": "#5a6470"}


def jenis_indikator(level: str, jenis: str = "") -> str:
    """Outcome or output: the indicator's own ``jenis`` when set, else its level's
    (``JENIS_LEVEL``; docs/rules.md §12.1)."""
    if jenis in (OUTCOME, OUTPUT):
        return jenis
    return JENIS_LEVEL.get(level, OUTPUT)


@dataclass
class IndikatorPohon:
    kode: str
    nama: str
    satuan: str = ""
    jenis: str = OUTCOME
    pemilik: str | None = None
    target: Decimal | None = None
    realisasi: Decimal | None = None
    capaian: Decimal | None = None
    kategori: str | None = None

    @property
    def warna(self) -> str:
        return warna_kategori(self.kategori)


@dataclass
class AnggaranPohon:
    """A budget code linked to a node, with its pagu and realisasi (summed over its lines)."""

    kode: str
    nama: str
    pagu: Decimal = Decimal(0)
    realisasi: Decimal = Decimal(0)


@dataclass
class SimpulPohon:
    """A node: ``kunci`` is unique in the tree (``level:id``), ``instansi`` the unit's slug ("" for
    the pemda's nodes)."""

    kunci: str
    level: str
    kode: str
    nama: str
    instansi: str = ""
    pemilik: str | None = None
    indikator: list[IndikatorPohon] = field(default_factory=list)
    anggaran: list[AnggaranPohon] = field(default_factory=list)
    anak: list[SimpulPohon] = field(default_factory=list)


def telusur(akar: Iterable[SimpulPohon]) -> Iterator[SimpulPohon]:
    """Every node, depth first, parents before children (a node reached twice — a crosscutting
    pemda sasaran — is visited once)."""
    dilihat: set[int] = set()
    tumpukan = list(reversed(list(akar)))
    while tumpukan:
        s = tumpukan.pop()
        if id(s) in dilihat:
            continue
        dilihat.add(id(s))
        yield s
        tumpukan.extend(reversed(s.anak))


def jumlah_simpul(akar: Iterable[SimpulPohon]) -> int:
    return sum(1 for _ in telusur(akar))


# --- the checks (docs/rules.md §12.2) ---------------------------------------------------------

TANPA_INDIKATOR = "tanpa_indikator"
TANPA_PEMILIK = "tanpa_pemilik"
SASARAN_TANPA_PROGRAM = "sasaran_tanpa_program"
ANGGARAN_TANPA_KINERJA = "anggaran_tanpa_kinerja"
OUTCOME_HANYA_OUTPUT = "outcome_hanya_output"
JENIS_TEMUAN = (
    TANPA_INDIKATOR,
    TANPA_PEMILIK,
    SASARAN_TANPA_PROGRAM,
    ANGGARAN_TANPA_KINERJA,
    OUTCOME_HANYA_OUTPUT,
)


@dataclass(frozen=True)
class TemuanPohon:
    jenis: str  # one of JENIS_TEMUAN
    kunci: str  # the node's kunci, or "anggaran:<kode>" for a budget line
    instansi: str  # the unit's slug ("" for a pemda node)
    kode: str  # the node's or indicator's or budget line's code
    nama: str


def mencakup(kode_dukungan: str, kode: str) -> bool:
    """Does a supporting budget code (programme, kegiatan or sub-kegiatan) cover a sub-kegiatan
    code? Segment-wise prefix, as ``anggaran.Dukungan.mencakup``."""
    return kode == kode_dukungan or kode.startswith(kode_dukungan + ".")


def periksa_pohon(
    akar: Iterable[SimpulPohon],
    anggaran: Iterable[tuple[str, str, str]] = (),
    dukungan: dict[str, Iterable[str]] | None = None,
) -> list[TemuanPohon]:
    """The tree's findings, in tree order, then the budget lines:

    - ``tanpa_indikator``: a node (below the pemda sasaran) without any indicator;
    - ``tanpa_pemilik``: an indicator without an owner (jabatan);
    - ``sasaran_tanpa_program``: a sasaran strategis without a supporting programme under it;
    - ``outcome_hanya_output``: a node of an outcome level (``JENIS_LEVEL``) whose indicators
      are all outputs;
    - ``anggaran_tanpa_kinerja``: a budget line (``anggaran``: (unit slug, sub-kegiatan code,
      name)) that no supporting code of its unit (``dukungan``: {unit slug: codes}) covers.
    """
    out: list[TemuanPohon] = []
    for s in telusur(akar):
        if s.level == SASARAN_PEMDA:
            continue
        if not s.indikator:
            out.append(TemuanPohon(TANPA_INDIKATOR, s.kunci, s.instansi, s.kode, s.nama))
        for ind in s.indikator:
            if not (ind.pemilik or "").strip():
                out.append(TemuanPohon(TANPA_PEMILIK, s.kunci, s.instansi, ind.kode, ind.nama))
        if s.level == SASARAN and not any(a.level == PROGRAM for a in s.anak):
            out.append(TemuanPohon(SASARAN_TANPA_PROGRAM, s.kunci, s.instansi, s.kode, s.nama))
        if (
            JENIS_LEVEL.get(s.level) == OUTCOME
            and s.indikator
            and all(ind.jenis == OUTPUT for ind in s.indikator)
        ):
            out.append(TemuanPohon(OUTCOME_HANYA_OUTPUT, s.kunci, s.instansi, s.kode, s.nama))
    dukungan = {k: list(v) for k, v in (dukungan or {}).items()}
    dilihat: set[tuple[str, str]] = set()
    for slug, kode, nama in anggaran:
        if (slug, kode) in dilihat:
            continue
        dilihat.add((slug, kode))
        if not any(mencakup(d, kode) for d in dukungan.get(slug, ())):
            out.append(TemuanPohon(ANGGARAN_TANPA_KINERJA, f"anggaran:{kode}", slug, kode, nama))
    return out
