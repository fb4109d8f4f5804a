"""Laporan Hasil Evaluasi (LHE) as a ``laporan.dokumen.Dokumen``, rendered by ``laporan.keluaran``."""

from __future__ import annotations

from django.utils import translation

from dasar.sidik import sidik
from evaluasi.models import Evaluasi
from evaluasi.selectors import hitung_lke
from laporan.dokumen import Dokumen, Sampul, TandaTangan
from laporan.logo import logo_pemda
from organisasi.models import Pejabat
from rumus.format import format_angka, format_tanggal

# version of the stored content's layout (``isi_lhe``). 2: full name of the evaluation, summary,
# place and date, the Inspektur who signs; a format-1 snapshot renders without them.
FORMAT_ISI = 2

# what is evaluated, as the LHE's title names it (PermenPANRB 88/2021; 90/2021 for ZI)
NAMA_LENGKAP = {
    "akip": "Akuntabilitas Kinerja Instansi Pemerintah (AKIP)",
    "zi": "Pembangunan Zona Integritas",
}
KODE_INSPEKTUR = "inspektur"  # the pemda-level official (Pejabat without unit) who signs LHEs


def _inspektur(pemda) -> dict:
    """The signing Inspektur: the pemda's official with kode ``inspektur``; else a block with the
    position only, for the name to be written by hand."""
    p = Pejabat.objects.filter(pemda=pemda, instansi__isnull=True, kode=KODE_INSPEKTUR).first()
    if p is None:
        return {"jabatan": f"Inspektur {pemda.nama}", "nama": "", "pangkat": "", "nip": ""}
    return {"jabatan": p.jabatan, "nama": p.nama, "pangkat": p.pangkat_golongan, "nip": p.nip}


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
        tempat = ins.kota or ins.pemda.nama
        tanggal = format_tanggal(ev.difinalkan_pada.date()) if ev.difinalkan_pada else ""
        komponen_teks = "; ".join(
            f"{b.komponen.nama} {format_angka(b.penetapan, 2)} dari bobot {format_angka(b.komponen.bobot, 2)}"
            for b in hasil.komponen
        )
        ringkasan = (
            f"Evaluasi {NAMA_LENGKAP.get(ev.jenis, ev.get_jenis_display())} atas {ins.nama} tahun "
            f"{ev.tahun} memberikan hasil sebagai berikut. {kesimpulan} Rincian per komponen: "
            f"{komponen_teks}."
        )
        return {
            "format": FORMAT_ISI,
            "jenis": ev.jenis,
            "nama_jenis": str(ev.get_jenis_display()),
            "nama_lengkap": NAMA_LENGKAP.get(ev.jenis, str(ev.get_jenis_display())),
            "ringkasan": ringkasan,
            "tempat_tanggal": f"{tempat}, {tanggal}" if tanggal else f"{tempat}, ........................",
            "inspektur": _inspektur(ins.pemda),
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
    """The LHE in the structure of the regulation: title, unit and year, summary, basis and scope,
    the scores per component with the predikat, strengths and weaknesses, recommendations, then
    place, date and the Inspektur's signature. Of a final evaluation from its snapshot only, with
    the verification code."""
    isi, sha = _isi_untuk_dokumen(ev)
    nama, tahun = isi["instansi"], isi["tahun"]
    lengkap = isi.get("nama_lengkap") or isi["nama_jenis"]
    pemda = isi.get("pemda", "")
    dok = Dokumen(
        judul=f"Laporan Hasil Evaluasi {lengkap} {nama} Tahun {tahun}",
        kepala=f"LHE {isi['nama_jenis'].removeprefix('Evaluasi ')} {nama} Tahun {tahun}",
        sampul=Sampul(
            judul=["LAPORAN HASIL EVALUASI", lengkap.upper()],
            subjudul=[nama.upper(), f"TAHUN {tahun}"],
            penerbit=[f"INSPEKTORAT {pemda.upper()}".strip(), pemda] if pemda else ["INSPEKTORAT"],
            logo=logo_pemda(ev.instansi.pemda),
        ),
        dengan_daftar=False,
    )
    if isi.get("ringkasan"):
        dok.tambah_pembuka("Ringkasan").paragraf(isi["ringkasan"])
    b1 = dok.tambah_bab("Pendahuluan")
    dasar = b1.bagian("Dasar Evaluasi")
    dasar.paragraf(
        f"Evaluasi {lengkap} atas {nama} tahun {tahun} dilaksanakan berdasarkan "
        f"{isi['dasar_hukum'] or isi['templat']}."
    )
    lingkup = b1.bagian("Ruang Lingkup dan Metodologi")
    lingkup.paragraf(
        f'Evaluasi mencakup seluruh komponen pada lembar kerja evaluasi "{isi["templat"]}": setiap '
        "kriteria dijawab oleh unit dengan buktinya, lalu dinilai oleh evaluator. Status evaluasi: "
        f"{isi['status']}" + (f", difinalkan {isi['difinalkan']}." if isi["difinalkan"] else ".")
    )
    if sha:
        b1.paragraf(f"Kode verifikasi SHA-256: {sha}", "miring")
    b2 = dok.tambah_bab("Hasil Evaluasi")
    nilai = b2.bagian("Nilai per Komponen dan Predikat")
    nilai.tabel(
        f"Nilai per Komponen {nama} Tahun {tahun}",
        [["No", "Komponen", "Bobot", "Nilai usulan unit", "Nilai evaluasi"]],
        [*isi["komponen"], isi["jumlah"]],
        kolom_angka=[2, 3, 4],
        sumber=f"Lembar kerja evaluasi {isi['templat']}",
    )
    nilai.paragraf(isi["kesimpulan"], "" if isi["jenis"] == "zi" else "tebal")
    rinci = b2.bagian("Nilai per Sub-komponen")
    rinci.tabel(
        "Nilai per Sub-komponen",
        [["No", "Sub-komponen", "Bobot", "Nilai evaluasi"]],
        isi["sub_komponen"],
        kolom_angka=[2, 3],
        sumber=f"Lembar kerja evaluasi {isi['templat']}",
    )
    b3 = dok.tambah_bab("Kekuatan, Kelemahan dan Rekomendasi")
    _paragraf_daftar(b3.bagian("Kekuatan"), isi["kekuatan"], "Tidak ada catatan kekuatan.")
    _paragraf_daftar(b3.bagian("Kelemahan"), isi["kelemahan"], "Tidak ada catatan kelemahan.")
    rek = b3.bagian("Rekomendasi")
    if isi["rekomendasi"]:
        rek.tabel(
            "Rekomendasi dan Tindak Lanjut",
            [["No", "Rekomendasi", "Penanggung jawab", "Batas waktu", "Status"]],
            isi["rekomendasi"],
        )
    else:
        rek.paragraf("Tidak ada rekomendasi.", "miring")
    b4 = dok.tambah_bab("Penutup")
    b4.paragraf(
        f"Demikian laporan hasil evaluasi {lengkap} atas {nama} tahun {tahun}. Rekomendasi di atas agar "
        "ditindaklanjuti sesuai batas waktunya dan tindak lanjutnya dilaporkan kepada Inspektorat."
    )
    if sha:
        b4.paragraf(f"Kode verifikasi SHA-256: {sha}", "miring")
    ttd = isi.get("inspektur")
    if ttd:
        b4.tanda_tangan(
            TandaTangan(
                isi.get("tempat_tanggal", ""),
                ttd["jabatan"],
                ttd["nama"] or "(.........................................)",
                ttd["pangkat"],
                ttd["nip"],
            )
        )
    return dok
