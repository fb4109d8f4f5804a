"""The ESR package (Evaluasi SAKIP, KemenPANRB's e-SAKIP Reviu/ESR upload) of a unit-year: one ZIP
with every document the system holds for it, in folders named by the ESR document types, and a
manifest (``manifest.json`` and ``MANIFEST.txt`` in Indonesian) listing per type the files
included (SHA-256, size, where each comes from) and what is missing with the reason
(docs/esr.md).

``paket_esr(instansi, tahun)`` returns the ZIP's bytes and the manifest. It is run by
``manage.py paket_esr`` and by the task queue (``laporan.tugas``, kind ``esr``). The documents
are taken as stored where the system keeps a frozen file (issued LKIP versions, signed PKs,
final LHE) and otherwise built from the data with the same document helpers as the web
(``laporan.dokumen`` rendered by ``laporan.keluaran``; sheets with openpyxl). Nothing is typed in:
every figure comes from the unit's rows.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from laporan.dokumen import Dokumen, Sampul
from laporan.logo import logo_pemda
from rumus import narasi
from rumus.format import format_angka, format_rupiah, format_tanggal

# ESR document types (the numbering of KemenPANRB's ESR upload form) kept in the package: code,
# folder name. Types 5 and 9–11 of the form (e.g. the Renja's budget and the SOP documents) are
# not made by this system and are not listed.
JENIS_ESR = [
    ("01", "RPJMD"),
    ("02", "Renstra"),
    ("03", "IKU"),
    ("04", "Renja-RKT"),
    ("06", "Perjanjian Kinerja"),
    ("07", "Rencana Aksi"),
    ("08", "Laporan Kinerja"),
    ("12", "DPA"),
    ("13", "Pohon Kinerja dan Cascading"),
    ("14", "LHE AKIP Internal"),
    ("15", "TL LHE AKIP Internal"),
    ("16", "Laporan Monev Renaksi"),
]
FOLDER = {kode: f"{kode} {nama}" for kode, nama in JENIS_ESR}
ZIP_TANGGAL = (2000, 1, 1, 0, 0, 0)  # every entry dated alike: same content, same bytes
KOSONG = "-"


@dataclass
class Berkas:
    """One file of the package: its ESR type, file name (inside the type's folder), content and
    where it comes from (in Indonesian, for the manifest)."""

    jenis: str
    nama: str
    data: bytes
    sumber: str

    @property
    def jalur(self) -> str:
        return f"{FOLDER[self.jenis]}/{self.nama}"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass
class Paket:
    """What the builder gathered: the files and, per ESR type, the reasons a document is missing."""

    instansi: object
    tahun: int
    berkas: list[Berkas] = field(default_factory=list)
    kurang: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))

    def tambah(self, jenis: str, nama: str, data: bytes, sumber: str) -> None:
        self.berkas.append(Berkas(jenis, nama, data, sumber))

    def tidak_ada(self, jenis: str, alasan: str) -> None:
        self.kurang[jenis].append(alasan)


def _docx(dok: Dokumen) -> bytes:
    from laporan.keluaran import render_docx

    dok.beri_nomor()
    return render_docx(dok)


def _xlsx(lembar: list[tuple[str, list[str], list[list]]]) -> bytes:
    """A workbook of sheets (title, header row, rows): numbers stay numbers, text is never run as
    a formula (``dasar.xlsx.aman_ditulis``)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from dasar.xlsx import aman_ditulis

    wb = Workbook()
    wb.remove(wb.active)
    for judul, kepala, baris in lembar:
        ws = wb.create_sheet(judul[:31])
        ws.append(kepala)
        for c in ws[1]:
            c.font = Font(bold=True)
        for b in baris:
            ws.append([float(v) if isinstance(v, Decimal) else v for v in b])
        for i, _k in enumerate(kepala, start=1):
            ws.column_dimensions[ws.cell(1, i).column_letter].width = 18
    aman_ditulis(wb)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _nilai(nilai: Decimal | None, atas: Decimal | None = None) -> str:
    if nilai is None:
        return KOSONG
    if atas is not None:
        return f"{narasi.nilai_satuan(nilai, '', KOSONG)}–{narasi.nilai_satuan(atas, '', KOSONG)}"
    return narasi.nilai_satuan(nilai, "", KOSONG)


def _sampul(ins, judul: list[str], tahun_teks: str) -> Sampul:
    return Sampul(
        judul,
        [ins.nama.upper(), ins.pemda.nama.upper(), tahun_teks],
        [x for x in (ins.nama, ins.alamat) if x],
        logo=logo_pemda(ins.pemda),
    )


def _renstra(instansi, tahun: int):
    from perencanaan.models import Renstra

    return (
        Renstra.objects.filter(instansi=instansi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .order_by("-tahun_awal")
        .first()
    )


# --- 01 RPJMD -------------------------------------------------------------------------------------
def dokumen_rpjmd(rpjmd, instansi) -> Dokumen:
    """The pemda's RPJMD/RPD from the data (``rpjmd.selectors.pohon_rpjmd``): misi, tujuan and
    sasaran with their indicators and the targets of the period, and the pemda sasaran the unit
    supports."""
    from rpjmd.selectors import pohon_rpjmd

    pohon = pohon_rpjmd(rpjmd)
    periode = f"{rpjmd.tahun_awal}–{rpjmd.tahun_akhir}"
    judul = f"{rpjmd.nama}"
    dok = Dokumen(
        judul,
        kepala=judul,
        sampul=Sampul(
            [rpjmd.get_jenis_display().split(" — ")[-1].upper(), f"({rpjmd.jenis.upper()})"],
            [rpjmd.pemda.nama.upper(), f"TAHUN {periode}"],
            [f"Disusun dari data {rpjmd.nama} untuk paket ESR {instansi.nama}"],
            logo=logo_pemda(rpjmd.pemda),
        ),
    )
    bab = dok.tambah_bab("TUJUAN, SASARAN DAN INDIKATOR KINERJA DAERAH")
    if rpjmd.visi:
        bab.paragraf(f"Visi: {rpjmd.visi}")
    tahun = list(rpjmd.tahun())
    baris = []
    for m in pohon.misi:
        if m.misi is not None:
            baris.append([f"Misi {m.misi.kode}", m.misi.uraian, "", "", *["" for _y in tahun]])
        for t in m.tujuan:
            baris.append([f"Tujuan {t.tujuan.kode}", t.tujuan.uraian, "", "", *["" for _y in tahun]])
            for i in t.indikator:
                baris.append(["", "", i.indikator.nama, i.indikator.satuan, *[v for _y, v in i.deret]])
            for s in t.sasaran:
                baris.append([f"Sasaran {s.sasaran.kode}", s.sasaran.uraian, "", "", *["" for _y in tahun]])
                for i in s.indikator:
                    baris.append(["", "", i.indikator.nama, i.indikator.satuan, *[v for _y, v in i.deret]])
    if baris:
        bab.tabel(
            f"Tujuan, Sasaran, Indikator dan Target {rpjmd.nama}",
            [["Kode", "Uraian", "Indikator Kinerja", "Satuan", *[str(y) for y in tahun]]],
            baris,
            kolom_angka=list(range(4, 4 + len(tahun))),
            sumber=rpjmd.nama,
        )
    else:
        bab.paragraf("Belum ada tujuan dan sasaran pada dokumen ini.", "miring")
    dukung = [
        [f"{s.sasaran.kode}", s.sasaran.uraian]
        for s in pohon.semua_sasaran()
        if any(k.instansi_id == instansi.id for k in s.kontribusi)
    ]
    bg = bab.bagian(f"Sasaran Daerah yang Didukung {instansi.nama}")
    if dukung:
        bg.tabel(f"Sasaran Daerah yang Didukung {instansi.nama}", [["Kode", "Sasaran Daerah"]], dukung)
    else:
        bg.paragraf(f"{instansi.nama} belum dikaitkan dengan sasaran daerah.", "miring")
    return dok


def _rpjmd(p: Paket) -> None:
    from rpjmd.selectors import rpjmd_berlaku

    r = rpjmd_berlaku(p.instansi.pemda, p.tahun)
    if r is None:
        p.tidak_ada("01", f"RPJMD/RPD {p.instansi.pemda.nama} yang berlaku pada tahun {p.tahun} belum diisi.")
        return
    p.tambah(
        "01",
        f"{r.kode if r.kode.startswith(r.jenis) else f'{r.jenis}-{r.kode}'}.docx",
        _docx(dokumen_rpjmd(r, p.instansi)),
        f"Dibuat dari data {r.nama} (misi, tujuan, sasaran, indikator dan target daerah; sasaran yang "
        "didukung unit); dokumen resmi RPJMD/RPD tetap diunggah pemda",
    )


# --- 02 Renstra -----------------------------------------------------------------------------------
def dokumen_renstra(renstra) -> Dokumen:
    """The Renstra document from the data: its tujuan and sasaran, and every indicator of the
    Renstra with its formulation and its target for each year of the period."""
    from perencanaan.models import Tujuan
    from perencanaan.selectors import baris_target

    ins = renstra.instansi
    periode = f"{renstra.tahun_awal}–{renstra.tahun_akhir}"
    judul = f"Rencana Strategis (Renstra) {ins.nama} Tahun {periode}"
    dok = Dokumen(
        judul, kepala=judul, sampul=_sampul(ins, ["RENCANA STRATEGIS", "(RENSTRA)"], f"TAHUN {periode}")
    )
    bab = dok.tambah_bab("TUJUAN DAN SASARAN")
    bab.paragraf(
        f"{renstra.nama} memuat tujuan, sasaran, indikator kinerja dan target tahun {periode}"
        + (f", selaras dengan {renstra.rpjmd}." if renstra.rpjmd else ".")
    )
    baris = []
    for tj in Tujuan.objects.filter(renstra=renstra).prefetch_related("sasaran").order_by("urutan", "kode"):
        baris.append([f"Tujuan {tj.kode}", tj.uraian])
        for s in sorted(tj.sasaran.all(), key=lambda s: (s.urutan, s.kode)):
            baris.append([f"Sasaran {s.kode}", s.uraian])
    if baris:
        bab.tabel(f"Tujuan dan Sasaran {renstra.nama}", [["Kode", "Uraian"]], baris, sumber=renstra.nama)
    else:
        bab.paragraf("Belum ada tujuan dan sasaran pada Renstra ini.", "miring")
    tahun = list(renstra.tahun())
    bab2 = dok.tambah_bab("INDIKATOR KINERJA DAN TARGET")
    rows = baris_target(renstra)
    if not rows:
        bab2.paragraf("Belum ada indikator pada Renstra ini.", "miring")
        return dok
    baris = []
    for r in rows:
        i = r.indikator
        baris.append(
            [
                r.induk,
                i.kode,
                i.nama + (" (IKU)" if i.iku else ""),
                i.satuan,
                *[
                    _nilai(r.nilai[y].nilai, r.nilai[y].nilai_atas)
                    if y in r.nilai and r.direncanakan[y]
                    else KOSONG
                    for y in tahun
                ],
            ]
        )
    bab2.tabel(
        f"Indikator Kinerja dan Target Tahun {periode}",
        [["Tujuan/Sasaran", "Kode", "Indikator Kinerja", "Satuan", *[str(y) for y in tahun]]],
        baris,
        kolom_angka=list(range(4, 4 + len(tahun))),
        sumber=renstra.nama,
    )
    baris = [[r.indikator.kode, r.indikator.nama, r.indikator.formulasi or KOSONG] for r in rows]
    bab2.tabel("Formulasi Indikator Kinerja", [["Kode", "Indikator Kinerja", "Formulasi"]], baris)
    return dok


def _renstra_masuk(p: Paket) -> None:
    r = _renstra(p.instansi, p.tahun)
    if r is None:
        p.tidak_ada("02", f"Renstra yang berlaku pada tahun {p.tahun} belum diisi.")
        return
    p.tambah(
        "02",
        f"renstra-{p.instansi.slug}-{r.tahun_awal}-{r.tahun_akhir}.docx",
        _docx(dokumen_renstra(r)),
        f"Dibuat dari data Renstra ({r.nama}): tujuan, sasaran, indikator dan target",
    )


# --- 03 IKU ---------------------------------------------------------------------------------------
def dokumen_iku(renstra) -> Dokumen | None:
    """The IKU document: the unit's Indikator Kinerja Utama under the Renstra with its sasaran,
    formulation, reason, data source, who is responsible and the targets of the period; None
    without IKU."""
    from perencanaan.models import Target
    from perencanaan.selectors import indikator_di_bawah_renstra

    ins = renstra.instansi
    iku = list(
        indikator_di_bawah_renstra(renstra)
        .filter(iku=True)
        .select_related("sasaran", "tujuan")
        .order_by("urutan", "kode")
    )
    if not iku:
        return None
    tahun = list(renstra.tahun())
    target = {(t.indikator_id, t.tahun): t for t in Target.objects.filter(indikator__in=iku, tahun__in=tahun)}
    periode = f"{renstra.tahun_awal}–{renstra.tahun_akhir}"
    judul = f"Indikator Kinerja Utama (IKU) {ins.nama} Tahun {periode}"
    dok = Dokumen(
        judul, kepala=judul, sampul=_sampul(ins, ["INDIKATOR KINERJA UTAMA", "(IKU)"], f"TAHUN {periode}")
    )
    bab = dok.tambah_bab("INDIKATOR KINERJA UTAMA")
    bab.paragraf(
        f"Indikator Kinerja Utama {ins.nama} untuk {renstra.nama} (tahun {periode}) berjumlah {len(iku)} indikator."
    )
    baris = []
    for n, i in enumerate(iku, start=1):
        induk = i.sasaran or i.tujuan
        baris.append(
            [
                str(n),
                f"{induk.kode} {induk.uraian}" if induk else KOSONG,
                f"{i.kode} {i.nama}",
                i.formulasi or KOSONG,
                i.alasan or KOSONG,
                i.sumber_data or KOSONG,
                i.penanggung_jawab or KOSONG,
            ]
        )
    bab.tabel(
        "Daftar Indikator Kinerja Utama",
        [
            [
                "No",
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Formulasi",
                "Alasan",
                "Sumber Data",
                "Penanggung Jawab",
            ]
        ],
        baris,
        sumber=renstra.nama,
    )
    baris = []
    for n, i in enumerate(iku, start=1):
        sel = []
        for y in tahun:
            t = target.get((i.id, y))
            sel.append(_nilai(t.nilai, t.nilai_atas) if t else KOSONG)
        baris.append([str(n), f"{i.kode} {i.nama}", i.satuan, *sel])
    bab.tabel(
        f"Target Indikator Kinerja Utama Tahun {periode}",
        [["No", "Indikator Kinerja", "Satuan", *[str(y) for y in tahun]]],
        baris,
        kolom_angka=list(range(3, 3 + len(tahun))),
        sumber=renstra.nama,
    )
    return dok


def _iku_masuk(p: Paket) -> None:
    r = _renstra(p.instansi, p.tahun)
    if r is None:
        p.tidak_ada("03", f"Renstra yang berlaku pada tahun {p.tahun} belum diisi; IKU tidak dapat disusun.")
        return
    dok = dokumen_iku(r)
    if dok is None:
        p.tidak_ada("03", f"Belum ada indikator yang ditandai IKU pada {r.nama}.")
        return
    p.tambah(
        "03",
        f"iku-{p.instansi.slug}-{r.tahun_awal}-{r.tahun_akhir}.docx",
        _docx(dok),
        "Dibuat dari data indikator Renstra bertanda IKU (formulasi, sumber data, target)",
    )


# --- 04 Renja -------------------------------------------------------------------------------------
def _renja(p: Paket) -> None:
    from .renja import dokumen_renja, muat_renja

    d = muat_renja(p.instansi, p.tahun)
    if d.renstra is None and not d.anggaran:
        p.tidak_ada("04", f"Renstra dan DPA tahun {p.tahun} belum diisi; Renja tidak dapat disusun.")
        return
    p.tambah(
        "04",
        f"renja-{p.instansi.slug}-{p.tahun}.docx",
        _docx(dokumen_renja(d)),
        "Dibuat dari data Renstra (target tahun ini) dan DPA (laporan.renja)",
    )


# --- 06 Perjanjian Kinerja ------------------------------------------------------------------------
def _pk(p: Paket) -> None:
    """Every signed PK of the year: the unit head's and each position's (``jabatan``), every signed
    version, each from its frozen content."""
    from perencanaan.models import PerjanjianKinerja

    from .perjanjian import bangun_perjanjian

    semua = list(
        PerjanjianKinerja.objects.filter(instansi=p.instansi, tahun=p.tahun)
        .select_related("pihak_pertama", "jabatan")
        .order_by("jabatan__kode", "versi")
    )
    if not semua:
        p.tidak_ada("06", f"Perjanjian Kinerja {p.tahun} belum dibuat.")
        return
    if not any(pk.ditandatangani for pk in semua):
        p.tidak_ada("06", f"Perjanjian Kinerja {p.tahun} belum ditandatangani (masih draf).")
        return
    for pk in semua:
        milik = pk.jabatan.jabatan if pk.jabatan_id else "kepala unit"
        if not pk.ditandatangani:
            p.tidak_ada("06", f"{pk.label} ({milik}, versi {pk.versi}) belum ditandatangani; tidak dimuat.")
            continue
        bagian_jabatan = f"-{pk.jabatan.kode}" if pk.jabatan_id else ""
        pj = pk.pihak_pertama
        p.tambah(
            "06",
            f"perjanjian-kinerja{bagian_jabatan}-{p.instansi.slug}-{p.tahun}-v{pk.versi}.docx",
            _docx(bangun_perjanjian(p.instansi, p.tahun, pk.versi, jabatan=pk.jabatan)),
            f"{pk.label} ({milik}), ditandatangani"
            + (f" {format_tanggal(pk.tanggal)}" if pk.tanggal else "")
            + (f"; pihak pertama {pj.jabatan}" if pj else "")
            + f" (isi beku, SHA-256 isi {pk.sha256[:12]}…)",
        )


def _slug(teks: str) -> str:
    from django.utils.text import slugify

    return slugify(teks)[:40] or "jabatan"


# --- 07 Rencana Aksi and 16 Monev Renaksi ---------------------------------------------------------
def _rencana_aksi(p: Paket) -> None:
    from perencanaan.selectors import rencana_aksi

    pk, rows = rencana_aksi(p.instansi, p.tahun)
    if pk is None:
        p.tidak_ada("07", f"Perjanjian Kinerja {p.tahun} belum dibuat; Rencana Aksi belum ada.")
        return
    berencana = [r for r in rows if r.target_tw or r.langkah]
    if not berencana:
        p.tidak_ada("07", f"Rencana Aksi {p.tahun} belum diisi.")
        return
    tw = ["TW1", "TW2", "TW3", "TW4"]
    target = [
        [
            r.pk_row.no,
            r.indikator.kode,
            r.indikator.nama,
            r.indikator.satuan,
            r.pk_row.target,
            *[r.target_tw.get(t) for t in tw],
        ]
        for r in berencana
    ]
    langkah = [
        [
            r.indikator.kode,
            lk.get_periode_display(),
            lk.urutan,
            lk.uraian,
            lk.penanggung_jawab,
            lk.sub_kegiatan.kode if lk.sub_kegiatan_id else "",
        ]
        for r in berencana
        for lk in r.langkah
    ]
    p.tambah(
        "07",
        f"rencana-aksi-{p.instansi.slug}-{p.tahun}.xlsx",
        _xlsx(
            [
                (
                    "Target Triwulan",
                    ["No", "Kode", "Indikator Kinerja", "Satuan", f"Target PK {p.tahun}", *tw],
                    target,
                ),
                (
                    "Langkah Aksi",
                    [
                        "Kode Indikator",
                        "Triwulan",
                        "Urutan",
                        "Uraian Kegiatan",
                        "Penanggung Jawab",
                        "Sub Kegiatan",
                    ],
                    langkah,
                ),
            ]
        ),
        f"Dibuat dari data Rencana Aksi {pk.label} (target triwulan dan langkah aksi)",
    )


def _monev(p: Paket) -> None:
    """The monitoring of the Rencana Aksi (``pengukuran.selectors.pantau_rencana``): per planned PK
    indicator and quarter the quarter's target, the realisasi entered and the capaian, and where
    each indicator stands (the same figures as the LKIP's Rencana Aksi section)."""
    from pengukuran.selectors import pantau_rencana

    pk, rows = pantau_rencana(p.instansi, p.tahun)
    rows = [r for r in rows if r.baris.ada_rencana]
    if pk is None or not rows:
        p.tidak_ada("16", f"Rencana Aksi {p.tahun} belum diisi; tidak ada yang dipantau.")
        return
    baris = [
        [
            r.baris.indikator.kode,
            r.baris.indikator.nama,
            r.baris.indikator.satuan,
            tw.periode,
            tw.target,
            "Target triwulan" if tw.triwulan else "Target tahunan",
            tw.realisasi,
            tw.capaian,
        ]
        for r in rows
        for tw in r.triwulan
    ]
    keadaan = [
        [
            r.baris.indikator.kode,
            r.baris.indikator.nama,
            "Target triwulan tidak sesuai target tahunan PK"
            if r.baris.selisih is not None
            else (r.status or "Belum ada triwulan dengan realisasi"),
            r.status_periode or "",
        ]
        for r in rows
    ]
    terisi = sum(1 for b in baris if b[6] is not None)
    p.tambah(
        "16",
        f"monev-rencana-aksi-{p.instansi.slug}-{p.tahun}.xlsx",
        _xlsx(
            [
                (
                    "Monev per Triwulan",
                    [
                        "Kode",
                        "Indikator Kinerja",
                        "Satuan",
                        "Triwulan",
                        "Target",
                        "Pembanding",
                        "Realisasi",
                        "Capaian (%)",
                    ],
                    baris,
                ),
                ("Keadaan", ["Kode", "Indikator Kinerja", "Keadaan", "Triwulan"], keadaan),
            ]
        ),
        f"Dibuat dari Rencana Aksi {pk.label} dan realisasi triwulan yang dimasukkan "
        f"({terisi} dari {len(baris)} triwulan berisi realisasi)",
    )


# --- 08 Laporan Kinerja ---------------------------------------------------------------------------
def _lkip(p: Paket) -> None:
    from .models import TerbitanLKIP
    from .selectors import berkas_terbitan

    terbit = list(TerbitanLKIP.objects.filter(instansi=p.instansi, tahun=p.tahun).order_by("nomor"))
    if not terbit:
        p.tidak_ada(
            "08",
            f"LKIP {p.tahun} belum diterbitkan (LKIP yang belum diterbitkan tidak dimuat).",
        )
        return
    from dasar.galat import Ditolak

    for t in terbit:
        try:
            data = berkas_terbitan(t, "pdf")
        except Ditolak as exc:
            p.tidak_ada("08", f"Berkas PDF LKIP {p.tahun} versi {t.nomor} tidak dapat dibaca: {exc}")
            continue
        p.tambah(
            "08",
            f"lkip-{p.instansi.slug}-{p.tahun}-v{t.nomor}.pdf",
            data,
            f"LKIP terbitan versi {t.nomor}, diterbitkan {format_tanggal(timezone.localdate(t.waktu))} "
            f"oleh {t.nama_pengguna} (berkas tersimpan, SHA-256 isi {t.sha256[:12]}…)",
        )


# --- 12 DPA ---------------------------------------------------------------------------------------
def _dpa(p: Paket) -> None:
    from anggaran.selectors import muat_baris, nama_nomenklatur

    baris = muat_baris([p.instansi.id], p.tahun).get(p.instansi.id, [])
    if not baris:
        p.tidak_ada("12", f"Anggaran (DPA) tahun {p.tahun} belum diisi.")
        return
    nama = nama_nomenklatur(
        {b.program for b in baris} | {b.kegiatan for b in baris} | {b.sub_kegiatan for b in baris}
    )
    rinci = [
        [
            b.program,
            nama.get(b.program, ""),
            b.kegiatan,
            nama.get(b.kegiatan, ""),
            b.sub_kegiatan,
            nama.get(b.sub_kegiatan, ""),
            b.subunit_nama or "",
            b.pagu,
            b.realisasi,
        ]
        for b in baris
    ]
    # pagu and realisasi per programme, kegiatan and sub-kegiatan: sums of the lines above
    jumlah: dict[tuple[str, str], list[Decimal]] = {}
    for b in baris:
        for level, kode in (
            ("Program", b.program),
            ("Kegiatan", b.kegiatan),
            ("Sub Kegiatan", b.sub_kegiatan),
        ):
            s = jumlah.setdefault((kode, level), [Decimal(0), Decimal(0)])
            s[0] += b.pagu
            s[1] += b.realisasi
    ringkas = [
        [level, kode, nama.get(kode, ""), pagu, real]
        for (kode, level), (pagu, real) in sorted(jumlah.items())
    ]
    total_pagu = sum((b.pagu for b in baris), Decimal(0))
    total_real = sum((b.realisasi for b in baris), Decimal(0))
    ringkas.append(["Jumlah", "", "", total_pagu, total_real])
    p.tambah(
        "12",
        f"dpa-{p.instansi.slug}-{p.tahun}.xlsx",
        _xlsx(
            [
                ("Ringkasan", ["Tingkat", "Kode", "Uraian", "Pagu (Rp)", "Realisasi (Rp)"], ringkas),
                (
                    "Rincian",
                    [
                        "Kode Program",
                        "Program",
                        "Kode Kegiatan",
                        "Kegiatan",
                        "Kode Sub Kegiatan",
                        "Sub Kegiatan",
                        "Sub Unit",
                        "Pagu (Rp)",
                        "Realisasi (Rp)",
                    ],
                    rinci,
                ),
            ]
        ),
        f"Dibuat dari data anggaran (DPA) tahun {p.tahun}: {len(baris)} baris, pagu {format_rupiah(total_pagu)}, "
        f"realisasi {format_rupiah(total_real)}",
    )


# --- 13 Pohon kinerja -----------------------------------------------------------------------------
def _pohon(p: Paket) -> None:
    from pohon.gambar import svg_pohon
    from pohon.selectors import pohon_unit

    pohon = pohon_unit(p.instansi, p.tahun)
    if not pohon.akar:
        p.tidak_ada(
            "13", f"Pohon kinerja tahun {p.tahun} kosong (belum ada tujuan/sasaran dengan indikator)."
        )
        return
    judul = f"Pohon kinerja {p.instansi.nama} tahun {p.tahun}"
    p.tambah(
        "13",
        f"pohon-kinerja-{p.instansi.slug}-{p.tahun}.svg",
        svg_pohon(pohon.akar, judul).encode("utf-8"),
        f"Dibuat dari data pohon kinerja dan cascading ({pohon.jumlah_simpul} simpul)",
    )


# --- 14 LHE and 15 its follow-ups -----------------------------------------------------------------
def _lhe(p: Paket) -> None:
    from evaluasi.models import Evaluasi, StatusEvaluasi

    from .lhe import dokumen_lhe

    semua = list(
        Evaluasi.objects.select_related("templat", "instansi").filter(instansi=p.instansi, tahun=p.tahun)
    )
    final = [ev for ev in semua if ev.status == StatusEvaluasi.FINAL]
    if not semua:
        p.tidak_ada("14", f"Belum ada evaluasi AKIP internal tahun {p.tahun}.")
        p.tidak_ada("15", f"Belum ada evaluasi AKIP internal tahun {p.tahun}; tidak ada tindak lanjut.")
        return
    for ev in semua:
        if ev.status != StatusEvaluasi.FINAL:
            p.tidak_ada("14", f"{ev} belum final; LHE tidak dimuat.")
    for ev in final:
        p.tambah(
            "14",
            f"LHE-{ev.jenis}-{p.instansi.slug}-{p.tahun}.docx",
            _docx(dokumen_lhe(ev)),
            f"LHE {ev.get_jenis_display()} dari evaluasi final"
            + (f" (isi beku, SHA-256 isi {ev.sha256[:12]}…)" if ev.sha256 else ""),
        )
    _tl(p, final)


def _tl(p: Paket, final: list) -> None:
    from evaluasi.models import Rekomendasi

    if not final:
        p.tidak_ada("15", "Belum ada LHE final; tidak ada tindak lanjut.")
        return
    rek = list(
        Rekomendasi.objects.filter(evaluasi__in=final).select_related("evaluasi").order_by("evaluasi", "no")
    )
    if not rek:
        p.tidak_ada("15", "LHE tidak memuat rekomendasi; tidak ada tindak lanjut.")
        return
    baris = [
        [
            r.evaluasi.get_jenis_display(),
            r.no,
            r.uraian,
            r.penanggung_jawab,
            format_tanggal(r.batas_waktu),
            r.get_status_display(),
            r.tindak_lanjut,
            r.nama_berkas,
        ]
        for r in rek
    ]
    p.tambah(
        "15",
        f"tindak-lanjut-LHE-{p.instansi.slug}-{p.tahun}.xlsx",
        _xlsx(
            [
                (
                    "Tindak Lanjut",
                    [
                        "Evaluasi",
                        "No",
                        "Rekomendasi",
                        "Penanggung Jawab",
                        "Batas Waktu",
                        "Status",
                        "Tindak Lanjut",
                        "Berkas Bukti",
                    ],
                    baris,
                )
            ]
        ),
        f"Dibuat dari data rekomendasi LHE dan tindak lanjutnya ({len(rek)} rekomendasi)",
    )
    for r in rek:
        if not r.berkas:
            continue
        try:
            with r.berkas.open("rb") as f:
                data = f.read()
        except OSError:
            p.tidak_ada("15", f"Berkas bukti rekomendasi {r.no} tidak ditemukan di penyimpanan.")
            continue
        asli = r.nama_berkas or r.berkas.name.rsplit("/", 1)[-1]
        p.tambah(
            "15",
            f"bukti-rekomendasi-{r.no}-{_slug(asli.rsplit('.', 1)[0])}.{asli.rsplit('.', 1)[-1]}",
            data,
            f"Berkas bukti tindak lanjut rekomendasi {r.no}",
        )


BAGIAN = [_rpjmd, _renstra_masuk, _iku_masuk, _renja, _pk, _rencana_aksi, _lkip, _dpa, _pohon, _lhe, _monev]


def kumpulkan(instansi, tahun: int, lapor=None) -> Paket:
    """Gather every document of the unit-year (``lapor(persen)`` called between the parts)."""
    from organisasi.models import Instansi

    instansi = Instansi.objects.select_related("pemda").get(pk=instansi.pk)
    p = Paket(instansi, tahun)
    for n, bagian in enumerate(BAGIAN, start=1):
        bagian(p)
        if lapor:
            lapor(10 + 80 * n // len(BAGIAN))
    return p


def manifest(p: Paket) -> dict:
    """The manifest: per ESR type, the files included (path, SHA-256, size, source) and what is
    missing with the reason."""
    ins = p.instansi
    return {
        "format": 1,
        "instansi": {"slug": ins.slug, "nama": ins.nama, "pemda": ins.pemda.nama},
        "tahun": p.tahun,
        "dibuat": timezone.localtime().isoformat(timespec="seconds"),
        "jenis": [
            {
                "kode": kode,
                "nama": nama,
                "folder": FOLDER[kode],
                "berkas": [
                    {"jalur": b.jalur, "sha256": b.sha256, "ukuran": len(b.data), "sumber": b.sumber}
                    for b in p.berkas
                    if b.jenis == kode
                ],
                "tidak_ada": list(p.kurang.get(kode, [])),
            }
            for kode, nama in JENIS_ESR
        ],
    }


def manifest_teks(m: dict) -> str:
    """The manifest as plain Indonesian text."""
    baris = [
        f"PAKET DOKUMEN ESR {m['instansi']['nama'].upper()} TAHUN {m['tahun']}",
        m["instansi"]["pemda"],
        f"Dibuat: {m['dibuat']}",
        "",
        "Setiap berkas disertai sidik SHA-256 untuk memeriksa keasliannya (sha256sum).",
        "",
    ]
    for j in m["jenis"]:
        baris.append(f'{j["kode"]}. {j["nama"]} (folder "{j["folder"]}")')
        for b in j["berkas"]:
            baris += [
                f"  - {b['jalur']} ({format_angka(Decimal(b['ukuran']))} bita)",
                f"    Sumber: {b['sumber']}",
                f"    SHA-256: {b['sha256']}",
            ]
        for alasan in j["tidak_ada"]:
            baris.append(f"  - TIDAK ADA: {alasan}")
        if not j["berkas"] and not j["tidak_ada"]:
            baris.append("  - TIDAK ADA")
        baris.append("")
    return "\n".join(baris)


def paket_esr(instansi, tahun: int, lapor=None) -> tuple[bytes, dict]:
    """The ZIP of the unit-year's ESR package and its manifest."""
    p = kumpulkan(instansi, tahun, lapor)
    m = manifest(p)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:

        def tulis(jalur: str, data: bytes) -> None:
            info = zipfile.ZipInfo(jalur, date_time=ZIP_TANGGAL)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)

        for b in p.berkas:
            tulis(b.jalur, b.data)
        tulis("manifest.json", json.dumps(m, ensure_ascii=False, indent=2).encode("utf-8"))
        tulis("MANIFEST.txt", manifest_teks(m).encode("utf-8"))
    return out.getvalue(), m


def nama_paket(instansi, tahun: int) -> str:
    return f"paket-esr-{instansi.slug}-{tahun}.zip"


def cek_tahun(instansi, tahun: int) -> str | None:
    """Why no package can be made for the unit-year (a year out of range, or a year the unit holds
    nothing for: no Renstra covering it, no PK, no budget), or None."""
    from anggaran.models import BarisAnggaran
    from dasar.tahun import TAHUN_MAKS, TAHUN_MIN, sah
    from perencanaan.models import PerjanjianKinerja

    if not sah(tahun):
        return _("Tahun %(tahun)s di luar rentang %(min)s–%(maks)s.") % {
            "tahun": tahun,
            "min": TAHUN_MIN,
            "maks": TAHUN_MAKS,
        }
    if (
        _renstra(instansi, tahun) is None
        and not PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).exists()
        and not BarisAnggaran.objects.filter(instansi=instansi, tahun=tahun).exists()
    ):
        return _(
            "%(unit)s belum memiliki data tahun %(tahun)s (tidak ada Renstra yang berlaku, "
            "Perjanjian Kinerja, maupun anggaran)."
        ) % {"unit": instansi.nama, "tahun": tahun}
    return None
