"""Ship the LKE templates (PermenPANRB 88/2021 AKIP, 90/2021 Zona Integritas) everywhere."""

from django.db import migrations


def muat(apps, schema_editor):
    from evaluasi.templat_bawaan import SEMUA
    from evaluasi.templat_bawaan import muat as muat_satu

    models = [apps.get_model("evaluasi", n) for n in ("TemplatEvaluasi", "Komponen", "SubKomponen", "Kriteria")]
    for data in SEMUA:
        muat_satu(*models, data)


def hapus(apps, schema_editor):
    apps.get_model("evaluasi", "TemplatEvaluasi").objects.filter(pemda=None).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluasi", "0002_lke")]
    operations = [migrations.RunPython(muat, hapus)]
