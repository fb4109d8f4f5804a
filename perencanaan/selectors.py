"""Reads of planning: the Renstra tree of a unit, what deleting an item would remove or why it may
not be deleted, the rows and years of the targets grid, the IKU sheet; the Renstra targets a PK
starts from, the officials who may sign it, what is missing before it may be signed, and the
differences between two versions of a PK.

The cascade inside a unit (docs/perencanaan.md, "Jenjang kinerja"), for the PK per jabatan and the
pohon kinerja:

- ``kepala_unit(instansi) -> Pejabat | None``: the unit head — PIHAK PERTAMA of the unit's latest
  PK, else its first official (by id). Two queries.
- ``pemilik_sasaran(sasaran, kepala) -> Pejabat | None``: ``Sasaran.pemilik``, else ``kepala``.
- ``milik_jabatan(pejabat, tahun) -> list[IndikatorMilik]``: the indicators a jabatan owns in
  ``tahun`` — those of the cascade nodes (``Jenjang``) it owns, and, for the owner of a sasaran
  strategis (explicitly or as unit head), that sasaran's indicators — each with the year's Renstra
  target (None when none is set), its sasaran strategis and node. Archived items (node, ancestor,
  sasaran, tujuan or indicator archived in ``tahun``) are left out. Tujuan indicators belong to
  no jabatan's list (they measure the Renstra's goal). Order: tree order (sasaran, then nodes
  depth-first). Six queries, whatever the size of the tree. A pemda official (no unit) owns none.
- ``jenjang_unit(instansi, tahun) -> list[Simpul]``: the unit's whole cascade for the year, one
  root ``Simpul`` per sasaran strategis (tujuan order, then sasaran order), each with ``level``
  ("sasaran" | "program" | "kegiatan" | "sub_kegiatan"), ``kode``, ``uraian``, ``objek`` (the
  Sasaran or Jenjang), ``pemilik`` (+ ``pemilik_bawaan``: the unit head by default),
  ``anggaran`` (the Program / Kegiatan / SubKegiatan, None for a sasaran), ``indikator``
  (``IndikatorMilik`` rows with the year's target) and ``anak`` (children). Archived items in
  ``tahun`` left out. Six queries, whatever the size of the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from organisasi.models import Pejabat
from rumus.rencana_aksi import BULAN, TRIWULAN, Selisih, cek_target_triwulan

from .models import (
    Indikator,
    Jenjang,
    LangkahAksi,
    PerjanjianKinerja,
    PKIndikator,
    Renstra,
    Sasaran,
    Target,
    TargetTriwulan,
    Tujuan,
)

JENIS = {"tujuan": Tujuan, "sasaran": Sasaran, "indikator": Indikator}
# relations of the planning tree itself (deleted with the item) or checked by name below
_RELASI_POHON = {"sasaran", "indikator", "target", "pk_indikator", "realisasi", "dukungan"}


def jenis_dari(obj) -> str:
    return {Tujuan: "tujuan", Sasaran: "sasaran", Indikator: "indikator"}[type(obj)]


def label_objek(obj) -> str:
    """ "Tujuan T1", "Sasaran S1.1", "Indikator IKU1": how a message names an item."""
    return {
        Tujuan: _("Tujuan %(kode)s"),
        Sasaran: _("Sasaran %(kode)s"),
        Indikator: _("Indikator %(kode)s"),
    }[type(obj)] % {"kode": obj.kode}


def indikator_di_bawah(obj):
    """The indicators of an item: itself, a sasaran's, or a tujuan's (its own and its sasaran's)."""
    if isinstance(obj, Indikator):
        return Indikator.objects.filter(pk=obj.pk)
    if isinstance(obj, Sasaran):
        return Indikator.objects.filter(sasaran=obj)
    from django.db.models import Q

    return Indikator.objects.filter(Q(tujuan=obj) | Q(sasaran__tujuan=obj))


def _tahun_teks(tahun) -> str:
    return ", ".join(str(t) for t in sorted(set(tahun)))


@dataclass
class Ringkasan:
    """What deleting ``objek`` removes (for the confirmation) or why it may not (``alasan``)."""

    objek: object
    sasaran: list = field(default_factory=list)
    indikator: list = field(default_factory=list)
    jumlah_target: int = 0
    draf_pk: list = field(default_factory=list)  # years of draft PKs the indicators leave
    alasan: list = field(default_factory=list)
    tahun_terakhir: int | None = None  # the last year it was used (archive from the next one)

    @property
    def boleh_hapus(self) -> bool:
        return not self.alasan


def ringkasan_hapus(obj) -> Ringkasan:
    """What would be deleted with ``obj`` (a Tujuan, Sasaran or Indikator) and every reason it
    may not be: an indicator under it in a signed PK, with a realisasi, linked to a budget code
    (Dukungan), or any other row of another table that refers to it. Fixed number of queries."""
    indikator = list(indikator_di_bawah(obj).order_by("urutan", "kode"))
    ids = [i.id for i in indikator]
    r = Ringkasan(objek=obj, indikator=indikator)
    if isinstance(obj, Tujuan):
        r.sasaran = list(obj.sasaran.order_by("urutan", "kode"))
    r.jumlah_target = Target.objects.filter(indikator_id__in=ids).count()
    dipakai: list[int] = []
    pk_rows = list(
        PKIndikator.objects.filter(indikator_id__in=ids).values_list(
            "pk_dokumen__tahun", "pk_dokumen__status"
        )
    )
    ditandatangani = [t for t, s in pk_rows if s == PerjanjianKinerja.Status.DITANDATANGANI]
    r.draf_pk = sorted({t for t, s in pk_rows if s != PerjanjianKinerja.Status.DITANDATANGANI})
    if ditandatangani:
        dipakai += ditandatangani
        r.alasan.append(
            _("dipakai di Perjanjian Kinerja yang sudah ditandatangani (tahun %(tahun)s)")
            % {"tahun": _tahun_teks(ditandatangani)}
        )
    realisasi = list(
        Indikator.objects.filter(id__in=ids, realisasi__isnull=False).values_list(
            "realisasi__tahun", flat=True
        )
    )
    if realisasi:
        dipakai += realisasi
        r.alasan.append(
            ngettext(
                "sudah punya %(n)d realisasi (tahun %(tahun)s)",
                "sudah punya %(n)d realisasi (tahun %(tahun)s)",
                len(realisasi),
            )
            % {"n": len(realisasi), "tahun": _tahun_teks(realisasi)}
        )
    dukungan = list(
        Indikator.objects.filter(id__in=ids, dukungan__isnull=False).values_list(
            "dukungan__tahun", "dukungan__kode"
        )
    )
    if dukungan:
        dipakai += [t for t, _k in dukungan]
        r.alasan.append(
            _("ditautkan ke anggaran yang mendukungnya (%(kode)s)")
            % {"kode": ", ".join(sorted({f"{k} ({t})" for t, k in dukungan}))}
        )
    # any other table referring to the item or to what would be deleted with it (comparison
    # values, links added later): named by its table, never deleted silently
    objek = [(type(obj), [obj.pk])]
    if r.sasaran:
        objek.append((Sasaran, [s.pk for s in r.sasaran]))
    if ids:
        objek.append((Indikator, ids))
    for model, pks in objek:
        for rel in model._meta.related_objects:
            if rel.get_accessor_name() in _RELASI_POHON or rel.related_model in (Sasaran, Indikator):
                continue
            n = rel.related_model._base_manager.filter(**{f"{rel.field.name}__in": pks}).count()
            if n:
                r.alasan.append(
                    _("dirujuk oleh %(n)d data %(tabel)s")
                    % {"n": n, "tabel": rel.related_model._meta.verbose_name_plural}
                )
    r.tahun_terakhir = max(dipakai) if dipakai else None
    return r


@dataclass
class BarisTarget:
    """One indicator of the targets grid: its place in the tree and the years it is planned."""

    indikator: Indikator
    induk: str  # "T1" or "S1.1"
    nilai: dict  # tahun -> Target
    direncanakan: dict  # tahun -> bool

    @property
    def rentang(self) -> bool:
        return self.indikator.polaritas == "rentang"


def baris_target(renstra: Renstra) -> list[BarisTarget]:
    """Every indicator of the Renstra in tree order (tujuan, its own indicators, then its sasaran
    and theirs) with its targets per year. Three queries."""
    tahun = list(renstra.tahun())
    tujuan = list(
        Tujuan.objects.filter(renstra=renstra).prefetch_related("sasaran").order_by("urutan", "kode")
    )
    indikator = list(
        indikator_di_bawah_renstra(renstra)
        .select_related("tujuan", "sasaran__tujuan")
        .order_by("urutan", "kode")
    )
    target: dict[int, dict[int, Target]] = {}
    for t in Target.objects.filter(indikator__in=[i.id for i in indikator], tahun__in=tahun):
        target.setdefault(t.indikator_id, {})[t.tahun] = t
    per_tujuan: dict[int, list] = {}
    per_sasaran: dict[int, list] = {}
    for i in indikator:
        if i.sasaran_id:
            per_sasaran.setdefault(i.sasaran_id, []).append(i)
        else:
            per_tujuan.setdefault(i.tujuan_id, []).append(i)
    urut = []
    for tj in tujuan:
        urut += [(i, tj.kode) for i in per_tujuan.get(tj.id, [])]
        for s in tj.sasaran.all():
            urut += [(i, s.kode) for i in per_sasaran.get(s.id, [])]
    return [
        BarisTarget(
            indikator=i,
            induk=induk,
            nilai=target.get(i.id, {}),
            direncanakan={y: i.direncanakan_pada(y) for y in tahun},
        )
        for i, induk in urut
    ]


def indikator_di_bawah_renstra(renstra: Renstra):
    from django.db.models import Q

    return Indikator.objects.filter(
        Q(tujuan__renstra=renstra) | Q(sasaran__tujuan__renstra=renstra), instansi_id=renstra.instansi_id
    )


def renstra_pilihan(instansi, kode: str | None = None, tahun: int | None = None) -> Renstra | None:
    """The Renstra a page shows: the one named by ``kode``, else the one holding ``tahun``, else
    the latest."""
    semua = Renstra.objects.filter(instansi=instansi).order_by("-tahun_awal")
    if kode:
        return semua.filter(kode=kode).first()
    if tahun is not None:
        r = semua.filter(tahun_awal__lte=tahun, tahun_akhir__gte=tahun).first()
        if r is not None:
            return r
    return semua.first()


def lembar_iku(instansi) -> list[Indikator]:
    """The unit's IKU in tree order with their sasaran (one query) and targets (one more)."""
    return list(
        Indikator.objects.filter(instansi=instansi, iku=True)
        .select_related("sasaran", "tujuan")
        .prefetch_related("target")
        .order_by("urutan", "kode")
    )


def tahun_terakhir_dipakai(instansi_ids) -> dict[tuple[str, int], int]:
    """The last year each tujuan, sasaran and indikator of these units was used — an indicator
    (under it) in a signed PK, with a realisasi or a budget link —, keyed ("tujuan" | "sasaran" |
    "indikator", id); items never used are absent. An archive year must come after it. Four
    queries, whatever the number of units."""
    from django.db.models import Max

    terakhir: dict[int, int] = {}
    for rows in (
        PKIndikator.objects.filter(
            indikator__instansi_id__in=instansi_ids,
            pk_dokumen__status=PerjanjianKinerja.Status.DITANDATANGANI,
        )
        .values("indikator_id")
        .annotate(t=Max("pk_dokumen__tahun")),
        Indikator.objects.filter(instansi_id__in=instansi_ids, realisasi__isnull=False)
        .values("id")
        .annotate(t=Max("realisasi__tahun")),
        Indikator.objects.filter(instansi_id__in=instansi_ids, dukungan__isnull=False)
        .values("id")
        .annotate(t=Max("dukungan__tahun")),
    ):
        for row in rows:
            iid = row.get("indikator_id", row.get("id"))
            terakhir[iid] = max(terakhir.get(iid, row["t"]), row["t"])
    out: dict[tuple[str, int], int] = {}
    induk = Indikator.objects.filter(id__in=list(terakhir)).values_list(
        "id", "tujuan_id", "sasaran_id", "sasaran__tujuan_id"
    )
    for iid, tujuan_id, sasaran_id, tujuan_sasaran_id in induk:
        t = terakhir[iid]
        for kunci in (
            ("indikator", iid),
            ("tujuan", tujuan_id),
            ("sasaran", sasaran_id),
            ("tujuan", tujuan_sasaran_id),
        ):
            if kunci[1] is not None:
                out[kunci] = max(out.get(kunci, t), t)
    return out


def target_renstra(instansi, tahun: int) -> list[tuple]:
    """(indikator, target, target_atas) of the unit's IKU with a Renstra target for the year, by kode."""
    targets = {t.indikator_id: t for t in Target.objects.filter(indikator__instansi=instansi, tahun=tahun)}
    return [
        (i, targets[i.id].nilai, targets[i.id].nilai_atas)
        for i in Indikator.objects.filter(instansi=instansi, iku=True)
        .select_related("tujuan", "sasaran__tujuan")
        .order_by("kode")
        if i.id in targets and i.direncanakan_pada(tahun)  # an archived IKU leaves new PKs
    ]


def pejabat_pilihan(instansi):
    """The officials who may sign the unit's PK: its own and the pemda's (no unit), by name; a
    deactivated official (``Pejabat.aktif``, the pemda console) is offered no more."""
    return Pejabat.objects.filter(
        Q(instansi=instansi) | Q(instansi__isnull=True, pemda_id=instansi.pemda_id), aktif=True
    ).order_by("instansi_id", "jabatan", "id")


def kepala_pemda(instansi) -> Pejabat | None:
    """The pemda's head (the Wali Kota): the first active official of the pemda without unit."""
    return (
        Pejabat.objects.filter(pemda_id=instansi.pemda_id, instansi__isnull=True, aktif=True)
        .order_by("id")
        .first()
    )


def atasan_bawaan(instansi, jabatan: Pejabat | None) -> Pejabat | None:
    """Who a PK's PIHAK KEDUA is unless chosen otherwise: the pemda's head for the unit head's PK
    (``jabatan`` None), the unit head for a lower position's."""
    return kepala_pemda(instansi) if jabatan is None else kepala_unit(instansi)


def indikator_jabatan(pejabat: Pejabat, tahun: int) -> list[tuple]:
    """(indikator, target, target_atas) a position's PK of the year starts from: the indicators it
    owns in the unit's cascade (``milik_jabatan``, the one place saying which) with a Renstra
    target for the year, in tree order. Six queries."""
    return [
        (m.indikator, m.target, m.target_atas) for m in milik_jabatan(pejabat, tahun) if m.target is not None
    ]


def jabatan_pemilik(instansi, tahun: int) -> list[tuple[Pejabat, int]]:
    """The unit's active officials below its head that own indicators with a target in ``tahun``
    (nodes of the cascade), with how many, by jabatan: the positions a PK may be made for. Eight
    queries."""
    kepala = kepala_unit(instansi)
    jumlah: dict[int, int] = {}
    pejabat: dict[int, Pejabat] = {}
    for akar in jenjang_unit(instansi, tahun):
        for x in akar.semua():
            pj = x.pemilik
            if pj is None or not pj.aktif or (kepala and pj.id == kepala.id):
                continue
            n = sum(1 for m in x.indikator if m.target is not None)
            if n:
                pejabat[pj.id] = pj
                jumlah[pj.id] = jumlah.get(pj.id, 0) + n
    return sorted(((pejabat[i], n) for i, n in jumlah.items()), key=lambda t: (t[0].jabatan, t[0].id))


@dataclass
class BarisDaftarPK:
    """One position's PK of the year on the unit's list: the position (None: the unit head's),
    its versions (oldest first) and the one in force (latest signed, else latest draft)."""

    jabatan: Pejabat | None
    versi: list

    @property
    def berlaku(self) -> PerjanjianKinerja:
        signed = [p for p in self.versi if p.ditandatangani]
        return signed[-1] if signed else self.versi[-1]

    @property
    def draf(self) -> PerjanjianKinerja | None:
        return next((p for p in self.versi if not p.ditandatangani), None)

    def _pihak(self, nama: str) -> dict | None:
        """A party of the PK in force as its page shows it: from the frozen content once signed
        (later renames never show), else the official today."""
        p = self.berlaku
        if p.isi_beku:
            return p.isi_beku.get(nama)
        pj = getattr(p, nama)
        return {"nama": pj.nama, "jabatan": pj.jabatan} if pj else None

    @property
    def pertama(self) -> dict | None:
        return self._pihak("pihak_pertama")

    @property
    def kedua(self) -> dict | None:
        return self._pihak("pihak_kedua")

    @property
    def nama_jabatan(self) -> str:
        """The position's name (the head's: PIHAK PERTAMA's jabatan), frozen once signed."""
        p = self.berlaku
        if p.isi_beku and self.jabatan is not None:
            return p.isi_beku.get("jabatan") or self.jabatan.jabatan
        if self.jabatan is not None:
            return self.jabatan.jabatan
        return (self.pertama or {}).get("jabatan", "")


def daftar_pk(instansi, tahun: int) -> list[BarisDaftarPK]:
    """Every PK of the unit-year by position: the head's first, then the others by jabatan name.
    One query."""
    per: dict[int | None, list] = {}
    for p in (
        PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("pihak_pertama", "pihak_kedua", "jabatan")
        .order_by("versi")
    ):
        per.setdefault(p.jabatan_id, []).append(p)
    rows = [BarisDaftarPK(v[0].jabatan, v) for v in per.values()]
    return sorted(rows, key=lambda r: (r.jabatan is not None, r.jabatan.jabatan if r.jabatan else ""))


@dataclass
class BedaTarget:
    """One indicator's target in the previous version and in this one (None: not in it)."""

    kode: str
    indikator: str
    satuan: str
    lama: Decimal | None
    baru: Decimal | None

    @property
    def jenis(self) -> str:
        """ "tetap", "ubah", "tambah" (new in this version) or "hapus" (dropped from it)."""
        if self.lama is None:
            return "tambah"
        if self.baru is None:
            return "hapus"
        return "tetap" if self.lama == self.baru else "ubah"


def beda_target(lama: list[tuple], baru: list[tuple]) -> list[BedaTarget]:
    """The differences of two lists of (indikator, target): every indicator of either, in the
    order of the new list then the dropped ones."""
    lama_per = {i.id: (i, t) for i, t in lama}
    baru_per = {i.id: (i, t) for i, t in baru}
    hasil = [BedaTarget(i.kode, i.nama, i.satuan, lama_per.get(i.id, (None, None))[1], t) for i, t in baru]
    hasil += [
        BedaTarget(i.kode, i.nama, i.satuan, t, None)
        for iid, (i, t) in lama_per.items()
        if iid not in baru_per
    ]
    return hasil


def target_pk(pk: PerjanjianKinerja | None) -> list[tuple]:
    """(indikator, target) of a PK's rows in their order; one query."""
    if pk is None:
        return []
    return [
        (r.indikator, r.target)
        for r in PKIndikator.objects.filter(pk_dokumen=pk).select_related("indikator").order_by("no", "id")
    ]


def beda_versi(versi: list[PerjanjianKinerja]) -> dict[int, list[BedaTarget]]:
    """For every revision among ``versi`` (one unit-year's PKs, with ``indikator__indikator``
    prefetched): its differences from the version before it, by the revision's id."""
    urut = sorted(versi, key=lambda p: p.versi)
    baris = {p.id: [(r.indikator, r.target) for r in p.indikator.all()] for p in urut}
    return {b.id: beda_target(baris[a.id], baris[b.id]) for a, b in zip(urut, urut[1:], strict=False)}


def kurang_untuk_tandatangan(pk: PerjanjianKinerja) -> list[str]:
    """What is still missing before the PK may be signed (empty: it may be signed)."""
    kurang = []
    for label, pj in ((_("PIHAK PERTAMA"), pk.pihak_pertama), (_("PIHAK KEDUA"), pk.pihak_kedua)):
        if pj is None:
            kurang.append(_("%(p)s belum dipilih") % {"p": label})
        elif not pj.nama.strip():
            kurang.append(_("nama %(p)s (%(j)s) belum diisi di data pejabat") % {"p": label, "j": pj.jabatan})
    if pk.tanggal is None:
        kurang.append(_("tanggal penandatanganan belum diisi"))
    if not (pk.tempat or pk.instansi.kota):
        kurang.append(_("tempat penandatanganan belum diisi"))
    if not pk.indikator.exists():
        kurang.append(_("Perjanjian Kinerja belum memuat indikator"))
    return kurang


def pk_berlaku(instansi_ids, tahun: int) -> dict[int, PerjanjianKinerja]:
    """The PK in force per unit (the head's: a position's own PK is never the unit's): the latest
    signed versi, else the latest draft. One query."""
    out: dict[int, PerjanjianKinerja] = {}
    for pk in PerjanjianKinerja.objects.filter(
        instansi_id__in=instansi_ids, tahun=tahun, jabatan__isnull=True
    ).order_by("versi"):
        cur = out.get(pk.instansi_id)
        if cur is None or pk.ditandatangani or not cur.ditandatangani:
            out[pk.instansi_id] = pk
    return out


@dataclass
class BarisRencana:
    """One PK indicator of the Rencana Aksi: the PK's annual target, the quarter targets
    (TW -> Decimal, only those set), the action steps, and, when the plan does not follow the
    indicator's aggregation (say after a PK Perubahan changed the annual target), why."""

    pk_row: PKIndikator
    target_tw: dict
    langkah: list
    selisih: Selisih | None = None
    target_bulan: dict = field(default_factory=dict)  # B01..B12 -> Decimal (monthly plans only)

    @property
    def indikator(self) -> Indikator:
        return self.pk_row.indikator

    @property
    def ada_rencana(self) -> bool:
        return bool(self.target_tw)

    def target_daftar(self) -> list:
        return [self.target_tw.get(tw) for tw in TRIWULAN]

    def bulan_daftar(self) -> list:
        return [self.target_bulan.get(b) for b in BULAN]


def target_triwulan(indikator_ids, tahun: int) -> dict[int, dict[str, Decimal]]:
    """indikator id -> {TW: target} of the Rencana Aksi of the year (only indicators with a
    plan; a monthly plan's quarters are its derived quarter rows, the months are left out). One
    query."""
    out: dict[int, dict[str, Decimal]] = {}
    for i, p, n in TargetTriwulan.objects.filter(
        indikator_id__in=list(indikator_ids), tahun=tahun, periode__in=TRIWULAN
    ).values_list("indikator_id", "periode", "nilai"):
        out.setdefault(i, {})[p] = n
    return out


def rencana_aksi(instansi, tahun: int) -> tuple[PerjanjianKinerja | None, list[BarisRencana]]:
    """The PK in force of the unit-year and, per PK indicator (in the PK's order), its quarter
    targets, its month targets (when stored: a monthly plan) and action steps (with their budget
    sub-kegiatan). Four queries."""
    pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    if pk is None:
        return None, []
    rows = list(
        PKIndikator.objects.filter(pk_dokumen=pk)
        .select_related("indikator__sasaran", "indikator__tujuan")
        .order_by("no", "id")
    )
    ids = [r.indikator_id for r in rows]
    tw: dict[int, dict[str, Decimal]] = {}
    bulan: dict[int, dict[str, Decimal]] = {}
    for i, p, n in TargetTriwulan.objects.filter(indikator_id__in=ids, tahun=tahun).values_list(
        "indikator_id", "periode", "nilai"
    ):
        (tw if p in TRIWULAN else bulan).setdefault(i, {})[p] = n
    langkah: dict[int, list[LangkahAksi]] = {}
    for lk in LangkahAksi.objects.filter(indikator_id__in=ids, tahun=tahun).select_related("sub_kegiatan"):
        langkah.setdefault(lk.indikator_id, []).append(lk)
    out = []
    for r in rows:
        t = tw.get(r.indikator_id, {})
        b = BarisRencana(r, t, langkah.get(r.indikator_id, []), target_bulan=bulan.get(r.indikator_id, {}))
        if t:
            b.selisih = cek_target_triwulan(r.target, b.target_daftar(), r.indikator.agregasi)
        out.append(b)
    return pk, out


def periode_terverifikasi(instansi, tahun: int) -> set[str]:
    """The quarters of the unit-year whose performance realisasi is verified or locked: their
    Rencana Aksi targets may no longer change. One query. (The workflow rows are reached through
    the unit's reverse relation: planning sits below the measurement app in the layers.)"""
    return set(
        instansi.pengajuan.filter(
            tahun=tahun, alur="kinerja", status__in=("diverifikasi", "terkunci")
        ).values_list("periode", flat=True)
    )


def sub_kegiatan_dpa(instansi, tahun: int) -> list:
    """The budget sub-kegiatan of the unit's DPA lines of the year, by code: what an action step
    may name as the budget it rests on. One query. (The nomenclature model is reached through
    LangkahAksi's foreign key: planning sits below the budget app in the layers.)"""
    model = LangkahAksi._meta.get_field("sub_kegiatan").related_model
    return list(
        model.objects.filter(baris__instansi=instansi, baris__tahun=tahun).distinct().order_by("kode")
    )


# --- the cascade inside a unit (Jenjang) -------------------------------------------------------


@dataclass
class IndikatorMilik:
    """An indicator of the cascade with its Renstra target of one year (None: not set)."""

    indikator: Indikator
    target: Decimal | None
    target_atas: Decimal | None
    sasaran: Sasaran  # the sasaran strategis it is under
    jenjang: Jenjang | None  # the node it measures; None for a sasaran strategis indicator
    pemilik: Pejabat | None

    @property
    def level(self) -> str:
        return self.indikator.level


@dataclass
class Simpul:
    """One node of a unit's cascade: a sasaran strategis or a Jenjang."""

    level: str
    objek: Sasaran | Jenjang
    pemilik: Pejabat | None
    pemilik_bawaan: bool
    anggaran: object | None
    indikator: list[IndikatorMilik] = field(default_factory=list)
    anak: list[Simpul] = field(default_factory=list)

    @property
    def kode(self) -> str:
        return self.objek.kode

    @property
    def uraian(self) -> str:
        return self.objek.uraian

    def semua(self):
        """This node and every node below it, depth-first."""
        yield self
        for a in self.anak:
            yield from a.semua()


def kepala_unit(instansi) -> Pejabat | None:
    """The unit head: PIHAK PERTAMA of the unit's latest PK, else its first official by id (what
    owns a sasaran strategis whose ``pemilik`` is empty). Two queries."""
    instansi_id = getattr(instansi, "id", instansi)
    pihak = (  # the head's PK (a position's own PK has that position as PIHAK PERTAMA)
        PerjanjianKinerja.objects.filter(instansi_id=instansi_id, jabatan__isnull=True)
        .order_by("-tahun", "-versi")
        .values_list("pihak_pertama_id", flat=True)
        .first()
    )
    pejabat = list(Pejabat.objects.filter(instansi_id=instansi_id).order_by("id"))
    return next((p for p in pejabat if p.id == pihak), pejabat[0] if pejabat else None)


def pemilik_sasaran(sasaran: Sasaran, kepala: Pejabat | None) -> Pejabat | None:
    return sasaran.pemilik if sasaran.pemilik_id else kepala


def _pohon_unit(instansi_id: int, tahun: int, pejabat: Pejabat | None = None) -> list[Simpul]:
    """The cascade of a unit for ``tahun`` (see the module docstring); with ``pejabat``, the
    indicators are read only for the nodes and sasaran that jabatan owns. Six queries."""
    kepala = kepala_unit(instansi_id)
    sasaran = [
        s
        for s in Sasaran.objects.filter(instansi_id=instansi_id)
        .select_related("tujuan", "pemilik")
        .order_by("tujuan__urutan", "tujuan__kode", "urutan", "kode")
        if s.aktif_pada(tahun) and s.tujuan.aktif_pada(tahun)
    ]
    simpul_sasaran = {
        s.id: Simpul("sasaran", s, pemilik_sasaran(s, kepala), not s.pemilik_id, None) for s in sasaran
    }
    nodes = list(
        Jenjang.objects.filter(instansi_id=instansi_id)
        .select_related("pemilik", "program", "kegiatan", "sub_kegiatan")
        .order_by("urutan", "kode")
    )
    simpul_jenjang = {j.id: Simpul(j.level, j, j.pemilik, False, j.anggaran) for j in nodes}
    # link children in order; a node whose parent is archived or absent is left out with it
    for j in nodes:
        anak = simpul_jenjang[j.id]
        atas = simpul_sasaran.get(j.sasaran_id) if j.sasaran_id else simpul_jenjang.get(j.induk_id)
        if atas is not None and j.aktif_pada(tahun):
            atas.anak.append(anak)
    akar = [simpul_sasaran[s.id] for s in sasaran]
    tercapai = {id(x) for r in akar for x in r.semua()}
    # the sasaran strategis above each reached node
    induk_sasaran: dict[int, Sasaran] = {}
    for r in akar:
        for x in r.semua():
            if x.level != "sasaran":
                induk_sasaran[x.objek.id] = r.objek
    indikator = Indikator.objects.filter(instansi_id=instansi_id).filter(
        Q(sasaran_id__in=list(simpul_sasaran)) | Q(jenjang_id__in=list(simpul_jenjang))
    )
    if pejabat is not None:
        milik_sasaran = [s.id for s in sasaran if simpul_sasaran[s.id].pemilik == pejabat]
        indikator = indikator.filter(Q(sasaran_id__in=milik_sasaran) | Q(jenjang__pemilik=pejabat))
    indikator = [i for i in indikator.order_by("urutan", "kode") if i.aktif_pada(tahun)]
    target = {
        t.indikator_id: t for t in Target.objects.filter(indikator__in=[i.id for i in indikator], tahun=tahun)
    }
    for i in indikator:
        x = simpul_sasaran.get(i.sasaran_id) if i.sasaran_id else simpul_jenjang.get(i.jenjang_id)
        if x is None or id(x) not in tercapai:
            continue
        t = target.get(i.id)
        x.indikator.append(
            IndikatorMilik(
                indikator=i,
                target=t.nilai if t else None,
                target_atas=t.nilai_atas if t else None,
                sasaran=x.objek if x.level == "sasaran" else induk_sasaran[x.objek.id],
                jenjang=None if x.level == "sasaran" else x.objek,
                pemilik=x.pemilik,
            )
        )
    return akar


def jenjang_unit(instansi, tahun: int) -> list[Simpul]:
    """The unit's whole cascade for ``tahun``: one root per sasaran strategis (module docstring).
    Six queries."""
    return _pohon_unit(getattr(instansi, "id", instansi), tahun)


def milik_jabatan(pejabat: Pejabat, tahun: int) -> list[IndikatorMilik]:
    """The indicators the jabatan ``pejabat`` owns in ``tahun``, with the year's target, in tree
    order (module docstring). Six queries."""
    if not pejabat.instansi_id:
        return []
    out = []
    for akar in _pohon_unit(pejabat.instansi_id, tahun, pejabat):
        for x in akar.semua():
            if x.pemilik == pejabat:
                out.extend(x.indikator)
    return out


def di_bawah_jenjang(node: Jenjang) -> list[Jenjang]:
    """The node and every node below it (one query per level, at most three)."""
    semua, lapis = [node], [node]
    while lapis:
        lapis = list(Jenjang.objects.filter(induk__in=lapis))
        semua.extend(lapis)
    return semua


def ringkasan_hapus_jenjang(node: Jenjang) -> dict:
    """What deleting a node removes: the nodes below it, their indicators and targets (the
    confirmation's summary)."""
    nodes = di_bawah_jenjang(node)
    indikator = list(Indikator.objects.filter(jenjang__in=nodes).order_by("kode"))
    return {
        "jenjang": nodes,
        "indikator": indikator,
        "target": Target.objects.filter(indikator__in=indikator).count(),
    }


def alasan_tidak_hapus_jenjang(node: Jenjang) -> str:
    """Why a node may not be deleted ("" when it may): an indicator under it is in a PK, has a
    realisasi or a budget link, or an RHK supports it. Archive it instead."""
    return _alasan_indikator_dipakai(Indikator.objects.filter(jenjang__in=di_bawah_jenjang(node)))


def alasan_tidak_hapus_indikator(indikator: Indikator) -> str:
    """Why one indicator of a node may not be deleted ("" when it may): as for a node."""
    return _alasan_indikator_dipakai(Indikator.objects.filter(pk=indikator.pk))


def _alasan_indikator_dipakai(indikator) -> str:
    dipakai = (
        indikator.filter(
            Q(pk_indikator__isnull=False)
            | Q(realisasi__isnull=False)
            | Q(dukungan__isnull=False)
            | Q(rhk__isnull=False)
        )
        .values_list("kode", flat=True)
        .distinct()
    )
    kode = sorted(set(dipakai))
    if not kode:
        return ""
    return _(
        "Tidak dapat dihapus: indikator %(kode)s sudah dipakai (PK, realisasi, dukungan anggaran atau RHK). "
        "Arsipkan saja mulai tahun tertentu."
    ) % {"kode": ", ".join(kode)}


def anggaran_unit(instansi) -> dict[str, list]:
    """The budget items the unit holds a line under (any year), per level: what a cascade node
    may rest on. Three queries. (The budget models are reached through Jenjang's foreign keys.)"""
    out = {}
    for level, jalur in (
        ("program", "kegiatan__sub_kegiatan__baris__instansi"),
        ("kegiatan", "sub_kegiatan__baris__instansi"),
        ("sub_kegiatan", "baris__instansi"),
    ):
        model = Jenjang._meta.get_field(level).related_model
        out[level] = list(model.objects.filter(**{jalur: instansi}).distinct().order_by("kode"))
    return out


def indikator_jenjang_pilihan(instansi, tahun: int) -> list[IndikatorMilik]:
    """The indicators an RHK may support: every indicator of the unit's cascade in ``tahun``
    (sasaran strategis and nodes), in tree order."""
    return [i for akar in jenjang_unit(instansi, tahun) for x in akar.semua() for i in x.indikator]


# the columns of the RHK download, in order (docs/perencanaan.md, "Pages")
KOLOM_RHK = (
    "nama_pegawai",
    "nip",
    "jabatan",
    "no",
    "rhk",
    "indikator",
    "aspek",
    "target",
    "satuan",
    "indikator_atasan",
    "nama_indikator_atasan",
    "jenjang_atasan",
    "pemilik_atasan",
)


def ekspor_rhk(instansi, tahun: int) -> list[dict]:
    """The unit-year's RHK as rows of KOLOM_RHK, by staff member and number; the superior is the
    owner of the node (or sasaran strategis) of the supported indicator. Four queries."""
    from .models import RencanaHasilKerja

    kepala = None
    out = []
    for x in (
        RencanaHasilKerja.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("indikator_atasan__jenjang__pemilik", "indikator_atasan__sasaran__pemilik")
        .order_by("nama_pegawai", "urutan", "id")
    ):
        ind = x.indikator_atasan
        if ind.jenjang_id:
            simpul, pemilik = ind.jenjang.kode, ind.jenjang.pemilik
        elif ind.sasaran_id:
            if kepala is None:
                kepala = kepala_unit(instansi) or False
            simpul, pemilik = ind.sasaran.kode, pemilik_sasaran(ind.sasaran, kepala or None)
        else:
            simpul, pemilik = "", None
        out.append(
            {
                "nama_pegawai": x.nama_pegawai,
                "nip": x.nip,
                "jabatan": x.jabatan,
                "no": x.urutan,
                "rhk": x.uraian,
                "indikator": x.nama_indikator,
                "aspek": x.get_aspek_display(),
                "target": x.target.quantize(Decimal(1))
                if x.target == x.target.to_integral_value()
                else x.target.normalize(),
                "satuan": x.satuan,
                "indikator_atasan": ind.kode,
                "nama_indikator_atasan": ind.nama,
                "jenjang_atasan": simpul,
                "pemilik_atasan": pemilik.jabatan if pemilik else "",
            }
        )
    return out


def _angka_rhk(v: Decimal) -> str:
    v = v.quantize(Decimal(1)) if v == v.to_integral_value() else v.normalize()
    return format(v, "f")


def rhk_csv(rows: list[dict]) -> bytes:
    """The RHK rows as CSV (UTF-8 with BOM so spreadsheets read it; a decimal point in numbers;
    text that a spreadsheet would run as a formula is prefixed with ')."""
    import csv
    import io

    from dasar.xlsx import AWAL_RUMUS

    def aman(v: str) -> str:
        return "'" + v if v.startswith(AWAL_RUMUS) else v

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(KOLOM_RHK)
    for r in rows:
        w.writerow([_angka_rhk(r[k]) if k == "target" else aman(str(r[k])) for k in KOLOM_RHK])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def rhk_xlsx(rows: list[dict]) -> bytes:
    """The RHK rows as an XLSX sheet "RHK" (numbers as numbers; text never run as a formula)."""
    import io

    from openpyxl import Workbook

    from dasar.xlsx import aman_ditulis

    wb = Workbook()
    ws = wb.active
    ws.title = "RHK"
    ws.append(list(KOLOM_RHK))
    for r in rows:
        ws.append([r[k] if k in ("target", "no") else str(r[k]) for k in KOLOM_RHK])
    aman_ditulis(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
