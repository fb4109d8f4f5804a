"""docs/workbook.md documents every sheet and column the importer knows."""

import re

from django.conf import settings

from workbook.spec import SHEETS


def test_every_sheet_and_column_is_documented():
    text = (settings.BASE_DIR / "docs" / "workbook.md").read_text(encoding="utf-8")
    rows = {m.group(1): m.group(0) for m in re.finditer(r"^\| `(\w+)` \|.*$", text, re.M)}
    assert list(rows) == [s.nama for s in SHEETS]
    for s in SHEETS:
        for k in s.kolom:
            assert re.search(rf"\b{re.escape(k.nama)}\b", rows[s.nama]), (s.nama, k.nama)
