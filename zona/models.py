"""Zona tertib K3 (Perda Kota Bekasi 10/2011): zones and their monthly assessment."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Zona(models.Model):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="zona")
    kode = models.SlugField()
    nama = models.CharField(max_length=300)
    subunit = models.ForeignKey("organisasi.SubUnit", null=True, blank=True, on_delete=models.SET_NULL)
    urutan = models.PositiveSmallIntegerField(default=0)  # position in the unit's list, then kode
    # retired: from this year on the zone is no longer assessed nor counted (earlier years keep it)
    tahun_nonaktif = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name_plural = _("zona")
        ordering = ["instansi", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="zona_unik")]

    def __str__(self):
        return self.nama

    def aktif_pada(self, tahun: int) -> bool:
        return self.tahun_nonaktif is None or tahun < self.tahun_nonaktif


def aktif_pada(tahun: int) -> Q:
    """Filter of the zones assessed and counted in ``tahun`` (not retired by then)."""
    return Q(tahun_nonaktif__isnull=True) | Q(tahun_nonaktif__gt=tahun)


class PenilaianZona(models.Model):
    """Assessment of a zone in a month (bulan 1–12) or the year's recapitulation (bulan empty)."""

    jalur_unit = "zona__instansi_id"

    class Kategori(models.TextChoices):
        BAIK = "baik", _("Baik")
        CUKUP = "cukup", _("Cukup")
        KURANG = "kurang", _("Kurang")
        TIDAK_DINILAI = "", _("Tidak dinilai")

    zona = models.ForeignKey(Zona, on_delete=models.CASCADE, related_name="penilaian")
    tahun = models.PositiveSmallIntegerField()
    bulan = models.PositiveSmallIntegerField(null=True, blank=True)
    kategori = models.CharField(max_length=10, choices=Kategori.choices, blank=True)
    catatan = models.TextField(max_length=2000, blank=True)
    foto = models.FileField(upload_to="zona/%Y/", blank=True)  # under MEDIA_ROOT, served by a checked view

    class Meta:
        verbose_name_plural = _("penilaian zona")
        ordering = ["zona", "tahun", "bulan"]
        constraints = [
            models.UniqueConstraint(fields=["zona", "tahun", "bulan"], name="penilaian_zona_unik"),
            models.UniqueConstraint(
                fields=["zona", "tahun"], condition=Q(bulan__isnull=True), name="penilaian_zona_rekap_unik"
            ),
        ]
