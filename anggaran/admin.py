from django.contrib import admin

from .models import Program, Kegiatan, SubKegiatan, BarisAnggaran, PaguProgram, RealisasiAnggaran, Dukungan

admin.site.register(Program)
admin.site.register(Kegiatan)
admin.site.register(SubKegiatan)
admin.site.register(BarisAnggaran)
admin.site.register(PaguProgram)
admin.site.register(RealisasiAnggaran)
admin.site.register(Dukungan)
