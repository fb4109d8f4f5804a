# Takes over dasbor.Versi (now Token) and dasbor.Cuplikan with their tables: state only, no data moves.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("dasbor", "0002_syarat"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Cuplikan",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kunci", models.CharField(max_length=200, unique=True)),
                        ("syarat", models.CharField(default="", max_length=80)),
                        ("jenis", models.CharField(max_length=1)),
                        ("objek", models.BigIntegerField()),
                        ("token", models.CharField(max_length=32)),
                        ("isi", models.TextField()),
                        ("dibuat", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "db_table": "dasbor_cuplikan",
                        "indexes": [models.Index(fields=["jenis", "objek"], name="dasbor_cupl_jenis_68d4e2_idx")],
                    },
                ),
                migrations.CreateModel(
                    name="Token",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("jenis", models.CharField(max_length=1)),
                        ("objek", models.BigIntegerField()),
                        ("token", models.CharField(max_length=32)),
                    ],
                    options={
                        "db_table": "dasbor_versi",
                        "constraints": [models.UniqueConstraint(fields=("jenis", "objek"), name="versi_unik")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
