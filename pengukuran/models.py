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
    jalur_unit = "indikator__instansi_id"

    indikator = models.ForeignKey("perencanaan.Indikator", on_delete=models.CASCADE, related_name="realisasi")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=5, choices=Periode.choices)
    nilai = models.DecimalField(**NILAI)
    catatan = models.TextField(max_length=2000, blank=True)
    sumber = models.CharField(max_length=300, blank=True)
    # analysis entered with the quarter's value (LKIP BAB III point 5)
    analisis_sebab = models.TextField(_("mengapa (penyebab)"), max_length=5000, blank=True)
    analisis_pendukung = models.TextField(_("faktor pendukung"), max_length=5000, blank=True)
    analisis_penghambat = models.TextField(_("faktor penghambat"), max_length=5000, blank=True)
    analisis_tindak_lanjut = models.TextField(_("langkah selanjutnya"), max_length=5000, blank=True)
    versi = models.PositiveIntegerField(default=1)  # optimistic locking: bumped on every save

    class Meta:
        verbose_name_plural = _("realisasi")
        ordering = ["indikator", "tahun", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "periode"], name="realisasi_unik")
        ]


class NilaiPembanding(models.Model):
    """A value another unit published for a comparable indikator (seed Tabel 3.9, 3.15)."""

    jalur_unit = "indikator__instansi_id"

    indikator = models.ForeignKey(
        "perencanaan.Indikator", on_delete=models.CASCADE, related_name="pembanding"
    )
    tahun = models.PositiveSmallIntegerField()
    unit = models.CharField(max_length=200)
    target = models.DecimalField(null=True, blank=True, **NILAI)
    realisasi = models.DecimalField(**NILAI)
    sumber = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = _("nilai pembanding")
        ordering = ["indikator", "tahun", "id"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun", "unit"], name="pembanding_unik")]


class StatusPeriode(models.TextChoices):
    DRAFT = "draft", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan")
    DIVERIFIKASI = "diverifikasi", _("Diverifikasi")
    DIKEMBALIKAN = "dikembalikan", _("Dikembalikan")
    TERKUNCI = "terkunci", _("Terkunci")


class Alur(models.TextChoices):
    """The two quarterly workflows: each has its own submit/verify/lock per quarter, so verifying
    the performance quarter never closes the budget entry of that quarter (and back)."""

    KINERJA = "kinerja", _("Realisasi kinerja")
    ANGGARAN = "anggaran", _("Realisasi anggaran")


class PengajuanRealisasi(models.Model):
    """Workflow state of one unit's realisasi for one period (quarter) in one workflow (``alur``)."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="pengajuan")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=5, choices=Periode.choices)
    alur = models.CharField(max_length=10, choices=Alur.choices, default=Alur.KINERJA)
    status = models.CharField(max_length=15, choices=StatusPeriode.choices, default=StatusPeriode.DRAFT)
    komentar = models.TextField(max_length=2000, blank=True)
    diubah_oleh = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = _("pengajuan realisasi")
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "periode", "alur"], name="pengajuan_unik_alur"
            )
        ]

    @property
    def bisa_diisi(self) -> bool:
        return self.status in (StatusPeriode.DRAFT, StatusPeriode.DIKEMBALIKAN)


class Bukti(models.Model):
    """Evidence for a realisasi: stored outside the web root, served only to allowed users."""

    jalur_unit = "realisasi__indikator__instansi_id"

    realisasi = models.ForeignKey(Realisasi, on_delete=models.CASCADE, related_name="bukti")
    berkas = models.FileField(upload_to="bukti/%Y/")
    nama_asli = models.CharField(max_length=255)
    jenis = models.CharField(max_length=10)
    ukuran = models.PositiveIntegerField()
    diunggah_oleh = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    diunggah_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = _("bukti")
