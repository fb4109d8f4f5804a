from django.contrib import admin

from .models import PengaturanSKM, PertanyaanSKM, Responden, RingkasanNRR

admin.site.register(RingkasanNRR)
admin.site.register(PengaturanSKM)
admin.site.register(Responden)
admin.site.register(PertanyaanSKM)
