from django.contrib import admin
from django.db import models

from audit.admin import AdminDiaudit, daftar
from dasar.formulir import AngkaField

from .models import BarisAnggaran, Dukungan, Kegiatan, PaguProgram, Program, RealisasiAnggaran, SubKegiatan


class AdminRupiah(AdminDiaudit):
    """Money typed the Indonesian way ("8.500.000.000") read by the project's number rule, never
    as 8,5 (``dasar.formulir.AngkaField``); the app's DPA page is where budgets are entered."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DecimalField):
            return AngkaField(
                label=db_field.verbose_name.capitalize(),
                required=not db_field.blank,
                help_text="Rupiah, contoh 8.500.000.000",
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)


daftar(Program, Kegiatan, SubKegiatan, Dukungan)
for model in (BarisAnggaran, PaguProgram, RealisasiAnggaran):
    admin.site.register(model, AdminRupiah)
