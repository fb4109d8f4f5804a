"""The pohon kinerja (performance tree) of a unit-year and of a pemda-year, read in a fixed number
of queries whatever the number of units, nodes or budget lines (tests/test_pohon_kueri.py).

A unit's tree: tujuan → sasaran strategis → sasaran program → sasaran kegiatan → output sub
kegiatan → the staff's rencana hasil kerja (RHK). Each node carries its indicators (target,
realisasi, capaian — the numbers of ``manage.py capaian``: the PK indicators through
``pengukuran.selectors.capaian_pk``, the others against their Renstra target with the same
realisasi (``Pengukuran``) and the same rule, ``rumus.capaian``), its owner (jabatan) and the
budget codes it rests on with their pagu and realisasi (``anggaran.selectors.muat_baris``).

- The cascade nodes are ``perencanaan.Jenjang`` rows (owner ``Jenjang.pemilik``); the sasaran
  strategis is owned by ``Sasaran.pemilik``, else the unit head (as
  ``perencanaan.selectors.kepala_unit``: PIHAK PERTAMA of the unit's latest PK, else its first
  official). Their rules are the ones of ``perencanaan.selectors.jenjang_unit``, read here for
  many units at once.
- A sasaran without cascade nodes for a programme it is linked to by the budget support links
  (``anggaran.Dukungan`` of its indicators) gets a programme node for it, with the kegiatan of
  the supporting budget lines under it (the demo's Renstra has no cascade yet); the programme
  and kegiatan indicators of the Renstra (``Indikator.program`` / ``kegiatan``) hang on the node
  of their code.
- The tree's parent is the pemda sasaran (``rpjmd.SasaranPemda`` of the plan in force) that the
  unit's tujuan or one of its sasaran supports (``rpjmd.Kontribusi``). A crosscutting pemda
  sasaran is one node in the pemda tree with every supporting unit's tujuan under it, and the
  root parent of each unit's own tree.

The checks of the tree are ``rumus.pohon.periksa_pohon`` (docs/rules.md §12).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from anggaran.models import Dukungan
from anggaran.selectors import muat_baris, nama_nomenklatur
from organisasi.models import Instansi, Pejabat
from pengukuran.selectors import Pengukuran, capaian_pk
from perencanaan.models import (
    Indikator,
    Jenjang,
    PerjanjianKinerja,
    RencanaHasilKerja,
    Sasaran,
    Target,
    Tujuan,
)
from rpjmd.models import IndikatorPemda, SasaranPemda, TargetPemda
from rpjmd.selectors import kontribusi_unit_banyak
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
    """One unit's part of a tree: its top nodes (tujuan, and programmes supporting no sasaran), the
    pemda sasaran (id) each tujuan node sits under, its budget lines and support codes."""

    instansi: Instansi
    akar: list[r.SimpulPohon] = field(default_factory=list)
    induk_pemda: list[tuple[int, r.SimpulPohon]] = field(default_factory=list)
    anggaran: list[tuple[str, str, str]] = field(default_factory=list)
    dukungan: list[str] = field(default_factory=list)


@dataclass
class _Bagian:
    units: dict[int, _Unit]
    sasaran_pemda: dict[int, r.SimpulPohon]  # pemda sasaran id -> a node without children (template)


def _di_bawah(kode: str, induk: str) -> bool:
    return r.mencakup(induk, kode)


def _program_dari(kode: str) -> str:
    return ".".join(kode.split(".")[:3])


def _bangun(units: list[Instansi], tahun: int) -> _Bagian:
    """Every unit's part of the tree and the pemda sasaran they support. A fixed number of
    queries (about 25) for any number of units."""
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
        for s in Sasaran.objects.filter(instansi_id__in=ids, tujuan_id__in=tujuan_ids)
        .select_related("pemilik")
        .order_by("instansi_id", "urutan", "kode", "id")
        if s.aktif_pada(tahun)
    ]
    indikator = [
        i
        for i in Indikator.objects.filter(instansi_id__in=ids)
        .select_related("program", "kegiatan")
        .order_by("instansi_id", "urutan", "kode", "id")
        if i.aktif_pada(tahun)
    ]
    jenjang = [
        j
        for j in Jenjang.objects.filter(instansi_id__in=ids)
        .select_related("pemilik", "program", "kegiatan", "sub_kegiatan")
        .order_by("instansi_id", "urutan", "kode", "id")
        if j.aktif_pada(tahun)
    ]
    rhk: dict[int, list[RencanaHasilKerja]] = defaultdict(list)  # indikator atasan id -> RHK
    for x in RencanaHasilKerja.objects.filter(instansi_id__in=ids, tahun=tahun).order_by(
        "nama_pegawai", "urutan", "id"
    ):
        rhk[x.indikator_atasan_id].append(x)
    target = {
        i: (n, a)
        for i, n, a in Target.objects.filter(indikator__instansi_id__in=ids, tahun=tahun).values_list(
            "indikator_id", "nilai", "nilai_atas"
        )
    }
    pengukuran = Pengukuran(ids, [tahun], ringan=True)
    dari_pk = {b.indikator.id: b for rows in capaian_pk(ids, tahun, pengukuran).values() for b in rows}
    # the unit head, as perencanaan.selectors.kepala_unit (for many units at once)
    pihak: dict[int, int] = {}
    for iid, pid in (
        PerjanjianKinerja.objects.filter(instansi_id__in=ids, jabatan__isnull=True)  # the head's PK
        .order_by("instansi_id", "-tahun", "-versi")
        .values_list("instansi_id", "pihak_pertama_id")
    ):
        pihak.setdefault(iid, pid)
    pejabat: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for pid, iid, jabatan in (
        Pejabat.objects.filter(instansi_id__in=ids).order_by("id").values_list("id", "instansi_id", "jabatan")
    ):
        pejabat[iid].append((pid, jabatan))
    kepala_unit = {
        iid: next((j for pid, j in daftar if pid == pihak.get(iid)), daftar[0][1])
        for iid, daftar in pejabat.items()
    }
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

    def simpul_indikator(ind: Indikator, pemilik_simpul: str | None) -> r.IndikatorPohon:
        """An indicator with its numbers; its owner is the jabatan named on it, else its node's
        owner (the sasaran's or cascade node's; docs/rules.md §12.1)."""
        jenis = r.jenis_indikator(ind.level, ind.jenis_hasil)
        pemilik = ind.penanggung_jawab.strip() or pemilik_simpul
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
    ind_jenjang: dict[int, list[Indikator]] = defaultdict(list)
    ind_program: dict[tuple[int, str], list[Indikator]] = defaultdict(list)
    ind_kegiatan: dict[tuple[int, str], list[Indikator]] = defaultdict(list)
    for ind in indikator:
        if ind.jenjang_id:
            ind_jenjang[ind.jenjang_id].append(ind)
        elif ind.level == Indikator.Level.TUJUAN and ind.tujuan_id:
            ind_tujuan[ind.tujuan_id].append(ind)
        elif ind.level == Indikator.Level.SASARAN and ind.sasaran_id:
            ind_sasaran[ind.sasaran_id].append(ind)
        elif ind.level == Indikator.Level.PROGRAM and ind.program_id:
            ind_program[(ind.instansi_id, ind.program.kode)].append(ind)
        elif ind.level == Indikator.Level.KEGIATAN and ind.kegiatan_id:
            ind_kegiatan[(ind.instansi_id, ind.kegiatan.kode)].append(ind)

    # Σ pagu and Σ realisasi of each unit's lines under every code prefix (programme, kegiatan,
    # sub-kegiatan and anything between), summed once per unit
    nol = (Decimal(0), Decimal(0))
    jumlah: dict[int, dict[str, tuple[Decimal, Decimal]]] = {}
    for iid, lines in baris.items():
        d = jumlah[iid] = {}
        for b in lines:
            seg = b.sub_kegiatan.split(".")
            for n in range(1, len(seg) + 1):
                k = ".".join(seg[:n])
                p, rl = d.get(k, nol)
                d[k] = (p + b.pagu, rl + b.realisasi)

    def anggaran_kode(iid: int, kode: str) -> r.AnggaranPohon:
        p, rl = jumlah.get(iid, {}).get(kode, nol)
        return r.AnggaranPohon(kode, nama.get(kode, ""), p, rl)

    def daftar_indikator(inds: list[Indikator], pemilik: str | None, slug: str) -> tuple[list, list]:
        """The node's indicators and the RHK nodes of the staff supporting them."""
        hasil = [simpul_indikator(i, pemilik) for i in inds]
        anak = []
        for i in inds:
            for x in rhk.get(i.id, []):
                anak.append(
                    r.SimpulPohon(
                        f"rhk:{x.id}",
                        r.RHK,
                        x.nama_pegawai,
                        x.uraian,
                        slug,
                        x.jabatan or None,
                        [
                            r.IndikatorPohon(
                                f"RHK{x.id}",
                                x.nama_indikator,
                                x.satuan,
                                r.OUTPUT,
                                x.jabatan or x.nama_pegawai,
                                x.target,
                            )
                        ],
                    )
                )
        return hasil, anak

    # the cascade nodes (Jenjang), children before their parents are linked
    level_jenjang = {"program": r.PROGRAM, "kegiatan": r.KEGIATAN, "sub_kegiatan": r.SUB_KEGIATAN}
    simpul_jenjang: dict[int, r.SimpulPohon] = {}
    for j in jenjang:
        slug = out[j.instansi_id].instansi.slug
        pemilik = j.pemilik.jabatan if j.pemilik_id else None
        inds, anak_rhk = daftar_indikator(ind_jenjang.get(j.id, []), pemilik, slug)
        kode_ang = j.kode_anggaran
        if j.level == "program":
            inds += [simpul_indikator(i, pemilik) for i in ind_program.get((j.instansi_id, kode_ang), [])]
        elif j.level == "kegiatan":
            inds += [simpul_indikator(i, pemilik) for i in ind_kegiatan.get((j.instansi_id, kode_ang), [])]
        simpul_jenjang[j.id] = r.SimpulPohon(
            f"jenjang:{j.id}",
            level_jenjang[j.level],
            j.kode,
            j.uraian,
            slug,
            pemilik,
            inds,
            [anggaran_kode(j.instansi_id, kode_ang)] if kode_ang else [],
            anak_rhk,
        )
    jenjang_sasaran: dict[int, list[r.SimpulPohon]] = defaultdict(list)
    program_jenjang: dict[int, set[str]] = defaultdict(set)  # sasaran id -> programme codes
    for j in jenjang:
        node = simpul_jenjang[j.id]
        if j.level == "program" and j.sasaran_id:
            jenjang_sasaran[j.sasaran_id].append(node)
            program_jenjang[j.sasaran_id].add(j.kode_anggaran)
        elif j.induk_id in simpul_jenjang:
            atas = simpul_jenjang[j.induk_id]
            atas.anak.insert(len([a for a in atas.anak if a.level != r.RHK]), node)

    ditempatkan: set[tuple[int, str]] = set()  # (unit, programme code) placed under a sasaran

    def simpul_program(iid: int, induk: str, p: str, slug: str, lines, kode_s: list[str]) -> r.SimpulPohon:
        """A programme node from the budget support links (no cascade node for it)."""
        inds = [simpul_indikator(i, None) for i in ind_program.get((iid, p), [])]
        didukung = [b for b in lines if any(_di_bawah(b.sub_kegiatan, k) for k in kode_s)]
        kegiatan = sorted(
            {b.kegiatan for b in didukung} | {k for (u, k) in ind_kegiatan if u == iid and _di_bawah(k, p)}
        )
        anak = []
        for k in kegiatan:
            kinds = [simpul_indikator(i, None) for i in ind_kegiatan.get((iid, k), [])]
            subs = sorted({b.sub_kegiatan for b in didukung if b.kegiatan == k})
            anak.append(
                r.SimpulPohon(
                    f"kegiatan:{iid}:{induk}:{k}",
                    r.KEGIATAN,
                    k,
                    nama.get(k, ""),
                    slug,
                    next((i.pemilik for i in kinds if i.pemilik), None),
                    kinds,
                    [anggaran_kode(iid, sk) for sk in subs],
                )
            )
        return r.SimpulPohon(
            f"program:{iid}:{induk}:{p}",
            r.PROGRAM,
            p,
            nama.get(p, ""),
            slug,
            next((i.pemilik for i in inds if i.pemilik), None),
            inds,
            [anggaran_kode(iid, k) for k in kode_s],
            anak,
        )

    def simpul_sasaran(s: Sasaran, slug: str, lines) -> r.SimpulPohon:
        pemilik = s.pemilik.jabatan if s.pemilik_id else kepala_unit.get(s.instansi_id)
        inds, anak = daftar_indikator(ind_sasaran.get(s.id, []), pemilik, slug)
        kode_s = sorted({k for i in ind_sasaran.get(s.id, []) for k in dukungan.get(i.id, [])})
        program = list(jenjang_sasaran.get(s.id, []))
        for p in program_jenjang.get(s.id, set()):
            ditempatkan.add((s.instansi_id, p))
        for p in sorted({_program_dari(k) for k in kode_s} - program_jenjang.get(s.id, set())):
            ditempatkan.add((s.instansi_id, p))
            ikut = [k for k in kode_s if _di_bawah(k, p) or _di_bawah(p, k)]
            program.append(simpul_program(s.instansi_id, f"{s.id}", p, slug, lines, ikut))
        return r.SimpulPohon(
            f"sasaran:{s.id}",
            r.SASARAN,
            s.kode,
            s.uraian,
            slug,
            pemilik,
            inds,
            [anggaran_kode(s.instansi_id, k) for k in kode_s],
            program + anak,
        )

    sasaran_per_tujuan: dict[int, list[Sasaran]] = defaultdict(list)
    for s in sasaran:
        sasaran_per_tujuan[s.tujuan_id].append(s)
    kontribusi = kontribusi_unit_banyak(ids)
    dipakai_pemda: set[int] = set()
    for t in tujuan:
        u = out[t.instansi_id]
        slug = u.instansi.slug
        lines = baris.get(t.instansi_id, [])
        kepala = kepala_unit.get(t.instansi_id)
        inds, anak = daftar_indikator(ind_tujuan.get(t.id, []), kepala, slug)
        node = r.SimpulPohon(
            f"tujuan:{t.id}",
            r.TUJUAN,
            t.kode,
            t.uraian,
            slug,
            kepala,
            inds,
            [],
            [simpul_sasaran(s, slug, lines) for s in sasaran_per_tujuan.get(t.id, [])] + anak,
        )
        u.akar.append(node)
        ku = kontribusi[t.instansi_id]
        dukung = [k for k in ku.per_tujuan.get(t.id, [])]
        for s in sasaran_per_tujuan.get(t.id, []):
            dukung += ku.per_sasaran.get(s.id, [])
        dilihat = set()
        for k in dukung:
            rp = k.sasaran_pemda.rpjmd
            if not (rp.tahun_awal <= tahun <= rp.tahun_akhir) or k.sasaran_pemda_id in dilihat:
                continue
            dilihat.add(k.sasaran_pemda_id)
            dipakai_pemda.add(k.sasaran_pemda_id)
            u.induk_pemda.append((k.sasaran_pemda_id, node))
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
    return _Bagian(out, _sasaran_pemda(dipakai_pemda, kontribusi, tahun))


def _sasaran_pemda(ids: set[int], kontribusi, tahun: int) -> dict[int, r.SimpulPohon]:
    """The pemda sasaran nodes (without children) with their indicators and the year's target
    (a pemda indicator has no realisasi in the system yet). Two queries."""
    sasaran = {}
    for ku in kontribusi.values():
        for k in ku.semua:
            if k.sasaran_pemda_id in ids:
                sasaran[k.sasaran_pemda_id] = k.sasaran_pemda
    inds: dict[int, list[IndikatorPemda]] = defaultdict(list)
    daftar = list(IndikatorPemda.objects.filter(sasaran_id__in=ids).order_by("urutan", "kode", "id"))
    for i in daftar:
        inds[i.sasaran_id].append(i)
    target = {
        i: n
        for i, n in TargetPemda.objects.filter(indikator__in=[i.id for i in daftar], tahun=tahun).values_list(
            "indikator_id", "nilai"
        )
    }
    return {
        sid: r.SimpulPohon(
            f"sasaran_pemda:{sid}",
            r.SASARAN_PEMDA,
            s.kode,
            s.uraian,
            "",
            None,
            [
                r.IndikatorPohon(i.kode, i.nama, i.satuan, r.OUTCOME, None, target.get(i.id))
                for i in inds.get(sid, [])
            ],
        )
        for sid, s in sorted(sasaran.items(), key=lambda kv: (kv[1].urutan, kv[1].kode, kv[0]))
    }


def _salin(s: r.SimpulPohon) -> r.SimpulPohon:
    return r.SimpulPohon(s.kunci, s.level, s.kode, s.nama, s.instansi, s.pemilik, list(s.indikator), [])


def _akar(bagian: _Bagian, units: list[_Unit]) -> list[r.SimpulPohon]:
    """The top of a tree over ``units``: each pemda sasaran they support, once, with the
    supporting units' tujuan under it; then the tujuan (and loose programmes) supporting none."""
    di_bawah: dict[int, list[r.SimpulPohon]] = defaultdict(list)
    terpasang: set[int] = set()
    for u in units:
        for sid, node in u.induk_pemda:
            di_bawah[sid].append(node)
            terpasang.add(id(node))
    akar = []
    for sid, templat in bagian.sasaran_pemda.items():
        if sid in di_bawah:
            s = _salin(templat)
            s.anak = di_bawah[sid]
            akar.append(s)
    akar += [n for u in units for n in u.akar if id(n) not in terpasang]
    return akar


def _pohon(units: list[_Unit], tahun: int, akar: list[r.SimpulPohon]) -> Pohon:
    return Pohon(
        tahun,
        akar,
        r.periksa_pohon(
            akar,
            [a for u in units for a in u.anggaran],
            {u.instansi.slug: u.dukungan for u in units},
        ),
        {u.instansi.slug: u.instansi.nama for u in units},
    )


def pohon_unit(instansi: Instansi, tahun: int) -> Pohon:
    """The tree of one unit-year, under the pemda sasaran its tujuan and sasaran support."""
    bagian = _bangun([instansi], tahun)
    units = list(bagian.units.values())
    return _pohon(units, tahun, _akar(bagian, units))


def cari_sasaran_pemda(pemda, pk: int) -> SasaranPemda | None:
    """The pemda sasaran ``pk`` of one of this pemda's plans (with its plan), or None."""
    return SasaranPemda.objects.select_related("rpjmd").filter(pk=pk, rpjmd__pemda=pemda).first()


def pohon_pemda(pemda, tahun: int, sasaran_pemda: int | None = None) -> Pohon:
    """The tree of every active unit of the pemda in the year, joined under the pemda sasaran
    (only the one with id ``sasaran_pemda`` and the units under it, when given: then only the
    units with a contribution to it are built, not the whole pemda)."""
    qs = Instansi.objects.filter(pemda=pemda, aktif=True)
    if sasaran_pemda is not None:
        qs = qs.filter(kontribusi_pemda__sasaran_pemda_id=sasaran_pemda).distinct()
    daftar = list(qs.select_related("pemda").order_by("nama"))
    bagian = _bangun(daftar, tahun)
    units = list(bagian.units.values())
    akar = _akar(bagian, units)
    if sasaran_pemda is not None:
        akar = [s for s in akar if s.kunci == f"sasaran_pemda:{sasaran_pemda}"]
        slugs = {n.instansi for s in akar for n in s.anak}
        units = [u for u in units if u.instansi.slug in slugs]
    return _pohon(units, tahun, akar)


@dataclass
class RingkasanUnit:
    """A supporting unit as the pemda page shows it before its subtree is opened: the nodes
    recorded for it (active tujuan, sasaran strategis, cascade nodes and RHK of the year; the
    programme and kegiatan nodes derived from the budget support links are counted when its
    subtree is built) and its IKU (PK indicators) by capaian colour."""

    instansi: Instansi
    simpul: int = 0
    warna: dict[str, int] = field(default_factory=dict)  # hijau / kuning / merah / abu -> count

    @property
    def iku(self) -> int:
        return sum(self.warna.values())


@dataclass
class PohonPemdaRingkas:
    """The pemda level of the pemda tree: each pemda sasaran supported in the year (a node
    without children) with its supporting units, then the units supporting none."""

    tahun: int
    sasaran: list[tuple[int, r.SimpulPohon, list[RingkasanUnit]]]
    lepas: list[RingkasanUnit]

    @property
    def units(self) -> int:
        return len(
            {u.instansi.id for _, _, us in self.sasaran for u in us} | {u.instansi.id for u in self.lepas}
        )


def ringkasan_pemda(pemda, tahun: int) -> PohonPemdaRingkas:
    """The pemda sasaran and, under each, the units supporting it with their summaries — no node
    of a unit's subtree is built (those come per unit, ``pohon_unit``, when opened). A fixed
    number of queries whatever the number of units (tests/test_pohon_kueri.py)."""
    from rpjmd.models import Kontribusi

    daftar = list(Instansi.objects.filter(pemda=pemda, aktif=True).select_related("pemda").order_by("nama"))
    ids = [u.id for u in daftar]
    ringkas = {u.id: RingkasanUnit(u) for u in daftar}
    tujuan: dict[int, int] = {}  # tujuan id -> unit id (active in the year)
    for tid, iid, non in Tujuan.objects.filter(
        instansi_id__in=ids, renstra__tahun_awal__lte=tahun, renstra__tahun_akhir__gte=tahun
    ).values_list("id", "instansi_id", "tahun_nonaktif"):
        if non is None or tahun < non:
            tujuan[tid] = iid
    sasaran: dict[int, int] = {}  # sasaran id -> tujuan id
    for sid, tid, non in Sasaran.objects.filter(instansi_id__in=ids, tujuan_id__in=list(tujuan)).values_list(
        "id", "tujuan_id", "tahun_nonaktif"
    ):
        if non is None or tahun < non:
            sasaran[sid] = tid
    for iid in tujuan.values():
        ringkas[iid].simpul += 1
    for tid in sasaran.values():
        ringkas[tujuan[tid]].simpul += 1
    for iid, non in Jenjang.objects.filter(instansi_id__in=ids).values_list("instansi_id", "tahun_nonaktif"):
        if non is None or tahun < non:
            ringkas[iid].simpul += 1
    for iid in RencanaHasilKerja.objects.filter(instansi_id__in=ids, tahun=tahun).values_list(
        "instansi_id", flat=True
    ):
        ringkas[iid].simpul += 1
    pengukuran = Pengukuran(ids, [tahun], ringan=True, hanya_pk=True)  # the IKU colours only
    for iid, rows in capaian_pk(ids, tahun, pengukuran).items():
        for b in rows:
            w = r.warna_kategori(b.kategori)
            ringkas[iid].warna[w] = ringkas[iid].warna.get(w, 0) + 1
    # which pemda sasaran of a plan in force each unit supports, through an active tujuan or sasaran
    didukung: dict[int, list[int]] = defaultdict(list)  # pemda sasaran id -> unit ids
    dipakai: set[int] = set()
    for spid, iid, tid, sid in (
        Kontribusi.objects.filter(
            instansi_id__in=ids,
            sasaran_pemda__rpjmd__tahun_awal__lte=tahun,
            sasaran_pemda__rpjmd__tahun_akhir__gte=tahun,
        )
        .order_by("id")
        .values_list("sasaran_pemda_id", "instansi_id", "tujuan_id", "sasaran_id")
    ):
        if (tid in tujuan) or (sid in sasaran):
            if iid not in didukung[spid]:
                didukung[spid].append(iid)
            dipakai.add(iid)
    kontribusi = {}  # _sasaran_pemda reads the pemda sasaran from the contributions
    if didukung:
        from types import SimpleNamespace

        from rpjmd.models import SasaranPemda

        kontribusi = {
            0: SimpleNamespace(
                semua=[
                    SimpleNamespace(sasaran_pemda_id=s.id, sasaran_pemda=s)
                    for s in SasaranPemda.objects.filter(id__in=list(didukung))
                ]
            )
        }
    simpul_pemda = _sasaran_pemda(set(didukung), kontribusi, tahun)
    urut = {u.id: n for n, u in enumerate(daftar)}
    return PohonPemdaRingkas(
        tahun,
        [
            (sid, node, [ringkas[i] for i in sorted(didukung[sid], key=urut.__getitem__)])
            for sid, node in simpul_pemda.items()
        ],
        [ringkas[u.id] for u in daftar if u.id not in dipakai],
    )


def bagian_unit(instansi: Instansi, tahun: int, sasaran_pemda: int | None = None) -> Pohon:
    """One unit's subtree as the pemda page loads it when the unit is opened: the unit's tree
    (``pohon_unit``) below the pemda sasaran ``sasaran_pemda`` (its tujuan supporting it), or
    the unit's whole tree without its pemda sasaran parents when none is given; the findings are
    the unit's."""
    p = pohon_unit(instansi, tahun)
    if sasaran_pemda is not None:
        p.akar = [n for s in p.akar if s.kunci == f"sasaran_pemda:{sasaran_pemda}" for n in s.anak]
    else:
        akar, dilihat = [], set()
        for s in p.akar:
            for n in s.anak if s.level == r.SASARAN_PEMDA else [s]:
                if n.kunci not in dilihat:  # a tujuan supporting two pemda sasaran: once
                    dilihat.add(n.kunci)
                    akar.append(n)
        p.akar = akar
    return p
