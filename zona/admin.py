from django.contrib import admin

from .models import PenilaianZona, Zona

admin.site.register(Zona)
admin.site.register(PenilaianZona)
