"""The Renja (Rencana Kerja; RKT, Rencana Kinerja Tahunan) of a unit for a year: the part of the
Renstra planned for that year — its tujuan and sasaran with their indicators and the year's
targets, and the programmes, kegiatan and sub-kegiatan of the year's budget (DPA) with their pagu
and the targets of the programme, kegiatan and sub-kegiatan indicators (PermenPANRB 53/2014: the Rencana Kinerja
Tahunan; Permendagri 86/2017: the Renja table).

``muat_renja`` reads everything in a fixed number of queries (the page, ``laporan:renja``);
``dokumen_renja`` turns it into a ``laporan.dokumen.Dokumen`` (DOCX/PDF through the task queue,
``laporan.tugas``). Nothing is computed here but the sums of the pagu (``rumus.anggaran.roll_up``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from anggaran.selectors import muat_baris, nama_nomenklatur
from laporan.dokumen import Dokumen, Sampul
from laporan.logo import logo_pemda
from organisasi.models import Instansi
from perencanaan.models import Indikator, Renstra, Sasaran, Target, Tujuan
from rumus import narasi
from rumus.anggaran import roll_up
from rumus.format import format_angka, format_rupiah

KOSONG = "-"


@dataclass
class TargetRenja:
    """One indicator with its target of the year (None: no target set for the year)."""

    indikator: Indikator
    target: Decimal | None
    target_atas: Decimal | None = None

    @property
    def teks(self) -> str:
        return teks_target(self)


@dataclass
class SasaranRenja:
    """A tujuan or sasaran of the Renstra and its indicators' targets of the year."""

    level: str  # "tujuan" or "sasaran"
    kode: str
    uraian: str
    indikator: list[TargetRenja] = field(default_factory=list)


@dataclass
class AnggaranRenja:
    """A programme, kegiatan or sub-kegiatan of the year's DPA with its pagu (summed over its lines
    and sub-units) and the indicators set on it (programme and kegiatan indicators)."""

    level: str  # "program", "kegiatan" or "sub_kegiatan"
    kode: str
    nama: str
    pagu: Decimal
    indikator: list[TargetRenja] = field(default_factory=list)


@dataclass
class DataRenja:
    instansi: Instansi
    tahun: int
    renstra: Renstra | None
    sasaran: list[SasaranRenja]
    anggaran: list[AnggaranRenja]
    pagu: Decimal  # the year's total pagu

    @property
    def jumlah_indikator(self) -> int:
        return sum(len(s.indikator) for s in self.sasaran) + sum(len(a.indikator) for a in self.anggaran)


def _aktif(tahun: int) -> Q:
    return Q(tahun_nonaktif__isnull=True) | Q(tahun_nonaktif__gt=tahun)


def _kode_anggaran(ind: Indikator) -> str | None:
    """The budget code a programme, kegiatan or sub-kegiatan indicator sits on: its own programme
    or kegiatan, else the one of the cascade node it measures (``jenjang``). None for the others."""
    j = ind.jenjang
    if ind.level == Indikator.Level.PROGRAM:
        p = ind.program or (j.program if j else None)
        return p.kode if p else None
    if ind.level == Indikator.Level.KEGIATAN:
        k = ind.kegiatan or (j.kegiatan if j else None)
        return k.kode if k else None
    if ind.level == Indikator.Level.SUB_KEGIATAN and j is not None and j.sub_kegiatan is not None:
        return j.sub_kegiatan.kode
    return None


def muat_renja(instansi, tahun: int) -> DataRenja:
    """The Renja of the unit-year from the Renstra in force and the year's DPA. Eleven queries
    whatever the number of indicators and budget lines."""
    instansi = Instansi.objects.select_related("pemda").get(pk=instansi.pk)
    renstra = (
        Renstra.objects.filter(instansi=instansi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .order_by("-tahun_awal")
        .first()
    )
    indikator = list(
        Indikator.objects.filter(instansi=instansi)
        .filter(_aktif(tahun))
        .select_related(
            "program", "kegiatan", "jenjang__program", "jenjang__kegiatan", "jenjang__sub_kegiatan"
        )
        .order_by("urutan", "kode")
    )
    target = {t.indikator_id: t for t in Target.objects.filter(indikator__instansi=instansi, tahun=tahun)}

    def tr(ind: Indikator) -> TargetRenja:
        t = target.get(ind.id)
        return TargetRenja(ind, t.nilai if t else None, t.nilai_atas if t else None)

    sasaran: list[SasaranRenja] = []
    if renstra is not None:
        tujuan = list(Tujuan.objects.filter(renstra=renstra).filter(_aktif(tahun)).order_by("urutan", "kode"))
        sas = list(
            Sasaran.objects.filter(tujuan__renstra=renstra).filter(_aktif(tahun)).order_by("urutan", "kode")
        )
        per_tujuan, per_sasaran = defaultdict(list), defaultdict(list)
        for ind in indikator:
            if ind.level == Indikator.Level.TUJUAN and ind.tujuan_id:
                per_tujuan[ind.tujuan_id].append(tr(ind))
            elif ind.level == Indikator.Level.SASARAN and ind.sasaran_id:
                per_sasaran[ind.sasaran_id].append(tr(ind))
        for t in tujuan:
            sasaran.append(SasaranRenja("tujuan", t.kode, t.uraian, per_tujuan[t.id]))
            for s in sas:
                if s.tujuan_id == t.id:
                    sasaran.append(SasaranRenja("sasaran", s.kode, s.uraian, per_sasaran[s.id]))

    baris = muat_baris([instansi.id], tahun).get(instansi.id, [])
    rollup = roll_up(b.baris() for b in baris)
    nama = nama_nomenklatur(
        {b.program for b in baris} | {b.kegiatan for b in baris} | {b.sub_kegiatan for b in baris}
    )
    per_kode: dict[str, list[TargetRenja]] = defaultdict(list)
    for ind in indikator:
        kode = _kode_anggaran(ind)
        if kode:
            per_kode[kode].append(tr(ind))
    anggaran: list[AnggaranRenja] = []
    for p_kode, prog in sorted(rollup.anak.items()):
        anggaran.append(
            AnggaranRenja("program", p_kode, nama.get(p_kode, p_kode), prog.pagu, per_kode[p_kode])
        )
        for k_kode, keg in sorted(prog.anak.items()):
            anggaran.append(
                AnggaranRenja("kegiatan", k_kode, nama.get(k_kode, k_kode), keg.pagu, per_kode[k_kode])
            )
            sub: dict[str, Decimal] = defaultdict(Decimal)
            for (s_kode, _su), node in keg.anak.items():
                sub[s_kode] += node.pagu
            for s_kode, pagu in sorted(sub.items()):
                anggaran.append(
                    AnggaranRenja("sub_kegiatan", s_kode, nama.get(s_kode, s_kode), pagu, per_kode[s_kode])
                )
    return DataRenja(instansi, tahun, renstra, sasaran, anggaran, rollup.pagu)


def teks_target(t: TargetRenja) -> str:
    """The year's target as printed: the value (a range for a 'rentang' indicator), or "-"."""
    if t.target is None:
        return KOSONG
    if t.target_atas is not None:
        return f"{narasi.nilai_satuan(t.target, '', KOSONG)}–{narasi.nilai_satuan(t.target_atas, '', KOSONG)}"
    return narasi.nilai_satuan(t.target, "", KOSONG)


LABEL_LEVEL = {"tujuan": "Tujuan", "sasaran": "Sasaran", "program": "Program", "kegiatan": "Kegiatan"}


def dokumen_renja(d: DataRenja) -> Dokumen:
    """The Renja document: cover, the targets of the year per tujuan/sasaran, the programmes,
    kegiatan and sub-kegiatan with their indicators' targets and pagu."""
    ins, tahun = d.instansi, d.tahun
    judul = f"Rencana Kerja (Renja) {ins.nama} Tahun {tahun}"
    dok = Dokumen(
        judul,
        kepala=judul,
        sampul=Sampul(
            ["RENCANA KERJA", "(RENJA)"],
            [ins.nama.upper(), ins.pemda.nama.upper(), f"TAHUN {tahun}"],
            [x for x in (ins.nama, ins.alamat) if x],
            logo=logo_pemda(ins.pemda),
        ),
    )
    bab = dok.tambah_bab("RENCANA KERJA TAHUN " + str(tahun))
    if d.renstra is None:
        bab.paragraf(f"Renstra yang berlaku pada tahun {tahun} belum diisi.", "miring")
    else:
        bab.paragraf(
            f"Rencana Kerja tahun {tahun} dijabarkan dari {d.renstra.nama} (tahun "
            f"{d.renstra.tahun_awal}–{d.renstra.tahun_akhir}): indikator dan target tahun {tahun}, "
            f"serta program, kegiatan dan sub kegiatan dengan pagu anggaran sebesar {format_rupiah(d.pagu)}."
        )
    ts = bab.bagian("Tujuan, Sasaran dan Target Kinerja")
    baris = []
    for s in d.sasaran:
        label = f"{LABEL_LEVEL[s.level]} {s.kode}"
        if not s.indikator:
            baris.append([label, s.uraian, KOSONG, KOSONG, KOSONG])
        for t in s.indikator:
            baris.append([label, s.uraian, t.indikator.nama, t.indikator.satuan, teks_target(t)])
    if baris:
        ts.tabel(
            f"Tujuan, Sasaran, Indikator dan Target Tahun {tahun}",
            [["Kode", "Tujuan / Sasaran", "Indikator Kinerja", "Satuan", f"Target {tahun}"]],
            baris,
            kolom_angka=[4],
            sumber=d.renstra.nama if d.renstra else "",
        )
    else:
        ts.paragraf("Belum ada tujuan dan sasaran Renstra untuk tahun ini.", "miring")
    pg = bab.bagian("Program, Kegiatan dan Sub Kegiatan")
    if not d.anggaran:
        pg.paragraf(f"Anggaran (DPA) tahun {tahun} belum diisi.", "miring")
        return dok
    baris = []
    for a in d.anggaran:
        if not a.indikator:
            baris.append([a.kode, a.nama, KOSONG, KOSONG, KOSONG, format_angka(a.pagu, 0)])
        for i, t in enumerate(a.indikator):
            baris.append(
                [
                    a.kode if i == 0 else "",
                    a.nama if i == 0 else "",
                    t.indikator.nama,
                    t.indikator.satuan,
                    teks_target(t),
                    format_angka(a.pagu, 0) if i == 0 else "",
                ]
            )
    baris.append(["Jumlah", "", "", "", "", format_angka(d.pagu, 0)])
    pg.tabel(
        f"Program, Kegiatan, Sub Kegiatan, Indikator, Target dan Pagu Tahun {tahun}",
        [
            [
                "Kode",
                "Program / Kegiatan / Sub Kegiatan",
                "Indikator Kinerja",
                "Satuan",
                f"Target {tahun}",
                "Pagu (Rp)",
            ]
        ],
        baris,
        kolom_angka=[4, 5],
        sumber=f"Renstra dan DPA {ins.nama} Tahun {tahun}",
    )
    dok.beri_nomor()
    return dok


def bangun_renja(instansi, tahun: int) -> Dokumen:
    d = muat_renja(instansi, tahun)
    dok = dokumen_renja(d)
    dok.beri_nomor()
    return dok
