"""The Django admin (master data) is open only to superusers and admin_pemda users."""

from django.contrib import admin

from akun.izin import boleh_admin


def _has_permission(request):
    return boleh_admin(request.user)


admin.site.has_permission = _has_permission
admin.site.site_header = "SAKIP — data induk"
