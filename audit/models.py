"""Audit trail: who changed what, when, old and new value."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tembolok import ABAIKAN


class Aksi(models.TextChoices):
    """What was done: the project's standard verbs. ``Jejak.keterangan`` says to what when the
    object's model does not (``unggah`` + ``bukti``, ``ubah`` + ``LHE``)."""

    BUAT = "buat", _("buat")
    UBAH = "ubah", _("ubah")
    HAPUS = "hapus", _("hapus")
    TAMBAH = "tambah", _("tambah")  # a child item added to a parent (evidence, a recommendation)
    SALIN = "salin", _("salin")  # copied into a new record
    AJUKAN = "ajukan", _("ajukan")
    VERIFIKASI = "verifikasi", _("verifikasi")
    KEMBALIKAN = "kembalikan", _("kembalikan")
    KUNCI = "kunci", _("kunci")
    TANDATANGANI = "tandatangani", _("tandatangani")
    UNGGAH = "unggah", _("unggah")
    IMPOR = "impor", _("impor")
    UNDUH = "unduh", _("unduh")  # a download of personal data
    NILAI = "nilai", _("nilai")  # the evaluator's score of a criterion
    MULAI = "mulai", _("mulai")  # the evaluator starts evaluating
    FINALKAN = "finalkan", _("finalkan")  # the evaluation is final
    TERBITKAN = "terbitkan", _("terbitkan")  # a document version issued (the LKIP)
    CABUT = "cabut", _("cabut")  # a credential revoked (an API token)


class Jejak(models.Model):
    """One audited change. Rows outlive what they describe: the object is named by label and id
    (no foreign key), and when the unit, pemda or user is removed the row keeps their names."""

    jalur_unit = ABAIKAN

    waktu = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    nama_pengguna = models.CharField(max_length=150, blank=True)  # kept when the user is removed
    instansi = models.ForeignKey("organisasi.Instansi", null=True, blank=True, on_delete=models.SET_NULL)
    nama_instansi = models.CharField(max_length=200, blank=True)  # kept when the unit is removed
    # the pemda the change belongs to: the unit's, or for rows without a unit (users, roles,
    # officials of the pemda itself) the row's or the admin's pemda; the pemda's audit search shows it
    pemda = models.ForeignKey("organisasi.Pemda", null=True, blank=True, on_delete=models.SET_NULL)
    objek = models.CharField(max_length=100)  # model label, e.g. pengukuran.Realisasi
    objek_id = models.CharField(max_length=40)
    aksi = models.CharField(max_length=30, choices=Aksi.choices)
    keterangan = models.CharField(max_length=100, blank=True)  # to what, e.g. "bukti", "LHE"
    field = models.CharField(max_length=100, blank=True)
    lama = models.TextField(blank=True)
    baru = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = _("jejak audit")
        ordering = ["-waktu", "-id"]
        indexes = [models.Index(fields=["objek", "objek_id"])]


def _teks(v) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        v = v.normalize()
        return f"{v:f}"
    return str(v)


def baris(user, aksi: Aksi, *, keterangan: str = "", instansi=None, pemda_id=None, **isi) -> Jejak:
    """One unsaved row with the user's and the unit's names kept; refuses an ``aksi`` outside ``Aksi``.
    The pemda is the unit's unless ``pemda_id`` names it (changes without a unit)."""
    if not isinstance(aksi, Aksi):
        raise ValueError(f"aksi audit harus audit.models.Aksi, bukan {aksi!r}")
    if pemda_id is None and instansi is not None:
        pemda_id = instansi.pemda_id
    pengguna = user if user and user.is_authenticated else None
    return Jejak(
        user=pengguna,
        nama_pengguna=pengguna.get_username() if pengguna else "",
        instansi=instansi,
        nama_instansi=instansi.nama if instansi is not None else "",
        pemda_id=pemda_id,
        aksi=aksi,
        keterangan=keterangan,
        **isi,
    )


def catat(
    user,
    obj,
    aksi: Aksi,
    perubahan: dict | None = None,
    instansi=None,
    pemda_id=None,
    *,
    keterangan: str = "",
) -> None:
    """Record an action (one of ``Aksi``; anything else is refused with ValueError);
    ``perubahan`` maps field → (old, new), one row per field; ``keterangan`` says to what when the
    model does not."""
    umum = {"objek": obj._meta.label, "objek_id": str(obj.pk)}
    rows = [
        baris(
            user,
            aksi,
            keterangan=keterangan,
            instansi=instansi,
            pemda_id=pemda_id,
            field=f,
            lama=_teks(a),
            baru=_teks(b),
            **umum,
        )
        for f, (a, b) in (perubahan or {}).items()
    ] or [baris(user, aksi, keterangan=keterangan, instansi=instansi, pemda_id=pemda_id, **umum)]
    Jejak.objects.bulk_create(rows)
