"""Helpers to copy the demo workbook and change cells."""

from django.conf import settings
from openpyxl import load_workbook


def demo_copy(tmp_path, edits=None, name="copy.xlsx"):
    """Copy of the demo workbook with {(sheet, cell): value} edits applied."""
    wb = load_workbook(settings.DEMO_WORKBOOK)
    for (sheet, cell), value in (edits or {}).items():
        wb[sheet][cell] = value
    path = tmp_path / name
    wb.save(path)
    return path


def column_of(sheet, name):
    wb = load_workbook(settings.DEMO_WORKBOOK, read_only=True)
    header = next(wb[sheet].iter_rows(values_only=True))
    wb.close()
    from openpyxl.utils import get_column_letter

    return get_column_letter(list(header).index(name) + 1)
