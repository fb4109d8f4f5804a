"""Roles held per instansi (or per pemda) and login attempts for throttling."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tembolok import ABAIKAN


class Peran(models.Model):
    jalur_unit = ABAIKAN

    class Jenis(models.TextChoices):
        OPERATOR = "operator", _("Operator")  # enters data
        PIMPINAN = "pimpinan", _("Pimpinan")  # approves, signs
        EVALUATOR = "evaluator", _("Evaluator")  # Inspektorat: reads, comments, scores
        ADMIN_PEMDA = "admin_pemda", _("Admin pemda")  # manages units, users, templates
        VIEWER = "viewer", _("Pembaca")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="peran")
    jenis = models.CharField(max_length=20, choices=Jenis.choices)
    instansi = models.ForeignKey("organisasi.Instansi", null=True, blank=True, on_delete=models.CASCADE)
    pemda = models.ForeignKey(
        "organisasi.Pemda",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        help_text=_("Untuk peran di seluruh unit satu pemda (admin_pemda, evaluator)"),
    )

    class Meta:
        verbose_name_plural = _("peran")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(instansi__isnull=False, pemda__isnull=True)
                    | Q(instansi__isnull=True, pemda__isnull=False)
                ),
                name="peran_satu_lingkup",
            ),
            models.UniqueConstraint(fields=["user", "jenis", "instansi", "pemda"], name="peran_unik"),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_jenis_display()} — {self.instansi or self.pemda}"


class PercobaanMasuk(models.Model):
    """Failed login attempts, for lockout after repeated failures (shared by all workers)."""

    jalur_unit = ABAIKAN

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    waktu = models.DateTimeField(auto_now_add=True, db_index=True)


class Profil(models.Model):
    """Account facts Django's user has no field for."""

    jalur_unit = ABAIKAN

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profil")
    pemda = models.ForeignKey(
        "organisasi.Pemda",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        help_text=_("Pemda yang admin-nya membuat akun ini (sebelum akun diberi peran)"),
    )
    harus_ganti_sandi = models.BooleanField(
        default=False, help_text=_("Akun harus mengganti kata sandinya sebelum memakai aplikasi")
    )
    tahun = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Tahun yang dipilih pengguna di bilah atas (diingat antarsesi)")
    )
    email_pengingat = models.BooleanField(
        default=True,
        help_text=_("Kirim pengingat juga lewat e-mail (pengingat tetap tampil di aplikasi)"),
    )

    class Meta:
        verbose_name_plural = _("profil")

    def __str__(self):
        return str(self.user)


class RiwayatMasuk(models.Model):
    """One login attempt: who, when, from where, with what browser, and whether it succeeded."""

    jalur_unit = ABAIKAN

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="riwayat_masuk",
    )
    username = models.CharField(max_length=150)
    waktu = models.DateTimeField(auto_now_add=True, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    berhasil = models.BooleanField()
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = _("riwayat masuk")
        ordering = ["-waktu", "-id"]
