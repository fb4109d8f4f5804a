"""The two templates shipped with the system, as plain data (loaded by migration 0003).

Criterion wording follows the LKE of PermenPANRB 88/2021 (AKIP) and 90/2021 (Zona Integritas),
abbreviated: each sub-component keeps a few representative criteria, not the full LKE
(see docs/evaluasi.md). Criteria share the sub-component's weight equally.

Shape: (komponen, bobot, kelompok, [(sub-komponen, bobot, [(uraian, jenis_jawaban, panduan[, nilai_maks])])])
"""

from decimal import Decimal

YT, ABCDE, ANGKA = "yt", "abcde", "angka"
P_YT = "Ya bila dokumen/kondisi ada dan dapat dibuktikan; Tidak bila tidak ada."
P_ABCDE = (
    "A: memenuhi seluruhnya (100 %); B: sebagian besar (75 %); C: sebagian (50 %); "
    "D: sebagian kecil (25 %); E: tidak memenuhi (0 %)."
)

AKIP_88_2021 = {
    "jenis": "akip",
    "tahun": 2022,
    "nama": "LKE AKIP PermenPANRB 88/2021",
    "dasar_hukum": "Peraturan Menteri PANRB Nomor 88 Tahun 2021 tentang Evaluasi Akuntabilitas Kinerja "
    "Instansi Pemerintah",
    "komponen": [
        (
            "Perencanaan Kinerja",
            30,
            "",
            [
                (
                    "Keberadaan",
                    6,
                    [
                        ("Terdapat pedoman teknis perencanaan kinerja.", YT, P_YT),
                        ("Dokumen perencanaan kinerja jangka menengah (Renstra) telah tersedia.", YT, P_YT),
                        ("Dokumen perencanaan kinerja tahunan (Renja/RKT) telah tersedia.", YT, P_YT),
                        ("Dokumen Perjanjian Kinerja telah tersedia.", YT, P_YT),
                    ],
                ),
                (
                    "Kualitas",
                    9,
                    [
                        (
                            "Dokumen perencanaan kinerja telah diformalkan dan dipublikasikan tepat waktu.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Tujuan, sasaran dan indikator kinerja berorientasi hasil (outcome) dan memenuhi kriteria SMART.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Target kinerja menantang, realistis, dan selaras dengan perencanaan di atasnya (cascading).",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Perjanjian Kinerja selaras dengan Renstra dan disusun berjenjang sampai individu.",
                            ABCDE,
                            P_ABCDE,
                        ),
                    ],
                ),
                (
                    "Pemanfaatan",
                    15,
                    [
                        (
                            "Anggaran yang ditetapkan telah mengacu pada kinerja yang ingin dicapai.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Aktivitas yang dilaksanakan telah mendukung kinerja yang ingin dicapai.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Target kinerja yang diperjanjikan digunakan untuk mengukur keberhasilan.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Rencana aksi kinerja berjalan dinamis sesuai capaian kinerja dan kebutuhan.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        ("Dokumen perencanaan kinerja telah direviu secara berkala.", ABCDE, P_ABCDE),
                    ],
                ),
            ],
        ),
        (
            "Pengukuran Kinerja",
            30,
            "",
            [
                (
                    "Keberadaan",
                    6,
                    [
                        ("Terdapat pedoman teknis pengukuran dan pengumpulan data kinerja.", YT, P_YT),
                        ("Definisi operasional indikator kinerja (IKU) telah ditetapkan.", YT, P_YT),
                        ("Terdapat mekanisme (SOP) pengumpulan data kinerja.", YT, P_YT),
                    ],
                ),
                (
                    "Kualitas",
                    9,
                    [
                        ("Pengukuran kinerja dilakukan secara berjenjang (cascading).", ABCDE, P_ABCDE),
                        (
                            "Data kinerja yang dikumpulkan dapat diandalkan dan didukung bukti.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        ("Pengukuran kinerja dilakukan secara berkala (bulanan/triwulanan).", ABCDE, P_ABCDE),
                    ],
                ),
                (
                    "Pemanfaatan",
                    15,
                    [
                        (
                            "Hasil pengukuran kinerja menjadi dasar pemberian penghargaan dan sanksi.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        ("Hasil pengukuran kinerja digunakan untuk penyesuaian strategi.", ABCDE, P_ABCDE),
                        (
                            "Hasil pengukuran kinerja dijadikan dasar penyesuaian aktivitas dan anggaran.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        ("Pengukuran kinerja telah memanfaatkan teknologi informasi.", ABCDE, P_ABCDE),
                        (
                            "Hasil pengukuran kinerja digunakan untuk menyusun rencana aksi perbaikan.",
                            ABCDE,
                            P_ABCDE,
                        ),
                    ],
                ),
            ],
        ),
        (
            "Pelaporan Kinerja",
            15,
            "",
            [
                (
                    "Keberadaan",
                    3,
                    [
                        ("Laporan kinerja (LKIP) telah disusun.", YT, P_YT),
                        ("LKIP telah disampaikan tepat waktu.", YT, P_YT),
                        ("LKIP telah dipublikasikan.", YT, P_YT),
                    ],
                ),
                (
                    "Kualitas",
                    "4.5",
                    [
                        (
                            "LKIP menyajikan capaian kinerja dibandingkan dengan target dan tahun sebelumnya.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "LKIP menyajikan analisis keberhasilan/kegagalan dan efisiensi penggunaan sumber daya.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        ("Informasi kinerja dalam LKIP dapat diandalkan.", ABCDE, P_ABCDE),
                    ],
                ),
                (
                    "Pemanfaatan",
                    "7.5",
                    [
                        ("Informasi dalam LKIP digunakan untuk perbaikan perencanaan.", ABCDE, P_ABCDE),
                        ("Informasi dalam LKIP digunakan untuk peningkatan kinerja.", ABCDE, P_ABCDE),
                        ("Informasi dalam LKIP digunakan untuk penilaian kinerja.", ABCDE, P_ABCDE),
                    ],
                ),
            ],
        ),
        (
            "Evaluasi Akuntabilitas Kinerja Internal",
            25,
            "",
            [
                (
                    "Keberadaan",
                    5,
                    [
                        ("Terdapat pedoman teknis evaluasi akuntabilitas kinerja internal.", YT, P_YT),
                        (
                            "Evaluasi akuntabilitas kinerja internal telah dilaksanakan pada seluruh unit kerja.",
                            YT,
                            P_YT,
                        ),
                    ],
                ),
                (
                    "Kualitas",
                    "7.5",
                    [
                        ("Evaluasi dilaksanakan secara berjenjang oleh SDM yang kompeten.", ABCDE, P_ABCDE),
                        (
                            "Evaluasi menghasilkan rekomendasi perbaikan yang dapat dilaksanakan.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        ("Evaluasi telah memanfaatkan teknologi informasi.", ABCDE, P_ABCDE),
                    ],
                ),
                (
                    "Pemanfaatan",
                    "12.5",
                    [
                        ("Seluruh rekomendasi hasil evaluasi telah ditindaklanjuti.", ABCDE, P_ABCDE),
                        (
                            "Tindak lanjut rekomendasi telah meningkatkan akuntabilitas kinerja.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Hasil evaluasi dimanfaatkan untuk perbaikan perencanaan dan penganggaran.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Hasil evaluasi dimanfaatkan untuk pemberian penghargaan dan sanksi.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        ("Evaluasi rencana aksi dilaksanakan dan ditindaklanjuti.", ABCDE, P_ABCDE),
                    ],
                ),
            ],
        ),
    ],
}

P_SURVEI = "Indeks hasil survei eksternal pada skala 0–4 (nilai 4 setara 100 %)."

ZI_90_2021 = {
    "jenis": "zi",
    "tahun": 2022,
    "nama": "LKE Zona Integritas PermenPANRB 90/2021",
    "dasar_hukum": "Peraturan Menteri PANRB Nomor 90 Tahun 2021 tentang Pembangunan dan Evaluasi Zona "
    "Integritas Menuju WBK dan WBBM",
    "komponen": [
        (
            "Manajemen Perubahan",
            8,
            "pengungkit",
            [
                (
                    "Pemenuhan",
                    4,
                    [
                        ("Tim kerja pembangunan Zona Integritas telah dibentuk.", YT, P_YT),
                        (
                            "Dokumen rencana kerja pembangunan Zona Integritas telah disusun dan dipantau.",
                            ABCDE,
                            P_ABCDE,
                        ),
                    ],
                ),
                (
                    "Reform",
                    4,
                    [
                        ("Komitmen dalam perubahan: agen perubahan berperan aktif.", ABCDE, P_ABCDE),
                        ("Komitmen pimpinan dalam pembangunan Zona Integritas.", ABCDE, P_ABCDE),
                        ("Budaya kerja dan pola pikir telah terbangun.", ABCDE, P_ABCDE),
                        ("Inovasi perubahan telah dilaksanakan.", ABCDE, P_ABCDE),
                    ],
                ),
            ],
        ),
        (
            "Penataan Tatalaksana",
            7,
            "pengungkit",
            [
                (
                    "Pemenuhan",
                    "3.5",
                    [
                        (
                            "Prosedur operasional tetap (SOP) kegiatan utama telah ditetapkan dan diterapkan.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Sistem pemerintahan berbasis elektronik (SPBE) dan keterbukaan informasi publik diterapkan.",
                            ABCDE,
                            P_ABCDE,
                        ),
                    ],
                ),
                (
                    "Reform",
                    "3.5",
                    [
                        ("Proses bisnis dan tata kerja telah efektif dan efisien.", ABCDE, P_ABCDE),
                        ("Teknologi informasi dimanfaatkan dalam manajemen dan pelayanan.", ABCDE, P_ABCDE),
                    ],
                ),
            ],
        ),
        (
            "Penataan Sistem Manajemen SDM",
            10,
            "pengungkit",
            [
                (
                    "Pemenuhan",
                    5,
                    [
                        ("Perencanaan kebutuhan pegawai sesuai kebutuhan organisasi.", ABCDE, P_ABCDE),
                        ("Pola mutasi internal telah diterapkan.", ABCDE, P_ABCDE),
                        ("Pengembangan pegawai berbasis kompetensi.", ABCDE, P_ABCDE),
                        ("Penetapan kinerja individu.", ABCDE, P_ABCDE),
                        ("Penegakan aturan disiplin, kode etik dan kode perilaku pegawai.", ABCDE, P_ABCDE),
                    ],
                ),
                (
                    "Reform",
                    5,
                    [
                        ("Kinerja individu telah selaras dengan kinerja organisasi.", ABCDE, P_ABCDE),
                        (
                            "Pengembangan karier dan kompetensi pegawai menerapkan sistem merit.",
                            ABCDE,
                            P_ABCDE,
                        ),
                    ],
                ),
            ],
        ),
        (
            "Penguatan Akuntabilitas Kinerja",
            10,
            "pengungkit",
            [
                (
                    "Pemenuhan",
                    5,
                    [
                        (
                            "Pimpinan terlibat dalam penyusunan perencanaan dan perjanjian kinerja.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        (
                            "Akuntabilitas kinerja dikelola (perencanaan, pengukuran, pelaporan, evaluasi).",
                            ABCDE,
                            P_ABCDE,
                        ),
                    ],
                ),
                (
                    "Reform",
                    5,
                    [
                        (
                            "Anggaran digunakan secara efektif dan efisien untuk mencapai kinerja.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        ("Aplikasi akuntabilitas kinerja dimanfaatkan.", ABCDE, P_ABCDE),
                    ],
                ),
            ],
        ),
        (
            "Penguatan Pengawasan",
            15,
            "pengungkit",
            [
                (
                    "Pemenuhan",
                    "7.5",
                    [
                        ("Pengendalian gratifikasi telah dilaksanakan.", ABCDE, P_ABCDE),
                        ("Sistem Pengendalian Intern Pemerintah (SPIP) diterapkan.", ABCDE, P_ABCDE),
                        ("Pengaduan masyarakat ditangani.", ABCDE, P_ABCDE),
                        ("Whistle-blowing system tersedia dan dikelola.", ABCDE, P_ABCDE),
                        ("Benturan kepentingan ditangani.", ABCDE, P_ABCDE),
                    ],
                ),
                (
                    "Reform",
                    "7.5",
                    [
                        ("Mekanisme pengendalian telah efektif.", ABCDE, P_ABCDE),
                        ("Penanganan pengaduan dan konsultasi telah efektif.", ABCDE, P_ABCDE),
                        ("Penguatan pengawasan menurunkan tingkat kesalahan administrasi.", ABCDE, P_ABCDE),
                    ],
                ),
            ],
        ),
        (
            "Peningkatan Kualitas Pelayanan Publik",
            10,
            "pengungkit",
            [
                (
                    "Pemenuhan",
                    5,
                    [
                        ("Standar pelayanan telah ditetapkan dan dipublikasikan.", ABCDE, P_ABCDE),
                        ("Budaya pelayanan prima diterapkan.", ABCDE, P_ABCDE),
                        ("Pengelolaan pengaduan pelayanan tersedia.", ABCDE, P_ABCDE),
                        ("Penilaian kepuasan terhadap pelayanan dilakukan berkala.", ABCDE, P_ABCDE),
                        ("Teknologi informasi dimanfaatkan dalam pelayanan.", ABCDE, P_ABCDE),
                    ],
                ),
                (
                    "Reform",
                    5,
                    [
                        (
                            "Upaya dan/atau inovasi telah mendorong perbaikan pelayanan publik.",
                            ABCDE,
                            P_ABCDE,
                        ),
                        ("Penanganan pengaduan pelayanan dan konsultasi telah efektif.", ABCDE, P_ABCDE),
                    ],
                ),
            ],
        ),
        (
            "Birokrasi yang Bersih dan Akuntabel",
            "22.5",
            "hasil",
            [
                (
                    "Indeks Persepsi Anti Korupsi (IPAK)",
                    "17.5",
                    [
                        ("Nilai survei persepsi anti korupsi (IPAK).", ANGKA, P_SURVEI, 4),
                    ],
                ),
                (
                    "Capaian Kinerja",
                    5,
                    [
                        ("Capaian kinerja lebih baik dari tahun sebelumnya.", YT, P_YT),
                    ],
                ),
            ],
        ),
        (
            "Pelayanan Publik yang Prima",
            "17.5",
            "hasil",
            [
                (
                    "Indeks Persepsi Kualitas Pelayanan (IPKP)",
                    "17.5",
                    [
                        ("Nilai survei persepsi kualitas pelayanan (IPKP).", ANGKA, P_SURVEI, 4),
                    ],
                ),
            ],
        ),
    ],
}

SEMUA = (AKIP_88_2021, ZI_90_2021)


def bobot_kriteria(bobot_sub, jumlah: int) -> Decimal:
    """Equal share of the sub-component's weight; the shipped data divides exactly."""
    b = Decimal(str(bobot_sub)) / jumlah
    if b * jumlah != Decimal(str(bobot_sub)) or b != b.quantize(Decimal("0.0001")):
        raise ValueError(f"bobot {bobot_sub} tidak terbagi rata oleh {jumlah} kriteria")
    return b


def muat(TemplatEvaluasi, Komponen, SubKomponen, Kriteria, data) -> bool:
    """Create one template from ``data`` (models passed in: works in a migration). Idempotent."""
    if TemplatEvaluasi.objects.filter(pemda=None, jenis=data["jenis"], nama=data["nama"]).exists():
        return False
    t = TemplatEvaluasi.objects.create(
        jenis=data["jenis"], tahun=data["tahun"], nama=data["nama"], dasar_hukum=data["dasar_hukum"]
    )
    for i, (nama, bobot, kelompok, subs) in enumerate(data["komponen"], 1):
        k = Komponen.objects.create(templat=t, no=i, nama=nama, bobot=Decimal(str(bobot)), kelompok=kelompok)
        for j, (snama, sbobot, kriteria) in enumerate(subs, 1):
            s = SubKomponen.objects.create(komponen=k, no=j, nama=snama, bobot=Decimal(str(sbobot)))
            w = bobot_kriteria(sbobot, len(kriteria))
            for n, item in enumerate(kriteria, 1):
                uraian, jenis, panduan = item[:3]
                maks = Decimal(item[3]) if len(item) > 3 else None
                Kriteria.objects.create(
                    sub=s, no=n, uraian=uraian, jenis_jawaban=jenis, bobot=w, panduan=panduan, nilai_maks=maks
                )
    return True
