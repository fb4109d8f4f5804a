"""Re-importing updates in place: no duplicates, counts reported."""

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.wb_utils import column_of, demo_copy

pytestmark = pytest.mark.django_db


def test_reimport_creates_nothing(demo, capsys):
    from anggaran.models import BarisAnggaran

    call_command("import_workbook", str(settings.DEMO_WORKBOOK))
    out = capsys.readouterr().out
    assert "anggaran: 0 created, 0 updated, 40 unchanged" in out
    assert BarisAnggaran.objects.count() == 40


def test_changed_value_is_updated_in_place(demo, tmp_path, capsys):
    from perencanaan.models import Target

    col = column_of("target", "target")
    path = demo_copy(tmp_path, {("target", f"{col}2"): 24})
    call_command("import_workbook", str(path))
    assert "target: 0 created, 1 updated, 25 unchanged" in capsys.readouterr().out
    assert Target.objects.count() == 26
