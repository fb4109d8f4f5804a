"""Admin for roles and users; every change is written to the audit trail with who made it."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from audit.models import catat

from .models import Peran


class Diaudit:
    """Mixin: record create/change/delete made in the admin (who, old, new) in audit.Jejak."""

    def save_model(self, request, obj, form, change):
        lama = {}
        if change and obj.pk:
            before = type(obj).objects.get(pk=obj.pk)
            lama = {f: getattr(before, f) for f in form.changed_data if hasattr(before, f)}
        super().save_model(request, obj, form, change)
        perubahan = {f: (lama.get(f), getattr(obj, f, None)) for f in form.changed_data
                     if f not in ("password", "password1", "password2")}
        if any(f.startswith("password") for f in form.changed_data):
            perubahan["password"] = ("***", "*** (diubah)")
        catat(request.user, obj, "ubah" if change else "buat", perubahan, getattr(obj, "instansi", None))

    def delete_model(self, request, obj):
        catat(request.user, obj, "hapus", {"objek": (str(obj), None)}, getattr(obj, "instansi", None))
        super().delete_model(request, obj)


@admin.register(Peran)
class PeranAdmin(Diaudit, admin.ModelAdmin):
    list_display = ("user", "jenis", "instansi", "pemda")
    list_filter = ("jenis",)


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PenggunaAdmin(Diaudit, UserAdmin):
    pass
