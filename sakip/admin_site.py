"""The Django admin (master data): superusers see all of it; admin_pemda users only their own
pemda's master data and users. Who may do what is decided in ``akun.izin``; ``Terbatas`` (mixed
into every project admin through ``audit.admin.Diaudit``) applies it to lists, forms, selects and
every POST."""

from django.contrib import admin

from akun import izin


def _has_permission(request):
    return izin.boleh_admin(request.user)


def _login(request, extra_context=None):
    """The admin has no login form of its own: everyone logs in at the throttled, recorded
    login page (with its second factor) and comes back."""
    from django.contrib.auth.views import redirect_to_login
    from django.urls import reverse

    return redirect_to_login(request.GET.get("next") or reverse("admin:index"), reverse("akun:masuk"))


admin.site.has_permission = _has_permission
admin.site.login = _login
admin.site.site_header = "SAKIP — data induk"


class Terbatas:
    """ModelAdmin mixin: rows, choices and permissions as ``akun.izin`` decides. A superuser
    also keeps the model admin's own checks (e.g. frozen templates)."""

    def get_queryset(self, request):
        return izin.admin_queryset(request.user, self.model, super().get_queryset(request))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and not request.user.is_superuser:
            field.queryset = izin.pilihan_admin(request.user, db_field.related_model, field.queryset)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and not request.user.is_superuser:
            field.queryset = izin.pilihan_admin(request.user, db_field.related_model, field.queryset)
        return field

    def _boleh(self, request, aksi, obj, bawaan):
        if not izin.boleh_admin_model(request.user, self.model, aksi, obj):
            return False
        return bawaan() if request.user.is_superuser else True

    def has_module_permission(self, request):
        return self._boleh(
            request, "view", None, lambda: super(Terbatas, self).has_module_permission(request)
        )

    def has_view_permission(self, request, obj=None):
        return self._boleh(
            request, "view", obj, lambda: super(Terbatas, self).has_view_permission(request, obj)
        )

    def has_add_permission(self, request, *args):
        return self._boleh(
            request, "add", None, lambda: super(Terbatas, self).has_add_permission(request, *args)
        )

    def has_change_permission(self, request, obj=None):
        return self._boleh(
            request, "change", obj, lambda: super(Terbatas, self).has_change_permission(request, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return self._boleh(
            request, "delete", obj, lambda: super(Terbatas, self).has_delete_permission(request, obj)
        )
