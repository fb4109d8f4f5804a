"""The pohon kinerja (performance tree) of a unit-year and of a pemda-year, read in a fixed number
of queries whatever the number of units, nodes or budget lines.

A unit's tree: tujuan → sasaran strategis → programme → kegiatan, each node with its indicators
(target, realisasi, capaian — the numbers of ``manage.py capaian``: the PK indicators through
``pengukuran.selectors.capaian_pk``, the others against their Renstra target with the same
realisasi (``Pengukuran``) and the same rule (``rumus.capaian``)), its owner (jabatan) and the
budget codes linked to it (``anggaran.Dukungan``) with their pagu and realisasi
(``anggaran.selectors.muat_baris``). A programme sits under the sasaran whose indicators its
budget code supports; its kegiatan are those of the budget lines that support the sasaran and
those with indicators of their own. The tree's parent is the pemda sasaran the unit's tujuan or
sasaran supports (``rpjmd.Kontribusi``), when there is one.

The checks of the tree are ``rumus.pohon.periksa_pohon`` (docs/rules.md §12).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from anggaran.models import Dukungan
from anggaran.selectors import muat_baris, nama_nomenklatur
from organisasi.models import Instansi, Pejabat
from pengukuran.selectors import Pengukuran, capaian_pk, pk_berlaku
from perencanaan.models import Indikator, Sasaran, Target, Tujuan
from rumus import pohon as r
from rumus.capaian import capaian, kategori_capaian


@dataclass
class Pohon:
    """A tree: its top nodes (``akar``), its findings, the units' names by slug."""

    tahun: int
    akar: list[r.SimpulPohon]
    temuan: list[r.TemuanPohon] = field(default_factory=list)
    nama_instansi: dict[str, str] = field(default_factory=dict)

    @property
    def jumlah_simpul(self) -> int:
        return r.jumlah_simpul(self.akar)


@dataclass
class _Unit:
    """One unit's part of a tree: its tujuan nodes, and the nodes of its tujuan/sasaran by id
    (for the links to the pemda sasaran)."""

    instansi: Instansi
    akar: list[r.SimpulPohon] = field(default_factory=list)
    tujuan: dict[int, r.SimpulPohon] = field(default_factory=dict)
    sasaran_tujuan: dict[int, int] = field(default_factory=dict)  # sasaran id -> tujuan id
    anggaran: list[tuple[str, str, str]] = field(default_factory=list)
    dukungan: list[str] = field(default_factory=list)


def _di_bawah(kode: str, induk: str) -> bool:
    return r.mencakup(induk, kode)


def _bangun_unit(units: list[Instansi], tahun: int) -> dict[int, _Unit]:
    """Every unit's part of the tree. A fixed number of queries for any number of units."""
    ids = [u.id for u in units]
    out = {u.id: _Unit(u) for u in units}
    tujuan = [
        t
        for t in Tujuan.objects.filter(
            instansi_id__in=ids, renstra__tahun_awal__lte=tahun, renstra__tahun_akhir__gte=tahun
        ).order_by("instansi_id", "urutan", "kode", "id")
        if t.aktif_pada(tahun)
    ]
    tujuan_ids = {t.id for t in tujuan}
    sasaran = [
        s
        for s in Sasaran.objects.filter(instansi_id__in=ids, tujuan_id__in=tujuan_ids).order_by(
            "instansi_id", "urutan", "kode", "id"
        )
        if s.aktif_pada(tahun)
    ]
    indikator = [
        i
        for i in Indikator.objects.filter(instansi_id__in=ids)
        .select_related("program", "kegiatan")
        .order_by("instansi_id", "urutan", "kode", "id")
        if i.aktif_pada(tahun)
    ]
    target = {
        i: (n, a)
        for i, n, a in Target.objects.filter(indikator__instansi_id__in=ids, tahun=tahun).values_list(
            "indikator_id", "nilai", "nilai_atas"
        )
    }
    pengukuran = Pengukuran(ids, [tahun], ringan=True)
    pk = pk_berlaku(ids, tahun)
    kepala = {
        p.id: p.jabatan
        for p in Pejabat.objects.filter(id__in=[x.pihak_pertama_id for x in pk.values()]).only(
            "id", "jabatan"
        )
    }
    kepala_unit = {iid: kepala.get(p.pihak_pertama_id) for iid, p in pk.items()}
    dari_pk = {b.indikator.id: b for rows in capaian_pk(ids, tahun, pengukuran).values() for b in rows}
    dukungan: dict[int, list[str]] = defaultdict(list)  # indikator id -> codes
    kode_unit: dict[int, list[str]] = defaultdict(list)
    for iid, kode, ind_id in (
        Dukungan.objects.filter(instansi_id__in=ids, tahun=tahun)
        .order_by("kode", "id")
        .values_list("instansi_id", "kode", "indikator_id")
    ):
        dukungan[ind_id].append(kode)
        kode_unit[iid].append(kode)
    baris = muat_baris(ids, tahun)
    semua_kode = {k for ks in kode_unit.values() for k in ks}
    for lines in baris.values():
        for b in lines:
            semua_kode |= {b.program, b.kegiatan, b.sub_kegiatan}
    semua_kode |= {i.program.kode for i in indikator if i.program_id}
    semua_kode |= {i.kegiatan.kode for i in indikator if i.kegiatan_id}
    nama = nama_nomenklatur(semua_kode)

    def simpul_indikator(ind: Indikator) -> r.IndikatorPohon:
        jenis = r.jenis_indikator(ind.level, ind.jenis_hasil)
        # the owner: the jabatan named on the indicator; else, for a tujuan or sasaran strategis
        # indicator, the unit head (the PK's pihak pertama, docs/rules.md §12.1)
        pemilik = ind.penanggung_jawab.strip() or None
        if pemilik is None and ind.level in (Indikator.Level.TUJUAN, Indikator.Level.SASARAN):
            pemilik = kepala_unit.get(ind.instansi_id)
        b = dari_pk.get(ind.id)
        if b is not None:  # a PK indicator: the numbers of `manage.py capaian`
            return r.IndikatorPohon(
                ind.kode,
                ind.nama,
                ind.satuan,
                jenis,
                pemilik,
                b.target,
                b.realisasi.nilai,
                b.capaian,
                b.kategori,
            )
        t, atas = target.get(ind.id, (None, None))
        nilai = pengukuran.realisasi(ind, tahun).nilai
        c = capaian(t, nilai, ind.polaritas, atas) if t is not None else None
        return r.IndikatorPohon(
            ind.kode, ind.nama, ind.satuan, jenis, pemilik, t, nilai, c, kategori_capaian(c)
        )

    ind_tujuan: dict[int, list[Indikator]] = defaultdict(list)
    ind_sasaran: dict[int, list[Indikator]] = defaultdict(list)
    ind_program: dict[tuple[int, str], list[Indikator]] = defaultdict(list)
    ind_kegiatan: dict[tuple[int, str], list[Indikator]] = defaultdict(list)
    for ind in indikator:
        if ind.level == Indikator.Level.TUJUAN and ind.tujuan_id:
            ind_tujuan[ind.tujuan_id].append(ind)
        elif ind.level == Indikator.Level.SASARAN and ind.sasaran_id:
            ind_sasaran[ind.sasaran_id].append(ind)
        elif ind.level == Indikator.Level.PROGRAM and ind.program_id:
            ind_program[(ind.instansi_id, ind.program.kode)].append(ind)
        elif ind.level == Indikator.Level.KEGIATAN and ind.kegiatan_id:
            ind_kegiatan[(ind.instansi_id, ind.kegiatan.kode)].append(ind)

    def anggaran_kode(lines, kode: str) -> r.AnggaranPohon:
        ikut = [b for b in lines if _di_bawah(b.sub_kegiatan, kode)]
        return r.AnggaranPohon(
            kode,
            nama.get(kode, ""),
            sum((b.pagu for b in ikut), Decimal(0)),
            sum((b.realisasi for b in ikut), Decimal(0)),
        )

    def pemilik_dari(inds: list[r.IndikatorPohon]) -> str | None:
        return next((i.pemilik for i in inds if i.pemilik), None)

    sasaran_per_tujuan: dict[int, list[Sasaran]] = defaultdict(list)
    for s in sasaran:
        sasaran_per_tujuan[s.tujuan_id].append(s)
    ditempatkan: set[tuple[int, str]] = set()  # (unit, programme code) placed under a sasaran

    def simpul_sasaran(s: Sasaran, slug: str, lines) -> r.SimpulPohon:
        inds = [simpul_indikator(i) for i in ind_sasaran.get(s.id, [])]
        kode_s = sorted({k for i in ind_sasaran.get(s.id, []) for k in dukungan.get(i.id, [])})
        program = sorted({".".join(k.split(".")[:3]) for k in kode_s})
        anak = []
        for p in program:
            ditempatkan.add((s.instansi_id, p))
            anak.append(
                simpul_program(
                    s.instansi_id,
                    f"{s.id}",
                    p,
                    slug,
                    lines,
                    [k for k in kode_s if _di_bawah(k, p) or _di_bawah(p, k)],
                )
            )
        return r.SimpulPohon(
            f"sasaran:{s.id}",
            r.SASARAN,
            s.kode,
            s.uraian,
            slug,
            kepala_unit.get(s.instansi_id) or pemilik_dari(inds),
            inds,
            [anggaran_kode(lines, k) for k in kode_s],
            anak,
        )

    def simpul_program(iid: int, induk: str, p: str, slug: str, lines, kode_s: list[str]) -> r.SimpulPohon:
        inds = [simpul_indikator(i) for i in ind_program.get((iid, p), [])]
        didukung = [b for b in lines if any(_di_bawah(b.sub_kegiatan, k) for k in kode_s)]
        kegiatan = sorted(
            {b.kegiatan for b in didukung} | {k for (u, k) in ind_kegiatan if u == iid and _di_bawah(k, p)}
        )
        anak = []
        for k in kegiatan:
            kinds = [simpul_indikator(i) for i in ind_kegiatan.get((iid, k), [])]
            subs = sorted({b.sub_kegiatan for b in didukung if b.kegiatan == k})
            anak.append(
                r.SimpulPohon(
                    f"kegiatan:{iid}:{induk}:{k}",
                    r.KEGIATAN,
                    k,
                    nama.get(k, ""),
                    slug,
                    pemilik_dari(kinds),
                    kinds,
                    [anggaran_kode(lines, sk) for sk in subs],
                    [],
                )
            )
        return r.SimpulPohon(
            f"program:{iid}:{induk}:{p}",
            r.PROGRAM,
            p,
            nama.get(p, ""),
            slug,
            pemilik_dari(inds),
            inds,
            [anggaran_kode(lines, k) for k in kode_s],
            anak,
        )

    for t in tujuan:
        u = out[t.instansi_id]
        slug = u.instansi.slug
        lines = baris.get(t.instansi_id, [])
        inds = [simpul_indikator(i) for i in ind_tujuan.get(t.id, [])]
        node = r.SimpulPohon(
            f"tujuan:{t.id}",
            r.TUJUAN,
            t.kode,
            t.uraian,
            slug,
            kepala_unit.get(t.instansi_id) or pemilik_dari(inds),
            inds,
            [],
            [simpul_sasaran(s, slug, lines) for s in sasaran_per_tujuan.get(t.id, [])],
        )
        u.akar.append(node)
        u.tujuan[t.id] = node
        for s in sasaran_per_tujuan.get(t.id, []):
            u.sasaran_tujuan[s.id] = t.id
    # programmes with indicators of their own that support no sasaran: roots of their unit's tree
    for (iid, p), _inds in sorted(ind_program.items()):
        if (iid, p) not in ditempatkan and iid in out:
            u = out[iid]
            u.akar.append(simpul_program(iid, "lepas", p, u.instansi.slug, baris.get(iid, []), []))
    for iid, u in out.items():
        u.anggaran = [
            (u.instansi.slug, b.sub_kegiatan, nama.get(b.sub_kegiatan, "")) for b in baris.get(iid, [])
        ]
        u.dukungan = kode_unit.get(iid, [])
    return out


def _pohon(units: dict[int, _Unit], tahun: int, akar: list[r.SimpulPohon]) -> Pohon:
    return Pohon(
        tahun,
        akar,
        r.periksa_pohon(
            akar,
            [a for u in units.values() for a in u.anggaran],
            {u.instansi.slug: u.dukungan for u in units.values()},
        ),
        {u.instansi.slug: u.instansi.nama for u in units.values()},
    )


def pohon_unit(instansi: Instansi, tahun: int) -> Pohon:
    """The tree of one unit-year, under the pemda sasaran its tujuan and sasaran support."""
    units = _bangun_unit([instansi], tahun)
    return _pohon(units, tahun, units[instansi.id].akar)


def pohon_pemda(pemda, tahun: int) -> Pohon:
    """The tree of every active unit of the pemda in the year, joined under the pemda sasaran."""
    daftar = list(Instansi.objects.filter(pemda=pemda, aktif=True).select_related("pemda").order_by("nama"))
    units = _bangun_unit(daftar, tahun)
    akar = [n for u in units.values() for n in u.akar]
    return _pohon(units, tahun, akar)
