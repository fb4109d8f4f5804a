"""A workbook uploaded from the web, kept between its dry run and "Terapkan"."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tembolok import ABAIKAN


class UnggahanWorkbook(models.Model):
    """One uploaded workbook of one unit: the stored file, its SHA-256 (applying it checks the
    file is still the one the dry run read), who uploaded it and the dry run's result. Kept until
    it is applied or expires (``kedaluwarsa``); docs/workbook.md, "Upload from the web"."""

    # not dashboard data: the import itself drops the stored dashboards
    jalur_unit = ABAIKAN

    class Status(models.TextChoices):
        UJI_ANTRI = "uji_antri", _("Menunggu uji coba di latar belakang")
        DIPERIKSA = "diperiksa", _("Diperiksa (uji coba)")
        TERAPKAN_ANTRI = "terapkan_antri", _("Menunggu diterapkan di latar belakang")
        DITERAPKAN = "diterapkan", _("Diterapkan")

    ANTRI = (Status.UJI_ANTRI, Status.TERAPKAN_ANTRI)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pengguna = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="unggahan_workbook"
    )
    tahun = models.PositiveSmallIntegerField()
    berkas = models.FileField(upload_to="workbook/unggahan/")
    nama_berkas = models.CharField(max_length=255)  # the name it was uploaded under
    sha256 = models.CharField(max_length=64)
    ukuran = models.PositiveIntegerField()
    # the dry run: {"galat": ["sheet!CELL: pesan", ...], "jumlah": {sheet: {created, updated, unchanged}}}
    hasil = models.JSONField(default=dict)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DIPERIKSA)
    # a large file's dry run or import runs in the task queue's worker: its latest job
    tugas = models.ForeignKey(
        "tugas.Tugas", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    dibuat = models.DateTimeField(auto_now_add=True)
    kedaluwarsa = models.DateTimeField()
    diterapkan = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("unggahan workbook")
        verbose_name_plural = _("unggahan workbook")
        ordering = ["-dibuat"]

    def __str__(self) -> str:
        return f"{self.nama_berkas} ({self.instansi_id}, {self.status})"
