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


class Tujuan(models.Model):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="tujuan")
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(max_length=30)
    uraian = models.TextField(max_length=1000)

    class Meta:
        verbose_name_plural = _("tujuan")
        ordering = ["kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="tujuan_unik")]

    def __str__(self):
        return self.uraian


class Sasaran(models.Model):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="sasaran")
    tujuan = models.ForeignKey(Tujuan, on_delete=models.CASCADE, related_name="sasaran")
    kode = models.CharField(max_length=30)
    uraian = models.TextField(max_length=1000)

    class Meta:
        verbose_name_plural = _("sasaran")
        ordering = ["kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="sasaran_unik")]

    def __str__(self):
        return self.uraian


class Indikator(models.Model):
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

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="indikator")
    kode = models.CharField(max_length=30)
    nama = models.CharField(max_length=400)
    level = models.CharField(max_length=10, choices=Level.choices)
    tujuan = models.ForeignKey(
        Tujuan, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    sasaran = models.ForeignKey(
        Sasaran, null=True, blank=True, on_delete=models.CASCADE, related_name="indikator"
    )
    program = models.ForeignKey("anggaran.Program", null=True, blank=True, on_delete=models.PROTECT)
    kegiatan = models.ForeignKey("anggaran.Kegiatan", null=True, blank=True, on_delete=models.PROTECT)
    satuan = models.CharField(max_length=50)
    formulasi = models.TextField(max_length=2000, blank=True)
    alasan = models.TextField(max_length=2000, blank=True)
    sumber_data = models.CharField(max_length=300, blank=True)
    polaritas = models.CharField(
        max_length=10, choices=[(p.value, p.value) for p in Polaritas], default="positif"
    )
    agregasi = models.CharField(
        max_length=10, choices=[(a.value, a.value) for a in Agregasi], default="terakhir"
    )
    iku = models.BooleanField(default=False)
    sumber_realisasi = models.CharField(max_length=10, choices=SumberRealisasi.choices, default="manual")

    class Meta:
        verbose_name_plural = _("indikator")
        ordering = ["instansi", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="indikator_unik")]

    def __str__(self):
        return self.nama

    @property
    def induk(self):
        return self.tujuan or self.sasaran or self.kegiatan or self.program

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
    tanggal = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    pihak_pertama = models.ForeignKey("organisasi.Pejabat", on_delete=models.PROTECT, related_name="+")
    pihak_kedua = models.ForeignKey(
        "organisasi.Pejabat", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
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
