"""Evaluation results (AKIP per PermenPANRB 88/2021, Zona Integritas per 90/2021).

This holds component scores of an evaluation done outside the system (the LHE);
the total and predikat are computed by ``rumus.evaluasi``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from dasar.galat import Ditolak
from tembolok import UMUM


class JenisEvaluasi(models.TextChoices):
    AKIP = "akip", _("Evaluasi AKIP")
    ZI = "zi", _("Zona Integritas")


class NilaiKomponen(models.Model):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="nilai_evaluasi"
    )
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
            models.UniqueConstraint(
                fields=["instansi", "tahun", "jenis", "komponen"], name="nilai_komponen_unik"
            )
        ]


# --- LKE: templates as data ----------------------------------------------------------------


class TemplatBeku(Ditolak):
    """A template in use by a submitted evaluation cannot be changed."""


class TemplatEvaluasi(models.Model):
    """An evaluation worksheet template: komponen → sub-komponen → kriteria with weights.

    ``pemda`` empty = shipped with the system (PermenPANRB 88/2021, 90/2021); a pemda's admin
    copies one (``induk``) and adapts it for a year. Frozen once a non-draft evaluation uses it.
    """

    jalur_unit = UMUM

    jenis = models.CharField(max_length=5, choices=JenisEvaluasi.choices)
    nama = models.CharField(max_length=200)
    dasar_hukum = models.CharField(max_length=200, blank=True)
    tahun = models.PositiveSmallIntegerField(help_text=_("berlaku mulai tahun"))
    pemda = models.ForeignKey(
        "organisasi.Pemda", null=True, blank=True, on_delete=models.CASCADE, related_name="templat_evaluasi"
    )
    induk = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="salinan"
    )
    keterangan = models.TextField(max_length=2000, blank=True)

    class Meta:
        verbose_name = _("templat evaluasi")
        verbose_name_plural = _("templat evaluasi")
        ordering = ["jenis", "-tahun", "id"]

    def __str__(self):
        return f"{self.nama} ({self.tahun})"

    @property
    def beku(self) -> bool:
        return self.pk is not None and self.evaluasi.exclude(status=StatusEvaluasi.DRAFT).exists()

    def cek_tidak_beku(self):
        if self.beku:
            raise TemplatBeku(
                _(
                    "Templat ini dipakai evaluasi yang sudah diajukan dan tidak dapat diubah; "
                    "salin untuk membuat versi baru."
                )
            )

    def save(self, *args, **kwargs):
        self.cek_tidak_beku()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.cek_tidak_beku()
        return super().delete(*args, **kwargs)


class _BagianTemplat(models.Model):
    """Parts of a template refuse changes once the template is frozen."""

    class Meta:
        abstract = True

    def _templat(self) -> TemplatEvaluasi:  # pragma: no cover - overridden
        raise NotImplementedError

    def save(self, *args, **kwargs):
        self._templat().cek_tidak_beku()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._templat().cek_tidak_beku()
        return super().delete(*args, **kwargs)


class Komponen(_BagianTemplat):
    jalur_unit = UMUM

    class Kelompok(models.TextChoices):
        UMUM = "", _("-")
        PENGUNGKIT = "pengungkit", _("Pengungkit")
        HASIL = "hasil", _("Hasil")

    templat = models.ForeignKey(TemplatEvaluasi, on_delete=models.CASCADE, related_name="komponen")
    no = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=200)
    bobot = models.DecimalField(max_digits=8, decimal_places=4)
    kelompok = models.CharField(max_length=12, choices=Kelompok.choices, blank=True, default="")

    class Meta:
        ordering = ["templat", "no", "id"]
        verbose_name_plural = _("komponen")

    def __str__(self):
        return self.nama

    def _templat(self):
        return self.templat


class SubKomponen(_BagianTemplat):
    jalur_unit = UMUM

    komponen = models.ForeignKey(Komponen, on_delete=models.CASCADE, related_name="sub")
    no = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=200)
    bobot = models.DecimalField(max_digits=8, decimal_places=4)

    class Meta:
        ordering = ["komponen", "no", "id"]
        verbose_name_plural = _("sub-komponen")

    def __str__(self):
        return self.nama

    def _templat(self):
        return self.komponen.templat


class JenisJawaban(models.TextChoices):
    YT = "yt", _("Ya/Tidak")
    ABCDE = "abcde", _("A/B/C/D/E")
    ANGKA = "angka", _("Angka")


class Kriteria(_BagianTemplat):
    jalur_unit = UMUM

    sub = models.ForeignKey(SubKomponen, on_delete=models.CASCADE, related_name="kriteria")
    no = models.PositiveSmallIntegerField()
    uraian = models.TextField(max_length=2000)
    jenis_jawaban = models.CharField(max_length=6, choices=JenisJawaban.choices, default=JenisJawaban.ABCDE)
    bobot = models.DecimalField(max_digits=8, decimal_places=4)
    nilai_maks = models.DecimalField(
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("untuk jawaban angka: nilai yang setara 100 %"),
    )
    panduan = models.TextField(max_length=5000, blank=True)

    class Meta:
        ordering = ["sub", "no", "id"]
        verbose_name_plural = _("kriteria")

    def __str__(self):
        return self.uraian[:80]

    def _templat(self):
        return self.sub.komponen.templat


# --- An evaluation of a unit for a year ---------------------------------------------------


class StatusEvaluasi(models.TextChoices):
    DRAFT = "draft", _("Draf")
    DIAJUKAN = "diajukan", _("Diajukan unit")
    DIEVALUASI = "dievaluasi", _("Sedang dievaluasi")
    FINAL = "final", _("Final")


class EvaluasiFinal(Ditolak):
    """A final evaluation cannot be changed by anyone."""


class Evaluasi(models.Model):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="evaluasi_lke")
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=5, choices=JenisEvaluasi.choices)
    templat = models.ForeignKey(TemplatEvaluasi, on_delete=models.PROTECT, related_name="evaluasi")
    status = models.CharField(max_length=10, choices=StatusEvaluasi.choices, default=StatusEvaluasi.DRAFT)
    kekuatan = models.TextField(max_length=10000, blank=True)
    kelemahan = models.TextField(max_length=10000, blank=True)
    evaluator = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    difinalkan_pada = models.DateTimeField(null=True, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    # what the LHE of the final evaluation shows, stored when it is finalised (laporan.lhe.isi_lhe), and the
    # SHA-256 of its canonical serialisation (dasar.sidik.sidik); empty before
    isi_beku = models.JSONField(null=True, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name_plural = _("evaluasi")
        ordering = ["-tahun", "jenis", "instansi"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "jenis"], name="evaluasi_lke_unik")
        ]

    def __str__(self):
        return f"{self.get_jenis_display()} {self.instansi} {self.tahun}"

    @property
    def final(self) -> bool:
        return self.status == StatusEvaluasi.FINAL

    def save(self, *args, **kwargs):
        # Once final in the database, the row itself is locked (services check first; this is the backstop).
        if self.pk and Evaluasi.objects.filter(pk=self.pk, status=StatusEvaluasi.FINAL).exists():
            raise EvaluasiFinal(_("Evaluasi sudah final dan tidak dapat diubah."))
        super().save(*args, **kwargs)


class _BagianEvaluasi(models.Model):
    class Meta:
        abstract = True

    def _evaluasi_id(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def _cek(self):
        if Evaluasi.objects.filter(pk=self._evaluasi_id(), status=StatusEvaluasi.FINAL).exists():
            raise EvaluasiFinal(_("Evaluasi sudah final dan tidak dapat diubah."))

    def save(self, *args, **kwargs):
        self._cek()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._cek()
        return super().delete(*args, **kwargs)


class Jawaban(_BagianEvaluasi):
    jalur_unit = "evaluasi__instansi_id"

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="jawaban")
    kriteria = models.ForeignKey(Kriteria, on_delete=models.PROTECT, related_name="+")
    usulan = models.CharField(max_length=20, blank=True)
    catatan = models.TextField(max_length=5000, blank=True)
    penetapan = models.CharField(max_length=20, blank=True)
    komentar = models.TextField(max_length=5000, blank=True)
    # the unit marks a criterion that does not apply to it instead of answering it, with the reason
    # (an LKE is submitted only when every criterion is answered or so marked)
    tidak_relevan = models.BooleanField(_("tidak relevan"), default=False)
    alasan_tidak_relevan = models.TextField(_("alasan tidak relevan"), max_length=2000, blank=True)

    class Meta:
        verbose_name_plural = _("jawaban")
        constraints = [models.UniqueConstraint(fields=["evaluasi", "kriteria"], name="jawaban_unik")]

    def _evaluasi_id(self):
        return self.evaluasi_id


class JenisTautan(models.TextChoices):
    UNGGAH = "unggah", _("Berkas diunggah")
    RENSTRA = "renstra", _("Renstra")
    PK = "pk", _("Perjanjian Kinerja")
    LKIP = "lkip", _("LKIP")
    BUKTI = "bukti", _("Bukti realisasi")


class BuktiEvaluasi(_BagianEvaluasi):
    """Evidence of an answer: a document already in the system, or an upload (type checked by content)."""

    jalur_unit = "jawaban__evaluasi__instansi_id"

    jawaban = models.ForeignKey(Jawaban, on_delete=models.CASCADE, related_name="bukti")
    jenis = models.CharField(max_length=8, choices=JenisTautan.choices)
    objek_id = models.PositiveIntegerField(null=True, blank=True, help_text=_("Renstra/PK/Bukti realisasi"))
    tahun = models.PositiveSmallIntegerField(null=True, blank=True, help_text=_("LKIP"))
    berkas = models.FileField(upload_to="evaluasi/%Y/", blank=True)
    nama_asli = models.CharField(max_length=255, blank=True)
    jenis_berkas = models.CharField(max_length=10, blank=True)
    ukuran = models.PositiveIntegerField(default=0)
    diunggah_oleh = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")
    diunggah_pada = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = _("bukti evaluasi")

    def _evaluasi_id(self):
        return self.jawaban.evaluasi_id


class StatusTindakLanjut(models.TextChoices):
    TERBUKA = "terbuka", _("Terbuka")
    PROSES = "proses", _("Dalam proses")
    SELESAI = "selesai", _("Selesai (dengan bukti)")
    DITERIMA = "diterima", _("Diterima evaluator")


class Rekomendasi(models.Model):
    """A recommendation of the LHE and its follow-up (tindak lanjut).

    The text is part of the evaluation (locked when final); the follow-up fields keep moving after it.
    """

    jalur_unit = "evaluasi__instansi_id"

    evaluasi = models.ForeignKey(Evaluasi, on_delete=models.CASCADE, related_name="rekomendasi")
    no = models.PositiveSmallIntegerField()
    uraian = models.TextField(max_length=2000)
    penanggung_jawab = models.CharField(max_length=200)
    batas_waktu = models.DateField()
    status = models.CharField(
        max_length=10, choices=StatusTindakLanjut.choices, default=StatusTindakLanjut.TERBUKA
    )
    tindak_lanjut = models.TextField(max_length=5000, blank=True)
    berkas = models.FileField(upload_to="tindak_lanjut/%Y/", blank=True)
    nama_berkas = models.CharField(max_length=255, blank=True)
    jenis_berkas = models.CharField(max_length=10, blank=True)
    diubah_pada = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = _("rekomendasi")
        ordering = ["evaluasi", "no", "id"]

    def __str__(self):
        return self.uraian[:80]

    TEKS = ("evaluasi_id", "no", "uraian", "penanggung_jawab", "batas_waktu")

    def save(self, *args, **kwargs):
        # The recommendation itself belongs to the evaluation: fixed once final (follow-up fields move on).
        if Evaluasi.objects.filter(pk=self.evaluasi_id, status=StatusEvaluasi.FINAL).exists():
            lama = Rekomendasi.objects.filter(pk=self.pk).values(*self.TEKS).first() if self.pk else None
            if lama is None or any(lama[f] != getattr(self, f) for f in self.TEKS):
                raise EvaluasiFinal(_("Evaluasi sudah final: rekomendasi tidak dapat diubah."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if Evaluasi.objects.filter(pk=self.evaluasi_id, status=StatusEvaluasi.FINAL).exists():
            raise EvaluasiFinal(_("Evaluasi sudah final: rekomendasi tidak dapat dihapus."))
        return super().delete(*args, **kwargs)

    @property
    def tertutup(self) -> bool:
        return self.status in (StatusTindakLanjut.SELESAI, StatusTindakLanjut.DITERIMA)

    def terlambat(self, hari_ini=None) -> bool:
        from django.utils import timezone

        hari_ini = hari_ini or timezone.localdate()
        return (
            self.status in (StatusTindakLanjut.TERBUKA, StatusTindakLanjut.PROSES)
            and self.batas_waktu < hari_ini
        )
