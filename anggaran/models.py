"""Budget: nomenclature programme → kegiatan → sub-kegiatan, budget lines, cash plan, realisasi."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tembolok import UMUM

UANG = {"max_digits": 20, "decimal_places": 2}


class Program(models.Model):
    """Nomenclature programme (Kepmendagri 050-5889/2021 as updated by 900.1.15.5-1317/2023)."""

    jalur_unit = UMUM

    kode = models.CharField(max_length=20, unique=True)
    nama = models.CharField(max_length=300)

    class Meta:
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class Kegiatan(models.Model):
    jalur_unit = UMUM

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="kegiatan")
    kode = models.CharField(max_length=30, unique=True)
    nama = models.CharField(max_length=300)

    class Meta:
        verbose_name_plural = _("kegiatan")
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class SubKegiatan(models.Model):
    jalur_unit = UMUM

    kegiatan = models.ForeignKey(Kegiatan, on_delete=models.PROTECT, related_name="sub_kegiatan")
    kode = models.CharField(max_length=40, unique=True)
    nama = models.CharField(max_length=300)

    class Meta:
        verbose_name_plural = _("sub kegiatan")
        ordering = ["kode"]

    def __str__(self):
        return f"{self.kode} {self.nama}"


class BarisAnggaran(models.Model):
    """A budget line: one sub-kegiatan held by one sub-unit (or the unit itself) in one year."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="anggaran")
    tahun = models.PositiveSmallIntegerField()
    sub_kegiatan = models.ForeignKey(SubKegiatan, on_delete=models.PROTECT, related_name="baris")
    subunit = models.ForeignKey("organisasi.SubUnit", null=True, blank=True, on_delete=models.PROTECT)
    pagu_murni = models.DecimalField(null=True, blank=True, **UANG)
    pagu = models.DecimalField(**UANG)
    kas_tw1 = models.DecimalField(default=0, **UANG)
    kas_tw2 = models.DecimalField(default=0, **UANG)
    kas_tw3 = models.DecimalField(default=0, **UANG)
    kas_tw4 = models.DecimalField(default=0, **UANG)

    class Meta:
        verbose_name_plural = _("baris anggaran")
        ordering = ["instansi", "tahun", "sub_kegiatan__kode", "subunit__kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "sub_kegiatan", "subunit"], name="baris_unik_subunit"
            ),
            models.UniqueConstraint(
                fields=["instansi", "tahun", "sub_kegiatan"],
                condition=Q(subunit__isnull=True),
                name="baris_unik_instansi",
            ),
        ]
        indexes = [models.Index(fields=["instansi", "tahun"])]

    @property
    def kas(self):
        return (self.kas_tw1, self.kas_tw2, self.kas_tw3, self.kas_tw4)

    def __str__(self):
        where = self.subunit.nama if self.subunit_id else self.instansi.nama
        return f"{self.sub_kegiatan.nama} ({where}) {self.tahun}"


class PaguProgram(models.Model):
    """Programme-level pagu before revision, for years where only that is known (seed Tabel 3.21)."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE)
    tahun = models.PositiveSmallIntegerField()
    program = models.ForeignKey(Program, on_delete=models.PROTECT)
    pagu_murni = models.DecimalField(**UANG)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "program"], name="pagu_program_unik")
        ]


class PeriodeAnggaran(models.TextChoices):
    TW1 = "TW1", "TW1"
    TW2 = "TW2", "TW2"
    TW3 = "TW3", "TW3"
    TW4 = "TW4", "TW4"
    TAHUN = "TAHUN", _("Tahun")


class RealisasiAnggaran(models.Model):
    """Realisasi of a budget line per quarter, or for the whole year (TAHUN)."""

    jalur_unit = "baris__instansi_id"

    baris = models.ForeignKey(BarisAnggaran, on_delete=models.CASCADE, related_name="realisasi")
    periode = models.CharField(max_length=5, choices=PeriodeAnggaran.choices)
    nilai = models.DecimalField(**UANG)

    class Meta:
        verbose_name_plural = _("realisasi anggaran")
        constraints = [models.UniqueConstraint(fields=["baris", "periode"], name="realisasi_anggaran_unik")]


class Dukungan(models.Model):
    """Budget (by programme, kegiatan or sub-kegiatan code) that supports an indikator in a year."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE)
    tahun = models.PositiveSmallIntegerField()
    kode = models.CharField(max_length=40)
    indikator = models.ForeignKey("perencanaan.Indikator", on_delete=models.CASCADE, related_name="dukungan")

    class Meta:
        verbose_name_plural = _("dukungan anggaran")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "kode", "indikator"], name="dukungan_unik")
        ]

    def mencakup(self, kode_sub_kegiatan: str) -> bool:
        """Does this link cover a sub-kegiatan code (segment-wise prefix)?"""
        return kode_sub_kegiatan == self.kode or kode_sub_kegiatan.startswith(self.kode + ".")
