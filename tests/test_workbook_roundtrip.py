"""export → import → export gives the same content; the committed demo matches its CSV source."""

import pytest
from django.conf import settings
from django.core.management import call_command

from workbook.demo import build
from workbook.writer import isi

pytestmark = pytest.mark.django_db(transaction=True)


def test_export_import_export_is_stable(demo, tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    call_command("flush", "--noinput")
    call_command("import_workbook", str(a))
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(b))
    assert isi(a) == isi(b)


def test_export_holds_the_demo_data(demo, tmp_path):
    a = tmp_path / "a.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    content = isi(a)
    demo_content = isi(settings.DEMO_WORKBOOK)
    for sheet, rows in demo_content.items():
        assert sorted(map(repr, content[sheet])) == sorted(map(repr, rows)), sheet


def test_committed_demo_workbook_matches_csv_source(tmp_path):
    fresh = build(tmp_path / "demo.xlsx")
    assert isi(fresh) == isi(settings.DEMO_WORKBOOK), "run: python manage.py build_demo"
