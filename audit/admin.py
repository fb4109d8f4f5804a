"""Admin of the audit log, and the mixin that makes every other admin page record its changes."""

from django.contrib import admin

from .models import Jejak, catat


def _instansi(obj):
    """The unit a row belongs to (direct or through its parents, as classified in dasbor.versi)."""
    from dasbor.versi import JALUR, instansi_id_dari
    from organisasi.models import Instansi

    if isinstance(obj, Instansi):
        return obj
    if obj._meta.label not in JALUR:  # e.g. a role: its unit if it has one
        ins = getattr(obj, "instansi", None)
        return ins if isinstance(ins, Instansi) else None
    iid = instansi_id_dari(obj)
    return Instansi.objects.filter(pk=iid).first() if iid else None


class Diaudit:
    """Mixin: record create/change/delete made in the admin (who, old, new) in audit.Jejak —
    also the bulk "delete selected" action."""

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
        catat(request.user, obj, "ubah" if change else "buat", perubahan, _instansi(obj))

    def delete_model(self, request, obj):
        from dasbor.versi import tunda

        catat(request.user, obj, "hapus", {"objek": (str(obj), None)}, _instansi(obj))
        with tunda():  # a unit's cascade may hold thousands of rows
            super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        from dasbor.versi import tunda

        for obj in queryset:
            catat(request.user, obj, "hapus", {"objek": (str(obj), None)}, _instansi(obj))
        with tunda():
            super().delete_queryset(request, queryset)


class AdminDiaudit(Diaudit, admin.ModelAdmin):
    """A plain ModelAdmin whose changes are audited."""


def daftar(*models) -> None:
    """Register models in the admin with audited changes."""
    for model in models:
        admin.site.register(model, AdminDiaudit)


@admin.register(Jejak)
class JejakAdmin(admin.ModelAdmin):
    list_display = ("waktu", "user", "instansi", "objek", "objek_id", "aksi", "field", "lama", "baru")
    list_filter = ("aksi", "objek")
    search_fields = ("objek_id", "field", "lama", "baru", "user__username")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
