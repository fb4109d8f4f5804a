"""Admin for roles and users; every change is written to the audit trail with who made it.

admin_pemda gets a reduced user form (no superuser, staff, groups or permissions) and sees only
the users of its pemda (``akun.izin.admin_queryset``); accounts an admin creates, or whose
password an admin sets, must choose their own password at their next login."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from audit.admin import (  # Aksi through audit.admin: the one allowed import of audit
    Aksi,
    Diaudit,
    catat_admin,
)

from . import izin
from .models import Peran, Profil


@admin.register(Peran)
class PeranAdmin(Diaudit, admin.ModelAdmin):
    list_display = ("user", "jenis", "instansi", "pemda")
    list_filter = ("jenis",)


User = get_user_model()
admin.site.unregister(User)


def wajib_ganti_sandi(user, pemda_id=None) -> None:
    """The user must set their own password at the next login (an admin chose this one)."""
    profil, _ = Profil.objects.get_or_create(user=user, defaults={"pemda_id": pemda_id})
    profil.harus_ganti_sandi = True
    if profil.pemda_id is None and pemda_id is not None:
        profil.pemda_id = pemda_id
    profil.save()


@admin.register(User)
class PenggunaAdmin(Diaudit, UserAdmin):
    fieldsets_admin_pemda = (
        (None, {"fields": ("username", "password")}),
        (_("Data pribadi"), {"fields": ("first_name", "last_name", "email")}),
        (_("Status"), {"fields": ("is_active",)}),
    )

    def get_fieldsets(self, request, obj=None):
        if obj is not None and not request.user.is_superuser:
            return self.fieldsets_admin_pemda
        return super().get_fieldsets(request, obj)

    def get_list_filter(self, request):
        return super().get_list_filter(request) if request.user.is_superuser else ("is_active",)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if not request.user.is_superuser:  # backstop: a field outside the list is never saved
            allowed = set(izin.ADMIN_PEMDA_FIELD_PENGGUNA) | {"usable_password", "password1", "password2"}
            if not set(form.base_fields) <= allowed:
                raise PermissionDenied(f"user form fields {sorted(set(form.base_fields) - allowed)}")
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            milik = sorted(izin.pemda_dikelola(request.user))
            wajib_ganti_sandi(obj, milik[0] if milik and not request.user.is_superuser else None)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = User.objects.filter(pk=id).first()
            if user is not None and response.url != request.get_full_path():
                if user.pk != request.user.pk:
                    wajib_ganti_sandi(user)
                catat_admin(request, user, Aksi.UBAH, {"password": ("***", "*** (diubah)")})
        return response


# The authenticator apps (django-otp): a lost phone's entry is removed here so its owner can enrol
# a new one; admin_pemda sees and removes only its users' entries (akun.izin.boleh_admin_model).
from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402

if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(TOTPDevice)
class PerangkatOtpAdmin(Diaudit, TOTPDeviceAdmin):
    pass
