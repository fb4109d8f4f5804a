from django.conf import settings
from django.db import models

from tembolok import ABAIKAN


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


class TerbitanLKIP(models.Model):
    """One issued version of a unit's LKIP for a year (``laporan.services.terbitkan_lkip``).

    ``isi_beku`` is the frozen document content (``laporan.terbitan.ke_isi``, with the version's
    number and date), ``sha256`` its SHA-256 (``dasar.sidik.sidik``), printed on the cover's back
    page. The DOCX and PDF rendered from it are stored files (under ``DOKUMEN_ROOT``) with their own
    SHA-256; they are written once and never regenerated. ``perubahan``: the changes from the
    previous version (``laporan.terbitan.perubahan``); ``galat_reviu``: the number of reviu errors
    the issuer acknowledged."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.PROTECT, related_name="terbitan_lkip"
    )
    tahun = models.PositiveSmallIntegerField()
    nomor = models.PositiveSmallIntegerField()
    waktu = models.DateTimeField()
    oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nama_pengguna = models.CharField(max_length=150)  # kept when the user is removed
    isi_beku = models.JSONField()
    sha256 = models.CharField(max_length=64)
    berkas_docx = models.CharField(max_length=255)  # its name in the documents storage (dasar.dokumen)
    sha256_docx = models.CharField(max_length=64)
    berkas_pdf = models.CharField(max_length=255)
    sha256_pdf = models.CharField(max_length=64)
    perubahan = models.JSONField(default=list)
    galat_reviu = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "nomor"], name="terbitanlkip_unik")
        ]
        ordering = ["instansi", "tahun", "-nomor"]
        verbose_name = "terbitan LKIP"
        verbose_name_plural = "terbitan LKIP"

    def __str__(self) -> str:
        return f"LKIP {self.instansi} {self.tahun} versi {self.nomor}"

    @property
    def tanggal(self):
        """The date of issue (local time), as printed on the cover's back page."""
        from django.utils import timezone

        return timezone.localdate(self.waktu)


class ReviuBerkas(models.Model):
    """An LKIP/LKjIP file made elsewhere, uploaded for its reviu (``laporan.services.unggah_berkas_reviu``)
    by the unit or its Inspektorat. The file is kept under ``DOKUMEN_ROOT`` (``berkas``, with its
    SHA-256); the worker of the task queue reads it (``laporan.reviu_dokumen``) and stores the
    findings in Indonesian (``temuan``: level, where, message, printed, recomputed) and the
    printable sheet as the job's file (``tugas``)."""

    # not dashboard data: an uploaded file's reviu changes no figure of the unit
    jalur_unit = ABAIKAN

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="reviu_berkas")
    pengunggah = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    nama_berkas = models.CharField(max_length=255)  # the uploaded file's name, as the user knows it
    jenis = models.CharField(max_length=4)  # pdf | docx | txt (judged from the content)
    ukuran = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    berkas = models.CharField(max_length=255)  # its name in the documents storage (dasar.dokumen)
    tugas = models.ForeignKey(
        "tugas.Tugas", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    temuan = models.JSONField(null=True, blank=True)  # None until the worker has read the file
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-dibuat", "-id"]
        verbose_name = "reviu berkas LKIP"
        verbose_name_plural = "reviu berkas LKIP"

    def __str__(self) -> str:
        return f"{self.nama_berkas} ({self.instansi})"
