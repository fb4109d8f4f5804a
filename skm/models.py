"""Survei Kepuasan Masyarakat (PermenPANRB 14/2017): per-period NRR summaries.

Summaries are what a unit has when its survey ran elsewhere (the seed's Sisukma
Tabel 3.3/3.4); the IKM is always computed from them by ``rumus.skm``.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

NRR = {"max_digits": 8, "decimal_places": 4}


class RingkasanNRR(models.Model):
    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="ringkasan_nrr")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=5)
    layanan = models.ForeignKey("organisasi.Layanan", null=True, blank=True, on_delete=models.CASCADE)
    u1 = models.DecimalField(**NRR)
    u2 = models.DecimalField(**NRR)
    u3 = models.DecimalField(**NRR)
    u4 = models.DecimalField(**NRR)
    u5 = models.DecimalField(**NRR)
    u6 = models.DecimalField(**NRR)
    u7 = models.DecimalField(**NRR)
    u8 = models.DecimalField(**NRR)
    u9 = models.DecimalField(**NRR)
    responden = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("ringkasan NRR")
        verbose_name_plural = _("ringkasan NRR")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "periode", "layanan"], name="nrr_unik"),
            models.UniqueConstraint(
                fields=["instansi", "tahun", "periode"], condition=Q(layanan__isnull=True), name="nrr_unik_semua"
            ),
        ]

    @property
    def nrr(self):
        return [getattr(self, f"u{i}") for i in range(1, 10)]
