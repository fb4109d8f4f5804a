"""Every API token ends: ``kedaluwarsa``. Tokens made before this migration get a year from their
creation (the longest a new token may be given)."""

import datetime as dt

from django.db import migrations, models


def isi(apps, schema_editor):
    TokenAPI = apps.get_model("api", "TokenAPI")
    for t in TokenAPI.objects.filter(kedaluwarsa=None).only("pk", "dibuat"):
        TokenAPI.objects.filter(pk=t.pk).update(kedaluwarsa=t.dibuat + dt.timedelta(days=365))


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="tokenapi",
            name="kedaluwarsa",
            field=models.DateTimeField(null=True, verbose_name="berlaku sampai"),
        ),
        migrations.RunPython(isi, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="tokenapi",
            name="kedaluwarsa",
            field=models.DateTimeField(verbose_name="berlaku sampai"),
        ),
    ]
