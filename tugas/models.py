import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tembolok import ABAIKAN


class Tugas(models.Model):
    """One piece of long work requested from the web and run by a worker of the task queue."""

    # Not dashboard data: saving a job must not drop the unit's stored dashboards (nor change the
    # data token its documents are keyed by).
    jalur_unit = ABAIKAN

    class Jenis(models.TextChoices):
        LKIP = "lkip", _("LKIP")
        PK = "pk", _("Perjanjian Kinerja")
        LHE = "lhe", _("Laporan Hasil Evaluasi")
        SKM = "skm", _("Laporan SKM")
        TERBITAN = "terbitan", _("Terbitan LKIP")  # issuing an LKIP version (laporan.services.terbitkan_lkip)
        REVIU = (
            "reviu",
            _("Reviu berkas LKIP"),
        )  # an uploaded LKIP file read and checked (laporan.ReviuBerkas)
        SKM_IMPOR = "skm_impor", _("Impor responden SKM")  # a large SKM upload imported (skm.tugas)
        WORKBOOK = "workbook", _("Unggahan workbook")  # a large workbook's dry run or import (workbook.tugas)
        POHON = "pohon", _("Pohon kinerja (PDF)")  # the unit's performance tree on A3 landscape (pohon.tugas)
        ESR = "esr", _("Paket dokumen ESR")  # the unit-year's ESR package ZIP (laporan.esr)

    class Status(models.TextChoices):
        ANTRI = "antri", _("Menunggu giliran")
        JALAN = "jalan", _("Sedang dikerjakan")
        SELESAI = "selesai", _("Selesai")
        GAGAL = "gagal", _("Gagal")

    AKTIF = (Status.ANTRI, Status.JALAN)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pemohon = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # whose job it is: a unit's (its pages under /unit/<slug>/tugas/) or, for a pemda-level
    # document (the pemda's performance tree), the pemda's (/pemda/<kode>/tugas/); exactly one
    instansi = models.ForeignKey(
        "organisasi.Instansi", null=True, blank=True, on_delete=models.CASCADE, related_name="tugas"
    )
    pemda = models.ForeignKey(
        "organisasi.Pemda", null=True, blank=True, on_delete=models.CASCADE, related_name="tugas"
    )
    jenis = models.CharField(max_length=16, choices=Jenis.choices)
    parameter = models.JSONField(default=dict)  # e.g. {"tahun": 2024, "fmt": "pdf"}
    # jenis + unit (or pemda) + parameters + its data token: the same request while this one is
    # waiting, running or finished (and kept) gets this job instead of a new one
    sidik = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.ANTRI)
    kemajuan = models.PositiveSmallIntegerField(default=0)  # percent
    id_antrian = models.CharField(max_length=64, blank=True)  # the task backend's result id
    berkas = models.CharField(max_length=255, blank=True)  # result file: its name in dasar.dokumen
    nama_berkas = models.CharField(max_length=255, blank=True)  # the name the download gets
    mime = models.CharField(max_length=100, blank=True)
    alasan_gagal = models.TextField(blank=True)  # why it failed, in Indonesian, shown to the user
    percobaan = models.PositiveSmallIntegerField(default=0)  # times a worker started it
    # the Task that runs it (its dotted path), so a job whose worker died can be enqueued again
    nama_tugas = models.CharField(max_length=200, blank=True)
    pekerja = models.CharField(max_length=100, blank=True)  # host:pid of the worker running it
    detak = models.DateTimeField(null=True, blank=True)  # the running worker's last heartbeat
    dibuat = models.DateTimeField(auto_now_add=True)
    mulai = models.DateTimeField(null=True, blank=True)
    selesai = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("tugas")
        verbose_name_plural = _("tugas")
        ordering = ["-dibuat"]
        constraints = [
            # at most one waiting or running job per key (two requests at once: one job)
            models.UniqueConstraint(
                fields=["sidik"], condition=Q(status__in=["antri", "jalan"]), name="tugas_aktif_unik"
            ),
            models.CheckConstraint(
                condition=Q(instansi__isnull=False, pemda__isnull=True)
                | Q(instansi__isnull=True, pemda__isnull=False),
                name="tugas_unit_atau_pemda",
            ),
        ]

    def __str__(self) -> str:
        pemilik = self.instansi_id if self.instansi_id else f"pemda {self.pemda_id}"
        return f"{self.get_jenis_display()} {pemilik} {self.parameter} ({self.status})"

    @property
    def aktif(self) -> bool:
        return self.status in self.AKTIF
