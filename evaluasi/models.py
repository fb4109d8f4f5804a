"""Evaluation results (AKIP per PermenPANRB 88/2021, Zona Integritas per 90/2021).

This holds component scores of an evaluation done outside the system (the LHE);
the total and predikat are computed by ``rumus.evaluasi``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JenisEvaluasi(models.TextChoices):
    AKIP = "akip", _("Evaluasi AKIP")
    ZI = "zi", _("Zona Integritas")


class NilaiKomponen(models.Model):
    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="nilai_evaluasi")
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=5, choices=JenisEvaluasi.choices)
    no = models.PositiveSmallIntegerField(default=0)
    komponen = models.CharField(max_length=200)
    bobot = models.DecimalField(max_digits=8, decimal_places=4)
    nilai = models.DecimalField(max_digits=8, decimal_places=4)

    class Meta:
        verbose_name_plural = _("nilai komponen evaluasi")
        ordering = ["instansi", "tahun", "jenis", "no", "id"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "jenis", "komponen"], name="nilai_komponen_unik")
        ]
