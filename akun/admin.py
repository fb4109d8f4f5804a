"""Admin for roles and users; every change is written to the audit trail with who made it."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from audit.admin import Diaudit

from .models import Peran


@admin.register(Peran)
class PeranAdmin(Diaudit, admin.ModelAdmin):
    list_display = ("user", "jenis", "instansi", "pemda")
    list_filter = ("jenis",)


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class PenggunaAdmin(Diaudit, UserAdmin):
    pass
