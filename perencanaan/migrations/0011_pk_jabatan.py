# PerjanjianKinerja.jabatan: the position whose PK it is; every existing PK keeps it empty, i.e.
# it is the unit head's PK (the one in force for the unit), as it was before positions had PKs.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('organisasi', '0004_konsol_aktif_logo'),
        ('perencanaan', '0010_indikator_jenis_hasil'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='perjanjiankinerja',
            name='pk_unik',
        ),
        migrations.AddField(
            model_name='perjanjiankinerja',
            name='jabatan',
            field=models.ForeignKey(blank=True, help_text='Jabatan pemilik PK ini; kosong untuk PK kepala unit, contoh: Sekretaris Kecamatan.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='perjanjian_kinerja', to='organisasi.pejabat', verbose_name='jabatan'),
        ),
        migrations.AddConstraint(
            model_name='perjanjiankinerja',
            constraint=models.UniqueConstraint(condition=models.Q(('jabatan__isnull', True)), fields=('instansi', 'tahun', 'versi'), name='pk_unik'),
        ),
        migrations.AddConstraint(
            model_name='perjanjiankinerja',
            constraint=models.UniqueConstraint(condition=models.Q(('jabatan__isnull', False)), fields=('instansi', 'tahun', 'jabatan', 'versi'), name='pk_jabatan_unik'),
        ),
    ]
