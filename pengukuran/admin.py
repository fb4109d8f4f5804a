from django.contrib import admin

from .models import Realisasi, NilaiPembanding

admin.site.register(Realisasi)
admin.site.register(NilaiPembanding)
