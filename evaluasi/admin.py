"""Admin for evaluation data. A frozen template (used by a submitted evaluation) and a final
evaluation are read-only here too; the models refuse the save as a backstop."""

from django.contrib import admin

from audit.admin import Diaudit, daftar

from .models import (
    Evaluasi,
    Jawaban,
    Komponen,
    Kriteria,
    NilaiKomponen,
    Rekomendasi,
    SubKomponen,
    TemplatEvaluasi,
)

daftar(NilaiKomponen)


class _TemplatAdmin(Diaudit, admin.ModelAdmin):
    @staticmethod
    def templat_dari(obj):
        return obj

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.templat_dari(obj).beku:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.templat_dari(obj).beku:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(TemplatEvaluasi)
class TemplatEvaluasiAdmin(_TemplatAdmin):
    list_display = ("nama", "jenis", "tahun", "pemda")


@admin.register(Komponen)
class KomponenAdmin(_TemplatAdmin):
    list_display = ("nama", "templat", "bobot")

    @staticmethod
    def templat_dari(obj):
        return obj.templat


@admin.register(SubKomponen)
class SubKomponenAdmin(_TemplatAdmin):
    list_display = ("nama", "komponen", "bobot")

    @staticmethod
    def templat_dari(obj):
        return obj.komponen.templat


@admin.register(Kriteria)
class KriteriaAdmin(_TemplatAdmin):
    list_display = ("uraian", "sub", "jenis_jawaban", "bobot")

    @staticmethod
    def templat_dari(obj):
        return obj.sub.komponen.templat


class _EvaluasiAdmin(Diaudit, admin.ModelAdmin):
    @staticmethod
    def evaluasi_dari(obj):
        return obj

    def has_change_permission(self, request, obj=None):
        if obj is not None and self.evaluasi_dari(obj).final:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and self.evaluasi_dari(obj).final:
            return False
        return super().has_delete_permission(request, obj)


@admin.register(Evaluasi)
class EvaluasiAdmin(_EvaluasiAdmin):
    list_display = ("instansi", "tahun", "jenis", "status")


@admin.register(Jawaban)
class JawabanAdmin(_EvaluasiAdmin):
    @staticmethod
    def evaluasi_dari(obj):
        return obj.evaluasi


@admin.register(Rekomendasi)
class RekomendasiAdmin(_EvaluasiAdmin):
    list_display = ("uraian", "evaluasi", "batas_waktu", "status")

    @staticmethod
    def evaluasi_dari(obj):
        return obj.evaluasi
