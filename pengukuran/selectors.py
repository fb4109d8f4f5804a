"""Realisasi and capaian of indicators, computed from the data by the rules in ``rumus``.

An indicator's yearly realisasi comes from its source (``Indikator.sumber_realisasi``):
the SKM (IKM), an evaluation (AKIP / ZI), the zona tertib assessments, or the
realisasi entered per period, combined by the indicator's aggregation. When a
computed source has no data for a year (e.g. 2023, before the system), the value
entered in the realisasi sheet is used and labelled as such.

Everything is loaded in a constant number of queries for any number of units; each computed
source (SKM, zona, each evaluation jenis) per year only when first asked for, so a reader whose
indicators use no zona or ZI source never reads them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from evaluasi.selectors import total_evaluasi
from perencanaan.models import Indikator, PerjanjianKinerja, PKIndikator
from perencanaan.selectors import BarisRencana, pk_berlaku, rencana_aksi
from rumus.capaian import agregasi, capaian, kategori_capaian, status_target
from rumus.rencana_aksi import status_rencana
from skm.selectors import ikm_tahun
from zona.selectors import persentase_tertib

from .models import Alur, PengajuanRealisasi, Realisasi

PERIODE_TW = ["TW1", "TW2", "TW3", "TW4"]
PERIODE_S = ["S1", "S2"]


@dataclass
class NilaiRealisasi:
    nilai: Decimal | None
    sumber: str  # skm, akip, zi, zona, manual, or "" when missing
    keterangan: str = ""


class _Malas(Mapping):
    """A read-only mapping over fixed keys whose values are computed on first access and kept
    (``Pengukuran.skm``, ``.zona``, ``.evaluasi``: one source read for all units at once)."""

    def __init__(self, kunci: Iterable, hitung: Callable):
        self._kunci = list(kunci)
        self._hitung = hitung
        self._isi: dict = {}

    def __getitem__(self, k):
        if k not in self._isi:
            if k not in self._kunci:
                raise KeyError(k)
            self._isi[k] = self._hitung(k)
        return self._isi[k]

    def __contains__(self, k):
        return k in self._kunci

    def __iter__(self):
        return iter(self._kunci)

    def __len__(self):
        return len(self._kunci)


class NilaiTersimpan(NamedTuple):
    """An entered realisasi's value columns (``Pengukuran(..., nilai_saja=True)``)."""

    id: int
    indikator_id: int
    tahun: int
    periode: str
    nilai: Decimal


class Pengukuran:
    """The sources of a set of units and years, each read (for all the units at once) on first
    use, then answers per indicator."""

    def __init__(
        self, instansi_ids, tahun_list, ringan: bool = False, hanya_pk: bool = False, nilai_saja: bool = False
    ):
        """``ringan``: load only the value columns of the entered realisasi (for pages over many
        units that need values only; analysis, workflow and evidence fields are then deferred).
        ``hanya_pk``: load the entered realisasi of the units' PK indicators only (any PK of the
        units, a superset of the PK in force; for readers asking only ``capaian_pk``).
        ``nilai_saja``: as ``ringan``, but ``manual`` holds plain ``NilaiTersimpan`` tuples, not
        model instances (for a reader that only asks ``realisasi``, e.g. ``capaian_pk``'s own)."""
        self.instansi_ids = list(instansi_ids)
        self.tahun_list = sorted(set(tahun_list))
        self.manual: dict[tuple[int, int], dict[str, Realisasi]] = defaultdict(dict)
        qs = Realisasi.objects.filter(indikator__instansi_id__in=self.instansi_ids, tahun__in=self.tahun_list)
        if hanya_pk:
            qs = qs.filter(
                indikator_id__in=PKIndikator.objects.filter(
                    pk_dokumen__instansi_id__in=self.instansi_ids
                ).values("indikator_id")
            )
        if nilai_saja:
            rows = (NilaiTersimpan(*v) for v in qs.values_list(*NilaiTersimpan._fields))
        else:
            rows = qs.only(*NilaiTersimpan._fields) if ringan else qs
        for r in rows:
            self.manual[(r.indikator_id, r.tahun)][r.periode] = r
        # {tahun: ikm_tahun}, {tahun: persentase_tertib}, {(tahun, jenis): total_evaluasi}: each
        # value read on first access (a fixed number of queries per source and year)
        self.skm = _Malas(self.tahun_list, lambda t: ikm_tahun(self.instansi_ids, t))
        self.zona = _Malas(self.tahun_list, lambda t: persentase_tertib(self.instansi_ids, t))
        self.evaluasi = _Malas(
            [(t, j) for t in self.tahun_list for j in ("akip", "zi")],
            lambda k: total_evaluasi(self.instansi_ids, k[0], k[1]),
        )

    def mencakup(self, instansi_ids, tahun: int) -> bool:
        """Were these units and the year loaded (so a reader may take ``skm``/``evaluasi`` from here)?"""
        return tahun in self.tahun_list and set(instansi_ids) <= set(self.instansi_ids)

    def realisasi(self, ind: Indikator, tahun: int) -> NilaiRealisasi:
        src = ind.sumber_realisasi
        if src == "skm":
            hasil = self.skm.get(tahun, {}).get(ind.instansi_id)
            if hasil and hasil.ikm is not None:
                periods = ", ".join(p.periode for p in hasil.periode)
                return NilaiRealisasi(hasil.ikm, "skm", f"IKM dari SKM ({periods}); {hasil.metode}")
        elif src in ("akip", "zi"):
            total = self.evaluasi.get((tahun, src), {}).get(ind.instansi_id)
            if total is not None:
                return NilaiRealisasi(total, src, f"jumlah nilai komponen evaluasi {src.upper()}")
        elif src == "zona":
            hasil = self.zona.get(tahun, {}).get(ind.instansi_id)
            if hasil and hasil.persentase is not None:
                return NilaiRealisasi(
                    hasil.persentase, "zona", f"{hasil.tertib} dari {hasil.jumlah} zona tertib"
                )
        return self._manual(ind, tahun)

    def _manual(self, ind: Indikator, tahun: int) -> NilaiRealisasi:
        rows = self.manual.get((ind.id, tahun), {})
        if "TAHUN" in rows:
            return NilaiRealisasi(rows["TAHUN"].nilai, "manual", "nilai tahunan yang diisi")
        for group in (PERIODE_TW, PERIODE_S):
            values = [rows[p].nilai for p in group if p in rows]
            if values:
                used = ", ".join(p for p in group if p in rows)
                return NilaiRealisasi(agregasi(values, ind.agregasi), "manual", f"{ind.agregasi} dari {used}")
        return NilaiRealisasi(None, "", "belum ada realisasi")


@dataclass
class BarisCapaian:
    no: int
    sasaran: str
    indikator: Indikator
    satuan: str
    target: Decimal | None
    realisasi: NilaiRealisasi
    capaian: Decimal | None
    kategori: str | None
    status: str | None

    def as_dict(self):
        return {
            "no": self.no,
            "sasaran": self.sasaran,
            "kode": self.indikator.kode,
            "indikator": self.indikator.nama,
            "satuan": self.satuan,
            "target": self.target,
            "realisasi": self.realisasi.nilai,
            "capaian": self.capaian,
            "kategori": self.kategori,
            "status": self.status,
            "sumber_realisasi": self.realisasi.sumber,
            "keterangan": self.realisasi.keterangan,
        }


def _induk_teks(ind: Indikator) -> str:
    if ind.sasaran_id:
        return ind.sasaran.uraian
    if ind.tujuan_id:
        return ind.tujuan.uraian
    return str(ind.kegiatan or ind.program or "")


def capaian_pk(
    instansi_ids, tahun: int, pengukuran: Pengukuran | None = None
) -> dict[int, list[BarisCapaian]]:
    """Capaian of every indicator of each unit's PK in force (constant number of queries).
    Without ``pengukuran``, the realisasi read are only the PK indicators' value columns (the rows
    carry values, never the realisasi's analysis or workflow fields)."""
    pks = pk_berlaku(instansi_ids, tahun)
    pengukuran = pengukuran or Pengukuran(instansi_ids, [tahun], hanya_pk=True, nilai_saja=True)
    unit_pk = {p.id: iid for iid, p in pks.items()}
    rows = (
        PKIndikator.objects.filter(pk_dokumen_id__in=list(unit_pk))
        .select_related(
            "indikator__sasaran",
            "indikator__tujuan",
            "indikator__program",
            "indikator__kegiatan",
        )
        .order_by("pk_dokumen_id", "no", "id")
    )
    out: dict[int, list[BarisCapaian]] = defaultdict(list)
    for row in rows:
        ind = row.indikator
        real = pengukuran.realisasi(ind, tahun)
        c = capaian(row.target, real.nilai, ind.polaritas, row.target_atas)
        lst = out[unit_pk[row.pk_dokumen_id]]
        lst.append(
            BarisCapaian(
                len(lst) + 1,
                _induk_teks(ind),
                ind,
                ind.satuan,
                row.target,
                real,
                c,
                kategori_capaian(c),
                status_target(c),
            )
        )
    return out


@dataclass(frozen=True)
class Pembanding:
    """The target a quarter's realisasi is judged against: the quarter's target of the Rencana
    Aksi when the indicator has one (``triwulan``), else the PK's annual target, as before."""

    target: Decimal | None
    target_atas: Decimal | None
    triwulan: bool
    periode: str

    @property
    def label(self) -> str:
        from django.utils.translation import gettext as _

        if self.triwulan:
            return _("terhadap target %(tw)s (Rencana Aksi)") % {"tw": self.periode}
        return _("terhadap target tahunan")


def pembanding_triwulan(row: PKIndikator, periode: str, rencana: dict[int, dict[str, Decimal]]) -> Pembanding:
    """What ``periode``'s realisasi of the PK row is compared with; ``rencana`` is
    ``perencanaan.selectors.target_triwulan`` of the year (one query for every indicator)."""
    tw = rencana.get(row.indikator_id, {}).get(periode)
    if tw is not None:
        return Pembanding(tw, None, True, periode)
    return Pembanding(row.target, row.target_atas, False, periode)


def capaian_triwulan(
    row: PKIndikator, periode: str, nilai: Decimal | None, rencana: dict[int, dict[str, Decimal]]
) -> tuple[Decimal | None, Pembanding]:
    """Capaian of one quarter's realisasi (rumus.capaian.capaian) against the quarter's target of
    the Rencana Aksi, else against the annual target (labelled so), and what it was compared with."""
    p = pembanding_triwulan(row, periode, rencana)
    c = capaian(p.target, nilai, row.indikator.polaritas, p.target_atas) if nilai is not None else None
    return c, p


def pengajuan_periode(instansi, tahun: int, periode: str, alur: str = Alur.KINERJA) -> PengajuanRealisasi:
    """The submission state of the unit's realisasi for the period in one workflow (``alur``:
    performance or budget). Without a row (nothing written yet) an unsaved one in status draf:
    a page never creates it. One query."""
    return PengajuanRealisasi.objects.filter(
        instansi=instansi, tahun=tahun, periode=periode, alur=alur
    ).first() or PengajuanRealisasi(instansi=instansi, tahun=tahun, periode=periode, alur=alur)


def status_tahun(instansi, tahun: int) -> dict[tuple[str, str], PengajuanRealisasi]:
    """(alur, periode) -> the state of every quarter of both workflows in the year (unsaved draf
    rows where nothing was written). One query."""
    ada = {
        (p.alur, p.periode): p
        for p in PengajuanRealisasi.objects.filter(instansi=instansi, tahun=tahun, periode__in=PERIODE_TW)
    }
    return {
        (a, t): ada.get((a, t)) or PengajuanRealisasi(instansi=instansi, tahun=tahun, periode=t, alur=a)
        for a in Alur.values
        for t in PERIODE_TW
    }


@dataclass
class TriwulanPantau:
    periode: str
    target: Decimal | None  # the target the realisasi is compared with (see ``triwulan``)
    triwulan: bool  # True: the Rencana Aksi's quarter target; False: the annual target
    realisasi: Decimal | None
    capaian: Decimal | None
    kategori: str | None


@dataclass
class PantauRencana:
    """Monitoring of one PK indicator's Rencana Aksi: per quarter the target, the entered realisasi
    and the capaian against the quarter's target, and whether the latest judged quarter is on plan."""

    baris: BarisRencana
    triwulan: list[TriwulanPantau]
    status: str | None  # "sesuai rencana", "tertinggal", or None (no plan, or nothing to judge yet)
    status_periode: str | None


def pantau_rencana(instansi, tahun: int) -> tuple[PerjanjianKinerja | None, list[PantauRencana]]:
    """The Rencana Aksi of the unit-year beside the realisasi entered per quarter (TW1–TW4): each
    quarter's capaian against the quarter's target when the indicator has a plan, else against the
    annual target (``TriwulanPantau.triwulan`` False). Five queries."""
    pk, baris = rencana_aksi(instansi, tahun)
    if pk is None:
        return None, []
    nilai: dict[tuple[int, str], Decimal] = {
        (i, p): n
        for i, p, n in Realisasi.objects.filter(
            indikator_id__in=[b.indikator.id for b in baris], tahun=tahun, periode__in=PERIODE_TW
        ).values_list("indikator_id", "periode", "nilai")
    }
    rencana = {b.indikator.id: b.target_tw for b in baris if b.target_tw}
    out = []
    for b in baris:
        tw = []
        for p in PERIODE_TW:
            r = nilai.get((b.indikator.id, p))
            c, banding = capaian_triwulan(b.pk_row, p, r, rencana)
            tw.append(TriwulanPantau(p, banding.target, banding.triwulan, r, c, kategori_capaian(c)))
        st = (
            status_rencana(b.target_daftar(), [t.realisasi for t in tw], b.indikator.polaritas)
            if b.ada_rencana and b.selisih is None
            else None
        )
        out.append(PantauRencana(b, tw, st[0] if st else None, st[1] if st else None))
    return pk, out
