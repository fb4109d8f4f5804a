from django.contrib import admin

from .models import BarisAnggaran, Dukungan, Kegiatan, PaguProgram, Program, RealisasiAnggaran, SubKegiatan

admin.site.register(Program)
admin.site.register(Kegiatan)
admin.site.register(SubKegiatan)
admin.site.register(BarisAnggaran)
admin.site.register(PaguProgram)
admin.site.register(RealisasiAnggaran)
admin.site.register(Dukungan)
