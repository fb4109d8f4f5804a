# The stored pages and their tokens moved to the ``tembolok`` app; the tables stay (no data moves).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dasbor", "0002_syarat"),
        ("tembolok", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Cuplikan"), migrations.DeleteModel(name="Versi")],
            database_operations=[],
        ),
    ]
