from django.contrib import admin

from .models import Jejak


@admin.register(Jejak)
class JejakAdmin(admin.ModelAdmin):
    list_display = ("waktu", "user", "instansi", "objek", "objek_id", "aksi", "field", "lama", "baru")
    list_filter = ("aksi", "objek")
    search_fields = ("objek_id", "field", "lama", "baru", "user__username")
