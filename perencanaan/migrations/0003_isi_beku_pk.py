from django.db import migrations


class Migration(migrations.Migration):
    """The frozen content of a signed PK is ``isi_beku`` ("cuplikan" means a stored dashboard page)."""

    dependencies = [
        ("perencanaan", "0002_cuplikan_pk"),
    ]

    operations = [
        migrations.RenameField(model_name="perjanjiankinerja", old_name="cuplikan", new_name="isi_beku"),
    ]
