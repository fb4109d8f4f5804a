from django.db import models


class TeksBlok(models.Model):
    """Teks yang dapat disunting per unit, tahun dan bagian laporan (mis. "kata_pengantar")."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="teks_laporan")
    tahun = models.PositiveSmallIntegerField()
    bagian = models.CharField(max_length=64)
    teks = models.TextField(max_length=20000)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun", "bagian"], name="teksblok_unik")]
        verbose_name = "blok teks laporan"
        verbose_name_plural = "blok teks laporan"

    def __str__(self) -> str:
        return f"{self.instansi} {self.tahun} {self.bagian}"
