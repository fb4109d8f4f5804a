"""Admin of the audit log, and the mixin that makes every other admin page record its changes."""

from django.contrib import admin

from akun import izin
from sakip.admin_site import Terbatas

from .models import Aksi, Jejak, catat


def _instansi(obj):
    """The unit a row belongs to (direct or through its parents: the model's ``jalur_unit``)."""
    from organisasi.models import Instansi
    from tembolok.selectors import instansi_id_dari, jalur_ke_unit

    if isinstance(obj, Instansi):
        return obj
    if jalur_ke_unit(type(obj)) is None:  # e.g. a role: its unit if it has one
        ins = getattr(obj, "instansi", None)
        return ins if isinstance(ins, Instansi) else None
    iid = instansi_id_dari(obj)
    return Instansi.objects.filter(pk=iid).first() if iid else None


def _pemda(request, obj, instansi):
    """The pemda of an admin change: the unit's, else the row's, else the admin's own."""
    if instansi is not None:
        return instansi.pemda_id
    pid = izin.pemda_baris(obj)
    if pid is None:
        milik = sorted(izin.pemda_dikelola(request.user))
        pid = milik[0] if len(milik) == 1 else None
    return pid


def catat_admin(request, obj, aksi, perubahan):
    ins = _instansi(obj)
    catat(request.user, obj, aksi, perubahan, ins, _pemda(request, obj, ins))


class Diaudit(Terbatas):
    """Mixin: record create/change/delete made in the admin (who, old, new, unit, pemda) in
    audit.Jejak — also the bulk "delete selected" action. Confined by ``Terbatas``."""

    def get_form(self, request, obj=None, **kwargs):
        """Submitted text cleaned by dasar.teks, as in every form of the project."""
        from dasar.formulir import bersihkan_form

        return bersihkan_form(super().get_form(request, obj, **kwargs))

    def save_model(self, request, obj, form, change):
        lama = {}
        if change and obj.pk:
            before = type(obj).objects.get(pk=obj.pk)
            lama = {f: getattr(before, f) for f in form.changed_data if hasattr(before, f)}
        super().save_model(request, obj, form, change)
        perubahan = {
            f: (lama.get(f), getattr(obj, f, None))
            for f in form.changed_data
            if f not in ("password", "password1", "password2")
        }
        if any(f.startswith("password") for f in form.changed_data):
            perubahan["password"] = ("***", "*** (diubah)")
        catat_admin(request, obj, Aksi.UBAH if change else Aksi.BUAT, perubahan)

    def delete_model(self, request, obj):
        from tembolok.services import tunda

        catat_admin(request, obj, Aksi.HAPUS, {"objek": (str(obj), None)})
        with tunda():  # a unit's cascade may hold thousands of rows
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        from tembolok.services import tunda

        for obj in queryset:
            catat_admin(request, obj, Aksi.HAPUS, {"objek": (str(obj), None)})
        with tunda():
            super().delete_queryset(request, queryset)


class AdminDiaudit(Diaudit, admin.ModelAdmin):
    """A plain ModelAdmin whose changes are audited."""


def daftar(*models) -> None:
    """Register models in the admin with audited changes."""
    for model in models:
        admin.site.register(model, AdminDiaudit)


@admin.register(Jejak)
class JejakAdmin(Terbatas, admin.ModelAdmin):
    list_display = (
        "waktu",
        "user",
        "pemda",
        "instansi",
        "objek",
        "objek_id",
        "aksi",
        "keterangan",
        "field",
        "lama",
        "baru",
    )
    list_filter = ("aksi", "objek")
    search_fields = ("objek_id", "keterangan", "field", "lama", "baru", "user__username", "nama_pengguna")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
