from django.contrib import admin

from .models import Zona, PenilaianZona

admin.site.register(Zona)
admin.site.register(PenilaianZona)
