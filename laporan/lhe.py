"""Laporan Hasil Evaluasi (LHE) as a ``laporan.dokumen.Dokumen``, rendered by ``laporan.keluaran``."""

from __future__ import annotations

from django.utils import translation

from dasar.sidik import sidik
from evaluasi.models import Evaluasi
from evaluasi.selectors import hitung_lke
from laporan.dokumen import Dokumen, Sampul
from rumus.format import format_angka, format_tanggal

FORMAT_ISI = 1  # version of the stored content's layout (``isi_lhe``)


def _daftar(teks: str) -> list[str]:
    """The lines of a strengths/weaknesses text, without bullets."""
    return [b.strip(" -•\t") for b in teks.splitlines() if b.strip(" -•\t")]


def _paragraf_daftar(bagian, baris: list[str], kosong: str):
    if not baris:
        bagian.paragraf(kosong, "miring")
    for b in baris:
        bagian.paragraf(b, "butir")


def isi_lhe(ev: Evaluasi) -> dict:
    """The content of the LHE as plain JSON values, every text as the document prints it.

    This is what a final evaluation stores (``Evaluasi.isi_beku``) and what its SHA-256 is
    computed over (``dasar.sidik.sidik``); computed in Indonesian whatever the request's
    language, since the document is Indonesian. docs/evaluasi.md describes the keys."""
    with translation.override("id"):
        hasil = hitung_lke(ev)
        ins = ev.instansi
        predikat, arti = hasil.predikat
        if ev.jenis == "zi":
            kesimpulan = (
                f"Nilai pengungkit: {format_angka(hasil.pengungkit, 2)}; nilai total: "
                f"{format_angka(hasil.total_penetapan, 2)}."
            )
        else:
            kesimpulan = (
                f"Nilai hasil evaluasi {format_angka(hasil.total_penetapan, 2)} dengan predikat "
                f"{predikat} ({arti})."
            )
        return {
            "format": FORMAT_ISI,
            "jenis": ev.jenis,
            "nama_jenis": str(ev.get_jenis_display()),
            "pemda": ins.pemda.nama,
            "instansi": ins.nama,
            "tahun": ev.tahun,
            "templat": ev.templat.nama,
            "dasar_hukum": ev.templat.dasar_hukum,
            "status": str(ev.get_status_display()),
            "difinalkan": format_tanggal(ev.difinalkan_pada.date()) if ev.difinalkan_pada else "",
            "komponen": [
                [
                    str(b.komponen.no),
                    b.komponen.nama,
                    format_angka(b.komponen.bobot, 2),
                    format_angka(b.usulan, 2),
                    format_angka(b.penetapan, 2),
                ]
                for b in hasil.komponen
            ],
            "jumlah": [
                "",
                "Nilai hasil evaluasi",
                format_angka(sum(b.komponen.bobot for b in hasil.komponen), 2),
                format_angka(hasil.total_usulan, 2),
                format_angka(hasil.total_penetapan, 2),
            ],
            "kesimpulan": kesimpulan,
            "sub_komponen": [
                [
                    f"{b.komponen.no}.{s.no}",
                    f"{b.komponen.nama} — {s.nama}",
                    format_angka(s.bobot, 2),
                    format_angka(p, 2),
                ]
                for b in hasil.komponen
                for s, _u, p in b.sub
            ],
            "kekuatan": _daftar(ev.kekuatan),
            "kelemahan": _daftar(ev.kelemahan),
            "rekomendasi": [
                [
                    str(r.no),
                    r.uraian,
                    r.penanggung_jawab,
                    format_tanggal(r.batas_waktu),
                    str(r.get_status_display()),
                ]
                for r in ev.rekomendasi.all()
            ],
        }


def isi_beku_lhe(ev: Evaluasi) -> tuple[dict, str]:
    """The content to store when ``ev`` becomes final (status and date already set) and its SHA-256."""
    isi = isi_lhe(ev)
    return isi, sidik(isi)


def _isi_untuk_dokumen(ev: Evaluasi) -> tuple[dict, str]:
    """A final evaluation's stored snapshot (frozen now, once, if it was finalised before snapshots
    existed); live content for any other status."""
    if not ev.final:
        return isi_lhe(ev), ""
    if ev.isi_beku is None:
        isi, sha = isi_beku_lhe(ev)
        if Evaluasi.objects.filter(pk=ev.pk, isi_beku__isnull=True).update(isi_beku=isi, sha256=sha):
            ev.isi_beku, ev.sha256 = isi, sha
        else:
            ev.refresh_from_db(fields=["isi_beku", "sha256"])
    return ev.isi_beku, ev.sha256


def dokumen_lhe(ev: Evaluasi) -> Dokumen:
    """The LHE; of a final evaluation from its snapshot only, with the verification code."""
    isi, sha = _isi_untuk_dokumen(ev)
    jenis, nama, tahun = isi["nama_jenis"], isi["instansi"], isi["tahun"]
    dok = Dokumen(
        judul=f"Laporan Hasil Evaluasi {jenis} {nama} Tahun {tahun}",
        kepala=f"LHE {jenis} {nama} Tahun {tahun}",
        sampul=Sampul(
            judul=["LAPORAN HASIL EVALUASI", jenis.upper()],
            subjudul=[nama, f"Tahun {tahun}"],
            penerbit=["Inspektorat"],
        ),
        dengan_daftar=False,
    )
    b1 = dok.tambah_bab("Pendahuluan")
    b1.paragraf(
        f"Evaluasi {jenis} atas {nama} tahun {tahun} dilaksanakan berdasarkan "
        f"{isi['dasar_hukum'] or isi['templat']}, menggunakan lembar kerja evaluasi "
        f'"{isi["templat"]}". Status evaluasi: {isi["status"]}'
        + (f", difinalkan {isi['difinalkan']}." if isi["difinalkan"] else ".")
    )
    if sha:
        b1.paragraf(f"Kode verifikasi SHA-256: {sha}", "miring")
    b2 = dok.tambah_bab("Hasil Evaluasi")
    b2.tabel(
        f"Nilai per komponen {jenis} {nama} tahun {tahun}",
        [["No", "Komponen", "Bobot", "Nilai usulan unit", "Nilai evaluasi"]],
        [*isi["komponen"], isi["jumlah"]],
    )
    b2.paragraf(isi["kesimpulan"], "" if isi["jenis"] == "zi" else "tebal")
    b2.tabel(
        "Nilai per sub-komponen", [["No", "Sub-komponen", "Bobot", "Nilai evaluasi"]], isi["sub_komponen"]
    )
    b3 = dok.tambah_bab("Kekuatan, Kelemahan dan Rekomendasi")
    _paragraf_daftar(b3.bagian("Kekuatan"), isi["kekuatan"], "Tidak ada catatan kekuatan.")
    _paragraf_daftar(b3.bagian("Kelemahan"), isi["kelemahan"], "Tidak ada catatan kelemahan.")
    rek = b3.bagian("Rekomendasi")
    if isi["rekomendasi"]:
        rek.tabel(
            "Rekomendasi dan tindak lanjut",
            [["No", "Rekomendasi", "Penanggung jawab", "Batas waktu", "Status"]],
            isi["rekomendasi"],
        )
    else:
        rek.paragraf("Tidak ada rekomendasi.", "miring")
    if sha:
        rek.paragraf(f"Kode verifikasi SHA-256: {sha}", "miring")
    return dok
