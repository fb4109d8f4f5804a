"""Planning: Renstra → tujuan → sasaran → indikator (with yearly targets), IKU, Perjanjian Kinerja."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from dasar.galat import Ditolak
from rumus.capaian import Agregasi, Polaritas

NILAI = {"max_digits": 24, "decimal_places": 6}


class Renstra(models.Model):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="renstra")
    kode = models.SlugField()
    nama = models.CharField(max_length=300)
    tahun_awal = models.PositiveSmallIntegerField()
    tahun_akhir = models.PositiveSmallIntegerField()
    # the regional medium-term plan this Renstra follows (RPJMD, or RPD between two RPJMD), as text
    rpjmd = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = _("renstra")
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="renstra_unik")]

    def __str__(self):
        return self.nama

    def tahun(self):
        return range(self.tahun_awal, self.tahun_akhir + 1)


class Arsip(models.Model):
    """What Tujuan, Sasaran and Indikator share: their place among their siblings (``urutan``, a
    smaller number first, then ``kode``) and the year from which they are archived
    (``tahun_nonaktif``: no longer planned or measured from that year on; earlier years keep
    them). Something already used (a signed PK, a realisasi, a budget link) is archived, never
    deleted (``perencanaan.services.hapus``)."""

    urutan = models.PositiveIntegerField(
        _("urutan"),
        default=0,
        help_text=_("Posisi di antara yang setingkat (angka kecil lebih dulu), contoh: 1."),
    )
    tahun_nonaktif = models.PositiveSmallIntegerField(
        _("diarsipkan mulai tahun"),
        null=True,
        blank=True,
        help_text=_(
            "Sejak tahun ini tidak direncanakan dan tidak diukur lagi; tahun sebelumnya tetap. "
            "Kosong: masih aktif. Contoh: 2027."
        ),
    )

    class Meta:
        abstract = True

    def aktif_pada(self, tahun: int) -> bool:
        """Is this item (not archived from ``tahun`` or earlier) planned in ``tahun``?"""
        return self.tahun_nonaktif is None or tahun < self.tahun_nonaktif


class Tujuan(Arsip):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="tujuan")
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(
        _("kode"),
        max_length=30,
        help_text=_("Kode singkat, unik di unit ini, seperti di dokumen Renstra, contoh: T1."),
    )
    uraian = models.TextField(
        _("uraian tujuan"),
        max_length=1000,
        help_text=_(
            "Kondisi yang hendak dicapai dalam periode Renstra, contoh: Terwujudnya pelayanan publik "
            "kecamatan yang prima."
        ),
    )

    class Meta:
        verbose_name_plural = _("tujuan")
        ordering = ["urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="tujuan_unik")]

    def __str__(self):
        return self.uraian


class Sasaran(Arsip):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="sasaran")
    tujuan = models.ForeignKey(
        Tujuan,
        on_delete=models.CASCADE,
        related_name="sasaran",
        verbose_name=_("tujuan"),
        help_text=_("Tujuan yang didukung sasaran ini, contoh: T1."),
    )
    kode = models.CharField(
        _("kode"),
        max_length=30,
        help_text=_("Kode singkat, unik di unit ini, contoh: S1.1 (sasaran pertama tujuan T1)."),
    )
    uraian = models.TextField(
        _("uraian sasaran"),
        max_length=1000,
        help_text=_(
            "Hasil yang hendak dicapai, terukur dengan indikatornya, contoh: Meningkatnya kepuasan "
            "masyarakat atas pelayanan kecamatan."
        ),
    )

    class Meta:
        verbose_name_plural = _("sasaran")
        ordering = ["urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="sasaran_unik")]

    def __str__(self):
        return self.uraian


class Indikator(Arsip):
    jalur_unit = "instansi_id"

    class Level(models.TextChoices):
        TUJUAN = "tujuan", _("Tujuan")
        SASARAN = "sasaran", _("Sasaran")
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")

    class SumberRealisasi(models.TextChoices):
        MANUAL = "manual", _("Diisi per periode")
        SKM = "skm", _("Survei Kepuasan Masyarakat (IKM)")
        AKIP = "akip", _("Evaluasi AKIP")
        ZI = "zi", _("Evaluasi Zona Integritas")
        ZONA = "zona", _("Pemantauan zona tertib")

    POLARITAS = [
        (Polaritas.POSITIF.value, _("Positif — makin tinggi makin baik (contoh: IKM)")),
        (Polaritas.NEGATIF.value, _("Negatif — makin rendah makin baik (contoh: jumlah pengaduan)")),
        (Polaritas.RENTANG.value, _("Rentang — baik bila di antara target dan batas atasnya")),
    ]
    AGREGASI = [
        (Agregasi.TERAKHIR.value, _("Terakhir — nilai triwulan terakhir (contoh: IKM)")),
        (Agregasi.JUMLAH.value, _("Jumlah — jumlah semua triwulan (contoh: jumlah layanan)")),
        (Agregasi.RATA_RATA.value, _("Rata-rata — rata-rata triwulan (contoh: persentase bulanan)")),
    ]

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="indikator")
    kode = models.CharField(
        _("kode"), max_length=30, help_text=_("Kode singkat, unik di unit ini, contoh: IKU1.")
    )
    nama = models.CharField(
        _("nama indikator"),
        max_length=400,
        help_text=_("Apa yang diukur, contoh: Indeks Kepuasan Masyarakat (IKM)."),
    )
    level = models.CharField(
        _("tingkat"),
        max_length=10,
        choices=Level.choices,
        help_text=_(
            "Indikator tujuan mengukur tujuan, indikator sasaran mengukur sasaran strategis; contoh: Sasaran."
        ),
    )
    tujuan = models.ForeignKey(
        Tujuan,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name=_("tujuan"),
        help_text=_("Untuk indikator tingkat tujuan: tujuan yang diukurnya, contoh: T1."),
    )
    sasaran = models.ForeignKey(
        Sasaran,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name=_("sasaran"),
        help_text=_("Untuk indikator tingkat sasaran: sasaran yang diukurnya, contoh: S1.1."),
    )
    program = models.ForeignKey("anggaran.Program", null=True, blank=True, on_delete=models.PROTECT)
    kegiatan = models.ForeignKey("anggaran.Kegiatan", null=True, blank=True, on_delete=models.PROTECT)
    satuan = models.CharField(
        _("satuan"), max_length=50, help_text=_("Satuan nilai target dan realisasi, contoh: %, nilai, hari.")
    )
    formulasi = models.TextField(
        _("formulasi"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Cara menghitung nilainya, contoh: jumlah layanan selesai tepat waktu ÷ jumlah layanan × 100 %."
        ),
    )
    alasan = models.TextField(
        _("alasan pemilihan"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Mengapa indikator ini dipilih untuk mengukur sasaran, contoh: mengukur langsung mutu "
            "pelayanan yang dirasakan masyarakat."
        ),
    )
    sumber_data = models.CharField(
        _("sumber data"),
        max_length=300,
        blank=True,
        help_text=_("Dokumen atau sistem asal datanya, contoh: Laporan SKM semester, register pelayanan."),
    )
    penanggung_jawab = models.CharField(
        _("penanggung jawab"),
        max_length=300,
        blank=True,
        help_text=_("Jabatan yang bertanggung jawab atas capaiannya, contoh: Sekretaris Kecamatan."),
    )
    polaritas = models.CharField(
        _("polaritas"),
        max_length=10,
        choices=POLARITAS,
        default="positif",
        help_text=_(
            "Arah yang baik: positif — makin tinggi makin baik, contoh IKM; negatif — makin rendah "
            "makin baik, contoh jumlah pengaduan; rentang — baik bila di antara dua batas."
        ),
    )
    agregasi = models.CharField(
        _("agregasi"),
        max_length=10,
        choices=AGREGASI,
        default="terakhir",
        help_text=_(
            "Cara nilai triwulan menjadi nilai tahunan: terakhir / jumlah / rata-rata triwulan; "
            "contoh: IKM memakai terakhir."
        ),
    )
    iku = models.BooleanField(
        _("Indikator Kinerja Utama (IKU)"),
        default=False,
        help_text=_(
            "Centang bila indikator ini IKU unit: masuk lembar IKU dan Perjanjian Kinerja, "
            "contoh: IKM kecamatan."
        ),
    )
    sumber_realisasi = models.CharField(
        _("sumber realisasi"),
        max_length=10,
        choices=SumberRealisasi.choices,
        default="manual",
        help_text=_(
            "Dari mana nilai realisasinya: diisi per periode oleh operator (manual), atau dihitung "
            "otomatis dari SKM (IKM), evaluasi AKIP, evaluasi Zona Integritas atau pemantauan zona "
            "tertib; contoh: SKM untuk indikator IKM."
        ),
    )

    class Meta:
        verbose_name_plural = _("indikator")
        ordering = ["instansi", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="indikator_unik")]

    def __str__(self):
        return self.nama

    @property
    def induk(self):
        return self.tujuan or self.sasaran or self.kegiatan or self.program

    def direncanakan_pada(self, tahun: int) -> bool:
        """Is the indicator, its sasaran and its tujuan all not archived in ``tahun``?"""
        rantai = [self, self.tujuan, self.sasaran, self.sasaran.tujuan if self.sasaran_id else None]
        return all(x.aktif_pada(tahun) for x in rantai if x is not None)

    def clean(self):
        expected = {
            "tujuan": self.tujuan_id,
            "sasaran": self.sasaran_id,
            "program": self.program_id,
            "kegiatan": self.kegiatan_id,
        }
        if not expected.get(self.level):
            raise ValidationError(
                _("Indikator tingkat %(l)s harus punya induk %(l)s"), params={"l": self.level}
            )


class Target(models.Model):
    """Renstra target of an indikator for one year."""

    jalur_unit = "indikator__instansi_id"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField()
    nilai = models.DecimalField(**NILAI)
    nilai_atas = models.DecimalField(null=True, blank=True, **NILAI)

    class Meta:
        ordering = ["indikator", "tahun"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="target_unik")]


class PKTerkunci(Ditolak):
    """A signed Perjanjian Kinerja cannot change; a revision is a new versi."""


class PerjanjianKinerja(models.Model):
    jalur_unit = "instansi_id"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        DITANDATANGANI = "ditandatangani", _("Ditandatangani")

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="perjanjian_kinerja"
    )
    tahun = models.PositiveSmallIntegerField()
    versi = models.PositiveSmallIntegerField(default=1)
    # the date and place of signing as printed on the document, chosen before signing (never
    # the day the button is clicked); an empty place prints the unit's ``kota``
    tanggal = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    tempat = models.CharField(_("tempat penandatanganan"), max_length=100, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    pihak_pertama = models.ForeignKey(
        "organisasi.Pejabat", verbose_name=_("pihak pertama"), on_delete=models.PROTECT, related_name="+"
    )
    pihak_kedua = models.ForeignKey(
        "organisasi.Pejabat",
        verbose_name=_("pihak kedua"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    keterangan = models.TextField(max_length=2000, blank=True)
    # what the signed document shows, stored at signing (laporan.perjanjian.isi_pk), and the
    # SHA-256 of its canonical serialisation (dasar.sidik.sidik); empty for a draft
    isi_beku = models.JSONField(null=True, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        ordering = ["instansi", "tahun", "versi"]
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun", "versi"], name="pk_unik")]

    def __str__(self):
        label = "PK" if self.versi == 1 else f"PK Perubahan {self.versi - 1}"
        return f"{label} {self.instansi} {self.tahun}"

    @property
    def label(self) -> str:
        """ "Perjanjian Kinerja 2024", "PK Perubahan ke-1 2024": the version and year, no unit."""
        if self.versi == 1:
            return _("Perjanjian Kinerja %(tahun)s") % {"tahun": self.tahun}
        return _("PK Perubahan ke-%(n)s %(tahun)s") % {"n": self.versi - 1, "tahun": self.tahun}

    @property
    def ditandatangani(self) -> bool:
        return self.status == self.Status.DITANDATANGANI

    def save(self, *args, **kwargs):
        if self.pk is not None:
            before = PerjanjianKinerja.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if before == self.Status.DITANDATANGANI:
                raise PKTerkunci(f"{self} sudah ditandatangani dan tidak dapat diubah; buat versi baru")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.ditandatangani:
            raise PKTerkunci(f"{self} sudah ditandatangani dan tidak dapat dihapus")
        return super().delete(*args, **kwargs)


class PKIndikator(models.Model):
    jalur_unit = "pk_dokumen__instansi_id"

    pk_dokumen = models.ForeignKey(PerjanjianKinerja, on_delete=models.CASCADE, related_name="indikator")
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="pk_indikator")
    no = models.PositiveSmallIntegerField(default=0)
    target = models.DecimalField(**NILAI)
    target_atas = models.DecimalField(null=True, blank=True, **NILAI)

    class Meta:
        ordering = ["pk_dokumen", "no", "id"]
        constraints = [models.UniqueConstraint(fields=["pk_dokumen", "indikator"], name="pk_indikator_unik")]

    def _cek_terkunci(self):
        if PerjanjianKinerja.objects.filter(pk=self.pk_dokumen_id, status="ditandatangani").exists():
            raise PKTerkunci("Perjanjian Kinerja sudah ditandatangani; target tidak dapat diubah")

    def save(self, *args, **kwargs):
        self._cek_terkunci()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._cek_terkunci()
        return super().delete(*args, **kwargs)


class Triwulan(models.TextChoices):
    TW1 = "TW1", _("Triwulan I")
    TW2 = "TW2", _("Triwulan II")
    TW3 = "TW3", _("Triwulan III")
    TW4 = "TW4", _("Triwulan IV")


class TargetTriwulan(models.Model):
    """Rencana Aksi: the target of a PK indicator for one quarter of the year. The four quarters
    follow the indicator's aggregation of the PK's annual target (rumus.rencana_aksi; docs/rules.md
    §11). Kept per indicator and year, so a PK Perubahan keeps the plan (and the page says when the
    new annual target no longer agrees with it)."""

    jalur_unit = "indikator__instansi_id"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target_triwulan")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=3, choices=Triwulan.choices)
    nilai = models.DecimalField(_("target triwulan"), **NILAI)

    class Meta:
        verbose_name = _("target triwulan")
        verbose_name_plural = _("target triwulan")
        ordering = ["indikator", "tahun", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "periode"], name="target_triwulan_unik")
        ]


class LangkahAksi(models.Model):
    """Rencana Aksi: one action step of a PK indicator in a quarter, with who is responsible and
    optionally the budget sub-kegiatan (of the unit's DPA lines of the year) that pays for it."""

    jalur_unit = "indikator__instansi_id"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="langkah_aksi")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(_("triwulan"), max_length=3, choices=Triwulan.choices)
    urutan = models.PositiveSmallIntegerField(default=0)
    uraian = models.TextField(_("uraian kegiatan"), max_length=1000)
    penanggung_jawab = models.CharField(_("penanggung jawab"), max_length=200, blank=True)
    sub_kegiatan = models.ForeignKey(
        "anggaran.SubKegiatan",
        verbose_name=_("sub kegiatan anggaran"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("langkah aksi")
        verbose_name_plural = _("langkah aksi")
        ordering = ["indikator", "tahun", "periode", "urutan", "id"]
