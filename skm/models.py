"""Survei Kepuasan Masyarakat (PermenPANRB 14/2017): per-period NRR summaries.

Summaries are what a unit has when its survey ran elsewhere (the seed's Sisukma
Tabel 3.3/3.4); the IKM is always computed from them by ``rumus.skm``.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tembolok import ABAIKAN

NRR = {"max_digits": 8, "decimal_places": 4}
UNSUR_LAMA = range(10, 15)  # u10..u14: only in the 14-unsur scheme (KepMenPAN 25/2004), else empty


class SkemaSKM(models.Model):
    """A survey scheme (``rumus.skm.Skema``): its unsur and mutu bands. The regulation's schemes
    are shipped by migration 0008 (``rumus.skm.SKEMA_BAWAAN``); a unit chooses one in its
    ``PengaturanSKM`` (none: the ``bawaan`` one, PermenPANRB 14/2017)."""

    jalur_unit = ABAIKAN  # shared by every unit

    kode = models.SlugField(max_length=40, unique=True)
    nama = models.CharField(max_length=100)
    bawaan = models.BooleanField(default=False)  # the scheme of a unit that chose none
    batas_a = models.DecimalField(max_digits=5, decimal_places=2)  # lowest IKM of mutu A
    batas_b = models.DecimalField(max_digits=5, decimal_places=2)
    batas_c = models.DecimalField(max_digits=5, decimal_places=2)

    class Meta:
        verbose_name = _("skema SKM")
        verbose_name_plural = _("skema SKM")
        ordering = ["-bawaan", "kode"]

    def __str__(self):
        return self.nama


class UnsurSKM(models.Model):
    jalur_unit = ABAIKAN  # part of a shared scheme

    skema = models.ForeignKey(SkemaSKM, on_delete=models.CASCADE, related_name="unsur")
    nomor = models.PositiveSmallIntegerField()
    nama = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("unsur SKM")
        verbose_name_plural = _("unsur SKM")
        ordering = ["skema", "nomor"]
        constraints = [models.UniqueConstraint(fields=["skema", "nomor"], name="unsur_skm_unik")]


class RingkasanNRR(models.Model):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="ringkasan_nrr"
    )
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
    u10 = models.DecimalField(**NRR, null=True, blank=True)
    u11 = models.DecimalField(**NRR, null=True, blank=True)
    u12 = models.DecimalField(**NRR, null=True, blank=True)
    u13 = models.DecimalField(**NRR, null=True, blank=True)
    u14 = models.DecimalField(**NRR, null=True, blank=True)
    responden = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("ringkasan NRR")
        verbose_name_plural = _("ringkasan NRR")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "periode", "layanan"], name="nrr_unik"),
            models.UniqueConstraint(
                fields=["instansi", "tahun", "periode"],
                condition=Q(layanan__isnull=True),
                name="nrr_unik_semua",
            ),
        ]

    @property
    def nrr(self):
        """NRR u1..u9, and u10..u14 when stored (the 14-unsur scheme)."""
        return [getattr(self, f"u{i}") for i in range(1, 10)] + [
            v for i in UNSUR_LAMA if (v := getattr(self, f"u{i}")) is not None
        ]


class PengaturanSKM(models.Model):
    """Per-unit survey settings: how periods combine into the year, and the expected
    service recipients per period (population for the sample size)."""

    jalur_unit = "instansi_id"

    class Metode(models.TextChoices):
        RATA_PERIODE = "rata-periode", _("rata-rata nilai periode")
        GABUNG_RESPONDEN = "gabung-responden", _("gabungan responden")

    class JenisPeriode(models.TextChoices):
        TRIWULAN = "TW", _("triwulan")
        SEMESTER = "S", _("semester")
        TAHUN = "TAHUN", _("tahun")

    instansi = models.OneToOneField(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="pengaturan_skm"
    )
    metode = models.CharField(max_length=20, choices=Metode.choices, default=Metode.RATA_PERIODE)
    jenis_periode = models.CharField(
        max_length=5, choices=JenisPeriode.choices, default=JenisPeriode.TRIWULAN
    )
    populasi_per_periode = models.PositiveIntegerField(null=True, blank=True)
    # the survey scheme of the unit's data (unsur, weight, bands); empty: the default scheme
    skema = models.ForeignKey(SkemaSKM, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("pengaturan SKM")
        verbose_name_plural = _("pengaturan SKM")


class PertanyaanSKM(models.Model):
    """A unit's wording of one unsur's question and its four answer labels. The meaning of
    the answers is fixed (1 = worst … 4 = best); only the words change. Units without a
    row use the regulation's wording (``skm.pertanyaan.BAKU``)."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="pertanyaan_skm"
    )
    unsur = models.PositiveSmallIntegerField()
    pertanyaan = models.TextField(max_length=500)
    label1 = models.CharField(max_length=80)
    label2 = models.CharField(max_length=80)
    label3 = models.CharField(max_length=80)
    label4 = models.CharField(max_length=80)

    class Meta:
        verbose_name = _("pertanyaan SKM")
        verbose_name_plural = _("pertanyaan SKM")
        ordering = ["instansi", "unsur"]
        constraints = [
            models.UniqueConstraint(fields=["instansi", "unsur"], name="pertanyaan_skm_unik"),
            models.CheckConstraint(
                condition=Q(unsur__gte=1) & Q(unsur__lte=9), name="pertanyaan_skm_unsur_1_9"
            ),
        ]

    @property
    def label(self) -> list[str]:
        return [self.label1, self.label2, self.label3, self.label4]


class ImporResponden(models.Model):
    """One batch of paper answers imported from a workbook (sheet ``skm_responden``) for a unit:
    a later batch adds to the earlier ones; replacing one removes exactly its answers."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="impor_responden"
    )
    nama_berkas = models.CharField(max_length=200, blank=True)
    sidik = models.CharField(
        max_length=64, blank=True
    )  # SHA-256 of its rows: the same file again is no new batch
    dibuat = models.DateTimeField(auto_now_add=True)
    oleh = models.ForeignKey("auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("impor responden SKM")
        verbose_name_plural = _("impor responden SKM")
        ordering = ["instansi", "dibuat", "id"]


class Responden(models.Model):
    """One respondent's answers (1..4) to the unit's scheme's unsur: u1..u9 (PermenPANRB 14/2017),
    u1..u14 in the older 14-unsur scheme (KepMenPAN 25/2004)."""

    jalur_unit = "instansi_id"
    jawaban_survei = True  # a new answer keeps the unit's "k" token (tembolok/__init__.py)

    class JenisKelamin(models.TextChoices):
        L = "L", _("Laki-laki")
        P = "P", _("Perempuan")

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="responden_skm"
    )
    layanan = models.ForeignKey("organisasi.Layanan", null=True, blank=True, on_delete=models.SET_NULL)
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=5)
    tanggal_layanan = models.DateField(null=True, blank=True)
    jenis_kelamin = models.CharField(max_length=1, choices=JenisKelamin.choices, blank=True)
    umur = models.PositiveSmallIntegerField(null=True, blank=True)
    pendidikan = models.CharField(max_length=40, blank=True)
    pekerjaan = models.CharField(max_length=60, blank=True)
    saran = models.TextField(max_length=2000, blank=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    klien = models.CharField(max_length=64, blank=True, db_index=True)
    # one-time token of the form view the answer was posted from: the same form posted twice (a
    # double click, a retry) is stored once, whatever the concurrency (the database's unique index)
    token = models.CharField(max_length=32, null=True, blank=True, unique=True)
    # the paper batch the answer was imported with (empty for answers posted online)
    impor = models.ForeignKey(
        ImporResponden, null=True, blank=True, on_delete=models.CASCADE, related_name="responden"
    )
    u1 = models.PositiveSmallIntegerField()
    u2 = models.PositiveSmallIntegerField()
    u3 = models.PositiveSmallIntegerField()
    u4 = models.PositiveSmallIntegerField()
    u5 = models.PositiveSmallIntegerField()
    u6 = models.PositiveSmallIntegerField()
    u7 = models.PositiveSmallIntegerField()
    u8 = models.PositiveSmallIntegerField()
    u9 = models.PositiveSmallIntegerField()
    u10 = models.PositiveSmallIntegerField(null=True, blank=True)
    u11 = models.PositiveSmallIntegerField(null=True, blank=True)
    u12 = models.PositiveSmallIntegerField(null=True, blank=True)
    u13 = models.PositiveSmallIntegerField(null=True, blank=True)
    u14 = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("responden SKM")
        verbose_name_plural = _("responden SKM")
        indexes = [models.Index(fields=["instansi", "tahun", "periode"], name="responden_unit_periode")]
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"u{i}__gte": 1}) & Q(**{f"u{i}__lte": 4}), name=f"responden_u{i}_1_4"
            )
            for i in range(1, 10)
        ] + [
            models.CheckConstraint(
                condition=Q(**{f"u{i}__isnull": True}) | (Q(**{f"u{i}__gte": 1}) & Q(**{f"u{i}__lte": 4})),
                name=f"responden_u{i}_1_4",
            )
            for i in UNSUR_LAMA
        ]


class BatasKiriman(models.Model):
    """How many answers a client (hash of its address, or a kiosk device) posted in one minute:
    the public questionnaire's rate limit, counted with one atomic UPDATE per post."""

    jalur_unit = ABAIKAN  # not shown on any dashboard

    kunci = models.CharField(max_length=64)
    jendela = models.DateTimeField()  # start of the minute
    jumlah = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("batas kiriman SKM")
        verbose_name_plural = _("batas kiriman SKM")
        constraints = [models.UniqueConstraint(fields=["kunci", "jendela"], name="batas_kiriman_unik")]


class PerangkatKios(models.Model):
    """A counter tablet on which the unit's staff turned on kiosk mode: its browser holds a signed
    cookie with ``kunci``, and answers posted from it have their own, higher rate limit
    (``SKM_KIOS_MAKS_PER_MENIT``) instead of sharing the office address's."""

    jalur_unit = ABAIKAN  # not shown on any dashboard

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="perangkat_kios"
    )
    nama = models.CharField(max_length=100)
    kunci = models.CharField(max_length=64, unique=True)
    aktif = models.BooleanField(default=True)
    dibuat = models.DateTimeField(auto_now_add=True)
    dibuat_oleh = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("perangkat kios SKM")
        verbose_name_plural = _("perangkat kios SKM")
        ordering = ["instansi", "-aktif", "dibuat", "id"]


class KolomJumlahJawaban(models.Model):
    """The running sums' columns, shared by ``JumlahJawaban`` and ``JumlahJawabanUnit`` (an
    abstract model: no table of its own, no column moved): respondents (``n``), Σ of each unsur's
    answers (``s1`` … ``s14``), and for the older scheme's optional unsur how many answered it
    (``n10`` … ``n14``)."""

    n = models.IntegerField(default=0)
    s1 = models.BigIntegerField(default=0)
    s2 = models.BigIntegerField(default=0)
    s3 = models.BigIntegerField(default=0)
    s4 = models.BigIntegerField(default=0)
    s5 = models.BigIntegerField(default=0)
    s6 = models.BigIntegerField(default=0)
    s7 = models.BigIntegerField(default=0)
    s8 = models.BigIntegerField(default=0)
    s9 = models.BigIntegerField(default=0)
    s10 = models.BigIntegerField(default=0)
    s11 = models.BigIntegerField(default=0)
    s12 = models.BigIntegerField(default=0)
    s13 = models.BigIntegerField(default=0)
    s14 = models.BigIntegerField(default=0)
    n10 = models.IntegerField(default=0)
    n11 = models.IntegerField(default=0)
    n12 = models.IntegerField(default=0)
    n13 = models.IntegerField(default=0)
    n14 = models.IntegerField(default=0)

    class Meta:
        abstract = True


class JumlahJawaban(KolomJumlahJawaban):
    """Running sums of the answers per unit, layanan, year and period: how many respondents
    (``n``), Σ of each unsur's answers (``s1`` … ``s14``) and, for the older scheme's optional unsur,
    how many answered it (``n10`` … ``n14``).

    Kept by the database itself: triggers on ``skm_responden`` (migration 0009, SQLite and
    PostgreSQL) add each inserted answer and subtract each deleted one in the same transaction,
    whatever wrote it (the public questionnaire, a paper-batch import, a batch replaced, the
    workbook, a restore, a cascade). No code writes these rows; the IKM of any set of units is
    read from them (``selectors.nrr_responden``), never from a scan of the answers. A derived
    store like ``tembolok``: not backed up (a restore rebuilds it through the same triggers);
    ``manage.py jumlah_skm`` compares it with a full recomputation (docs/skm.md).
    """

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.DO_NOTHING, db_constraint=False)
    # the layanan's id, 0 for answers without one (a unique key cannot hold NULL on both databases)
    layanan_kunci = models.PositiveIntegerField()
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=5)

    class Meta:
        verbose_name_plural = _("jumlah jawaban SKM")
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "periode", "layanan_kunci"], name="jumlah_jawaban_unik"
            )
        ]


class JumlahJawabanUnit(KolomJumlahJawaban):
    """The same running sums per unit, year and period over all its layanan (one row where
    ``JumlahJawaban`` has one per layanan): what the IKM of a unit is read from, without adding
    the layanan's rows up at every read (a national read asks for every unit's periods at once).

    Kept by the same triggers as ``JumlahJawaban``, in the same statement (migration 0010; the
    unit's row is written before its layanan's row, so two writers of one unit queue on the unit's
    row and never deadlock). Derived like ``JumlahJawaban``: not backed up, checked and rebuilt by
    ``manage.py jumlah_skm``.
    """

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.DO_NOTHING, db_constraint=False)
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=5)

    class Meta:
        verbose_name_plural = _("jumlah jawaban SKM per unit")
        constraints = [
            models.UniqueConstraint(fields=["instansi", "tahun", "periode"], name="jumlah_jawaban_unit_unik")
        ]


class JumlahTahunUnit(models.Model):
    """The running sums of a unit's year in one row, a group of columns per period: respondents
    (``n_<periode>``), Σ of their answers to u1 … u9 (``t_<periode>``: the IKM of a period of the
    9-unsur scheme needs only that sum, ``rumus.skm.ikm_dari_total``) and answers given to the
    older scheme's u10 … u14 (``l_<periode>``); ``n_lain`` counts answers of a period outside
    TW1 … TAHUN. What a comparison of many units reads (``selectors.nilai_ikm``: one row per unit,
    no grouping or ordering of period rows at each read).

    Kept by the same triggers as ``JumlahJawaban`` and ``JumlahJawabanUnit``, in the same statement
    (migration 0011; this row is written first, so two writers of one unit queue on it). Derived
    like them: not backed up, checked and rebuilt by ``manage.py jumlah_skm``.
    """

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.DO_NOTHING, db_constraint=False)
    tahun = models.PositiveSmallIntegerField()
    n_tw1 = models.IntegerField(default=0)
    n_tw2 = models.IntegerField(default=0)
    n_s1 = models.IntegerField(default=0)
    n_tw3 = models.IntegerField(default=0)
    n_tw4 = models.IntegerField(default=0)
    n_s2 = models.IntegerField(default=0)
    n_tahun = models.IntegerField(default=0)
    t_tw1 = models.BigIntegerField(default=0)
    t_tw2 = models.BigIntegerField(default=0)
    t_s1 = models.BigIntegerField(default=0)
    t_tw3 = models.BigIntegerField(default=0)
    t_tw4 = models.BigIntegerField(default=0)
    t_s2 = models.BigIntegerField(default=0)
    t_tahun = models.BigIntegerField(default=0)
    l_tw1 = models.IntegerField(default=0)
    l_tw2 = models.IntegerField(default=0)
    l_s1 = models.IntegerField(default=0)
    l_tw3 = models.IntegerField(default=0)
    l_tw4 = models.IntegerField(default=0)
    l_s2 = models.IntegerField(default=0)
    l_tahun = models.IntegerField(default=0)
    n_lain = models.IntegerField(default=0)

    class Meta:
        verbose_name_plural = _("jumlah jawaban SKM per unit dan tahun")
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun"], name="jumlah_tahun_unit_unik")]
