from django.contrib import admin

from .models import Instansi, Layanan, Pegawai, Pejabat, Pemda, SubUnit

admin.site.register(Pemda)
admin.site.register(Instansi)
admin.site.register(SubUnit)
admin.site.register(Pejabat)
admin.site.register(Pegawai)
admin.site.register(Layanan)
