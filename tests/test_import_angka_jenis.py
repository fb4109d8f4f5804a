"""Numbers in the workbook are read one way or refused, by column kind (issue #15 item 1;
docs/rules.md §8): "850,000" as a pagu is Rp 850.000 or a refusal naming the cell, never Rp 850."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from tests.wb_utils import column_of, demo_copy
from workbook.importer import baca

pytestmark = pytest.mark.django_db(transaction=True)


def test_english_thousands_in_a_pagu_is_the_whole_amount(tmp_path):
    """The bug of issue #15: "850,000" as a pagu was read as Rp 850."""
    cols = {k: column_of("anggaran", k) for k in ("pagu", "kas_tw2", "kas_tw4")}
    # row 2 is the 5.000.000 line: make it an 850.000 line, typed the English way
    edits = {"pagu": "850,000", "kas_tw2": "0", "kas_tw4": "Rp 850,000.00"}
    path = demo_copy(tmp_path, {("anggaran", f"{cols[k]}2"): v for k, v in edits.items()})
    call_command("import_workbook", str(path))
    from anggaran.models import BarisAnggaran

    baris = BarisAnggaran.objects.get(sub_kegiatan__kode="7.01.01.2.01.0006")
    assert baris.pagu == 850000 and baris.kas_tw4 == 850000


def _satu_baris(tmp_path, sheet, kolom, nilai):
    """A workbook of one sheet with the demo's header and one row where ``kolom`` is ``nilai``."""
    from django.conf import settings as dj
    from openpyxl import load_workbook

    src = load_workbook(dj.DEMO_WORKBOOK, read_only=True)
    rows = src[sheet].iter_rows(values_only=True)
    header, first = list(next(rows)), list(next(rows))
    src.close()
    first[header.index(kolom)] = nilai
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    ws.append(first)
    path = tmp_path / "satu.xlsx"
    wb.save(path)
    return path, column_of(sheet, kolom)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ribu=st.integers(min_value=1, max_value=999),
    sisa=st.integers(min_value=0, max_value=999),
    tanda=st.sampled_from([",", ".", " "]),
    sheet_kolom=st.sampled_from(
        [("anggaran", "pagu"), ("pagu_program", "pagu_murni"), ("realisasi_anggaran", "nilai")]
    ),
)
def test_a_rupiah_cell_with_one_separator_is_thousands(tmp_path, ribu, sisa, tanda, sheet_kolom):
    sheet, kolom = sheet_kolom
    path, _ = _satu_baris(tmp_path, sheet, kolom, f"{ribu}{tanda}{sisa:03d}")
    rows, errors = baca(path)
    assert errors == []
    assert rows[sheet][0].nilai[kolom] == Decimal(ribu * 1000 + sisa)


@pytest.mark.parametrize(
    ("sheet", "kolom", "teks", "saran"),
    [
        ("target", "target", "1.000", ("1000", "1,0")),
        ("target", "target", "1,000", ("1000", "1,0")),
        ("realisasi", "nilai", "850,000", ("850000", "850,0")),
        ("pk_indikator", "target", "97,800", ("97800", "97,8")),
    ],
)
def test_a_decimal_cell_with_one_three_digit_group_is_refused_naming_the_cell(
    tmp_path, sheet, kolom, teks, saran
):
    path, col = _satu_baris(tmp_path, sheet, kolom, teks)
    rows, errors = baca(path)
    assert rows[sheet] == []
    assert len(errors) == 1
    assert errors[0].startswith(f'{sheet}!{col}2: {kolom} must be a number, ambiguous number "{teks}"')
    assert f"write {saran[0]} for the thousands reading or {saran[1]} for the decimal reading" in errors[0]


def test_the_suggested_decimal_writing_is_accepted(tmp_path):
    path, _ = _satu_baris(tmp_path, "target", "target", "1,0")
    rows, errors = baca(path)
    assert errors == [] and rows["target"][0].nilai["target"] == 1


def test_an_nrr_with_three_decimals_is_one_reading(tmp_path):
    path, _ = _satu_baris(tmp_path, "skm_nrr", "u2", "3,044")
    rows, errors = baca(path)
    assert errors == [] and rows["skm_nrr"][0].nilai["u2"] == Decimal("3.044")


def test_a_count_with_one_separator_is_thousands(tmp_path):
    path, _ = _satu_baris(tmp_path, "skm_nrr", "responden", "1,250")
    rows, errors = baca(path)
    assert errors == [] and rows["skm_nrr"][0].nilai["responden"] == 1250


def test_an_evaluation_score_with_three_decimals_is_one_reading(tmp_path):
    path, _ = _satu_baris(tmp_path, "evaluasi_nilai", "nilai", "23,190")
    rows, errors = baca(path)
    assert errors == [] and rows["evaluasi_nilai"][0].nilai["nilai"] == Decimal("23.19")
