"""Laporan Hasil Evaluasi (LHE) as a ``laporan.dokumen.Dokumen``, rendered by ``laporan.keluaran``."""

from __future__ import annotations

from evaluasi.models import Evaluasi
from evaluasi.selectors import hitung_lke
from laporan.dokumen import Dokumen, Sampul
from rumus.format import format_angka, format_tanggal


def _paragraf_daftar(bagian, teks: str, kosong: str):
    baris = [b.strip(" -•\t") for b in teks.splitlines() if b.strip(" -•\t")]
    if not baris:
        bagian.paragraf(kosong, "miring")
    for b in baris:
        bagian.paragraf(b, "butir")


def dokumen_lhe(ev: Evaluasi) -> Dokumen:
    hasil = hitung_lke(ev)
    ins = ev.instansi
    jenis = ev.get_jenis_display()
    dok = Dokumen(
        judul=f"Laporan Hasil Evaluasi {jenis} {ins.nama} Tahun {ev.tahun}",
        kepala=f"LHE {jenis} {ins.nama} Tahun {ev.tahun}",
        sampul=Sampul(
            judul=["LAPORAN HASIL EVALUASI", jenis.upper()],
            subjudul=[ins.nama, f"Tahun {ev.tahun}"],
            penerbit=["Inspektorat"],
        ),
        dengan_daftar=False,
    )
    b1 = dok.tambah_bab("Pendahuluan")
    b1.paragraf(
        f"Evaluasi {jenis} atas {ins.nama} tahun {ev.tahun} dilaksanakan berdasarkan "
        f"{ev.templat.dasar_hukum or ev.templat.nama}, menggunakan lembar kerja evaluasi "
        f'"{ev.templat.nama}". Status evaluasi: {ev.get_status_display()}'
        + (f", difinalkan {format_tanggal(ev.difinalkan_pada.date())}." if ev.difinalkan_pada else ".")
    )
    b2 = dok.tambah_bab("Hasil Evaluasi")
    rows = [
        [
            str(b.komponen.no),
            b.komponen.nama,
            format_angka(b.komponen.bobot, 2),
            format_angka(b.usulan, 2),
            format_angka(b.penetapan, 2),
        ]
        for b in hasil.komponen
    ]
    rows.append(
        [
            "",
            "Nilai hasil evaluasi",
            format_angka(sum(b.komponen.bobot for b in hasil.komponen), 2),
            format_angka(hasil.total_usulan, 2),
            format_angka(hasil.total_penetapan, 2),
        ]
    )
    b2.tabel(
        f"Nilai per komponen {jenis} {ins.nama} tahun {ev.tahun}",
        [["No", "Komponen", "Bobot", "Nilai usulan unit", "Nilai evaluasi"]],
        rows,
    )
    predikat, arti = hasil.predikat
    if ev.jenis == "zi":
        b2.paragraf(
            f"Nilai pengungkit: {format_angka(hasil.pengungkit, 2)}; nilai total: "
            f"{format_angka(hasil.total_penetapan, 2)}."
        )
    else:
        b2.paragraf(
            f"Nilai hasil evaluasi {format_angka(hasil.total_penetapan, 2)} dengan predikat "
            f"{predikat} ({arti}).",
            "tebal",
        )
    sub_rows = [
        [
            f"{b.komponen.no}.{s.no}",
            f"{b.komponen.nama} — {s.nama}",
            format_angka(s.bobot, 2),
            format_angka(p, 2),
        ]
        for b in hasil.komponen
        for s, _u, p in b.sub
    ]
    b2.tabel("Nilai per sub-komponen", [["No", "Sub-komponen", "Bobot", "Nilai evaluasi"]], sub_rows)
    b3 = dok.tambah_bab("Kekuatan, Kelemahan dan Rekomendasi")
    _paragraf_daftar(b3.bagian("Kekuatan"), ev.kekuatan, "Tidak ada catatan kekuatan.")
    _paragraf_daftar(b3.bagian("Kelemahan"), ev.kelemahan, "Tidak ada catatan kelemahan.")
    rek = b3.bagian("Rekomendasi")
    reks = list(ev.rekomendasi.all())
    if reks:
        rek.tabel(
            "Rekomendasi dan tindak lanjut",
            [["No", "Rekomendasi", "Penanggung jawab", "Batas waktu", "Status"]],
            [
                [
                    str(r.no),
                    r.uraian,
                    r.penanggung_jawab,
                    format_tanggal(r.batas_waktu),
                    r.get_status_display(),
                ]
                for r in reks
            ],
        )
    else:
        rek.paragraf("Tidak ada rekomendasi.", "miring")
    return dok
