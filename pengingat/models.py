"""A reminder given to one user: shown on the user's "Pengingat" page and, unless the user turned
it off, sent by e-mail. One row per (user, kind, object, due date): the daily job creates a row
once, so running it twice on a day sends nothing twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tembolok import ABAIKAN


class Pengingat(models.Model):
    # No dashboard shows reminders.
    jalur_unit = ABAIKAN

    class Jenis(models.TextChoices):
        JENDELA_H7 = "jendela_h7", _("Jendela entri ditutup 7 hari lagi")
        JENDELA_H1 = "jendela_h1", _("Jendela entri ditutup besok")
        VERIFIKASI = "verifikasi", _("Realisasi menunggu verifikasi")
        DIKEMBALIKAN = "dikembalikan", _("Realisasi dikembalikan")
        LKE_DIAJUKAN = "lke_diajukan", _("LKE diajukan unit")
        LKE_FINAL = "lke_final", _("LHE final")
        TL_JATUH_TEMPO = "tl_tempo", _("Tindak lanjut jatuh tempo")
        TL_TERLAMBAT = "tl_lambat", _("Tindak lanjut terlambat")
        LKIP_H7 = "lkip_h7", _("Batas LKIP 7 hari lagi")
        LKIP_H1 = "lkip_h1", _("Batas LKIP besok")
        LKE_H7 = "lke_h7", _("Batas pengajuan LKE 7 hari lagi")
        LKE_H1 = "lke_h1", _("Batas pengajuan LKE besok")
        LHE_H7 = "lhe_h7", _("Batas final LHE 7 hari lagi")
        LHE_H1 = "lhe_h1", _("Batas final LHE besok")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pengingat")
    jenis = models.CharField(max_length=12, choices=Jenis.choices)
    objek = models.CharField(max_length=100)  # what it is about, e.g. "pengukuran.PengajuanRealisasi:12"
    jatuh_tempo = models.DateField()  # the date it is about (a window's close, a due date, an event's day)
    instansi = models.ForeignKey(
        "organisasi.Instansi", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    judul = models.CharField(max_length=300)
    pesan = models.TextField(max_length=2000)
    tautan = models.CharField(max_length=500)  # the page to act on, a path of this site
    dibuat = models.DateTimeField(auto_now_add=True)
    email_dikirim = models.DateTimeField(null=True, blank=True)
    email_galat = models.CharField(max_length=300, blank=True)  # why the last attempt failed

    class Meta:
        verbose_name_plural = _("pengingat")
        ordering = ["-dibuat", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "jenis", "objek", "jatuh_tempo"], name="pengingat_unik")
        ]

    def __str__(self):
        return f"{self.user} {self.jenis} {self.objek} {self.jatuh_tempo}"
