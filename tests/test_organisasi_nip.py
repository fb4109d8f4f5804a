"""NIP must have 18 digits (model validation and import)."""

import pytest
from django.core.exceptions import ValidationError

from organisasi.models import validate_nip
from workbook.spec import SHEET_MAP, CellError


@pytest.mark.parametrize("nip", ["197609131997011001", "19760913 199701 1 001", ""])
def test_valid(nip):
    validate_nip(nip)


@pytest.mark.parametrize("nip", ["19760913199701100", "1976091319970110011", "19760913199701100X"])
def test_invalid(nip):
    with pytest.raises(ValidationError):
        validate_nip(nip)


def test_import_column_normalises_and_rejects():
    kolom = SHEET_MAP["pejabat"].kolom_map["nip"]
    assert kolom.parse("197609 13199701 1 001") == "197609131997011001"
    with pytest.raises(CellError, match="18 digits"):
        kolom.parse("1976")


@pytest.mark.parametrize(
    "value,message",
    [
        (1e300, "too large"),
        ("1.000.000.000.000.000", "too large"),
        ("12,3456", "more than 2 decimal places"),  # "12,345" is 12345 in a rupiah column
    ],
)
def test_money_cells_refuse_what_the_database_would_round(value, message):
    kolom = SHEET_MAP["anggaran"].kolom_map["pagu"]
    with pytest.raises(CellError, match=message):
        kolom.parse(value)
