"""The workbook columns renstra.rpjmd, zona.urutan and zona.tahun_nonaktif: a bad cell is named,
nothing is saved; an older workbook without them keeps what is stored."""

import pytest
from openpyxl import load_workbook

from tests.wb_utils import column_of, demo_copy
from workbook.importer import import_workbook
from zona.models import PenilaianZona, Zona

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_bad_tahun_nonaktif_names_its_cell_and_saves_nothing(tmp_path):
    col = column_of("zona", "tahun_nonaktif")
    path = demo_copy(tmp_path, {("zona", f"{col}3"): "dua ribu"})
    hasil = import_workbook(path)
    assert any(e.startswith(f"zona!{col}3: tahun_nonaktif must be a whole number") for e in hasil.errors)
    assert not Zona.objects.exists()


def test_a_tahun_nonaktif_outside_the_years_names_its_cell(tmp_path):
    col = column_of("zona", "tahun_nonaktif")
    hasil = import_workbook(demo_copy(tmp_path, {("zona", f"{col}2"): 20250}))
    assert f"zona!{col}2: tahun_nonaktif must be a year between 1990 and 2100, got 20250" in hasil.errors


def test_a_zone_retired_in_a_year_it_is_assessed_in_is_refused(demo, tmp_path):
    """Z01 (row 2) is assessed in 2024: retiring it from 2024 is refused, naming the cell."""
    col = column_of("zona", "tahun_nonaktif")
    hasil = import_workbook(demo_copy(tmp_path, {("zona", f"{col}2"): 2024}))
    assert f"zona!{col}2: zona Z01 was assessed in 2024: tahun_nonaktif must be 2025 or later (or blank)" in (
        hasil.errors
    )
    assert Zona.objects.get(kode="Z01").tahun_nonaktif is None


def test_assessments_in_a_zone_retired_in_the_same_workbook_are_refused(tmp_path):
    col = column_of("zona", "tahun_nonaktif")
    hasil = import_workbook(demo_copy(tmp_path, {("zona", f"{col}2"): 2024}))
    assert any(e.startswith("zona_penilaian!") and "zona Z01 is retired from 2024" in e for e in hasil.errors)
    assert not PenilaianZona.objects.exists()


def test_an_urutan_too_large_for_the_database_names_its_cell(tmp_path):
    col = column_of("zona", "urutan")
    hasil = import_workbook(demo_copy(tmp_path, {("zona", f"{col}2"): 40000}))
    assert f"zona!{col}2: urutan must be at most 32767, got 40000" in hasil.errors


def test_an_older_workbook_without_the_columns_keeps_the_stored_values(demo, tmp_path):
    from perencanaan.models import Renstra

    Renstra.objects.update(rpjmd="RPD Kota Bekasi 2024–2026")
    Zona.objects.filter(kode="Z12").update(urutan=1, tahun_nonaktif=2026)
    wb = load_workbook(demo_copy(tmp_path))
    for sheet, kolom in (("renstra", "rpjmd"), ("zona", "tahun_nonaktif"), ("zona", "urutan")):
        header = [c.value for c in wb[sheet][1]]
        wb[sheet].delete_cols(header.index(kolom) + 1)
    path = tmp_path / "lama.xlsx"
    wb.save(path)
    hasil = import_workbook(path)
    assert hasil.ok, hasil.errors
    assert Renstra.objects.get().rpjmd == "RPD Kota Bekasi 2024–2026"
    z = Zona.objects.get(kode="Z12")
    assert (z.urutan, z.tahun_nonaktif) == (1, 2026)
