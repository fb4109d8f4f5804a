"""A pemda's schedule for one year: the entry windows of each quarter (performance and budget
realisasi separately), the LKIP issue deadline and the evaluation calendar; and the late-entry
exceptions admin_pemda grants a unit."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tembolok import ABAIKAN

PERIODE = ("TW1", "TW2", "TW3", "TW4")


class Alur(models.TextChoices):
    """The two quarterly entry workflows (the same values as pengukuran's ``Alur``)."""

    KINERJA = "kinerja", _("Realisasi kinerja")
    ANGGARAN = "anggaran", _("Realisasi anggaran")


def batas_lkip_bawaan(tahun: int) -> dt.date:
    """The LKIP of year N is uploaded to KemenPANRB's ESR by 31 March of N+1."""
    return dt.date(tahun + 1, 3, 31)


class JadwalPemda(models.Model):
    """The pemda's dates of one year other than the entry windows."""

    # No dashboard shows the schedule.
    jalur_unit = ABAIKAN

    pemda = models.ForeignKey("organisasi.Pemda", on_delete=models.CASCADE, related_name="jadwal")
    tahun = models.PositiveSmallIntegerField()
    batas_lkip = models.DateField(help_text=_("Batas penyampaian LKIP tahun ini ke aplikasi ESR KemenPANRB"))
    evaluasi_mulai = models.DateField(null=True, blank=True, help_text=_("Penilaian mandiri LKE dimulai"))
    evaluasi_ajukan = models.DateField(null=True, blank=True, help_text=_("Batas unit mengajukan LKE"))
    evaluasi_final = models.DateField(null=True, blank=True, help_text=_("Batas evaluator memfinalkan LHE"))
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = _("jadwal pemda")
        constraints = [models.UniqueConstraint(fields=["pemda", "tahun"], name="jadwal_pemda_unik")]

    def __str__(self):
        return f"{self.pemda} {self.tahun}"


class JendelaEntri(models.Model):
    """The days on which one quarter's realisasi of one workflow may be entered (both ends
    included); a quarter without a window is open."""

    jalur_unit = ABAIKAN

    pemda = models.ForeignKey("organisasi.Pemda", on_delete=models.CASCADE, related_name="jendela_entri")
    tahun = models.PositiveSmallIntegerField()
    alur = models.CharField(max_length=10, choices=Alur.choices)
    periode = models.CharField(max_length=5)
    buka = models.DateField()
    tutup = models.DateField()

    class Meta:
        verbose_name_plural = _("jendela entri")
        ordering = ["tahun", "alur", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "tahun", "alur", "periode"], name="jendela_entri_unik"),
            models.CheckConstraint(condition=Q(buka__lte=F("tutup")), name="jendela_buka_sebelum_tutup"),
        ]

    def __str__(self):
        return f"{self.pemda} {self.get_alur_display()} {self.periode} {self.tahun}"


class Pengecualian(models.Model):
    """A late-entry exception: the unit may still enter this quarter's realisasi of this
    workflow until ``sampai`` (included), though the window is closed."""

    jalur_unit = ABAIKAN

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="pengecualian")
    tahun = models.PositiveSmallIntegerField()
    alur = models.CharField(max_length=10, choices=Alur.choices)
    periode = models.CharField(max_length=5)
    sampai = models.DateField()
    alasan = models.TextField(max_length=1000)
    diberikan_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diberikan_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = _("pengecualian entri")
        ordering = ["tahun", "alur", "periode", "instansi"]
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "alur", "periode"], name="pengecualian_entri_unik"
            )
        ]

    def __str__(self):
        return f"{self.instansi} {self.get_alur_display()} {self.periode} {self.tahun} s.d. {self.sampai}"
