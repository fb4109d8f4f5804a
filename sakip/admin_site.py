"""The Django admin (master data) is open only to superusers and admin_pemda users."""

from django.contrib import admin


def _has_permission(request):
    user = request.user
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or user.peran.filter(jenis="admin_pemda").exists()


admin.site.has_permission = _has_permission
admin.site.site_header = "SAKIP — data induk"
