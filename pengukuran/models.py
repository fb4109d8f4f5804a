"""Measurement: realisasi per indikator per period, and other units' published values."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from perencanaan.models import NILAI


class Periode(models.TextChoices):
    TW1 = "TW1", _("Triwulan I")
    TW2 = "TW2", _("Triwulan II")
    TW3 = "TW3", _("Triwulan III")
    TW4 = "TW4", _("Triwulan IV")
    S1 = "S1", _("Semester I")
    S2 = "S2", _("Semester II")
    TAHUN = "TAHUN", _("Tahunan")


URUTAN_PERIODE = {p: i for i, p in enumerate(["TW1", "TW2", "S1", "TW3", "TW4", "S2", "TAHUN"])}


class Realisasi(models.Model):
    indikator = models.ForeignKey("perencanaan.Indikator", on_delete=models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=5, choices=Periode.choices)
    nilai = models.DecimalField(**NILAI)
    catatan = models.TextField(blank=True)
    sumber = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = _("realisasi")
        ordering = ["indikator", "tahun", "periode"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun", "periode"], name="realisasi_unik")]


class NilaiPembanding(models.Model):
    """A value another unit published for a comparable indikator (seed Tabel 3.9, 3.15)."""

    indikator = models.ForeignKey("perencanaan.Indikator", on_delete=models.CASCADE, related_name="pembanding")
    tahun = models.PositiveSmallIntegerField()
    unit = models.CharField(max_length=200)
    target = models.DecimalField(null=True, blank=True, **NILAI)
    realisasi = models.DecimalField(**NILAI)
    sumber = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = _("nilai pembanding")
        ordering = ["indikator", "tahun", "id"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun", "unit"], name="pembanding_unik")]
