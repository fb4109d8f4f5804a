from django.contrib import admin

from .models import NilaiPembanding, Realisasi

admin.site.register(Realisasi)
admin.site.register(NilaiPembanding)
