"""Laporan SKM (PermenPANRB 14/2017, Bab V: the survey report with its Rencana Tindak Lanjut)
as a format-independent ``laporan.dokumen.Dokumen``, rendered by ``laporan.keluaran``."""

from __future__ import annotations

from decimal import Decimal

from laporan.dokumen import Dokumen, Sampul
from laporan.logo import logo_pemda
from rumus import skm as rumus_skm
from rumus.format import format_angka
from skm.models import PengaturanSKM, Responden
from skm.selectors import METODE_GABUNG_RESPONDEN, ikm_tahun, interval_per_periode

JUMLAH_TINDAK_LANJUT = 3
# Improvement commonly planned for each unsur of PermenPANRB 14/2017, by the unsur's name (a
# starting point the unit edits in the DOCX); an unsur of another scheme gets a general one.
TINDAK_LANJUT = dict(
    zip(
        rumus_skm.PERMENPANRB_14_2017.unsur,
        (
            "Meninjau dan mengumumkan kembali persyaratan setiap jenis layanan (papan informasi, laman, "
            "media sosial)",
            "Menyederhanakan alur layanan dan memasang bagan alur di ruang pelayanan",
            "Menetapkan dan memantau waktu penyelesaian setiap layanan sesuai standar pelayanan",
            "Mengumumkan secara terbuka biaya/tarif layanan (termasuk layanan tanpa biaya)",
            "Memeriksa kesesuaian produk layanan dengan standar pelayanan sebelum diserahkan",
            "Pelatihan dan bimbingan teknis bagi petugas pelayanan",
            "Penguatan budaya pelayanan prima (sopan, ramah, tanggap) dan evaluasi berkala",
            "Perbaikan dan pemeliharaan sarana dan prasarana ruang pelayanan",
            "Menyediakan dan menindaklanjuti kanal pengaduan, saran, dan masukan secara terbuka",
        ),
        strict=True,
    )
)


def tindak_lanjut(nama_unsur: str) -> str:
    return TINDAK_LANJUT.get(nama_unsur, f"Perbaikan pelayanan pada unsur {nama_unsur.lower()}")


def _a(v, d=2) -> str:
    return format_angka(v, d) if v is not None else "-"


def nrr_tahun(hasil) -> list[Decimal]:
    """NRR per unsur for the whole year, combined the way the unit's yearly IKM is."""
    if hasil.metode == METODE_GABUNG_RESPONDEN and all(p.responden for p in hasil.periode):
        return rumus_skm.gabung_responden(((p.nrr, p.responden) for p in hasil.periode), hasil.skema)
    periode = [p for p in hasil.periode if p.skema == hasil.skema]
    return [
        rumus_skm.gabung_rata_periode({p.periode: p.nrr[i] for p in periode})
        for i in range(hasil.skema.jumlah)
    ]


def _pita_mutu(skema) -> str:
    """ "A (88,31–100), B (76,61–88,30), C (65,00–76,60), D (25,00–64,99)" for the scheme's bands."""
    sen = Decimal("0.01")
    atas = [Decimal(100), *(b - sen for b in skema.batas)]
    bawah = [*skema.batas, Decimal(25)]
    huruf = [h for _b, h, _k in skema.mutu] + [rumus_skm.KINERJA_BAWAH[0]]
    return ", ".join(
        f"{h} ({format_angka(b, 2)}–{format_angka(a, 0 if a == 100 else 2)})"
        for h, b, a in zip(huruf, bawah, atas, strict=True)
    )


def laporan_skm(instansi, tahun: int) -> Dokumen | None:
    """The Laporan SKM of the unit for the year, or None when there is no SKM data."""
    from skm.grafik import figur_unsur

    hasil = ikm_tahun([instansi.id], tahun).get(instansi.id)
    if hasil is None or hasil.ikm is None:
        return None
    pengaturan = PengaturanSKM.objects.filter(instansi=instansi).first()
    ci = interval_per_periode(instansi, tahun)
    jumlah = Responden.objects.filter(instansi=instansi, tahun=tahun).count()
    skema = hasil.skema
    mutu, kinerja = rumus_skm.mutu(hasil.ikm, skema)

    dok = Dokumen(
        f"Laporan Survei Kepuasan Masyarakat {instansi.nama} Tahun {tahun}",
        kepala=f"Laporan Survei Kepuasan Masyarakat {instansi.nama} Tahun {tahun}",
        sampul=Sampul(
            ["LAPORAN", "SURVEI KEPUASAN MASYARAKAT"],
            [instansi.nama.upper(), f"TAHUN {tahun}"],
            logo=logo_pemda(instansi.pemda),
        ),
        dengan_daftar=False,
    )
    bab1 = dok.tambah_bab("PENDAHULUAN")
    if skema == rumus_skm.PERMENPANRB_14_2017:
        bab1.paragraf(
            "Survei Kepuasan Masyarakat (SKM) dilaksanakan menurut Peraturan Menteri Pendayagunaan Aparatur "
            "Negara dan Reformasi Birokrasi Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan "
            "Masyarakat Unit Penyelenggara Pelayanan Publik, terhadap sembilan unsur pelayanan."
        )
    else:
        bab1.paragraf(
            f"Survei Kepuasan Masyarakat (SKM) dilaksanakan menurut {skema.nama}, terhadap "
            f"{skema.jumlah} unsur pelayanan."
        )
    metode = bab1.bagian("Metode")
    metode.paragraf(f"Nilai tahunan: {hasil.metode}.")
    metode.paragraf(
        f"NRR per unsur = jumlah nilai jawaban / jumlah responden; IKM = (Σ NRR × 1/{skema.jumlah}) × 25. "
        f"Mutu pelayanan: {_pita_mutu(skema)}."
    )
    if jumlah:
        metode.paragraf(f"Jumlah responden yang mengisi kuesioner tahun {tahun}: {jumlah}.")
    if pengaturan and pengaturan.populasi_per_periode:
        s = rumus_skm.sampel_krejcie_morgan(pengaturan.populasi_per_periode)
        metode.paragraf(
            f"Populasi penerima layanan per periode {pengaturan.populasi_per_periode}; sampel minimal "
            f"menurut tabel Krejcie dan Morgan: {s} responden."
        )

    bab2 = dok.tambah_bab("HASIL SURVEI")
    bab2.paragraf(
        f"IKM {instansi.nama} tahun {tahun} adalah {_a(hasil.ikm)} dengan mutu pelayanan {mutu} ({kinerja})."
    )
    baris = []
    for p in hasil.periode:
        c = ci.get(p.periode)
        baris.append(
            [
                p.periode,
                str(p.responden) if p.responden else "-",
                _a(p.ikm),
                p.mutu,
                f"{_a(c[0])} – {_a(c[1])}" if c else "-",
            ]
        )
    baris.append(
        [
            "Tahun",
            str(jumlah) if jumlah else "-",
            _a(hasil.ikm),
            mutu,
            f"{_a(ci['TAHUN_SEMUA'][0])} – {_a(ci['TAHUN_SEMUA'][1])}" if ci.get("TAHUN_SEMUA") else "-",
        ]
    )
    bab2.tabel(
        "IKM per Periode",
        [["Periode", "Responden", "IKM", "Mutu", "Interval kepercayaan 95 %"]],
        baris,
        kolom_angka=[1, 2],
    )
    nrr = nrr_tahun(hasil)
    bab2.tabel(
        f"NRR dan IKM per Unsur Tahun {tahun}",
        [["No", "Unsur", "NRR", "IKM unsur", "Mutu"]],
        [
            [
                f"U{i}",
                skema.unsur[i - 1],
                _a(v, 3),
                _a(rumus_skm.ikm_unsur(v)),
                rumus_skm.mutu(rumus_skm.ikm_unsur(v), skema)[0],
            ]
            for i, v in enumerate(nrr, 1)
        ],
        kolom_angka=[2, 3],
    )
    bab2.gambar(f"IKM per Unsur Tahun {tahun}", figur_unsur([rumus_skm.ikm_unsur(v) for v in nrr], skema))
    for p in hasil.periode:
        bab2.bagian(f"Periode {p.periode}").tabel(
            f"NRR per Unsur Periode {p.periode}",
            [["No", "Unsur", "NRR", "IKM unsur", "Mutu"]],
            [
                [f"U{i}", p.unsur[i - 1], _a(v, 3), _a(k), m]
                for i, (v, k, m) in enumerate(zip(p.nrr, p.ikm_unsur, p.mutu_unsur, strict=True), 1)
            ],
            kolom_angka=[2, 3],
        )

    bab3 = dok.tambah_bab("RENCANA TINDAK LANJUT")
    terendah = rumus_skm.unsur_terendah(nrr, JUMLAH_TINDAK_LANJUT)
    bab3.paragraf("Unsur dengan nilai terendah menjadi prioritas perbaikan pada periode berikutnya.")
    bab3.tabel(
        "Rencana Tindak Lanjut",
        [["No", "Unsur", "NRR", "Program/Kegiatan", "Waktu", "Penanggung jawab"]],
        [
            [
                str(k),
                skema.label(n),
                _a(v, 3),
                tindak_lanjut(skema.unsur[n - 1]),
                f"Tahun {tahun + 1}",
                f"Pimpinan {instansi.nama}",
            ]
            for k, (n, v) in enumerate(terendah, 1)
        ],
        kolom_angka=[2],
    )
    return dok
