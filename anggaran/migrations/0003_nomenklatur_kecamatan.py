"""Ship the kecamatan budget nomenclature (urusan 7.01, anggaran/data/nomenklatur_7_01.csv;
docs/nomenklatur.md). Rows already stored keep their names."""

from django.db import migrations


def muat(apps, schema_editor):
    from anggaran.nomenklatur import baca_csv, tulis
    from anggaran.nomenklatur import BAWAAN

    models = [apps.get_model("anggaran", n) for n in ("Program", "Kegiatan", "SubKegiatan")]
    tulis(baca_csv(BAWAAN.read_text(encoding="utf-8")), *models, timpa_nama=False)


class Migration(migrations.Migration):
    dependencies = [("anggaran", "0002_initial")]
    operations = [migrations.RunPython(muat, migrations.RunPython.noop)]
