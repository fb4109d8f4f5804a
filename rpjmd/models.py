"""The pemda level of planning: the city's RPJMD (or the RPD of a transition period) →
misi → tujuan → sasaran → indikator with yearly targets, and the links (``Kontribusi``) from a
unit's Renstra tujuan or sasaran to the pemda sasaran it supports.

Every row here but ``Kontribusi`` is pemda-wide data (``jalur_unit = UMUM``: a change drops every
stored page, as for ``organisasi.Pemda``); a ``Kontribusi`` belongs to the supporting unit.
Perencanaan's models are named by string (this app sits below perencanaan in the layers and
never imports it).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from rumus.capaian import Polaritas
from tembolok import UMUM

NILAI = {"max_digits": 24, "decimal_places": 6}


class Rpjmd(models.Model):
    """The medium-term plan of a pemda: an RPJMD (five years, with the head of region's visi
    and misi) or an RPD (Rencana Pembangunan Daerah, the plan of a transition period without an
    elected head, e.g. the RPD Kota Bekasi 2024–2026)."""

    jalur_unit = UMUM

    class Jenis(models.TextChoices):
        RPJMD = "rpjmd", _("RPJMD — Rencana Pembangunan Jangka Menengah Daerah")
        RPD = "rpd", _("RPD — Rencana Pembangunan Daerah (masa transisi)")

    pemda = models.ForeignKey("organisasi.Pemda", on_delete=models.CASCADE, related_name="rpjmd")
    kode = models.SlugField(
        _("kode"),
        max_length=50,
        help_text=_("Kode singkat tanpa spasi, unik di pemda ini, contoh: rpd-2024-2026."),
    )
    jenis = models.CharField(
        _("jenis dokumen"),
        max_length=10,
        choices=Jenis.choices,
        default=Jenis.RPJMD,
        help_text=_(
            "RPJMD untuk lima tahun masa jabatan kepala daerah; RPD untuk masa transisi tanpa kepala "
            "daerah terpilih, contoh: RPD."
        ),
    )
    nama = models.CharField(
        _("nama dokumen"),
        max_length=300,
        help_text=_(
            "Judul dokumen seperti tertulis di peraturan daerahnya, contoh: RPD Kota Bekasi 2024-2026."
        ),
    )
    tahun_awal = models.PositiveSmallIntegerField(
        _("tahun awal"), help_text=_("Tahun pertama periode dokumen, contoh: 2024.")
    )
    tahun_akhir = models.PositiveSmallIntegerField(
        _("tahun akhir"), help_text=_("Tahun terakhir periode dokumen, contoh: 2026.")
    )
    visi = models.TextField(
        _("visi"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Visi kepala daerah (RPJMD); boleh kosong untuk RPD, contoh: Bekasi Kota Kreatif, "
            "Sejahtera dan Berkelanjutan."
        ),
    )

    class Meta:
        verbose_name = _("RPJMD/RPD")
        verbose_name_plural = _("RPJMD/RPD")
        ordering = ["pemda", "-tahun_awal", "kode"]
        constraints = [models.UniqueConstraint(fields=["pemda", "kode"], name="rpjmd_unik")]

    def __str__(self):
        return self.nama

    def tahun(self):
        return range(self.tahun_awal, self.tahun_akhir + 1)

    def clean(self):
        if self.tahun_awal and self.tahun_akhir:
            if self.tahun_akhir < self.tahun_awal:
                raise ValidationError({"tahun_akhir": _("Tahun akhir tidak boleh sebelum tahun awal.")})
            if self.tahun_akhir - self.tahun_awal > 9:
                raise ValidationError({"tahun_akhir": _("Periode paling lama 10 tahun.")})


class Urutan(models.Model):
    """What the items of a plan share: their place among their siblings (``urutan``, smaller
    first, then ``kode``)."""

    urutan = models.PositiveIntegerField(
        _("urutan"),
        default=0,
        help_text=_("Posisi di antara yang setingkat (angka kecil lebih dulu), contoh: 1."),
    )

    class Meta:
        abstract = True


class Misi(Urutan):
    jalur_unit = UMUM

    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="misi")
    kode = models.CharField(
        _("kode"), max_length=30, help_text=_("Kode singkat, unik dalam dokumen ini, contoh: M1.")
    )
    uraian = models.TextField(
        _("uraian misi"),
        max_length=1000,
        help_text=_(
            "Upaya umum untuk mewujudkan visi, contoh: Mewujudkan tata kelola pemerintahan yang baik."
        ),
    )

    class Meta:
        verbose_name = _("misi")
        verbose_name_plural = _("misi")
        ordering = ["rpjmd", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["rpjmd", "kode"], name="rpjmd_misi_unik")]

    def __str__(self):
        return self.uraian


class TujuanPemda(Urutan):
    jalur_unit = UMUM

    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="tujuan")
    misi = models.ForeignKey(
        Misi,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tujuan",
        verbose_name=_("misi"),
        help_text=_("Misi yang diwujudkan tujuan ini; kosong bila dokumen tanpa misi (RPD), contoh: M1."),
    )
    kode = models.CharField(
        _("kode"), max_length=30, help_text=_("Kode singkat, unik dalam dokumen ini, contoh: T1.")
    )
    uraian = models.TextField(
        _("uraian tujuan"),
        max_length=1000,
        help_text=_(
            "Kondisi yang hendak dicapai daerah dalam periode dokumen, contoh: Meningkatnya kualitas "
            "tata kelola pemerintahan."
        ),
    )

    class Meta:
        verbose_name = _("tujuan pemda")
        verbose_name_plural = _("tujuan pemda")
        ordering = ["rpjmd", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["rpjmd", "kode"], name="rpjmd_tujuan_unik")]

    def __str__(self):
        return self.uraian


class SasaranPemda(Urutan):
    jalur_unit = UMUM

    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="sasaran")
    tujuan = models.ForeignKey(
        TujuanPemda,
        on_delete=models.CASCADE,
        related_name="sasaran",
        verbose_name=_("tujuan pemda"),
        help_text=_("Tujuan daerah yang didukung sasaran ini, contoh: T1."),
    )
    kode = models.CharField(
        _("kode"), max_length=30, help_text=_("Kode singkat, unik dalam dokumen ini, contoh: S1.1.")
    )
    uraian = models.TextField(
        _("uraian sasaran"),
        max_length=1000,
        help_text=_(
            "Hasil yang hendak dicapai daerah, terukur dengan indikatornya, contoh: Meningkatnya "
            "kualitas pelayanan publik."
        ),
    )

    class Meta:
        verbose_name = _("sasaran pemda")
        verbose_name_plural = _("sasaran pemda")
        ordering = ["rpjmd", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["rpjmd", "kode"], name="rpjmd_sasaran_unik")]

    def __str__(self):
        return self.uraian


class IndikatorPemda(Urutan):
    """An indicator of a pemda tujuan or sasaran. Its polarity follows the unit indicators'
    convention (``rumus.capaian.Polaritas``; a range indicator has an upper bound per year)."""

    jalur_unit = UMUM

    class Level(models.TextChoices):
        TUJUAN = "tujuan", _("Tujuan")
        SASARAN = "sasaran", _("Sasaran")

    POLARITAS = [
        (Polaritas.POSITIF.value, _("Positif — makin tinggi makin baik (contoh: IKM)")),
        (Polaritas.NEGATIF.value, _("Negatif — makin rendah makin baik (contoh: jumlah pengaduan)")),
        (Polaritas.RENTANG.value, _("Rentang — baik bila di antara target dan batas atasnya")),
    ]

    rpjmd = models.ForeignKey(Rpjmd, on_delete=models.CASCADE, related_name="indikator")
    level = models.CharField(
        _("tingkat"),
        max_length=10,
        choices=Level.choices,
        help_text=_(
            "Indikator tujuan mengukur tujuan daerah, indikator sasaran mengukur sasaran; contoh: Sasaran."
        ),
    )
    tujuan = models.ForeignKey(
        TujuanPemda,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name=_("tujuan pemda"),
        help_text=_("Untuk indikator tingkat tujuan: tujuan yang diukurnya, contoh: T1."),
    )
    sasaran = models.ForeignKey(
        SasaranPemda,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name=_("sasaran pemda"),
        help_text=_("Untuk indikator tingkat sasaran: sasaran yang diukurnya, contoh: S1.1."),
    )
    kode = models.CharField(
        _("kode"), max_length=30, help_text=_("Kode singkat, unik dalam dokumen ini, contoh: IKS1.1.")
    )
    nama = models.CharField(
        _("nama indikator"),
        max_length=400,
        help_text=_("Apa yang diukur, contoh: Indeks Kepuasan Masyarakat Kota Bekasi."),
    )
    satuan = models.CharField(
        _("satuan"), max_length=50, help_text=_("Satuan nilai target, contoh: %, nilai, indeks.")
    )
    polaritas = models.CharField(
        _("polaritas"),
        max_length=10,
        choices=POLARITAS,
        default=Polaritas.POSITIF.value,
        help_text=_(
            "Arah yang baik: positif — makin tinggi makin baik; negatif — makin rendah makin baik; "
            "rentang — baik bila di antara dua batas; contoh: positif."
        ),
    )
    formulasi = models.TextField(
        _("formulasi"),
        max_length=2000,
        blank=True,
        help_text=_("Cara menghitung nilainya, contoh: jumlah responden puas ÷ jumlah responden × 100 %."),
    )

    class Meta:
        verbose_name = _("indikator pemda")
        verbose_name_plural = _("indikator pemda")
        ordering = ["rpjmd", "urutan", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["rpjmd", "kode"], name="rpjmd_indikator_unik"),
            models.CheckConstraint(
                condition=(Q(level="tujuan", tujuan__isnull=False, sasaran__isnull=True))
                | (Q(level="sasaran", sasaran__isnull=False, tujuan__isnull=True)),
                name="rpjmd_indikator_induk",
            ),
        ]

    def __str__(self):
        return self.nama

    @property
    def induk(self):
        return self.tujuan if self.level == self.Level.TUJUAN else self.sasaran

    def clean(self):
        if self.level == self.Level.TUJUAN and (not self.tujuan_id or self.sasaran_id):
            raise ValidationError(_("Indikator tingkat tujuan harus punya tujuan pemda (dan tanpa sasaran)."))
        if self.level == self.Level.SASARAN and (not self.sasaran_id or self.tujuan_id):
            raise ValidationError(
                _("Indikator tingkat sasaran harus punya sasaran pemda (dan tanpa tujuan).")
            )


class TargetPemda(models.Model):
    """The target of a pemda indicator for one year of its plan (``nilai_atas``: the upper bound
    of a range indicator)."""

    jalur_unit = UMUM

    indikator = models.ForeignKey(IndikatorPemda, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nilai = models.DecimalField(_("target"), **NILAI)
    nilai_atas = models.DecimalField(_("batas atas"), null=True, blank=True, **NILAI)

    class Meta:
        verbose_name = _("target indikator pemda")
        verbose_name_plural = _("target indikator pemda")
        ordering = ["indikator", "tahun"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="rpjmd_target_unik")]


class Kontribusi(models.Model):
    """A unit's Renstra tujuan or sasaran supports a pemda sasaran, with what it contributes named
    (``uraian``). Several units may support one pemda sasaran (a crosscutting sasaran); one unit
    item may support several pemda sasaran. Exactly one of ``tujuan`` / ``sasaran`` is set, and it
    belongs to ``instansi``, a unit of the plan's pemda (``rpjmd.services``)."""

    jalur_unit = "instansi_id"

    sasaran_pemda = models.ForeignKey(
        SasaranPemda,
        on_delete=models.PROTECT,
        related_name="kontribusi",
        verbose_name=_("sasaran pemda"),
        help_text=_("Sasaran RPJMD/RPD yang didukung, contoh: S1.1."),
    )
    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="kontribusi_pemda"
    )
    tujuan = models.ForeignKey(
        "perencanaan.Tujuan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="kontribusi_pemda",
        verbose_name=_("tujuan unit"),
    )
    sasaran = models.ForeignKey(
        "perencanaan.Sasaran",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="kontribusi_pemda",
        verbose_name=_("sasaran unit"),
    )
    uraian = models.TextField(
        _("kontribusi"),
        max_length=1000,
        help_text=_(
            "Apa yang disumbangkan tujuan/sasaran unit ini kepada sasaran pemda, contoh: pelayanan "
            "administrasi kecamatan yang cepat dan tepat waktu."
        ),
    )

    class Meta:
        verbose_name = _("kontribusi pada sasaran pemda")
        verbose_name_plural = _("kontribusi pada sasaran pemda")
        ordering = ["sasaran_pemda", "instansi", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(tujuan__isnull=False, sasaran__isnull=True))
                | (Q(tujuan__isnull=True, sasaran__isnull=False)),
                name="rpjmd_kontribusi_satu_induk",
            ),
            models.UniqueConstraint(
                fields=["sasaran_pemda", "tujuan"],
                condition=Q(tujuan__isnull=False),
                name="rpjmd_kontribusi_tujuan_unik",
            ),
            models.UniqueConstraint(
                fields=["sasaran_pemda", "sasaran"],
                condition=Q(sasaran__isnull=False),
                name="rpjmd_kontribusi_sasaran_unik",
            ),
        ]

    def __str__(self):
        return self.uraian

    @property
    def unsur(self):
        """The unit's tujuan or sasaran that contributes."""
        return self.tujuan if self.tujuan_id else self.sasaran
