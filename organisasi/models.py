"""Organisation: pemerintah daerah → instansi (perangkat daerah) → sub-unit; officials, staff, layanan."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tembolok import UMUM


def normalise_nip(value: str) -> str:
    """NIP as 18 digits (spaces and dots removed); see validate_nip."""
    return "".join(ch for ch in (value or "") if ch not in " .")


def validate_nip(value: str) -> None:
    """NIP (Nomor Induk Pegawai) has 18 digits (PP 11/2017 jo. Peraturan BKN 22/2007)."""
    digits = normalise_nip(value)
    if digits and (len(digits) != 18 or not digits.isdigit()):
        raise ValidationError(_("NIP harus 18 digit angka, bukan %(v)s"), params={"v": value}, code="nip")


class Pemda(models.Model):
    jalur_unit = UMUM

    class PeriodeRencanaAksi(models.TextChoices):
        TRIWULAN = "triwulan", _("Per triwulan")
        BULAN = "bulan", _("Per bulan")

    kode = models.SlugField(unique=True)
    nama = models.CharField(max_length=200)
    wajib_otp = models.BooleanField(
        _("wajib kode OTP"),
        default=False,
        help_text=_(
            "Admin pemda, evaluator dan pimpinan harus memasukkan kode dari aplikasi autentikator saat masuk"
        ),
    )
    # the logo printed on the pemda's documents (PNG or JPG, checked by content: dasar.unggahan)
    logo = models.FileField(_("logo"), upload_to="pemda/logo/", blank=True)
    # the default year of the top bar's year selector for a user who chose none (sakip.kerangka)
    tahun_berjalan = models.PositiveSmallIntegerField(_("tahun berjalan"), null=True, blank=True)
    # the period of the Rencana Aksi targets of the pemda's units (docs/rencana_aksi.md)
    periode_rencana_aksi = models.CharField(
        _("periode Rencana Aksi"),
        max_length=8,
        choices=PeriodeRencanaAksi.choices,
        default=PeriodeRencanaAksi.TRIWULAN,
        help_text=_("Target Rencana Aksi indikator PK diisi per triwulan atau per bulan"),
    )

    class Meta:
        verbose_name = _("pemerintah daerah")
        verbose_name_plural = _("pemerintah daerah")

    def __str__(self):
        return self.nama


class Instansi(models.Model):
    jalur_unit = UMUM

    class Jenis(models.TextChoices):
        KECAMATAN = "kecamatan", _("Kecamatan")
        DINAS = "dinas", _("Dinas")
        BADAN = "badan", _("Badan")
        KANTOR = "kantor", _("Kantor")
        SEKRETARIAT = "sekretariat", _("Sekretariat")
        LAINNYA = "lainnya", _("Lainnya")

    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="instansi")
    slug = models.SlugField(unique=True)
    nama = models.CharField(max_length=200)
    jenis = models.CharField(max_length=20, choices=Jenis.choices, default=Jenis.LAINNYA)
    kota = models.CharField(max_length=100, blank=True, help_text=_("Tempat penandatanganan dokumen"))
    alamat = models.CharField(max_length=300, blank=True)
    # a deactivated unit keeps all its data but is offered in no picker (unit switcher, roles)
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("instansi")
        verbose_name_plural = _("instansi")
        ordering = ["nama"]

    def __str__(self):
        return self.nama


class SubUnit(models.Model):
    jalur_unit = "instansi_id"

    class Jenis(models.TextChoices):
        KELURAHAN = "kelurahan", _("Kelurahan")
        SEKRETARIAT = "sekretariat", _("Sekretariat")
        BAGIAN = "bagian", _("Bagian")
        SEKSI = "seksi", _("Seksi")
        SUBBAGIAN = "subbagian", _("Subbagian")
        BIDANG = "bidang", _("Bidang")
        LAINNYA = "lainnya", _("Lainnya")

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="subunit")
    kode = models.SlugField()
    nama = models.CharField(max_length=200)
    jenis = models.CharField(max_length=20, choices=Jenis.choices, default=Jenis.LAINNYA)
    induk = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="anak")
    aktif = models.BooleanField(_("aktif"), default=True)  # deactivated: kept, offered in no picker

    class Meta:
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="subunit_unik")]
        ordering = ["instansi", "kode"]

    def __str__(self):
        return self.nama


class Pejabat(models.Model):
    """An official who signs (PK, LKIP). ``instansi`` is empty for the pemda's own (Wali Kota).
    ``kode`` is unique within the unit (or among the pemda's own officials)."""

    jalur_unit = "instansi_id"  # a pemda-level official (no unit) counts as UMUM

    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="pejabat")
    instansi = models.ForeignKey(
        Instansi, null=True, blank=True, on_delete=models.CASCADE, related_name="pejabat"
    )
    kode = models.SlugField()
    nama = models.CharField(max_length=200, blank=True)
    jabatan = models.CharField(max_length=200)
    pangkat_golongan = models.CharField(max_length=100, blank=True)
    nip = models.CharField(max_length=18, blank=True, validators=[validate_nip])
    aktif = models.BooleanField(_("aktif"), default=True)  # deactivated: kept (signed PKs name it)

    class Meta:
        verbose_name_plural = _("pejabat")
        # keyed per unit: two units of a pemda may each have a ``camat``; the pemda's own
        # officials (no instansi) are unique per pemda
        constraints = [
            models.UniqueConstraint(fields=["instansi", "kode"], name="pejabat_unik"),
            models.UniqueConstraint(
                fields=["pemda", "kode"], condition=Q(instansi__isnull=True), name="pejabat_pemda_unik"
            ),
        ]

    def __str__(self):
        return f"{self.nama or '(nama belum diisi)'} — {self.jabatan}"

    @property
    def nip_tampil(self) -> str:
        """NIP grouped as printed on documents: 19760913 199701 1 001."""
        n = self.nip
        return f"{n[:8]} {n[8:14]} {n[14]} {n[15:]}" if len(n) == 18 else n


PENDIDIKAN = ["sd", "smp", "sma", "d1", "d2", "d3", "d4", "s1", "s2", "s3"]


class Pegawai(models.Model):
    """Staff count by category and education (seed Tabel 1.1)."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="pegawai")
    tahun = models.PositiveSmallIntegerField()
    kategori = models.CharField(max_length=100)
    sd = models.PositiveIntegerField(default=0)
    smp = models.PositiveIntegerField(default=0)
    sma = models.PositiveIntegerField(default=0)
    d1 = models.PositiveIntegerField(default=0)
    d2 = models.PositiveIntegerField(default=0)
    d3 = models.PositiveIntegerField(default=0)
    d4 = models.PositiveIntegerField(default=0)
    s1 = models.PositiveIntegerField(default=0)
    s2 = models.PositiveIntegerField(default=0)
    s3 = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name_plural = _("pegawai")
        constraints = [models.UniqueConstraint(fields=["instansi", "tahun", "kategori"], name="pegawai_unik")]
        ordering = ["instansi", "tahun", "id"]

    @property
    def jumlah(self) -> int:
        return sum(getattr(self, f) for f in PENDIDIKAN)


class Layanan(models.Model):
    """A public service of the unit (seed: 7 layanan surveyed by the SKM)."""

    jalur_unit = "instansi_id"

    instansi = models.ForeignKey(Instansi, on_delete=models.CASCADE, related_name="layanan")
    kode = models.SlugField()
    nama = models.CharField(max_length=200)

    class Meta:
        verbose_name_plural = _("layanan")
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="layanan_unik")]
        ordering = ["instansi", "kode"]

    def __str__(self):
        return self.nama
