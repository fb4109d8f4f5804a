"""Write workbooks in the documented format (used by export_workbook and build_demo)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from dasar.xlsx import aman_ditulis

from .spec import JENIS_ANGKA, SHEETS

NUMERIC = set(JENIS_ANGKA)  # number columns go in as numeric cells


def cell_value(jenis: str, value):
    """Typed value → what goes in the cell: numbers as numeric cells, booleans as ya/tidak."""
    if value is None or value == "":
        return None
    if jenis in NUMERIC:
        d = value if isinstance(value, Decimal) else Decimal(str(value))
        return int(d) if d == d.to_integral_value() else float(d.normalize())
    if jenis == "ya_tidak":
        return "ya" if value else "tidak"
    if jenis == "tanggal":
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return str(value)


OPSIONAL_KOSONG = {f"u{i}" for i in range(10, 15)}


def tulis(data: dict[str, list[dict]], path) -> None:
    """Write the sheets present in ``data`` (in the documented order), header first."""
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    for spec in SHEETS:
        if spec.nama not in data:
            continue
        ws = wb.create_sheet(spec.nama)
        # a column that is optional and empty in every row is left out: u10..u14 of the SKM sheets
        # hold values only in the 14-unsur scheme
        kolom = [
            k
            for k in spec.kolom
            if k.nama not in OPSIONAL_KOSONG or any(row.get(k.nama) is not None for row in data[spec.nama])
        ]
        ws.append([k.nama for k in kolom])
        for c in ws[1]:
            c.font = bold
        for row in data[spec.nama]:
            ws.append([cell_value(k.jenis, row.get(k.nama)) for k in kolom])
            if any(k.jenis == "tanggal" for k in kolom):
                for k_i, k in enumerate(kolom, start=1):
                    if k.jenis == "tanggal":
                        ws.cell(ws.max_row, k_i).number_format = "yyyy-mm-dd"
        for i, k in enumerate(kolom, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(10, min(50, len(k.nama) + 4))
        ws.freeze_panes = "A2"
    wb.properties.creator = "SAKIP"
    wb.properties.created = dt.datetime(2000, 1, 1)
    wb.properties.modified = dt.datetime(2000, 1, 1)
    aman_ditulis(wb)  # text like =1+1 stays text (docs/workbook.md)
    wb.save(path)


def isi(path) -> dict[str, list[list]]:
    """Cell values of every sheet (for content comparisons)."""
    from openpyxl import load_workbook

    from dasar.xlsx import cek_berkas

    cek_berkas(path)  # every .xlsx read is checked first (dasar/xlsx.py)
    wb = load_workbook(path, read_only=True, data_only=True)
    out = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    wb.close()
    return out
