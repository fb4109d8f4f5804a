"""The Perjanjian Kinerja in force for a year as a ``laporan.dokumen.Dokumen``.

Statement page (PIHAK PERTAMA: the head of the unit; PIHAK KEDUA: the superior who
supervises and evaluates; place, date, both signatures), then the annex: sasaran /
indikator / satuan / target and programme / anggaran (docs/rules.md §1, PermenPANRB 53/2014).
The LKIP reuses the parts for its Lampiran.

Everything the document shows from data is first collected into one plain dictionary, the
*content* (``isi_pk``: names, jabatan, pangkat, NIP of both parties, the pemda and unit
names, the indicators with sasaran, satuan and target, the programmes with their budget,
place and date). A draft renders from content computed live from the PK, the officials and
the budget lines. Signing stores that content on the PK (``PerjanjianKinerja.isi_beku``) with
its SHA-256 (``dasar.sidik.sidik``); a signed PK renders only from the stored content and
prints the hash, so later edits to indicators, targets, officials or units never change it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from anggaran.selectors import muat_baris, nama_nomenklatur
from dasar.sidik import sidik
from laporan.dokumen import Bagian, Dokumen, DuaTandaTangan, TandaTangan
from organisasi.models import Pejabat
from pengukuran.selectors import pk_berlaku
from perencanaan.models import PerjanjianKinerja, PKIndikator
from rumus.anggaran import roll_up
from rumus.format import format_rupiah, format_tanggal
from rumus.narasi import nilai_satuan

NAMA_KOSONG = "(nama belum diisi)"
FORMAT_ISI = 1  # version of the stored content's layout (``isi_pk``)


@dataclass
class DataPK:
    """What the PK document needs, loaded in a fixed number of queries.

    ``isi`` is the content the document renders (``isi_pk``): the stored snapshot of a signed
    PK, else computed live; ``sha256`` is the snapshot's hash (empty for a draft)."""

    instansi: object
    tahun: int
    pk: PerjanjianKinerja | None
    pihak_kedua: Pejabat | None
    indikator: list[PKIndikator] = field(default_factory=list)
    # (kode, nama, pagu) per programme of the year's budget lines
    program: list[tuple[str, str, Decimal]] = field(default_factory=list)
    isi: dict | None = None
    sha256: str = ""


def _muat(pk: PerjanjianKinerja, rollup=None, nama: dict[str, str] | None = None) -> DataPK:
    """Live data of one PK (its officials, indicator rows and the year's programmes)."""
    instansi = pk.instansi
    kedua = pk.pihak_kedua
    if kedua is None and not pk.jabatan_id:  # the head's PK: the pemda's head unless chosen
        kedua = (
            Pejabat.objects.filter(pemda_id=instansi.pemda_id, instansi__isnull=True).order_by("id").first()
        )
    rows = list(
        PKIndikator.objects.filter(pk_dokumen=pk)
        .select_related(
            "indikator__sasaran", "indikator__tujuan", "indikator__program", "indikator__kegiatan"
        )
        .order_by("no", "id")
    )
    if rollup is None:
        rollup = roll_up(b.baris() for b in muat_baris([instansi.id], pk.tahun).get(instansi.id, []))
    if nama is None:
        nama = nama_nomenklatur(rollup.anak.keys())
    kode = _program_jabatan(pk, rows)
    program = [
        (k, nama.get(k, k), p.pagu) for k, p in sorted(rollup.anak.items()) if kode is None or k in kode
    ]
    return DataPK(instansi, pk.tahun, pk, kedua, rows, program)


def _program_jabatan(pk: PerjanjianKinerja, rows: list[PKIndikator]) -> set[str] | None:
    """The programme codes a position's PK shows the budget of: those of its indicators (a
    kegiatan indicator's programme); None for the unit head's PK (every programme of the unit)."""
    if not pk.jabatan_id:
        return None
    kode = set()
    for r in rows:
        ind = r.indikator
        if ind.program_id:
            kode.add(ind.program.kode)
        elif ind.kegiatan_id:
            kode.add(ind.kegiatan.kode.rsplit(".", 2)[0])
    return kode


def _pejabat(p: Pejabat | None) -> dict | None:
    if p is None:
        return None
    return {
        "nama": p.nama,
        "jabatan": p.jabatan,
        "pangkat_golongan": p.pangkat_golongan,
        "nip": p.nip_tampil if p.nip else "",
    }


def _tempat_tanggal(data: DataPK) -> str:
    """ "Bekasi, 2 Januari 2024": the place and date chosen for signing (the place: the unit's
    ``kota`` when none was chosen); a draft without a date leaves it to be written by hand."""
    tempat = (data.pk.tempat if data.pk else "") or data.instansi.kota or data.instansi.nama
    if data.pk and data.pk.tanggal:
        return f"{tempat}, {format_tanggal(data.pk.tanggal)}"
    return f"{tempat}, ........................ {data.tahun}"


def isi_pk(data: DataPK) -> dict:
    """The content of the PK document as plain JSON values, every text as the document shows it.

    This is what a signed PK stores (``PerjanjianKinerja.isi_beku``) and what its SHA-256 is
    computed over; docs/laporan.md describes the keys."""
    pk = data.pk
    indikator = []
    for r in data.indikator:
        ind = r.indikator
        induk = ind.sasaran or ind.tujuan or ind.kegiatan or ind.program
        target = nilai_satuan(r.target, ind.satuan)
        if r.target_atas is not None:
            target = f"{target} – {nilai_satuan(r.target_atas, ind.satuan)}"
        indikator.append(
            {
                "kode": ind.kode,
                "sasaran": getattr(induk, "uraian", None) or getattr(induk, "nama", "") or "-",
                "indikator": ind.nama,
                "satuan": ind.satuan,
                "target": target,
            }
        )
    jabatan = {"jabatan": pk.jabatan.jabatan} if pk.jabatan_id else {}  # a position's PK only
    return {
        **jabatan,
        "format": FORMAT_ISI,
        "pemda": data.instansi.pemda.nama,
        "instansi": data.instansi.nama,
        "tahun": data.tahun,
        "versi": pk.versi,
        "tanggal": pk.tanggal.isoformat() if pk.tanggal else None,
        "tempat_tanggal": _tempat_tanggal(data),
        "pihak_pertama": _pejabat(pk.pihak_pertama),
        "pihak_kedua": _pejabat(data.pihak_kedua),
        "indikator": indikator,
        "program": [
            {"kode": kode, "nama": nama, "anggaran": format_rupiah(pagu)} for kode, nama, pagu in data.program
        ],
        "jumlah_anggaran": format_rupiah(sum((p for _, _, p in data.program), Decimal(0))),
    }


def isi_beku_pk(pk: PerjanjianKinerja, data: DataPK | None = None) -> tuple[dict, str]:
    """The content to store when ``pk`` is signed (its ``tanggal`` already set) and its SHA-256;
    ``data``: the PK's live data when the caller has already loaded it."""
    isi = isi_pk(data or _muat(pk))
    return isi, sidik(isi)


def bekukan_pk(pk: PerjanjianKinerja, data: DataPK | None = None) -> None:
    """Store the snapshot of a signed PK that has none (one signed before snapshots existed).
    An existing snapshot is never replaced: the row is updated only while it has none."""
    isi, sha = isi_beku_pk(pk, data)
    if PerjanjianKinerja.objects.filter(pk=pk.pk, isi_beku__isnull=True).update(isi_beku=isi, sha256=sha):
        pk.isi_beku, pk.sha256 = isi, sha
    else:
        pk.refresh_from_db(fields=["isi_beku", "sha256"])


def bekukan_banyak(pks: list[PerjanjianKinerja]) -> int:
    """Store the snapshot of many signed PKs without one (the workbook import) in a fixed number
    of queries per year, whatever their number. Returns how many were frozen."""
    pks = [p for p in pks if p.ditandatangani and p.isi_beku is None]
    if not pks:
        return 0
    rows: dict[int, list[PKIndikator]] = defaultdict(list)
    for r in (
        PKIndikator.objects.filter(pk_dokumen_id__in=[p.id for p in pks])
        .select_related(
            "indikator__sasaran", "indikator__tujuan", "indikator__program", "indikator__kegiatan"
        )
        .order_by("pk_dokumen_id", "no", "id")
    ):
        rows[r.pk_dokumen_id].append(r)
    pemda_ids = {p.instansi.pemda_id for p in pks if p.pihak_kedua_id is None}
    kedua_pemda: dict[int, Pejabat] = {}
    for pj in Pejabat.objects.filter(pemda_id__in=pemda_ids, instansi__isnull=True).order_by("-id"):
        kedua_pemda[pj.pemda_id] = pj  # the lowest id last: the same one _muat picks
    rollup: dict[tuple[int, int], object] = {}
    for tahun in {p.tahun for p in pks}:
        ids = [p.instansi_id for p in pks if p.tahun == tahun]
        baris = muat_baris(ids, tahun)
        for iid in ids:
            rollup[(iid, tahun)] = roll_up(b.baris() for b in baris.get(iid, []))
    nama = nama_nomenklatur({k for r in rollup.values() for k in r.anak})
    for p in pks:
        r = rollup[(p.instansi_id, p.tahun)]
        kode = _program_jabatan(p, rows[p.id])
        program = [
            (k, nama.get(k, k), x.pagu) for k, x in sorted(r.anak.items()) if kode is None or k in kode
        ]
        kedua = p.pihak_kedua or (None if p.jabatan_id else kedua_pemda.get(p.instansi.pemda_id))
        p.isi_beku, p.sha256 = isi_beku_pk(p, DataPK(p.instansi, p.tahun, p, kedua, rows[p.id], program))
    PerjanjianKinerja.objects.bulk_update(pks, ["isi_beku", "sha256"], batch_size=500)
    return len(pks)


def muat_pk(
    instansi,
    tahun: int,
    rollup=None,
    nama: dict[str, str] | None = None,
    versi: int | None = None,
    jabatan: Pejabat | None = None,
) -> DataPK:
    """Load the unit head's PK in force (or the given ``versi``), or, with ``jabatan``, that
    position's; ``rollup``/``nama`` may be passed when the caller already has them."""
    if versi is None and jabatan is None:
        pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    else:
        semua = PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun, jabatan=jabatan)
        if versi is None:  # the position's PK in force: the latest signed, else the latest draft
            urut = list(semua.order_by("versi"))
            pk = next((p for p in reversed(urut) if p.ditandatangani), urut[-1] if urut else None)
        else:
            pk = semua.filter(versi=versi).first()
    if pk is None:
        return DataPK(instansi, tahun, None, None)
    pk = PerjanjianKinerja.objects.select_related(
        "pihak_pertama", "pihak_kedua", "instansi__pemda", "jabatan"
    ).get(pk=pk.pk)
    if pk.ditandatangani and pk.isi_beku is not None:  # signed: the snapshot only, nothing live
        return DataPK(instansi, tahun, pk, None, isi=pk.isi_beku, sha256=pk.sha256)
    data = _muat(pk, rollup, nama)
    if pk.ditandatangani:  # signed before snapshots existed: frozen now, once
        bekukan_pk(pk, data)
        data.isi, data.sha256 = pk.isi_beku, pk.sha256
    else:
        data.isi = isi_pk(data)
    return data


def _ttd(p: dict | None, tempat_tanggal: str, label: str) -> TandaTangan:
    if p is None:
        return TandaTangan(tempat_tanggal, label, NAMA_KOSONG)
    return TandaTangan(
        tempat_tanggal,
        f"{label}, {p['jabatan']}",
        p["nama"] or NAMA_KOSONG,
        p["pangkat_golongan"],
        f"NIP. {p['nip']}" if p["nip"] else "",
    )


def tempat_tanggal(data: DataPK) -> str:
    return data.isi["tempat_tanggal"] if data.isi else _tempat_tanggal(data)


def tanda_tangan_pk(data: DataPK) -> DuaTandaTangan:
    """PIHAK KEDUA on the left, PIHAK PERTAMA on the right (with place and date)."""
    isi = data.isi or {}
    kiri = _ttd(isi.get("pihak_kedua"), "", "PIHAK KEDUA")
    kanan = _ttd(isi.get("pihak_pertama"), tempat_tanggal(data), "PIHAK PERTAMA")
    return DuaTandaTangan(kiri, kanan)


def kode_verifikasi(bagian: Bagian, data: DataPK) -> None:
    """The line that identifies a signed PK's content (the SHA-256 of its snapshot)."""
    if data.sha256:
        bagian.paragraf(f"Kode verifikasi SHA-256: {data.sha256}", "miring")


def isi_pernyataan(bagian: Bagian, data: DataPK) -> None:
    """The statement page: the two parties, the promise, the signatures."""
    if data.pk is None:
        bagian.paragraf(f"Perjanjian Kinerja {data.instansi.nama} tahun {data.tahun} belum dibuat.", "miring")
        return
    isi = data.isi
    pertama, kedua = isi["pihak_pertama"], isi["pihak_kedua"]
    bagian.paragraf(f"PERJANJIAN KINERJA TAHUN {isi['tahun']}", "tengah")
    if isi.get("jabatan"):
        bagian.paragraf(isi["jabatan"].upper(), "tengah")
    bagian.paragraf(isi["instansi"].upper(), "tengah")
    if isi["versi"] > 1:
        bagian.paragraf(f"(Perjanjian Kinerja Perubahan ke-{isi['versi'] - 1})", "tengah")
    if not data.pk.ditandatangani:
        bagian.paragraf("Draf: Perjanjian Kinerja ini belum ditandatangani.", "miring")
    bagian.paragraf(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
        "berorientasi pada hasil, kami yang bertanda tangan di bawah ini:"
    )
    bagian.paragraf(f"Nama: {pertama['nama'] or NAMA_KOSONG}")
    bagian.paragraf(f"Jabatan: {pertama['jabatan']}")
    bagian.paragraf("selanjutnya disebut PIHAK PERTAMA.")
    bagian.paragraf(f"Nama: {(kedua['nama'] or NAMA_KOSONG) if kedua else NAMA_KOSONG}")
    bagian.paragraf(f"Jabatan: {kedua['jabatan'] if kedua else 'atasan langsung (belum diisi)'}")
    bagian.paragraf("selaku atasan PIHAK PERTAMA, selanjutnya disebut PIHAK KEDUA.")
    bagian.paragraf(
        f"PIHAK PERTAMA berjanji akan mewujudkan target kinerja tahunan tahun {isi['tahun']} sesuai "
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
    kode_verifikasi(bagian, data)


def tabel_sasaran(bagian: Bagian, data: DataPK, judul: str | None = None):
    """No | Sasaran Strategis | Indikator Kinerja | Satuan | Target (a position's PK: its
    programme or kegiatan in the second column)."""
    kolom = "Program/Kegiatan" if data.isi and data.isi.get("jabatan") else "Sasaran Strategis"
    baris = [
        [str(i), r["sasaran"], r["indikator"], r["satuan"], r["target"]]
        for i, r in enumerate(data.isi["indikator"] if data.isi else [], 1)
    ]
    return bagian.tabel(
        judul or f"Sasaran, Indikator dan Target Perjanjian Kinerja Tahun {data.tahun}",
        [["No", kolom, "Indikator Kinerja", "Satuan", "Target"]],
        baris,
        kolom_angka=[4],
    )


def tabel_program(bagian: Bagian, data: DataPK, judul: str | None = None):
    """No | Program | Anggaran (Rp), with the total."""
    program = data.isi["program"] if data.isi else []
    baris = [[str(i), f"{p['kode']} {p['nama']}", p["anggaran"]] for i, p in enumerate(program, 1)]
    if baris:
        baris.append(["Jumlah", "", data.isi["jumlah_anggaran"]])
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
    if data.isi["program"]:
        tabel_program(bagian, data)
    else:
        bagian.paragraf(f"Anggaran tahun {data.tahun} belum diisi.", "miring")
    bagian.tanda_tangan(tanda_tangan_pk(data))
    kode_verifikasi(bagian, data)


def bangun_perjanjian(
    instansi, tahun: int, versi: int | None = None, jabatan: Pejabat | None = None
) -> Dokumen:
    """The unit head's PK in force for the year (latest signed versi, else the latest draft), or
    the given ``versi``; with ``jabatan``, that position's PK; a signed PK from its snapshot only."""
    data = muat_pk(instansi, tahun, versi=versi, jabatan=jabatan)
    if data.pk is None:
        nama_unit, versi = instansi.nama, 1
    else:
        nama_unit, versi = data.isi["instansi"], data.isi["versi"]
        if data.isi.get("jabatan"):  # a position's PK: "Sekretaris Kecamatan Kecamatan Bantargebang"
            nama_unit = f"{data.isi['jabatan']} {nama_unit}"
    label = "Perjanjian Kinerja"
    if versi > 1:
        label = f"Perjanjian Kinerja Perubahan ke-{versi - 1}"
    judul = f"{label} {nama_unit} Tahun {tahun}"
    dok = Dokumen(judul, kepala=judul, dengan_daftar=False)
    isi_pernyataan(dok.tambah_pembuka(f"{label} Tahun {tahun}"), data)
    if data.pk is not None:
        dok.pembuka[-1].pemisah_halaman()
        isi_lampiran(dok.tambah_lampiran(f"Lampiran {label} {nama_unit} Tahun {tahun}"), data)
    return dok
