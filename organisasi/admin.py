from django.contrib import admin

from .models import Pemda, Instansi, SubUnit, Pejabat, Pegawai, Layanan

admin.site.register(Pemda)
admin.site.register(Instansi)
admin.site.register(SubUnit)
admin.site.register(Pejabat)
admin.site.register(Pegawai)
admin.site.register(Layanan)
