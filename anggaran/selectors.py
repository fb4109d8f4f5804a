"""Budget roll-ups: realisasi aggregated per line in SQL, then summed up the
programme ← kegiatan ← sub-kegiatan tree by ``rumus.anggaran.roll_up``.

Two queries for any number of units (lines; realisasi grouped by line).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from pengukuran.models import Alur, Realisasi
from pengukuran.selectors import PERIODE_TW, pk_berlaku, status_tahun
from perencanaan.models import PKIndikator
from rumus.anggaran import Baris, RollUp, roll_up

from .models import BarisAnggaran, Dukungan, Kegiatan, PaguProgram, Program, RealisasiAnggaran, SubKegiatan


@dataclass
class DataBaris:
    """A budget line with its year realisasi, as loaded for roll-ups and checks."""

    id: int
    instansi_id: int
    program: str
    kegiatan: str
    sub_kegiatan: str
    subunit: str | None
    subunit_nama: str | None
    pagu: Decimal
    pagu_murni: Decimal | None
    kas: tuple[Decimal, Decimal, Decimal, Decimal]
    realisasi_tahun: Decimal | None
    realisasi_tw: Decimal | None

    @property
    def realisasi(self) -> Decimal:
        """The year's realisasi: the TAHUN value when entered, else the sum of the quarters."""
        if self.realisasi_tahun is not None:
            return self.realisasi_tahun
        return self.realisasi_tw or Decimal(0)

    def baris(self) -> Baris:
        return Baris(
            self.program,
            self.kegiatan,
            self.sub_kegiatan,
            self.pagu,
            self.realisasi,
            self.pagu_murni,
            self.kas,
            self.subunit,
        )


def muat_baris(instansi_ids, tahun: int) -> dict[int, list[DataBaris]]:
    real = {
        r["baris_id"]: r
        for r in RealisasiAnggaran.objects.filter(baris__instansi_id__in=instansi_ids, baris__tahun=tahun)
        .values("baris_id")
        .annotate(tahun=Sum("nilai", filter=Q(periode="TAHUN")), tw=Sum("nilai", filter=~Q(periode="TAHUN")))
    }
    out: dict[int, list[DataBaris]] = defaultdict(list)
    rows = (
        BarisAnggaran.objects.filter(instansi_id__in=instansi_ids, tahun=tahun)
        .values_list(
            "id",
            "instansi_id",
            "sub_kegiatan__kegiatan__program__kode",
            "sub_kegiatan__kegiatan__kode",
            "sub_kegiatan__kode",
            "subunit__kode",
            "subunit__nama",
            "pagu",
            "pagu_murni",
            "kas_tw1",
            "kas_tw2",
            "kas_tw3",
            "kas_tw4",
        )
        .order_by("instansi_id", "sub_kegiatan__kode", "subunit__kode", "id")
    )
    for bid, iid, prog, keg, sub, su, su_nama, pagu, murni, k1, k2, k3, k4 in rows:
        r = real.get(bid, {})
        out[iid].append(
            DataBaris(
                bid,
                iid,
                prog,
                keg,
                sub,
                su,
                su_nama,
                pagu,
                murni,
                (k1, k2, k3, k4),
                r.get("tahun"),
                r.get("tw"),
            )
        )
    return out


def realisasi_triwulan(instansi_id: int, tahun: int) -> dict[int, dict[str, Decimal]]:
    """The quarterly realisasi (TW1–TW4) of each budget line of a unit-year, as entered:
    {baris_id: {periode: nilai}} (one query)."""
    out: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for bid, periode, nilai in (
        RealisasiAnggaran.objects.filter(baris__instansi_id=instansi_id, baris__tahun=tahun)
        .exclude(periode="TAHUN")
        .values_list("baris_id", "periode", "nilai")
    ):
        out[bid][periode] = nilai
    return out


def roll_up_instansi(instansi_ids, tahun: int) -> dict[int, RollUp]:
    return {iid: roll_up(b.baris() for b in lines) for iid, lines in muat_baris(instansi_ids, tahun).items()}


def total_instansi(instansi_ids, tahun: int) -> dict[int, tuple[Decimal, Decimal]]:
    """(Σ pagu, Σ realisasi) per unit, summed in the database: the totals of ``roll_up_instansi``
    without building every unit's tree (the pemda dashboard needs only these). A line's realisasi
    is its yearly value when entered, else the sum of its quarters, as in ``DataBaris.realisasi``."""
    per_baris = (
        RealisasiAnggaran.objects.filter(baris_id=OuterRef("pk"))
        .values("baris_id")
        .annotate(v=Coalesce(Sum("nilai", filter=Q(periode="TAHUN")), Sum("nilai")))
        .values("v")
    )
    rows = (
        BarisAnggaran.objects.filter(instansi_id__in=instansi_ids, tahun=tahun)
        .annotate(r=Coalesce(Subquery(per_baris), Value(Decimal(0)), output_field=DecimalField()))
        .values("instansi_id")
        .annotate(pagu=Sum("pagu"), realisasi=Sum("r"))
        .order_by()
    )
    return {r["instansi_id"]: (r["pagu"], r["realisasi"]) for r in rows}


def pagu_murni_program(instansi_id: int, tahun: int) -> dict[str, Decimal]:
    return dict(
        PaguProgram.objects.filter(instansi_id=instansi_id, tahun=tahun).values_list(
            "program__kode", "pagu_murni"
        )
    )


def nama_nomenklatur(kode_list) -> dict[str, str]:
    kode_list = set(kode_list)
    out = {}
    for model in (Program, Kegiatan, SubKegiatan):
        out.update(model.objects.filter(kode__in=kode_list).values_list("kode", "nama"))
    return out


def dukungan_unit(instansi, tahun: int) -> list[Dukungan]:
    """Which budget codes support which indikator in the unit's year (sheet dukungan). One query."""
    return list(Dukungan.objects.filter(instansi=instansi, tahun=tahun))


@dataclass
class KuartalAlur:
    """One quarter of one workflow in the year-lock summary."""

    alur: str
    alur_label: str
    periode: str
    status: str
    status_label: str
    kosong: int  # manual PK indicators / budget lines without a value for the quarter
    jumlah: int  # manual PK indicators / budget lines of the year

    @property
    def terverifikasi(self) -> bool:
        return self.status in ("diverifikasi", "terkunci")


def ringkasan_kunci_tahun(instansi, tahun: int) -> list[KuartalAlur]:
    """What locking the year would lock: every quarter of the performance and the budget
    workflow with its state and how many of its entries are still empty. Six queries."""
    status = status_tahun(instansi, tahun)
    pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    manual = (
        list(
            PKIndikator.objects.filter(pk_dokumen=pk, indikator__sumber_realisasi="manual").values_list(
                "indikator_id", flat=True
            )
        )
        if pk
        else []
    )
    isi_kinerja = defaultdict(int)
    for periode in Realisasi.objects.filter(
        indikator_id__in=manual, tahun=tahun, periode__in=PERIODE_TW
    ).values_list("periode", flat=True):
        isi_kinerja[periode] += 1
    baris = BarisAnggaran.objects.filter(instansi=instansi, tahun=tahun).count()
    isi_anggaran = dict(
        RealisasiAnggaran.objects.filter(baris__instansi=instansi, baris__tahun=tahun, periode__in=PERIODE_TW)
        .values("periode")
        .annotate(n=Count("id"))
        .values_list("periode", "n")
    )
    out = []
    for a in Alur:
        jumlah, isi = (len(manual), isi_kinerja) if a == Alur.KINERJA else (baris, isi_anggaran)
        for t in PERIODE_TW:
            p = status[(a.value, t)]
            out.append(
                KuartalAlur(
                    a.value, a.label, t, p.status, p.get_status_display(), jumlah - isi.get(t, 0), jumlah
                )
            )
    return out


# --- the DPA page (budget lines of a unit-year, entered in the app) ------------------------------

TRIWULAN = ("TW1", "TW2", "TW3", "TW4")


def periode_tertutup(instansi, tahun: int) -> set[str]:
    """The quarters of the unit-year whose budget can no longer be changed: the quarter of the
    budget workflow (``pengukuran.PengajuanRealisasi`` of ``Alur.ANGGARAN``, the one the budget
    realisasi follows) is no longer open — submitted, verified or locked. TW4 closed closes the
    year: pagu, lines and links. One query."""
    from pengukuran.models import PengajuanRealisasi, StatusPeriode

    terbuka = {StatusPeriode.DRAFT, StatusPeriode.DIKEMBALIKAN}
    return {
        p
        for p, s in PengajuanRealisasi.objects.filter(
            instansi=instansi, tahun=tahun, periode__in=TRIWULAN, alur=Alur.ANGGARAN
        ).values_list("periode", "status")
        if s not in terbuka
    }


def sidik_baris(b: BarisAnggaran) -> str:
    """A fingerprint of a line's stored values: the DPA form posts it back, and a line changed by
    someone else meanwhile is refused (``Konflik``), never overwritten."""
    import hashlib

    isi = "|".join(
        str(v)
        for v in (
            b.sub_kegiatan_id,
            b.subunit_id,
            b.pagu_murni,
            b.pagu,
            b.kas_tw1,
            b.kas_tw2,
            b.kas_tw3,
            b.kas_tw4,
        )
    )
    return hashlib.sha256(isi.encode()).hexdigest()[:16]


def baris_dpa(instansi, tahun: int) -> list[BarisAnggaran]:
    """The unit-year's budget lines in nomenclature order, each with ``ada_realisasi`` (any budget
    realisasi entered). Two queries."""
    lines = list(
        BarisAnggaran.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("sub_kegiatan__kegiatan__program", "subunit")
        .order_by("sub_kegiatan__kode", "subunit__kode", "id")
    )
    ada = set(RealisasiAnggaran.objects.filter(baris__in=lines).values_list("baris_id", flat=True).distinct())
    for b in lines:
        b.ada_realisasi = b.id in ada
    return lines


def cari_sub_kegiatan(q: str, batas: int = 20) -> list[tuple[str, str]]:
    """Sub-kegiatan whose code starts with ``q`` or whose name holds every word of ``q``: the
    stored nomenclature and the shipped kecamatan list (``anggaran.nomenklatur.bawaan``), by code.
    One query."""
    from .nomenklatur import bawaan

    kata = q.split()
    if not kata:
        qs = SubKegiatan.objects.all()
    else:
        nama = Q()
        for k in kata:
            nama &= Q(nama__icontains=k)
        qs = SubKegiatan.objects.filter(Q(kode__startswith=q.strip()) | nama)
    out = dict(qs.order_by("kode").values_list("kode", "nama")[:batas])
    kecil = [k.lower() for k in kata]
    for r in bawaan():
        if r.tingkat != "sub_kegiatan" or r.kode in out:
            continue
        if not kata or r.kode.startswith(q.strip()) or all(k in r.nama.lower() for k in kecil):
            out[r.kode] = r.nama
    return sorted(out.items())[:batas]


def pilihan_awal(instansi, batas: int = 400) -> list[tuple[str, str]]:
    """The sub-kegiatan the DPA page's list offers before anything is typed: those of the unit's
    urusan (the first two parts of the codes its lines use, any year; a kecamatan without lines:
    7.01), at most ``batas`` (typing searches the whole nomenclature). Two queries."""
    urusan = {
        ".".join(k.split(".")[:2])
        for k in BarisAnggaran.objects.filter(instansi=instansi)
        .values_list("sub_kegiatan__kode", flat=True)
        .distinct()
    }
    if not urusan and instansi.jenis == "kecamatan":
        urusan = {"7.01"}
    if not urusan:
        return cari_sub_kegiatan("", batas=batas)
    from .nomenklatur import bawaan

    awalan = tuple(u + "." for u in sorted(urusan))
    cocok = Q()
    for a in awalan:
        cocok |= Q(kode__startswith=a)
    out = dict(SubKegiatan.objects.filter(cocok).order_by("kode").values_list("kode", "nama")[:batas])
    for r in bawaan():
        if r.tingkat == "sub_kegiatan" and r.kode.startswith(awalan) and r.kode not in out:
            out[r.kode] = r.nama
    return sorted(out.items())[:batas]


def kode_dari_teks(teks: str) -> str:
    """The sub-kegiatan code at the start of a picked option ("7.01.01.2.01.0006 — Koordinasi …"),
    or the whole text when it holds no code."""
    t = teks.strip()
    awal = t.split(" ", 1)[0].rstrip("—-:")
    return awal if awal[:1].isdigit() and "." in awal else t


def dukungan_tahun(instansi, tahun: int) -> set[tuple[str, int]]:
    """(kode, indikator id) of the unit-year's Dukungan rows. One query."""
    return set(Dukungan.objects.filter(instansi=instansi, tahun=tahun).values_list("kode", "indikator_id"))
