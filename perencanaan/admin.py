from django.contrib import admin

from .models import Indikator, PerjanjianKinerja, PKIndikator, Renstra, Sasaran, Target, Tujuan

admin.site.register(Renstra)
admin.site.register(Tujuan)
admin.site.register(Sasaran)
admin.site.register(Indikator)
admin.site.register(Target)
admin.site.register(PerjanjianKinerja)
admin.site.register(PKIndikator)
