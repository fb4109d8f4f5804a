"""Reads of the survey: IKM per period and per year from the NRR summaries (formulas in rumus.skm),
and the unit's survey setup (question wording, settings)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from django.db.models import Count, Sum

from dasar.memori import tanpa_gc
from rumus import skm as rumus_skm
from rumus.skm import UNSUR

from .models import (
    JumlahJawaban,
    JumlahJawabanUnit,
    JumlahTahunUnit,
    PengaturanSKM,
    PertanyaanSKM,
    Responden,
    RingkasanNRR,
)

URUTAN = ["TW1", "TW2", "S1", "TW3", "TW4", "S2", "TAHUN"]
PERIODE_TAHUN = URUTAN  # the periods that have their columns in JumlahTahunUnit, in its column order
METODE_RATA_PERIODE = "rata-rata nilai periode (semester = rata-rata triwulan; tahun = rata-rata semester)"
METODE_GABUNG_RESPONDEN = "gabungan responden (NRR dari seluruh jawaban responden tahun itu)"
UNSUR_FIELDS = [f"u{i}" for i in range(1, 10)]
UNSUR_LAMA = [f"u{i}" for i in range(10, rumus_skm.MAKS_UNSUR + 1)]  # only in the 14-unsur scheme


@dataclass
class IKMPeriode:
    periode: str
    nrr: list[Decimal]
    responden: int | None
    skema: rumus_skm.Skema = field(default=rumus_skm.PERMENPANRB_14_2017)

    @property
    def unsur(self) -> tuple[str, ...]:
        """The names of the unsur, in the order of ``nrr`` (the scheme's)."""
        return self.skema.unsur

    @property
    def ikm_unsur(self) -> list[Decimal]:
        return [rumus_skm.ikm_unsur(n) for n in self.nrr]

    @property
    def mutu_unsur(self) -> list[str]:
        return [rumus_skm.mutu(v, self.skema)[0] for v in self.ikm_unsur]

    @cached_property
    def ikm(self) -> Decimal:
        """Computed once (a national read asks each period's IKM for the year's and again for
        the page); ``nrr`` and ``skema`` are not changed after construction."""
        return rumus_skm.ikm_dari_nrr(self.nrr, self.skema)

    @property
    def mutu(self) -> str:
        return rumus_skm.mutu(self.ikm, self.skema)[0]


@dataclass
class IKMTahun:
    periode: list[IKMPeriode]
    ikm: Decimal | None
    metode: str
    skema: rumus_skm.Skema = field(default=rumus_skm.PERMENPANRB_14_2017)

    @property
    def mutu(self) -> str | None:
        m = rumus_skm.mutu(self.ikm, self.skema)
        return m[0] if m else None


KOLOM_JUMLAH = (
    "n",
    *(f"s{i}" for i in range(1, rumus_skm.MAKS_UNSUR + 1)),
    *(f"n{i}" for i in range(10, rumus_skm.MAKS_UNSUR + 1)),
)


KOLOM_LAMA = (
    *(f"s{i}" for i in range(10, rumus_skm.MAKS_UNSUR + 1)),
    *(f"n{i}" for i in range(10, rumus_skm.MAKS_UNSUR + 1)),
)


def baris_jumlah(instansi_ids, tahun: int) -> list[tuple]:
    """The running sums per unit and period of the units' raw responses (``JumlahJawabanUnit``,
    kept by the database with every answer): one query reading one row per unit and period, never
    a scan of the answers nor a sum over the layanan.

    Rows (instansi_id, periode, respondents, Σ answers u1..u9, ``lama``): ``lama`` is None unless
    the older scheme's u10..u14 were answered, then (Σ answers u10..u14, answers given u10..u14)
    — a national read sends half the columns. The unit ids go as one array parameter on PostgreSQL
    (``larik_id``: a national read has tens of thousands)."""
    from django.db import connection

    instansi_ids = [int(i) for i in instansi_ids]
    if not instansi_ids:
        return []
    tabel = connection.ops.quote_name(JumlahJawabanUnit._meta.db_table)
    dasar = ", ".join(KOLOM_JUMLAH[:10])  # n, s1..s9
    saring, param = _saring_unit(connection, instansi_ids)
    pg = connection.vendor == "postgresql"
    if pg:  # the u10..u14 columns as one array, NULL when unanswered: a national read sends half
        ada_lama = " + ".join(KOLOM_LAMA[5:])
        lama = f"CASE WHEN {ada_lama} > 0 THEN ARRAY[{', '.join(KOLOM_LAMA)}] END"
    else:
        lama = ", ".join(KOLOM_LAMA)
    with connection.cursor() as c:
        c.execute(
            f"SELECT instansi_id, periode, {dasar}, {lama} FROM {tabel} WHERE {saring} AND tahun = %s AND n > 0",
            [*param, tahun],
        )
        return c.fetchall() if pg else [_baris(r) for r in c.fetchall()]


def _baris(r) -> tuple:
    """(instansi_id, periode, n, s1..s9, s10..s14, n10..n14) as a ``baris_jumlah`` row."""
    return (*r[:12], tuple(r[12:]) if any(r[17:]) else None)


def baris_jumlah_dari_jawaban(instansi_ids, tahun: int) -> list[tuple]:
    """The same rows as ``baris_jumlah``, recomputed by a GROUP BY over every answer: the check of
    the running sums (tests) and the baseline of benchmarks/bench_nasional.py."""
    qs = (
        Responden.objects.filter(instansi_id__in=instansi_ids, tahun=tahun)
        .values("instansi_id", "periode")
        .annotate(
            jn=Count("id"),
            **{f"js{i}": Sum(f"u{i}") for i in range(1, rumus_skm.MAKS_UNSUR + 1)},
            **{f"jn{i}": Count(f"u{i}") for i in range(10, rumus_skm.MAKS_UNSUR + 1)},
        )
        .order_by()
        .values_list(
            "instansi_id",
            "periode",
            "jn",
            *(f"js{i}" for i in range(1, rumus_skm.MAKS_UNSUR + 1)),
            *(f"jn{i}" for i in range(10, rumus_skm.MAKS_UNSUR + 1)),
        )
    )
    return [_baris([0 if v is None else v for v in r]) for r in qs]


def _nrr_baris(r) -> list[Decimal]:
    """NRR per unsur of one ``baris_jumlah`` row: Σ answers / respondents for u1..u9, and for
    u10..u14 (the 14-unsur scheme) Σ answers / answers given to that unsur, when any."""
    nd = Decimal(r[2])  # exact: the same quotients as dividing by the int
    nrr = [Decimal(s) / nd for s in r[3:12]]
    if lama := r[12]:
        nrr += [Decimal(lama[i]) / lama[i + 5] for i in range(5) if lama[i + 5]]
    return nrr


def _nrr_dari_jumlah(baris) -> dict[int, dict[str, tuple[list[Decimal], int]]]:
    out: dict[int, dict[str, tuple[list[Decimal], int]]] = defaultdict(dict)
    for r in baris:
        out[r[0]][r[1]] = (_nrr_baris(r), r[2])
    return out


def nrr_responden(instansi_ids, tahun: int) -> dict[int, dict[str, tuple[list[Decimal], int]]]:
    """NRR per unsur per period of the units' raw responses, from the running sums
    (``baris_jumlah``). Returns {instansi_id: {periode: ([NRR u1..u9, and u10..u14 when answered],
    respondents)}}."""
    return _nrr_dari_jumlah(baris_jumlah(instansi_ids, tahun))


def nrr_responden_dari_jawaban(instansi_ids, tahun: int) -> dict[int, dict[str, tuple[list[Decimal], int]]]:
    """The same as ``nrr_responden``, recomputed by a GROUP BY over every answer (``manage.py
    jumlah_skm``, tests, benchmarks)."""
    return _nrr_dari_jumlah(baris_jumlah_dari_jawaban(instansi_ids, tahun))


class IKMJumlah:
    """A period's IKM made from one ``baris_jumlah`` row, with the interface of ``IKMPeriode``
    (``periode``, ``nrr``, ``responden``, ``skema``, ``unsur``, ``ikm_unsur``, ``mutu_unsur``,
    ``ikm``, ``mutu``): the IKM is computed at once — from the sums in one division
    (``rumus.skm.ikm_dari_jumlah``) when every respondent answered every unsur of the scheme —
    and the NRR only when asked for (a national read needs the IKM of every unit and period, a
    page the NRR of a few). Slotted: tens of thousands are made at once."""

    __slots__ = ("periode", "responden", "skema", "ikm", "_baris", "_nrr")

    def __init__(self, baris: tuple, skema: rumus_skm.Skema):
        n = baris[2]
        lama = baris[12]
        self.periode = baris[1]
        self.responden = n
        self._baris = baris
        self._nrr = None
        if lama is None:
            self.skema = skema if skema.jumlah == 9 else _skema_jumlah(skema, 9)
            if self.skema.jumlah == 9:
                self.ikm = rumus_skm.ikm_dari_jumlah(baris[3:12], n, self.skema)
                return
        else:
            diberi = [c for c in lama[5:] if c]
            self.skema = _skema_jumlah(skema, 9 + len(diberi))
            if self.skema.jumlah == 14 and all(c == n for c in diberi):
                self.ikm = rumus_skm.ikm_dari_jumlah((*baris[3:12], *lama[:5]), n, self.skema)
                return
        self.ikm = rumus_skm.ikm_dari_nrr(self.nrr, self.skema)

    @property
    def nrr(self) -> list[Decimal]:
        if self._nrr is None:
            self._nrr = _nrr_baris(self._baris)
        return self._nrr

    unsur = IKMPeriode.unsur
    ikm_unsur = IKMPeriode.ikm_unsur
    mutu_unsur = IKMPeriode.mutu_unsur
    mutu = IKMPeriode.mutu

    def __repr__(self) -> str:
        return f"IKMJumlah({self.periode!r}, n={self.responden}, ikm={self.ikm})"


_URUT = {p: i for i, p in enumerate(URUTAN)}


def _kunci_urut(p) -> int:
    return _URUT.get(p.periode, len(URUTAN))


def selisih_jumlah_jawaban() -> list[dict]:
    """Groups where the running sums differ from a GROUP BY over the answers: per (unit, layanan,
    year, period) in ``JumlahJawaban``, per (unit, year, period) in ``JumlahJawabanUnit``, whose
    ``kunci`` has ``None`` for the layanan, and per (unit, year) in ``JumlahTahunUnit``, whose
    ``kunci`` is (unit, "tahun", year, None) (four queries; a maintenance check, ``manage.py
    jumlah_skm``, not a page's read)."""
    from django.db.models.functions import Coalesce

    kolom = ["n", *[f"s{i}" for i in range(1, 15)], *[f"n{i}" for i in range(10, 15)]]
    kunci = ("instansi_id", "layanan_kunci", "tahun", "periode")
    dihitung = {
        tuple(r[k] for k in kunci): [r[k] for k in kolom]
        for r in Responden.objects.annotate(layanan_kunci=Coalesce("layanan_id", 0))
        .values(*kunci)
        .annotate(
            n=Count("id"),
            **{f"s{i}": Coalesce(Sum(f"u{i}"), 0) for i in range(1, 15)},
            **{f"n{i}": Count(f"u{i}") for i in range(10, 15)},
        )
        .order_by()
    }
    tersimpan = {
        tuple(r[k] for k in kunci): [r[k] for k in kolom]
        for r in JumlahJawaban.objects.filter(n__gt=0).values(*kunci, *kolom)
    }
    # the unit's rows: the layanan's groups of the answers added up
    for (iid, _lay, tahun, periode), nilai in list(dihitung.items()):
        jumlah = dihitung.setdefault((iid, None, tahun, periode), [0] * len(kolom))
        jumlah[:] = [a + b for a, b in zip(jumlah, nilai, strict=True)]
    tersimpan |= {
        (r["instansi_id"], None, r["tahun"], r["periode"]): [r[k] for k in kolom]
        for r in JumlahJawabanUnit.objects.filter(n__gt=0).values("instansi_id", "tahun", "periode", *kolom)
    }
    # the unit's year row (JumlahTahunUnit), keyed (unit, "tahun", year): its period columns from
    # the unit's rows computed above
    kolom_tahun = [f"{k}_{p.lower()}" for k in "ntl" for p in PERIODE_TAHUN] + ["n_lain"]
    k = len(PERIODE_TAHUN)  # the year row: k respondent columns, then k sums, then k u10..u14 counts
    for (iid, lay, tahun, periode), nilai in list(dihitung.items()):
        if lay is not None:
            continue
        baris = dihitung.setdefault((iid, "tahun", tahun, None), [0] * len(kolom_tahun))
        if periode in PERIODE_TAHUN:
            i = PERIODE_TAHUN.index(periode)
            baris[i], baris[k + i], baris[2 * k + i] = nilai[0], sum(nilai[1:10]), sum(nilai[15:20])
        else:
            baris[3 * k] += nilai[0]
    tersimpan |= {
        (r[0], "tahun", r[1], None): list(r[2:])
        for r in JumlahTahunUnit.objects.values_list("instansi_id", "tahun", *kolom_tahun)
    }
    return [
        {"kunci": list(k), "tersimpan": tersimpan.get(k), "dihitung": dihitung.get(k)}
        for k in sorted(set(dihitung) | set(tersimpan), key=str)
        if dihitung.get(k) != tersimpan.get(k)
    ]


def _skema_jumlah(skema: rumus_skm.Skema, jumlah: int) -> rumus_skm.Skema:
    """The unit's scheme, or the shipped scheme with ``jumlah`` unsur when the values were stored
    under another one (the unit changed its setting after importing or answering)."""
    if jumlah == skema.jumlah:
        return skema
    return next((s for s in rumus_skm.SKEMA_BAWAAN if s.jumlah == jumlah), skema)


def _per_unit(qs, instansi_ids: list[int]):
    """``qs`` of the units: on PostgreSQL the ids as one array parameter (``= ANY(%s)``; a national
    read passes tens of thousands, which as an ``IN`` list are formatted and parsed one by one)."""
    from django.db import connections

    if connections[qs.db].vendor != "postgresql":
        return qs.filter(instansi_id__in=instansi_ids)
    kolom = f"{connections[qs.db].ops.quote_name(qs.model._meta.db_table)}.instansi_id"
    saring, param = _saring_unit(connections[qs.db], instansi_ids, kolom=kolom)
    return qs.extra(where=[saring], params=param)


def _saring_unit(connection, instansi_ids: list[int], kolom: str = "instansi_id") -> tuple[str, list]:
    """The WHERE condition on the unit column ``kolom`` and its parameters, for raw SQL and
    ``_per_unit``: one array parameter on PostgreSQL, an ``IN`` list elsewhere."""
    if connection.vendor == "postgresql":
        return f"{kolom} = ANY(%s::bigint[])", [larik_id(instansi_ids)]
    return f"{kolom} IN ({', '.join(['%s'] * len(instansi_ids))})", list(instansi_ids)


def larik_id(ids) -> str:
    """Ids as one PostgreSQL array literal ("{1,2,3}"), passed as a single text parameter cast
    with ``::bigint[]``: tens of thousands of ids are then one string to quote, where a list
    parameter is adapted element by element (about 40 ms more at 20 000 ids)."""
    return "{" + ",".join(str(int(i)) for i in ids) + "}"


def ikm_tahun(instansi_ids, tahun: int) -> dict[int, IKMTahun]:
    """IKM of each unit for the year: from raw responses when the unit has any (combined
    per its PengaturanSKM), else from the all-layanan NRR summaries (a fixed number of
    queries for any number of units). Built with the cyclic collector paused
    (``dasar.memori.tanpa_gc``: a national read makes a few objects per unit and period, none in
    a cycle)."""
    with tanpa_gc():
        return _ikm_tahun(instansi_ids, tahun)


def _pengaturan(instansi_ids: list[int]) -> tuple[dict[int, str], dict[int, rumus_skm.Skema]]:
    """({unit: PengaturanSKM.metode} of the units that have a setting, {unit: its scheme}): one
    query, two when a unit chose a scheme."""
    from .skema import skema_unit

    pengaturan = list(
        _per_unit(PengaturanSKM.objects.all(), instansi_ids).values_list("instansi_id", "metode", "skema_id")
    )
    metode = {iid: m for iid, m, _s in pengaturan}
    return metode, skema_unit(instansi_ids, {iid: s for iid, _m, s in pengaturan})


def _ikm_tahun(instansi_ids, tahun: int) -> dict[int, IKMTahun]:
    instansi_ids = list(instansi_ids)
    mentah: dict[int, list[tuple]] = defaultdict(list)
    for r in baris_jumlah(instansi_ids, tahun):
        mentah[r[0]].append(r)
    metode, skema = _pengaturan(instansi_ids)
    per_unit: dict[int, list[IKMPeriode]] = defaultdict(list)
    # the NRR summaries count only for units without raw responses: none read when every unit has some
    ringkas = [i for i in instansi_ids if i not in mentah]
    qs = _per_unit(RingkasanNRR.objects.filter(tahun=tahun, layanan__isnull=True), ringkas) if ringkas else ()
    for r in qs:
        if r.instansi_id not in mentah:
            nrr = r.nrr
            per_unit[r.instansi_id].append(
                IKMPeriode(r.periode, nrr, r.responden, _skema_jumlah(skema[r.instansi_id], len(nrr)))
            )
    out = {}
    for iid, periods in per_unit.items():
        periods.sort(key=_kunci_urut)
        value = rumus_skm.gabung_rata_periode({p.periode: p.ikm for p in periods})
        out[iid] = IKMTahun(periods, value, METODE_RATA_PERIODE, periods[-1].skema)
    for iid, baris_unit in mentah.items():
        sk_unit = skema[iid]
        periods = [IKMJumlah(r, sk_unit) for r in baris_unit]
        periods.sort(key=_kunci_urut)
        sk = periods[-1].skema
        if metode.get(iid) == PengaturanSKM.Metode.GABUNG_RESPONDEN and all(p.skema == sk for p in periods):
            pooled = rumus_skm.gabung_responden(((p.nrr, p.responden) for p in periods), sk)
            out[iid] = IKMTahun(periods, rumus_skm.ikm_dari_nrr(pooled, sk), METODE_GABUNG_RESPONDEN, sk)
        else:
            value = rumus_skm.gabung_rata_periode({p.periode: p.ikm for p in periods})
            out[iid] = IKMTahun(periods, value, METODE_RATA_PERIODE, sk)
    return out


@dataclass(slots=True)
class NilaiIKM:
    """A unit's IKM for the year as values only (``nilai_ikm``): the yearly IKM, how it was
    combined, the scheme, and per period (in period order) the IKM and the respondents. What a
    comparison of many units needs, without the per-period objects (NRR, mutu per unsur) of
    ``IKMTahun``; the values are those of ``ikm_tahun``."""

    ikm: Decimal | None
    metode: str
    skema: rumus_skm.Skema
    periode: dict[str, Decimal]
    responden: dict[str, int | None]

    @property
    def mutu(self) -> str | None:
        m = rumus_skm.mutu(self.ikm, self.skema)
        return m[0] if m else None


def baris_total(instansi_ids, tahun: int) -> list[tuple]:
    """The running sums of each unit's year (``JumlahTahunUnit``, one row per unit) as
    (instansi_id, respondents per period, Σ answers to u1..u9 per period, ``rinci``): periods in
    ``URUTAN`` order (0 respondents where a period has none); the IKM of a period of the 9-unsur
    scheme needs only its sum (``rumus.skm.ikm_dari_total``). ``rinci`` is true when the older
    scheme's u10..u14 were answered or a period outside the seven was used (``nilai_ikm`` reads
    such a unit in full). One query: a national read sends one row per unit."""
    from django.db import connection

    instansi_ids = [int(i) for i in instansi_ids]
    if not instansi_ids:
        return []
    tabel = connection.ops.quote_name(JumlahTahunUnit._meta.db_table)
    kolom = ", ".join(f"{k}_{p.lower()}" for k in "nt" for p in PERIODE_TAHUN)
    rinci = " + ".join([*(f"l_{p.lower()}" for p in PERIODE_TAHUN), "n_lain"])
    saring, param = _saring_unit(connection, instansi_ids)
    with connection.cursor() as c:
        c.execute(
            f"SELECT instansi_id, {kolom}, {rinci} > 0 FROM {tabel} WHERE {saring} AND tahun = %s",
            [*param, tahun],
        )
        if connection.vendor == "postgresql":
            return c.fetchall()
        return [(*r[:-1], bool(r[-1])) for r in c.fetchall()]  # SQLite gives the comparison as 0/1


def baris_total_dari_jawaban(instansi_ids, tahun: int) -> list[tuple]:
    """The same rows as ``baris_total``, recomputed by a GROUP BY over every answer per unit and
    period (one sum of u1 + … + u9 per group), laid out per unit (tests and the baseline of
    benchmarks/bench_nasional.py)."""
    from django.db.models import F, Value
    from django.db.models.functions import Coalesce

    total = sum((Coalesce(F(f), Value(0)) for f in UNSUR_FIELDS[1:]), Coalesce(F(UNSUR_FIELDS[0]), Value(0)))
    diberi = sum((Count(f) for f in UNSUR_LAMA[1:]), Count(UNSUR_LAMA[0]))
    qs = (
        Responden.objects.filter(instansi_id__in=instansi_ids, tahun=tahun)
        .values("instansi_id", "periode")
        .annotate(jn=Count("id"), jt=Sum(total), jl=diberi)
        .order_by()
        .values_list("instansi_id", "periode", "jn", "jt", "jl")
    )
    k = len(PERIODE_TAHUN)
    per_unit: dict[int, list] = {}
    for iid, periode, n, t, lama in qs:
        baris = per_unit.setdefault(iid, [0] * (2 * k) + [False])
        if periode in _URUT:
            baris[_URUT[periode]], baris[k + _URUT[periode]] = n, t or 0
        baris[-1] = baris[-1] or bool(lama) or periode not in _URUT
    return [(iid, *baris) for iid, baris in per_unit.items()]


def nilai_ikm(instansi_ids, tahun: int) -> dict[int, NilaiIKM]:
    """The IKM of each unit for the year and of each of its periods, as values (``NilaiIKM``): the
    read of a comparison of many units (the dashboards, up to every unit of a national host).
    Equal to what ``ikm_tahun`` gives for the same units (tests): a unit whose periods are all of
    the 9-unsur scheme and that combines its periods by their average — the usual case — takes
    each period's IKM from one sum of its year's running sums (``baris_total``, one row per unit,
    no NRR made); any other unit (the older 14-unsur scheme answered, respondents pooled over the
    year, only NRR summaries imported) is read by ``ikm_tahun`` itself. A fixed number of queries;
    built with the cyclic collector paused (``tanpa_gc``)."""
    with tanpa_gc():
        return _nilai_ikm(list(instansi_ids), tahun)


def _nilai_ikm(instansi_ids: list[int], tahun: int) -> dict[int, NilaiIKM]:
    baris = baris_total(instansi_ids, tahun)
    metode, skema = _pengaturan(instansi_ids)
    gabung = PengaturanSKM.Metode.GABUNG_RESPONDEN
    ikm_dari_total, rata = rumus_skm.ikm_dari_total, rumus_skm.gabung_rata_periode
    k = len(PERIODE_TAHUN)
    kolom = [(p, 1 + i, 1 + k + i) for i, p in enumerate(PERIODE_TAHUN)]  # (period, its n, its Σ)
    sembilan = {}  # per scheme: the one its 9-unsur periods are read under (as IKMJumlah decides)
    out, rinci = {}, set()  # rinci: units read in full by ikm_tahun
    for r in baris:
        iid = r[0]
        sk = skema[iid]
        if (sk9 := sembilan.get(id(sk))) is None:  # the schemes live in ``skema`` for the whole read
            sk9 = sembilan[id(sk)] = sk if sk.jumlah == 9 else _skema_jumlah(sk, 9)
        if r[-1] or sk9.jumlah != 9 or metode.get(iid) == gabung:
            rinci.add(iid)
            continue
        periode, responden = {}, {}
        for p, i, j in kolom:
            if n := r[i]:
                periode[p] = ikm_dari_total(r[j], n, 9)
                responden[p] = n
        out[iid] = NilaiIKM(rata(periode), METODE_RATA_PERIODE, sk9, periode, responden)
    # and the units without answers: their NRR summaries, if any
    rinci = [i for i in instansi_ids if i in rinci or i not in out]
    if rinci:
        for iid, h in _ikm_tahun(rinci, tahun).items():
            out[iid] = NilaiIKM(
                h.ikm,
                h.metode,
                h.skema,
                {p.periode: p.ikm for p in h.periode},
                {p.periode: p.responden for p in h.periode},
            )
    return out


def interval_per_periode(instansi, tahun: int) -> dict[str, tuple[Decimal, Decimal] | None]:
    """95 % confidence interval of the IKM per period and for the whole year ("TAHUN_SEMUA"),
    from each respondent's IKM ((Σ answers / answers given) × 25: 9 answers, 14 in the older
    scheme). Empty when the unit has no raw responses."""
    from django.db.models import Case, F, Value, When
    from django.db.models.functions import Coalesce

    total = sum((F(f) for f in UNSUR_FIELDS[1:]), F(UNSUR_FIELDS[0]))
    total = sum((Coalesce(F(f), Value(0)) for f in UNSUR_LAMA), total)
    diisi = sum(
        (Case(When(**{f"{f}__isnull": False}, then=Value(1)), default=Value(0)) for f in UNSUR_LAMA),
        Value(len(UNSUR_FIELDS)),
    )
    per: dict[str, list[Decimal]] = defaultdict(list)
    for periode, jumlah, n in (
        Responden.objects.filter(instansi=instansi, tahun=tahun)
        .annotate(jumlah=total, diisi=diisi)
        .values_list("periode", "jumlah", "diisi")
    ):
        per[periode].append(Decimal(jumlah) * rumus_skm.KONVERSI / n)
    out = {p: rumus_skm.interval_kepercayaan(v) for p, v in per.items()}
    if per:
        out["TAHUN_SEMUA"] = rumus_skm.interval_kepercayaan([v for vs in per.values() for v in vs])
    return out


# --- Survey setup (question wording and settings) ------------------------------------------------

PERTANYAAN_BAKU = (
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam "
    "standar pelayanan dengan hasil yang diberikan?",
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
)
# The regulation's answer labels per unsur (a: worst … d: best).
LABEL_BAKU = (
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"),
    ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"),
    ("Sangat mahal", "Cukup mahal", "Murah", "Gratis"),
    ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"),
    ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"),
    ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"),
    ("Buruk", "Cukup", "Baik", "Sangat baik"),
    ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"),
)


@dataclass
class Pertanyaan:
    no: int
    nama: str
    tanya: str
    label: list[str]
    baku: bool
    dipilih: str = ""  # the answer chosen in a refused form

    @property
    def nomor(self) -> str:
        return str(self.no)  # a string: templates then skip number localisation

    @property
    def pilihan(self) -> list[tuple[str, str]]:
        return [(str(v), label) for v, label in enumerate(self.label, 1)]


def pertanyaan_unit(instansi) -> list[Pertanyaan]:
    """The 9 questions as the unit words them (regulation's wording where it has none)."""
    sendiri = {p.unsur: p for p in PertanyaanSKM.objects.filter(instansi=instansi)}
    out = []
    for i in range(1, 10):
        p = sendiri.get(i)
        if p:
            out.append(Pertanyaan(i, UNSUR[i - 1], p.pertanyaan, p.label, False))
        else:
            out.append(Pertanyaan(i, UNSUR[i - 1], PERTANYAAN_BAKU[i - 1], list(LABEL_BAKU[i - 1]), True))
    return out


def pengaturan_unit(instansi) -> PengaturanSKM:
    """The unit's settings (unsaved defaults when it has none)."""
    return PengaturanSKM.objects.filter(instansi=instansi).first() or PengaturanSKM(instansi=instansi)


def batch_impor(instansi, tahun: int) -> list:
    """The unit's paper batches with answers in the year, oldest first, each with ``jumlah`` (all
    its answers: what replacing it removes) and the importing user (one query)."""
    from django.db.models import Count

    from .models import ImporResponden

    return list(
        ImporResponden.objects.filter(instansi=instansi, responden__tahun=tahun)
        .distinct()
        .select_related("oleh")
        .annotate(jumlah=Count("responden", distinct=True))
        .order_by("dibuat", "id")
    )
