"""The LKIP (Laporan Kinerja Instansi Pemerintah) of a unit for a year as a format-independent
``laporan.dokumen.Dokumen`` (PermenPANRB 53/2014; chapters as in docs/rules.md §1 and the seed).

Every number comes from the services (``pengukuran.selectors.Pengukuran``/``capaian_pk``,
``anggaran.selectors``, ``skm.selectors``, ``evaluasi.selectors``, ``zona.selectors``) and is
formatted by ``rumus.format``; sentences come from ``rumus.narasi``. Editable text comes from
``TeksBlok`` (``laporan.teks``), with an honest default when the unit has not written it.
Everything is loaded up front in a fixed number of queries (no per-row queries).

Extension point: ``_bab_penutup(dok, k)`` builds BAB IV; the evaluation follow-up can be added
there (``k`` is the ``Konteks`` with everything loaded).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from anggaran.models import Dukungan
from anggaran.selectors import muat_baris, nama_nomenklatur
from laporan import grafik
from laporan.dokumen import Bagian, Dokumen, Sampul, TandaTangan
from laporan.logo import logo_pemda
from laporan.perjanjian import DataPK, isi_lampiran, isi_pernyataan, muat_pk, tabel_sasaran
from laporan.teks import BAGIAN, Teks, kunci_analisis
from organisasi.models import PENDIDIKAN, Instansi, Layanan, Pegawai, Pejabat, SubUnit
from pengukuran.models import URUTAN_PERIODE, NilaiPembanding
from pengukuran.selectors import BarisCapaian, PantauRencana, Pengukuran, capaian_pk, pantau_rencana
from perencanaan.models import Indikator, Renstra, Sasaran, Target, Tujuan
from rumus import narasi
from rumus import skm as rumus_skm
from rumus.anggaran import RollUp, roll_up
from rumus.capaian import capaian as hitung_capaian
from rumus.capaian import status_target
from rumus.evaluasi import predikat_akip
from rumus.format import format_angka, format_persen, format_rupiah, format_tanggal
from zona.models import PenilaianZona, Zona

NAMA_PENDIDIKAN = {
    "sd": "SD",
    "smp": "SMP",
    "sma": "SMA",
    "d1": "D1",
    "d2": "D2",
    "d3": "D3",
    "d4": "D4",
    "s1": "S1",
    "s2": "S2",
    "s3": "S3",
}
KOSONG = "-"


def _n(v, satuan: str = "") -> str:
    return narasi.nilai_satuan(v, satuan, KOSONG)


def _p(v, d: int = 1) -> str:
    return format_persen(v, d, KOSONG)


def _rp(v) -> str:
    """Rupiah in a wide table whose header says "(Rp)": the number only."""
    return format_angka(v, 0, KOSONG)


def _s(v) -> str:
    return format_persen(v, narasi.DESIMAL_SERAPAN, KOSONG)


@dataclass
class Konteks:
    """Everything the LKIP needs, loaded once."""

    instansi: Instansi
    tahun: int
    teks: Teks
    pengukuran: Pengukuran
    capaian: list[BarisCapaian]
    pk: DataPK
    kepala: Pejabat | None
    renstra: Renstra | None
    tujuan: list[Tujuan]
    sasaran: list[Sasaran]
    indikator: list[Indikator]
    target: dict[tuple[int, int], Target]
    baris_anggaran: list
    rollup: RollUp
    nama: dict[str, str]
    dukungan: dict[int, list[Dukungan]]
    pembanding: dict[int, list[NilaiPembanding]]
    pegawai: list[Pegawai]
    subunit: list[SubUnit]
    layanan: list[Layanan]
    zona: list[Zona]
    tahun_lalu: list[int] = field(default_factory=list)
    # the Rencana Aksi of the PK indicators that have one (pengukuran.selectors.pantau_rencana)
    rencana: list[PantauRencana] = field(default_factory=list)

    # the data source printed under each table ("Sumber: ..."), named as the unit knows it
    @property
    def sumber_renstra(self) -> str:
        return self.renstra.nama if self.renstra else f"Renstra {self.instansi.nama}"

    @property
    def sumber_pk(self) -> str:
        return f"Perjanjian Kinerja {self.instansi.nama} Tahun {self.tahun}; data realisasi kinerja (aplikasi SAKIP)"

    @property
    def sumber_anggaran(self) -> str:
        return f"DPA dan realisasi anggaran {self.instansi.nama} Tahun {self.tahun}"

    @property
    def sumber_realisasi(self) -> str:
        return f"Data realisasi kinerja {self.instansi.nama} (aplikasi SAKIP)"

    @property
    def sumber_skm(self) -> str:
        return f"Survei Kepuasan Masyarakat {self.instansi.nama} Tahun {self.tahun}"

    @property
    def iku(self) -> list[BarisCapaian]:
        rows = [r for r in self.capaian if r.indikator.iku]
        return rows or [r for r in self.capaian if r.indikator.level == "sasaran"]


def muat(instansi, tahun: int) -> Konteks:
    instansi = Instansi.objects.select_related("pemda").get(pk=instansi.pk)
    tahun_data = [tahun - 2, tahun - 1, tahun]
    pengukuran = Pengukuran([instansi.id], tahun_data)
    capaian = capaian_pk([instansi.id], tahun, pengukuran).get(instansi.id, [])
    baris = muat_baris([instansi.id], tahun).get(instansi.id, [])
    rollup = roll_up(b.baris() for b in baris)
    nama = nama_nomenklatur(
        {b.program for b in baris} | {b.kegiatan for b in baris} | {b.sub_kegiatan for b in baris}
    )
    pk = muat_pk(instansi, tahun, rollup, nama)
    kepala = (
        pk.pk.pihak_pertama if pk.pk else Pejabat.objects.filter(instansi=instansi).order_by("id").first()
    )
    renstra = (
        Renstra.objects.filter(instansi=instansi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun)
        .order_by("-tahun_awal")
        .first()
    )
    tujuan = list(Tujuan.objects.filter(renstra=renstra).order_by("kode")) if renstra else []
    sasaran = list(Sasaran.objects.filter(tujuan__renstra=renstra).order_by("kode")) if renstra else []
    indikator = list(
        Indikator.objects.filter(instansi=instansi).select_related("program", "kegiatan").order_by("kode")
    )
    target = {(t.indikator_id, t.tahun): t for t in Target.objects.filter(indikator__instansi=instansi)}
    dukungan: dict[int, list[Dukungan]] = defaultdict(list)
    for d in Dukungan.objects.filter(instansi=instansi, tahun=tahun).order_by("kode"):
        dukungan[d.indikator_id].append(d)
    pembanding: dict[int, list[NilaiPembanding]] = defaultdict(list)
    for p in NilaiPembanding.objects.filter(indikator__instansi=instansi, tahun=tahun).order_by("id"):
        pembanding[p.indikator_id].append(p)
    ada_lalu2 = any(pengukuran.realisasi(r.indikator, tahun - 2).nilai is not None for r in capaian)
    return Konteks(
        instansi,
        tahun,
        Teks(instansi, tahun),
        pengukuran,
        capaian,
        pk,
        kepala,
        renstra,
        tujuan,
        sasaran,
        indikator,
        target,
        baris,
        rollup,
        nama,
        dukungan,
        pembanding,
        list(Pegawai.objects.filter(instansi=instansi, tahun=tahun).order_by("id")),
        list(SubUnit.objects.filter(instansi=instansi).order_by("kode")),
        list(Layanan.objects.filter(instansi=instansi).order_by("kode")),
        list(Zona.objects.filter(instansi=instansi).select_related("subunit").order_by("kode")),
        [tahun - 1, tahun - 2] if ada_lalu2 else [tahun - 1],
        [p for p in pantau_rencana(instansi, tahun)[1] if p.baris.ada_rencana],
    )


def _teks(bagian: Bagian, k: Konteks, kunci: str) -> None:
    for teks, gaya in k.teks.paragraf(kunci):
        bagian.paragraf(teks, gaya)


# --- front matter ------------------------------------------------------------------------


def _kata_pengantar(dok: Dokumen, k: Konteks) -> None:
    b = dok.tambah_pembuka("Kata Pengantar")
    _teks(b, k, "kata_pengantar")
    ins = k.instansi
    tempat = ins.kota or ins.nama
    if k.kepala is None:
        b.paragraf("Pejabat penandatangan (kepala unit) belum diisi pada data organisasi.", "miring")
        return
    b.tanda_tangan(
        TandaTangan(
            f"{tempat}, ........................ {k.tahun + 1}",
            k.kepala.jabatan.upper(),
            k.kepala.nama or "(nama belum diisi)",
            k.kepala.pangkat_golongan,
            f"NIP. {k.kepala.nip_tampil}" if k.kepala.nip else "",
        )
    )


def _ikhtisar(dok: Dokumen, k: Konteks) -> None:
    b = dok.tambah_pembuka("Ikhtisar Eksekutif")
    ins, tahun = k.instansi, k.tahun
    iku = k.iku
    if not iku:
        b.paragraf(
            f"Perjanjian Kinerja tahun {tahun} belum memuat indikator, sehingga capaian kinerja belum "
            "dapat diukur.",
            "miring",
        )
    else:
        jumlah_sasaran = len({r.sasaran for r in iku})
        status = [r.status for r in iku]
        tercapai = sum(1 for s in status if s in ("melampaui target", "mencapai target"))
        b.paragraf(
            f"Pada tahun {tahun} {ins.nama} mengukur {len(iku)} Indikator Kinerja Utama (IKU) untuk "
            f"{jumlah_sasaran} sasaran strategis. {tercapai} dari {len(iku)} IKU mencapai atau melampaui "
            f"target; {len(iku) - tercapai} IKU belum mencapai target atau belum dapat diukur."
        )
        for r in iku:
            b.paragraf(
                narasi.kalimat_capaian(
                    r.indikator.nama, tahun, r.target, r.realisasi.nilai, r.capaian, r.satuan
                ),
                "butir",
            )
    total = k.rollup
    if total.jumlah_baris:
        b.paragraf(narasi.kalimat_anggaran(f"Anggaran {ins.nama} tahun {tahun}", total.pagu, total.realisasi))
    else:
        b.paragraf(f"Anggaran tahun {tahun} belum diisi.", "miring")
    if k.teks.ada("ikhtisar"):
        _teks(b, k, "ikhtisar")


# --- BAB I -------------------------------------------------------------------------------


def _bab_pendahuluan(dok: Dokumen, k: Konteks) -> None:
    bab = dok.tambah_bab("PENDAHULUAN")
    _teks(bab.bagian("Latar Belakang"), k, "latar_belakang")
    _teks(bab.bagian(BAGIAN["tugas_fungsi"]), k, "tugas_fungsi")

    so = bab.bagian("Struktur Organisasi")
    if k.kepala:
        so.paragraf(
            f"{k.instansi.nama} dipimpin oleh {k.kepala.jabatan}"
            f"{' (' + k.kepala.nama + ')' if k.kepala.nama else ''}."
        )
    if k.subunit:
        so.paragraf(f"Susunan organisasi {k.instansi.nama} terdiri atas {len(k.subunit)} unit:")
        induk = {s.id: s for s in k.subunit}
        for s in k.subunit:
            atas = induk.get(s.induk_id)
            so.paragraf(f"{s.nama}{' (di bawah ' + atas.nama + ')' if atas else ''}", "butir")
    else:
        so.paragraf("Susunan organisasi (sub-unit) belum diisi.", "miring")
    if k.teks.ada("struktur_organisasi"):
        _teks(so, k, "struktur_organisasi")

    sdm = bab.bagian("Sumber Daya Manusia")
    if k.pegawai:
        kolom = [f for f in PENDIDIKAN if any(getattr(p, f) for p in k.pegawai)]
        baris = [[p.kategori, *[str(getattr(p, f)) for f in kolom], str(p.jumlah)] for p in k.pegawai]
        total = sum(p.jumlah for p in k.pegawai)
        baris.append(["Jumlah", *[str(sum(getattr(p, f) for p in k.pegawai)) for f in kolom], str(total)])
        sdm.paragraf(
            f"Jumlah pegawai {k.instansi.nama} tahun {k.tahun} sebanyak {total} orang, menurut kategori "
            "dan tingkat pendidikan sebagai berikut."
        )
        sdm.tabel(
            f"Jumlah Pegawai menurut Pendidikan Tahun {k.tahun}",
            [["Kategori", *[NAMA_PENDIDIKAN[f] for f in kolom], "Jumlah"]],
            baris,
            kolom_angka=list(range(1, len(kolom) + 2)),
            sumber=f"Data kepegawaian {k.instansi.nama} Tahun {k.tahun}",
        )
    else:
        sdm.paragraf(f"Data pegawai tahun {k.tahun} belum diisi.", "miring")

    lay = bab.bagian("Jenis Layanan")
    if k.layanan:
        lay.paragraf(f"{k.instansi.nama} menyelenggarakan {len(k.layanan)} jenis layanan publik:")
        for x in k.layanan:
            lay.paragraf(x.nama, "butir")
    else:
        lay.paragraf("Daftar layanan belum diisi.", "miring")

    _teks(bab.bagian(BAGIAN["isu_strategis"]), k, "isu_strategis")

    sis = bab.bagian("Sistematika Penyajian")
    for baris in (
        "BAB I Pendahuluan: latar belakang, tugas dan fungsi, struktur organisasi, sumber daya manusia, "
        "layanan dan isu strategis.",
        "BAB II Perencanaan Kinerja: Renstra, Indikator Kinerja Utama, Perjanjian Kinerja dan rencana "
        "anggaran kas.",
        "BAB III Akuntabilitas Kinerja: capaian kinerja organisasi, analisis capaian setiap IKU dan "
        "realisasi anggaran.",
        "BAB IV Penutup: kesimpulan dan langkah ke depan.",
        "Lampiran: Perjanjian Kinerja.",
    ):
        sis.paragraf(baris, "butir")


# --- BAB II ------------------------------------------------------------------------------


def _bab_perencanaan(dok: Dokumen, k: Konteks) -> None:
    bab = dok.tambah_bab("PERENCANAAN KINERJA")
    rs = bab.bagian("Rencana Strategis")
    if k.renstra is None:
        rs.paragraf(f"Renstra yang berlaku pada tahun {k.tahun} belum diisi.", "miring")
    else:
        tahun_r = list(k.renstra.tahun())
        rs.paragraf(
            f"{k.renstra.nama} (tahun {k.renstra.tahun_awal}–{k.renstra.tahun_akhir}) memuat "
            f"{len(k.tujuan)} tujuan dan {len(k.sasaran)} sasaran dengan indikator dan target "
            "tahunannya sebagai berikut."
        )
        per_tujuan = defaultdict(list)
        per_sasaran = defaultdict(list)
        for ind in k.indikator:
            if ind.tujuan_id:
                per_tujuan[ind.tujuan_id].append(ind)
            if ind.sasaran_id:
                per_sasaran[ind.sasaran_id].append(ind)
        baris = []

        def tambah(label: str, uraian: str, inds: list[Indikator]) -> None:
            if not inds:
                baris.append([label, uraian, KOSONG, KOSONG, *[KOSONG] * len(tahun_r)])
            for ind in inds:
                baris.append(
                    [
                        label,
                        uraian,
                        ind.nama,
                        ind.satuan,
                        *[_n(getattr(k.target.get((ind.id, t)), "nilai", None)) for t in tahun_r],
                    ]
                )

        for t in k.tujuan:
            tambah(f"Tujuan {t.kode}", t.uraian, per_tujuan[t.id])
            for s in k.sasaran:
                if s.tujuan_id == t.id:
                    tambah(f"Sasaran {s.kode}", s.uraian, per_sasaran[s.id])
        rs.tabel(
            f"Tujuan, Sasaran, Indikator dan Target {k.renstra.nama}",
            [["Kode", "Tujuan / Sasaran", "Indikator", "Satuan", *[str(t) for t in tahun_r]]],
            baris,
            kolom_angka=list(range(4, 4 + len(tahun_r))),
            sumber=k.sumber_renstra,
        )

    ik = bab.bagian("Indikator Kinerja Utama")
    iku = [i for i in k.indikator if i.iku]
    if iku:
        sas = {s.id: s.uraian for s in k.sasaran}
        ik.tabel(
            "Indikator Kinerja Utama",
            [["No", "Sasaran", "Indikator Kinerja Utama", "Satuan", "Formulasi", "Alasan", "Sumber Data"]],
            [
                [
                    str(i),
                    sas.get(ind.sasaran_id, KOSONG),
                    ind.nama,
                    ind.satuan,
                    ind.formulasi or KOSONG,
                    ind.alasan or KOSONG,
                    ind.sumber_data or KOSONG,
                ]
                for i, ind in enumerate(iku, 1)
            ],
            sumber=k.sumber_renstra,
        )
    else:
        ik.paragraf("Indikator Kinerja Utama belum ditetapkan.", "miring")

    pkb = bab.bagian("Perjanjian Kinerja")
    if k.pk.pk is None:
        pkb.paragraf(f"Perjanjian Kinerja tahun {k.tahun} belum dibuat.", "miring")
    else:
        status = (
            "telah ditandatangani" if k.pk.pk.ditandatangani else "masih berupa draf (belum ditandatangani)"
        )
        pkb.paragraf(
            f"Perjanjian Kinerja tahun {k.tahun} {status} dan memuat {len(k.pk.isi['indikator'])} indikator "
            "dengan target sebagai berikut."
        )
        tabel_sasaran(
            pkb, k.pk, f"Perjanjian Kinerja {k.instansi.nama} Tahun {k.tahun}"
        ).sumber = f"Perjanjian Kinerja {k.instansi.nama} Tahun {k.tahun}"

    kas = bab.bagian("Rencana Anggaran Kas")
    if not k.baris_anggaran:
        kas.paragraf(f"Anggaran tahun {k.tahun} belum diisi.", "miring")
        return
    nama_su = {}
    baris = []
    for pk_kode, prog in sorted(k.rollup.anak.items()):
        baris.append([pk_kode, k.nama.get(pk_kode, pk_kode), _rp(prog.pagu), *[_rp(v) for v in prog.kas]])
        for kg_kode, keg in sorted(prog.anak.items()):
            baris.append([kg_kode, k.nama.get(kg_kode, kg_kode), _rp(keg.pagu), *[_rp(v) for v in keg.kas]])
            for (sk_kode, su), sub in sorted(keg.anak.items(), key=lambda x: (x[0][0], x[0][1] or "")):
                nama_su.setdefault(
                    su, next((b.subunit_nama for b in k.baris_anggaran if b.subunit == su), su)
                )
                label = k.nama.get(sk_kode, sk_kode) + (f" ({nama_su[su]})" if su else "")
                baris.append([sk_kode, label, _rp(sub.pagu), *[_rp(v) for v in sub.kas]])
    t = k.rollup
    baris.append(["Jumlah", "", _rp(t.pagu), *[_rp(v) for v in t.kas]])
    kas.paragraf(
        f"Pagu anggaran tahun {k.tahun} sebesar {format_rupiah(t.pagu)} terbagi dalam "
        f"{len(t.anak)} program dan {k.rollup.jumlah_baris} baris sub kegiatan, dengan rencana "
        "penarikan (anggaran kas) per triwulan sebagai berikut."
    )
    kas.tabel(
        f"Rencana Anggaran Kas per Sub Kegiatan per Triwulan Tahun {k.tahun}",
        [
            [
                "Kode",
                "Program / Kegiatan / Sub Kegiatan",
                "Pagu (Rp)",
                "TW I (Rp)",
                "TW II (Rp)",
                "TW III (Rp)",
                "TW IV (Rp)",
            ]
        ],
        baris,
        kolom_angka=[2, 3, 4, 5, 6],
        sumber=k.sumber_anggaran,
    )


# --- BAB III -----------------------------------------------------------------------------


def _bab_akuntabilitas(dok: Dokumen, k: Konteks) -> None:
    bab = dok.tambah_bab("AKUNTABILITAS KINERJA")
    _capaian_organisasi(bab.bagian("Capaian Kinerja Organisasi"), k)
    analisis = bab.bagian("Analisis Capaian Indikator Kinerja Utama")
    if not k.iku:
        analisis.paragraf(
            "Belum ada Indikator Kinerja Utama dalam Perjanjian Kinerja yang dapat dianalisis.", "miring"
        )
    for r in k.iku:
        _analisis_iku(analisis.bagian(r.indikator.nama), k, r)
    _akuntabilitas_anggaran(bab.bagian("Akuntabilitas Anggaran"), k)
    if k.rencana:
        _rencana_aksi(bab.bagian("Rencana Aksi"), k)


def _capaian_organisasi(b: Bagian, k: Konteks) -> None:
    if not k.capaian:
        b.paragraf(f"Perjanjian Kinerja tahun {k.tahun} belum dibuat atau belum memuat indikator.", "miring")
        return
    jumlah_sasaran = len({r.sasaran for r in k.capaian})
    b.paragraf(
        f"Perjanjian Kinerja {k.instansi.nama} tahun {k.tahun} memuat {jumlah_sasaran} sasaran dengan "
        f"{len(k.capaian)} indikator. Capaian kinerjanya sebagai berikut."
    )
    b.tabel(
        f"Capaian Kinerja {k.instansi.nama} Tahun {k.tahun}",
        [
            [
                "No",
                "Sasaran Strategis",
                "Indikator Kinerja",
                "Satuan",
                "Target",
                "Realisasi",
                "Capaian",
                "Kategori",
            ]
        ],
        [
            [
                str(r.no),
                r.sasaran,
                r.indikator.nama,
                r.satuan,
                _n(r.target, r.satuan),
                _n(r.realisasi.nilai, r.satuan),
                _p(r.capaian),
                r.kategori or KOSONG,
            ]
            for r in k.capaian
        ],
        kolom_angka=[4, 5, 6],
        sumber=k.sumber_pk,
    )
    for r in k.capaian:
        b.paragraf(
            narasi.kalimat_capaian(
                r.indikator.nama, k.tahun, r.target, r.realisasi.nilai, r.capaian, r.satuan
            ),
            "butir",
        )
    fig = grafik.capaian_iku([(r.indikator.nama, r.capaian) for r in k.capaian])
    if fig is not None:
        b.gambar(f"Capaian Indikator Kinerja Tahun {k.tahun} terhadap 100 %", fig)


def _sumber_iku(k: Konteks, ind: Indikator) -> list:
    """Budget lines covered by the indicator's Dukungan links."""
    links = k.dukungan.get(ind.id, [])
    return [b for b in k.baris_anggaran if any(d.mencakup(b.sub_kegiatan) for d in links)]


def _analisis_iku(b: Bagian, k: Konteks, r: BarisCapaian) -> None:
    ind, tahun, sat = r.indikator, k.tahun, r.satuan
    nilai = r.realisasi.nilai
    b.paragraf(f"Sasaran: {r.sasaran}", "tebal")
    if ind.formulasi:
        b.paragraf(f"Formulasi: {ind.formulasi}")

    # 1) target vs realisasi
    b.paragraf(f"Target dan realisasi tahun {tahun}", "tebal")
    b.tabel(
        f"Target, Realisasi dan Capaian {ind.nama} Tahun {tahun}",
        [["Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Kategori"]],
        [[ind.nama, sat, _n(r.target, sat), _n(nilai, sat), _p(r.capaian), r.kategori or KOSONG]],
        kolom_angka=[2, 3, 4],
        sumber=k.sumber_pk,
    )
    b.paragraf(narasi.kalimat_capaian(ind.nama, tahun, r.target, nilai, r.capaian, sat))
    if r.realisasi.keterangan and nilai is not None:
        b.paragraf(f"Sumber nilai realisasi: {r.realisasi.keterangan}.", "miring")

    # 2) against previous years
    b.paragraf("Perbandingan dengan tahun sebelumnya", "tebal")
    lalu = [(t, k.pengukuran.realisasi(ind, t).nilai) for t in k.tahun_lalu]
    tahun_tabel = sorted([t for t, _ in lalu]) + [tahun]
    nilai_tabel = {t: v for t, v in lalu} | {tahun: nilai}
    b.tabel(
        f"Perbandingan Realisasi {ind.nama} Tahun {tahun_tabel[0]}–{tahun}",
        [["Indikator", "Satuan", *[str(t) for t in tahun_tabel]]],
        [[ind.nama, sat, *[_n(nilai_tabel[t], sat) for t in tahun_tabel]]],
        kolom_angka=list(range(2, 2 + len(tahun_tabel))),
        sumber=k.sumber_realisasi,
    )
    b.paragraf(narasi.kalimat_banding_tahun(ind.nama, tahun, nilai, lalu, ind.polaritas, sat))
    fig = grafik.tren(
        [(str(t), nilai_tabel[t]) for t in tahun_tabel],
        f"{ind.nama[:40]} ({sat})",
        [(str(t), getattr(k.target.get((ind.id, t)), "nilai", None)) for t in tahun_tabel],
    )
    if fig is not None:
        b.gambar(f"Tren {ind.nama} Tahun {tahun_tabel[0]}–{tahun}", fig)

    # 3) against the Renstra end target
    b.paragraf("Perbandingan dengan target akhir Renstra", "tebal")
    akhir = k.renstra.tahun_akhir if k.renstra else None
    t_akhir = k.target.get((ind.id, akhir)) if akhir else None
    nilai_akhir = t_akhir.nilai if t_akhir else None
    c_akhir = hitung_capaian(nilai_akhir, nilai, ind.polaritas, t_akhir.nilai_atas if t_akhir else None)
    if t_akhir is not None:
        b.tabel(
            f"Realisasi {ind.nama} Tahun {tahun} terhadap Target Akhir Renstra",
            [["Indikator", "Satuan", f"Target akhir ({akhir})", f"Realisasi {tahun}", "Capaian"]],
            [[ind.nama, sat, _n(nilai_akhir, sat), _n(nilai, sat), _p(c_akhir)]],
            kolom_angka=[2, 3, 4],
            sumber=f"{k.sumber_renstra}; {k.sumber_realisasi}",
        )
    b.paragraf(narasi.kalimat_target_akhir(ind.nama, tahun, nilai, nilai_akhir, akhir, c_akhir, sat))

    # 4) against other units
    b.paragraf("Perbandingan dengan unit lain", "tebal")
    lain = k.pembanding.get(ind.id, [])
    sumber_lain = sorted({p.sumber for p in lain if p.sumber})
    if lain:
        b.tabel(
            f"Perbandingan {ind.nama} dengan Unit Lain Tahun {tahun}",
            [["No", "Unit", "Target", "Realisasi", "Capaian"]],
            [
                [
                    str(i),
                    p.unit,
                    _n(p.target, sat),
                    _n(p.realisasi, sat),
                    _p(hitung_capaian(p.target, p.realisasi, ind.polaritas)),
                ]
                for i, p in enumerate([*lain], 1)
            ]
            + [[str(len(lain) + 1), k.instansi.nama, _n(r.target, sat), _n(nilai, sat), _p(r.capaian)]],
            kolom_angka=[2, 3, 4],
            sumber="; ".join(sumber_lain) or k.sumber_realisasi,
        )
        if nilai is not None:
            fig = grafik.pembanding_unit(
                [(p.unit, p.realisasi) for p in lain] + [(k.instansi.nama, nilai)],
                k.instansi.nama,
                f"{ind.nama[:50]} ({sat})",
            )
            if fig is not None:
                b.gambar(f"Perbandingan {ind.nama} dengan Unit Lain Tahun {tahun}", fig)
    b.paragraf(
        narasi.kalimat_pembanding_unit(
            k.instansi.nama, ind.nama, tahun, nilai, [(p.unit, p.realisasi) for p in lain], ind.polaritas, sat
        )
    )

    # detail of computed sources
    if ind.sumber_realisasi == "skm":
        _detail_skm(b, k)
    elif ind.sumber_realisasi == "akip":
        _detail_evaluasi(b, k, "akip")
    elif ind.sumber_realisasi == "zona":
        _detail_zona(b, k)

    # 5) analysis: causes, supporting and inhibiting factors, next steps
    b.paragraf("Analisis penyebab keberhasilan atau kegagalan dan alternatif solusi", "tebal")
    _analisis_realisasi(b, k, ind)

    # 6–7) supporting programmes and efficiency
    b.paragraf("Program dan kegiatan pendukung serta efisiensi penggunaan sumber daya", "tebal")
    _dukungan(b, k, r)


# period names as the (Indonesian) document prints them, whatever the request's language
NAMA_PERIODE = {
    "TW1": "Triwulan I",
    "TW2": "Triwulan II",
    "TW3": "Triwulan III",
    "TW4": "Triwulan IV",
    "S1": "Semester I",
    "S2": "Semester II",
    "TAHUN": "Tahunan",
}


def _analisis_realisasi(b: Bagian, k: Konteks, ind: Indikator) -> None:
    rows = k.pengukuran.manual.get((ind.id, k.tahun), {})
    ada = False
    for periode in sorted(rows, key=lambda p: URUTAN_PERIODE.get(p, 99)):
        x = rows[periode]
        bagian = [
            (label, getattr(x, f).strip())
            for label, f in (
                ("Penyebab", "analisis_sebab"),
                ("Faktor pendukung", "analisis_pendukung"),
                ("Faktor penghambat", "analisis_penghambat"),
                ("Langkah selanjutnya", "analisis_tindak_lanjut"),
            )
            if getattr(x, f).strip()
        ]
        if bagian:
            ada = True
            # one labelled paragraph per field: never glued into one sentence ("…SOP.; faktor …")
            b.paragraf(f"Analisis {NAMA_PERIODE.get(periode, periode)}", "tebal")
            for label, teks in bagian:
                b.paragraf(f"{label}: {teks}")
    if not ada:
        b.paragraf(
            f"Analisis penyebab, faktor pendukung dan penghambat {ind.nama} belum diisi pada realisasi "
            f"tahun {k.tahun}.",
            "miring",
        )
    kunci = kunci_analisis(ind.kode)
    if k.teks.ada(kunci):
        _teks(b, k, kunci)


def _dukungan(b: Bagian, k: Konteks, r: BarisCapaian) -> None:
    ind = r.indikator
    links = k.dukungan.get(ind.id, [])
    if not links:
        b.paragraf(
            f"Program/kegiatan yang mendukung {ind.nama} belum dikaitkan (data dukungan anggaran "
            f"tahun {k.tahun} belum diisi).",
            "miring",
        )
        return
    lines = _sumber_iku(k, ind)
    ru = roll_up(x.baris() for x in lines)
    baris = []
    for pk_kode, prog in sorted(ru.anak.items()):
        baris.append(
            [
                pk_kode,
                k.nama.get(pk_kode, pk_kode),
                format_rupiah(prog.pagu),
                format_rupiah(prog.realisasi),
                _s(prog.serapan),
                _s(prog.efisiensi),
            ]
        )
        for kg_kode, keg in sorted(prog.anak.items()):
            baris.append(
                [
                    kg_kode,
                    k.nama.get(kg_kode, kg_kode),
                    format_rupiah(keg.pagu),
                    format_rupiah(keg.realisasi),
                    _s(keg.serapan),
                    _s(keg.efisiensi),
                ]
            )
    baris.append(
        ["Jumlah", "", format_rupiah(ru.pagu), format_rupiah(ru.realisasi), _s(ru.serapan), _s(ru.efisiensi)]
    )
    b.tabel(
        f"Program dan Kegiatan Pendukung {ind.nama} Tahun {k.tahun}",
        [["Kode", "Program / Kegiatan", "Pagu", "Realisasi", "Serapan", "Tingkat Efisiensi"]],
        baris,
        kolom_angka=[2, 3, 4, 5],
        sumber=k.sumber_anggaran,
    )
    nama_prog = ", ".join(k.nama.get(x, x) for x in sorted(ru.anak))
    b.paragraf(
        narasi.kalimat_anggaran(f"Program yang mendukung {ind.nama} ({nama_prog})", ru.pagu, ru.realisasi)
    )
    if r.capaian is not None and ru.serapan is not None:
        b.paragraf(
            f"Dengan serapan anggaran {_s(ru.serapan)} diperoleh capaian kinerja {_p(r.capaian)} "
            f"({status_target(r.capaian)})."
        )
    # programme indicators of the supporting programmes/kegiatan
    kode_dukung = [d.kode for d in links]
    inds = [
        i
        for i in k.indikator
        if i.level in ("program", "kegiatan")
        and (kode := (i.kegiatan.kode if i.kegiatan_id else (i.program.kode if i.program_id else "")))
        and any(kode == d or kode.startswith(d + ".") or d.startswith(kode + ".") for d in kode_dukung)
    ]
    if inds:
        rows = []
        for i in inds:
            t = k.target.get((i.id, k.tahun))
            nv = k.pengukuran.realisasi(i, k.tahun).nilai
            c = hitung_capaian(t.nilai if t else None, nv, i.polaritas, t.nilai_atas if t else None)
            prog = i.kegiatan or i.program
            rows.append(
                [
                    f"{prog.kode} {prog.nama}",
                    i.nama,
                    i.satuan,
                    _n(t.nilai if t else None, i.satuan),
                    _n(nv, i.satuan),
                    _p(c),
                ]
            )
        b.tabel(
            f"Indikator Program Pendukung {ind.nama} Tahun {k.tahun}",
            [["Program / Kegiatan", "Indikator", "Satuan", "Target", "Realisasi", "Capaian"]],
            rows,
            kolom_angka=[3, 4, 5],
            sumber=f"{k.sumber_anggaran}; {k.sumber_realisasi}",
        )


def _detail_skm(b: Bagian, k: Konteks) -> None:
    from laporan.skm import nrr_tahun

    hasil = k.pengukuran.skm.get(k.tahun, {}).get(k.instansi.id)
    b.paragraf("Survei Kepuasan Masyarakat", "tebal")
    if hasil is None or hasil.ikm is None:
        b.paragraf(f"Data SKM tahun {k.tahun} belum tersedia.", "miring")
        return
    skema = hasil.skema
    b.paragraf(
        f"IKM dihitung menurut {skema.nama}: NRR per unsur = jumlah nilai jawaban / jumlah "
        f"responden; IKM unsur = NRR × 25; IKM unit = (Σ NRR × 1/{skema.jumlah}) × 25. Nilai tahunan: "
        f"{hasil.metode}."
    )
    kepala = [["Uraian", *[f"U{i}" for i in range(1, skema.jumlah + 1)]]]
    for p in hasil.periode:
        responden = f", {p.responden} responden" if p.responden else ""
        b.tabel(
            f"Nilai IKM per Unsur Periode {p.periode} Tahun {k.tahun}",
            kepala,
            [
                ["NRR", *[format_angka(v, 3) for v in p.nrr]],
                ["IKM per unsur (NRR × 25)", *[format_angka(v, 2) for v in p.ikm_unsur]],
                ["Mutu", *p.mutu_unsur],
                [
                    f"IKM unit layanan {p.periode}",
                    f"{format_angka(p.ikm, 2)} ({p.mutu}){responden}",
                    *[""] * (len(p.nrr) - 1),
                ],
            ],
            kolom_angka=list(range(1, len(p.nrr) + 1)),
            sumber=k.sumber_skm,
        )
    nrr = nrr_tahun(hasil)
    ikm_u = [rumus_skm.ikm_unsur(v) for v in nrr]
    mutu, kinerja = rumus_skm.mutu(hasil.ikm, skema)
    b.tabel(
        f"NRR dan IKM per Unsur Tahun {k.tahun}",
        [["No", "Unsur", "NRR", "IKM unsur", "Mutu"]],
        [
            [f"U{i}", skema.unsur[i - 1], format_angka(v, 3), format_angka(u, 2), rumus_skm.mutu(u, skema)[0]]
            for i, (v, u) in enumerate(zip(nrr, ikm_u, strict=True), 1)
        ]
        + [["Jumlah", "IKM unit", "", format_angka(hasil.ikm, 2), mutu]],
        kolom_angka=[2, 3],
        sumber=k.sumber_skm,
    )
    per = "; ".join(f"{p.periode} {format_angka(p.ikm, 2)}" for p in hasil.periode)
    b.paragraf(
        f"IKM per periode: {per}; IKM tahun {k.tahun} {narasi.angka(hasil.ikm)} dengan mutu pelayanan "
        f"{mutu} ({kinerja})."
    )
    terendah = rumus_skm.unsur_terendah(nrr, 3)
    if terendah:
        b.paragraf(
            "Unsur dengan nilai terendah: "
            + ", ".join(f"{skema.label(n)} ({format_angka(rumus_skm.ikm_unsur(v), 2)})" for n, v in terendah)
            + "."
        )
    fig = grafik.ikm_unsur(ikm_u, skema)
    if fig is not None:
        b.gambar(f"IKM per Unsur Tahun {k.tahun} dengan Pita Mutu Pelayanan", fig)


def _detail_evaluasi(b: Bagian, k: Konteks, jenis: str) -> None:
    from evaluasi.selectors import hasil_akip

    b.paragraf("Komponen evaluasi AKIP", "tebal")
    h = hasil_akip(k.instansi.id, k.tahun, jenis)
    if h is None:
        b.paragraf(f"Nilai komponen evaluasi {jenis.upper()} tahun {k.tahun} belum tersedia.", "miring")
        return
    rows = [
        [
            str(i),
            nama,
            format_angka(bobot, 2),
            format_angka(nilai, 2),
            _p(nilai / bobot * 100 if bobot else None, 2),
        ]
        for i, (nama, bobot, nilai) in enumerate(h["components"], 1)
    ]
    rows.append(
        [
            "Jumlah",
            "",
            format_angka(sum((c[1] for c in h["components"]), Decimal(0)), 2),
            format_angka(h["total"], 2),
            "",
        ]
    )
    b.tabel(
        f"Nilai Komponen Evaluasi {jenis.upper()} Tahun {k.tahun}",
        [["No", "Komponen", "Bobot", "Nilai", "Nilai / Bobot"]],
        rows,
        kolom_angka=[2, 3, 4],
        sumber=(
            f"Lembar Kerja Evaluasi {jenis.upper()} Tahun {k.tahun} (hasil final)"
            if h["source"] == "lke"
            else f"Hasil evaluasi {jenis.upper()} Tahun {k.tahun} yang dicatat unit"
        ),
    )
    pred = predikat_akip(h["total"])
    sumber = (
        "lembar kerja evaluasi (LKE) final" if h["source"] == "lke" else "nilai komponen hasil evaluasi (LHE)"
    )
    b.paragraf(
        f"Jumlah nilai komponen {format_angka(h['total'], 2)} dengan predikat "
        f"{pred[0]} ({pred[1]}); sumber: {sumber}."
        if pred
        else "Predikat belum dapat ditentukan."
    )


def _detail_zona(b: Bagian, k: Konteks) -> None:
    b.paragraf("Lembar kerja zona tertib", "tebal")
    hasil = k.pengukuran.zona.get(k.tahun, {}).get(k.instansi.id)
    if not k.zona:
        b.paragraf("Daftar zona tertib belum diisi.", "miring")
        return
    if hasil is None:
        b.paragraf(f"Penilaian zona tertib tahun {k.tahun} belum tersedia.", "miring")
        return
    label = {kode: str(nama) for kode, nama in PenilaianZona.Kategori.choices}
    rows = [
        [
            str(i),
            z.nama,
            z.subunit.nama if z.subunit else k.instansi.nama,
            label.get(hasil.kategori.get(z.kode, ""), "") or "Belum dinilai",
            "Ya" if hasil.kategori.get(z.kode) == "baik" else "Tidak",
        ]
        for i, z in enumerate(k.zona, 1)
    ]
    rows.append(["Jumlah", f"{hasil.jumlah} zona", "", "", f"{hasil.tertib} tertib"])
    b.tabel(
        f"Kategori Zona Tertib Tahun {k.tahun}",
        [["No", "Zona", "Wilayah", "Kategori", "Tertib"]],
        rows,
        sumber=f"Penilaian zona tertib {k.instansi.nama} Tahun {k.tahun}",
    )
    belum = sum(1 for z in k.zona if not hasil.kategori.get(z.kode))
    teks = (
        f"Dari {hasil.jumlah} zona, {hasil.tertib} zona berkategori baik (tertib), sehingga persentase wilayah "
        f"yang tertib {narasi.angka(hasil.persentase)} %."
    )
    if belum:
        teks += f" {belum} zona tidak dinilai (tidak tercatat berkategori apa pun) pada tahun {k.tahun}."
    b.paragraf(teks)


def _akuntabilitas_anggaran(b: Bagian, k: Konteks) -> None:
    t = k.rollup
    if not t.jumlah_baris:
        b.paragraf(f"Anggaran tahun {k.tahun} belum diisi.", "miring")
        return
    rows = []
    for i, (kode, p) in enumerate(sorted(t.anak.items()), 1):
        rows.append(
            [
                str(i),
                f"{kode} {k.nama.get(kode, kode)}",
                format_rupiah(p.pagu),
                format_rupiah(p.realisasi),
                _s(p.serapan),
                _s(p.efisiensi),
            ]
        )
    rows.append(
        ["Jumlah", "", format_rupiah(t.pagu), format_rupiah(t.realisasi), _s(t.serapan), _s(t.efisiensi)]
    )
    b.paragraf(narasi.kalimat_anggaran(f"Anggaran {k.instansi.nama} tahun {k.tahun}", t.pagu, t.realisasi))
    b.tabel(
        f"Realisasi Anggaran per Program Tahun {k.tahun}",
        [["No", "Program", "Pagu", "Realisasi", "Serapan", "Tingkat Efisiensi"]],
        rows,
        kolom_angka=[2, 3, 4, 5],
        sumber=k.sumber_anggaran,
    )
    for kode, p in sorted(t.anak.items()):
        b.paragraf(narasi.kalimat_anggaran(k.nama.get(kode, kode), p.pagu, p.realisasi), "butir")
    fig = grafik.serapan_program([(k.nama.get(kode, kode), p.serapan) for kode, p in sorted(t.anak.items())])
    if fig is not None:
        b.gambar(f"Serapan Anggaran per Program Tahun {k.tahun}", fig)
    b.paragraf(
        "Tingkat efisiensi dihitung sebagai 100 % dikurangi serapan anggaran (metode yang dipakai pada "
        "LKIP sebelumnya).",
        "miring",
    )


def _langkah_teks(lk) -> str:
    """An action step as one line: description (who; budget sub-kegiatan code)."""
    ket = [x for x in (lk.penanggung_jawab, lk.sub_kegiatan.kode if lk.sub_kegiatan_id else "") if x]
    return lk.uraian + (f" ({'; '.join(ket)})" if ket else "")


def _rencana_aksi(b: Bagian, k: Konteks) -> None:
    """The Rencana Aksi (docs/rencana_aksi.md): per PK indicator with a plan the quarter targets,
    the realisasi entered per quarter and its capaian against that quarter's target, the action
    steps of each quarter; where the plan stands; a chart per IKU. Only when a plan exists."""
    b.paragraf(
        f"Rencana Aksi tahun {k.tahun} menjabarkan target {len(k.rencana)} indikator Perjanjian Kinerja "
        "per triwulan beserta langkah aksinya. Realisasi setiap triwulan dibandingkan dengan target "
        "triwulan yang sama."
    )
    baris = []
    for no, p in enumerate(k.rencana, 1):
        ind = p.baris.indikator
        per_tw: dict[str, list[str]] = defaultdict(list)
        for lk in p.baris.langkah:
            per_tw[lk.periode].append(_langkah_teks(lk))
        for j, tw in enumerate(p.triwulan):
            baris.append(
                [
                    str(no) if j == 0 else "",
                    ind.nama if j == 0 else "",
                    ind.satuan if j == 0 else "",
                    tw.periode,
                    _n(tw.target),
                    _n(tw.realisasi),
                    _p(tw.capaian),
                    "; ".join(per_tw.get(tw.periode, [])) or KOSONG,
                ]
            )
    # no year in the title nor the header: a table naming a year with target and realisasi columns
    # is read as that year's annual values by the reviu of an LKIP file (rumus.reviu_dokumen)
    b.tabel(
        "Rencana Aksi dan Capaian per Triwulan",
        [["No", "Indikator Kinerja", "Satuan", "Triwulan", "Target", "Realisasi", "Capaian", "Langkah Aksi"]],
        baris,
        kolom_angka=[4, 5, 6],
        sumber=f"Rencana Aksi {k.instansi.nama} Tahun {k.tahun}; data realisasi kinerja (aplikasi SAKIP)",
    )
    for p in k.rencana:
        ind = p.baris.indikator
        if p.baris.selisih is not None:
            keadaan = "target triwulannya tidak lagi sesuai dengan target tahunan Perjanjian Kinerja"
        elif p.status is None:
            keadaan = "belum ada triwulan dengan realisasi untuk dinilai terhadap rencana"
        else:
            keadaan = f"{p.status} pada {p.status_periode}"
        b.paragraf(f"{ind.nama}: {keadaan}.", "butir")
    for p in k.rencana:
        ind = p.baris.indikator
        if not ind.iku:
            continue
        fig = grafik.rencana_triwulan(
            [t.periode for t in p.triwulan],
            [t.target for t in p.triwulan],
            [t.realisasi for t in p.triwulan],
            f"{ind.nama} ({ind.satuan})" if ind.satuan else ind.nama,
        )
        if fig is not None:
            b.gambar(f"Target dan Realisasi per Triwulan: {ind.nama}", fig)


# --- BAB IV ------------------------------------------------------------------------------


def _bab_penutup(dok: Dokumen, k: Konteks):
    """BAB IV Penutup: generated conclusion + the unit's text. Extension point: the evaluation
    follow-up (tindak lanjut rekomendasi) may add a section to the returned Bab."""
    bab = dok.tambah_bab("PENUTUP")
    kes = bab.bagian("Kesimpulan")
    if k.iku:
        for r in k.iku:
            kes.paragraf(
                narasi.kalimat_capaian(
                    r.indikator.nama, k.tahun, r.target, r.realisasi.nilai, r.capaian, r.satuan
                ),
                "butir",
            )
    else:
        kes.paragraf(
            f"Capaian kinerja tahun {k.tahun} belum dapat disimpulkan karena Perjanjian Kinerja belum "
            "memuat indikator.",
            "miring",
        )
    if k.rollup.jumlah_baris:
        kes.paragraf(narasi.kalimat_anggaran(f"Anggaran tahun {k.tahun}", k.rollup.pagu, k.rollup.realisasi))
    if k.teks.ada("kesimpulan"):
        _teks(kes, k, "kesimpulan")
    _teks(bab.bagian(BAGIAN["saran"]), k, "saran")
    _tindak_lanjut(bab, k)
    return bab


def _tindak_lanjut(bab, k: Konteks) -> None:
    """Follow-up of the recommendations of earlier final evaluations (AKIP / ZI LHE)."""
    from evaluasi.selectors import tindak_lanjut_untuk_lkip

    bag = bab.bagian("Tindak Lanjut Rekomendasi Hasil Evaluasi")
    rek = tindak_lanjut_untuk_lkip(k.instansi, k.tahun)
    if not rek:
        bag.paragraf(
            f"Belum ada rekomendasi hasil evaluasi sebelum tahun {k.tahun} yang tercatat dalam sistem.",
            "miring",
        )
        return
    terlambat = sum(1 for r in rek if r["terlambat"])
    bag.paragraf(
        f"Terdapat {len(rek)} rekomendasi hasil evaluasi tahun sebelumnya; "
        + (
            f"{terlambat} di antaranya melewati batas waktu."
            if terlambat
            else "tidak ada yang melewati batas waktu."
        )
    )
    bag.tabel(
        "Tindak Lanjut Rekomendasi Hasil Evaluasi",
        [["No", "Evaluasi", "Rekomendasi", "Penanggung Jawab", "Batas Waktu", "Status", "Tindak Lanjut"]],
        [
            [
                str(i),
                f"{r['jenis']} {r['tahun_evaluasi']}",
                r["rekomendasi"],
                r["penanggung_jawab"] or KOSONG,
                format_tanggal(r["batas_waktu"]) if r["batas_waktu"] else KOSONG,
                r["status"] + (" (terlambat)" if r["terlambat"] else ""),
                r["tindak_lanjut"] or KOSONG,
            ]
            for i, r in enumerate(rek, start=1)
        ],
        sumber="Rekomendasi hasil evaluasi dan tindak lanjutnya (aplikasi SAKIP)",
    )


# --- the document ------------------------------------------------------------------------


def bangun_lkip(instansi, tahun: int) -> Dokumen:
    k = muat(instansi, tahun)
    ins = k.instansi
    judul = f"Laporan Kinerja Instansi Pemerintah (LKIP) {ins.nama} Tahun {tahun}"
    dok = Dokumen(
        judul,
        kepala=judul,
        sampul=Sampul(
            ["LAPORAN KINERJA INSTANSI PEMERINTAH", "(LKIP)"],
            [ins.nama.upper(), ins.pemda.nama.upper(), f"TAHUN {tahun}"],
            [x for x in (ins.nama, ins.alamat) if x],
            logo=logo_pemda(ins.pemda),
        ),
    )
    _kata_pengantar(dok, k)
    _ikhtisar(dok, k)
    _bab_pendahuluan(dok, k)
    _bab_perencanaan(dok, k)
    _bab_akuntabilitas(dok, k)
    _bab_penutup(dok, k)
    lamp = dok.tambah_lampiran(f"Lampiran: Perjanjian Kinerja {ins.nama} Tahun {tahun}")
    isi_pernyataan(lamp, k.pk)
    if k.pk.pk is not None:
        lamp.pemisah_halaman()
        isi_lampiran(lamp, k.pk)
    dok.beri_nomor()
    return dok
