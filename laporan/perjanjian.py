"""The Perjanjian Kinerja in force for a year as a ``laporan.dokumen.Dokumen``.

Statement page (PIHAK PERTAMA: the head of the unit; PIHAK KEDUA: the superior who
supervises and evaluates; place, date, both signatures), then the annex: sasaran /
indikator / satuan / target and programme / anggaran (docs/rules.md §1, PermenPANRB 53/2014).
Every value comes from the PK in force (``pengukuran.selectors.pk_berlaku``) and the budget
lines (``anggaran.selectors``); the LKIP reuses the parts for its Lampiran.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from anggaran.selectors import muat_baris, nama_nomenklatur
from laporan.dokumen import Bagian, Dokumen, DuaTandaTangan, TandaTangan
from organisasi.models import Pejabat
from pengukuran.selectors import pk_berlaku
from perencanaan.models import PerjanjianKinerja, PKIndikator
from rumus.anggaran import roll_up
from rumus.format import format_rupiah, format_tanggal
from rumus.narasi import nilai_satuan

NAMA_KOSONG = "(nama belum diisi)"


@dataclass
class DataPK:
    """What the PK document needs, loaded in a fixed number of queries."""

    instansi: object
    tahun: int
    pk: PerjanjianKinerja | None
    pihak_kedua: Pejabat | None
    indikator: list[PKIndikator] = field(default_factory=list)
    # (kode, nama, pagu) per programme of the year's budget lines
    program: list[tuple[str, str, Decimal]] = field(default_factory=list)


def muat_pk(instansi, tahun: int, rollup=None, nama: dict[str, str] | None = None) -> DataPK:
    """Load the PK in force; ``rollup``/``nama`` may be passed when the caller already has them."""
    pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    if pk is None:
        return DataPK(instansi, tahun, None, None)
    pk = PerjanjianKinerja.objects.select_related("pihak_pertama", "pihak_kedua", "instansi__pemda").get(
        pk=pk.pk
    )
    kedua = pk.pihak_kedua or (
        Pejabat.objects.filter(pemda_id=pk.instansi.pemda_id, instansi__isnull=True).order_by("id").first()
    )
    rows = list(
        PKIndikator.objects.filter(pk_dokumen=pk)
        .select_related(
            "indikator__sasaran", "indikator__tujuan", "indikator__program", "indikator__kegiatan"
        )
        .order_by("no", "id")
    )
    if rollup is None:
        rollup = roll_up(b.baris() for b in muat_baris([instansi.id], tahun).get(instansi.id, []))
    if nama is None:
        nama = nama_nomenklatur(rollup.anak.keys())
    program = [(k, nama.get(k, k), p.pagu) for k, p in sorted(rollup.anak.items())]
    return DataPK(instansi, tahun, pk, kedua, rows, program)


def _ttd(pejabat: Pejabat | None, tempat_tanggal: str, label: str) -> TandaTangan:
    if pejabat is None:
        return TandaTangan(tempat_tanggal, label, NAMA_KOSONG)
    return TandaTangan(
        tempat_tanggal,
        f"{label}, {pejabat.jabatan}",
        pejabat.nama or NAMA_KOSONG,
        pejabat.pangkat_golongan,
        f"NIP. {pejabat.nip_tampil}" if pejabat.nip else "",
    )


def tempat_tanggal(data: DataPK) -> str:
    tempat = data.instansi.kota or data.instansi.nama
    if data.pk and data.pk.tanggal:
        return f"{tempat}, {format_tanggal(data.pk.tanggal)}"
    return f"{tempat}, ........................ {data.tahun}"


def tanda_tangan_pk(data: DataPK) -> DuaTandaTangan:
    """PIHAK KEDUA on the left, PIHAK PERTAMA on the right (with place and date)."""
    pertama = data.pk.pihak_pertama if data.pk else None
    kiri = _ttd(data.pihak_kedua, "", "PIHAK KEDUA")
    kanan = _ttd(pertama, tempat_tanggal(data), "PIHAK PERTAMA")
    return DuaTandaTangan(kiri, kanan)


def isi_pernyataan(bagian: Bagian, data: DataPK) -> None:
    """The statement page: the two parties, the promise, the signatures."""
    ins = data.instansi
    if data.pk is None:
        bagian.paragraf(f"Perjanjian Kinerja {ins.nama} tahun {data.tahun} belum dibuat.", "miring")
        return
    pk = data.pk
    pertama, kedua = pk.pihak_pertama, data.pihak_kedua
    bagian.paragraf(f"PERJANJIAN KINERJA TAHUN {data.tahun}", "tengah")
    bagian.paragraf(ins.nama.upper(), "tengah")
    if pk.versi > 1:
        bagian.paragraf(f"(Perjanjian Kinerja Perubahan ke-{pk.versi - 1})", "tengah")
    if not pk.ditandatangani:
        bagian.paragraf("Draf: Perjanjian Kinerja ini belum ditandatangani.", "miring")
    bagian.paragraf(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
        "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
    )
    bagian.paragraf(f"Nama: {pertama.nama or NAMA_KOSONG}")
    bagian.paragraf(f"Jabatan: {pertama.jabatan}")
    bagian.paragraf("selanjutnya disebut PIHAK PERTAMA.")
    bagian.paragraf(f"Nama: {(kedua.nama or NAMA_KOSONG) if kedua else NAMA_KOSONG}")
    bagian.paragraf(f"Jabatan: {kedua.jabatan if kedua else 'atasan langsung (belum diisi)'}")
    bagian.paragraf("selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.")
    bagian.paragraf(
        f"PIHAK PERTAMA berjanji akan mewujudkan target kinerja tahunan tahun {data.tahun} sesuai "
        "lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang "
        "telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target "
        "kinerja tersebut menjadi tanggung jawab kami."
    )
    bagian.paragraf(
        "PIHAK KEDUA akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap "
        "capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka "
        "pemberian penghargaan dan sanksi."
    )
    bagian.tanda_tangan(tanda_tangan_pk(data))


def tabel_sasaran(bagian: Bagian, data: DataPK, judul: str | None = None):
    """No | Sasaran Strategis | Indikator Kinerja | Satuan | Target."""
    baris = []
    for i, r in enumerate(data.indikator, 1):
        ind = r.indikator
        induk = ind.sasaran or ind.tujuan or ind.kegiatan or ind.program
        target = nilai_satuan(r.target, ind.satuan)
        if r.target_atas is not None:
            target = f"{target} – {nilai_satuan(r.target_atas, ind.satuan)}"
        baris.append(
            [
                str(i),
                getattr(induk, "uraian", None) or getattr(induk, "nama", "") or "-",
                ind.nama,
                ind.satuan,
                target,
            ]
        )
    return bagian.tabel(
        judul or f"Sasaran, Indikator dan Target Perjanjian Kinerja Tahun {data.tahun}",
        [["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target"]],
        baris,
        kolom_angka=[4],
    )


def tabel_program(bagian: Bagian, data: DataPK, judul: str | None = None):
    """No | Program | Anggaran (Rp), with the total."""
    baris = [
        [str(i), f"{kode} {nama}", format_rupiah(pagu)]
        for i, (kode, nama, pagu) in enumerate(data.program, 1)
    ]
    if baris:
        baris.append(["Jumlah", "", format_rupiah(sum((p for _, _, p in data.program), Decimal(0)))])
    return bagian.tabel(
        judul or f"Program dan Anggaran Perjanjian Kinerja Tahun {data.tahun}",
        [["No", "Program", "Anggaran (Rp)"]],
        baris,
        kolom_angka=[2],
    )


def isi_lampiran(bagian: Bagian, data: DataPK) -> None:
    if data.pk is None:
        bagian.paragraf(f"Perjanjian Kinerja tahun {data.tahun} belum dibuat.", "miring")
        return
    tabel_sasaran(bagian, data)
    if data.program:
        tabel_program(bagian, data)
    else:
        bagian.paragraf(f"Anggaran tahun {data.tahun} belum diisi.", "miring")
    bagian.tanda_tangan(tanda_tangan_pk(data))


def bangun_perjanjian(instansi, tahun: int) -> Dokumen:
    """The PK in force for the year (latest signed versi, else the latest draft)."""
    data = muat_pk(instansi, tahun)
    label = "Perjanjian Kinerja"
    if data.pk and data.pk.versi > 1:
        label = f"Perjanjian Kinerja Perubahan ke-{data.pk.versi - 1}"
    judul = f"{label} {instansi.nama} Tahun {tahun}"
    dok = Dokumen(judul, kepala=judul, dengan_daftar=False)
    isi_pernyataan(dok.tambah_pembuka(f"{label} Tahun {tahun}"), data)
    if data.pk is not None:
        dok.pembuka[-1].pemisah_halaman()
        isi_lampiran(dok.tambah_lampiran(f"Lampiran {label} {instansi.nama} Tahun {tahun}"), data)
    return dok
