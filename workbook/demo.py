"""The Bantargebang 2024 demo dataset: readable CSV source → workbook."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from django.conf import settings

from . import writer
from .spec import SHEETS

SOURCE = Path(settings.BASE_DIR) / "data" / "demo" / "source"
# the illustrative additions (not in the seed): the Sekretaris Kecamatan's own PK and its indicator
SOURCE_PK_JABATAN = Path(settings.BASE_DIR) / "data" / "demo" / "pk_jabatan"


def baca_sumber(source: Path = SOURCE) -> dict[str, list[dict]]:
    """Read the CSVs (plain dot-decimal numbers, ISO dates) into typed rows."""
    data = {}
    for spec in SHEETS:
        path = source / f"{spec.nama}.csv"
        if not path.exists():
            continue
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            harus = [k for k in spec.nama_kolom if k not in writer.OPSIONAL_KOSONG or k in reader.fieldnames]
            if reader.fieldnames != harus:
                raise ValueError(f"{path}: header {reader.fieldnames} != {harus}")
            rows = []
            for row in reader:
                typed = {}
                for k in spec.kolom:
                    v = row.get(k.nama, "")
                    if v == "":
                        typed[k.nama] = None
                    elif k.jenis in writer.NUMERIC:
                        typed[k.nama] = Decimal(v)
                    elif k.jenis == "ya_tidak":
                        typed[k.nama] = v.strip().lower() == "ya"
                    else:
                        typed[k.nama] = v
                rows.append(typed)
        data[spec.nama] = rows
    return data


def build(out: Path | None = None, source: Path = SOURCE) -> Path:
    out = Path(out or settings.DEMO_WORKBOOK)
    writer.tulis(baca_sumber(source), out)
    return out
