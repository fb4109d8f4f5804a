"""The workbook carries what the Renstra pages set: urutan and tahun_nonaktif of tujuan, sasaran
and indikator, and indikator.penanggung_jawab. They survive export → import into an empty
database; an archive year not after the item's last use is refused at its cell with nothing
saved; an older workbook without the columns keeps what is stored."""

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from perencanaan.models import Indikator, Sasaran, Tujuan
from tests.wb_utils import column_of, demo_copy
from workbook.importer import import_workbook

pytestmark = pytest.mark.django_db(transaction=True)


def _baris(sheet, kode):
    """The demo workbook row number of ``kode`` in ``sheet``."""
    from django.conf import settings

    wb = load_workbook(settings.DEMO_WORKBOOK, read_only=True)
    rows = list(wb[sheet].iter_rows(values_only=True))
    wb.close()
    k = rows[0].index("kode")
    return next(n for n, r in enumerate(rows[1:], start=2) if r[k] == kode)


def test_round_trip_keeps_order_archive_and_penanggung_jawab(demo, tmp_path):
    Tujuan.objects.filter(kode="T2").update(urutan=1, tahun_nonaktif=2027)
    Sasaran.objects.filter(kode="S1.2").update(urutan=3)
    Indikator.objects.filter(kode="IKU1").update(penanggung_jawab="Sekretaris Kecamatan", urutan=2)
    Indikator.objects.filter(kode="IT2").update(tahun_nonaktif=2030)
    a = tmp_path / "a.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    call_command("flush", "--noinput")
    hasil = import_workbook(a)
    assert hasil.ok, hasil.errors
    assert (Tujuan.objects.get(kode="T2").urutan, Tujuan.objects.get(kode="T2").tahun_nonaktif) == (1, 2027)
    assert Sasaran.objects.get(kode="S1.2").urutan == 3
    iku1 = Indikator.objects.get(kode="IKU1")
    assert (iku1.penanggung_jawab, iku1.urutan, iku1.tahun_nonaktif) == ("Sekretaris Kecamatan", 2, None)
    assert Indikator.objects.get(kode="IT2").tahun_nonaktif == 2030


def test_archiving_a_used_indicator_in_its_year_of_use_is_refused(demo, tmp_path):
    """IKU1 has realisasi and a signed PK in 2024: archived from 2024 is refused at its cell, and so
    is its tujuan T1 (through it); nothing is saved."""
    col = column_of("indikator", "tahun_nonaktif")
    n = _baris("indikator", "IKU1")
    col_t = column_of("tujuan", "tahun_nonaktif")
    hasil = import_workbook(
        demo_copy(
            tmp_path,
            {("indikator", f"{col}{n}"): 2024, ("tujuan", f"{col_t}2"): 2023},
        )
    )
    assert (
        f"indikator!{col}{n}: indikator IKU1 is used in 2024 (signed PK, realisasi or budget link): "
        "tahun_nonaktif must be 2025 or later (or blank)" in hasil.errors
    )
    assert any(e.startswith(f"tujuan!{col_t}2: tujuan T1 is used in 2024") for e in hasil.errors)
    assert Indikator.objects.get(kode="IKU1").tahun_nonaktif is None
    assert Tujuan.objects.get(kode="T1").tahun_nonaktif is None


def test_a_later_archive_year_and_the_penanggung_jawab_are_imported(demo, tmp_path):
    n = _baris("indikator", "IKU1")
    path = demo_copy(
        tmp_path,
        {
            ("indikator", f"{column_of('indikator', 'tahun_nonaktif')}{n}"): 2025,
            ("indikator", f"{column_of('indikator', 'penanggung_jawab')}{n}"): "Camat",
        },
    )
    hasil = import_workbook(path)
    assert hasil.ok, hasil.errors
    iku1 = Indikator.objects.get(kode="IKU1")
    assert (iku1.tahun_nonaktif, iku1.penanggung_jawab) == (2025, "Camat")


def test_an_older_workbook_without_the_columns_keeps_the_stored_values(demo, tmp_path):
    Tujuan.objects.filter(kode="T1").update(urutan=4, tahun_nonaktif=2029)
    Indikator.objects.filter(kode="IKU1").update(penanggung_jawab="Camat", urutan=5)
    wb = load_workbook(demo_copy(tmp_path))
    for sheet, kolom in (
        ("tujuan", "tahun_nonaktif"),
        ("tujuan", "urutan"),
        ("indikator", "tahun_nonaktif"),
        ("indikator", "urutan"),
        ("indikator", "penanggung_jawab"),
    ):
        header = [c.value for c in wb[sheet][1]]
        wb[sheet].delete_cols(header.index(kolom) + 1)
    path = tmp_path / "lama.xlsx"
    wb.save(path)
    hasil = import_workbook(path)
    assert hasil.ok, hasil.errors
    t1, iku1 = Tujuan.objects.get(kode="T1"), Indikator.objects.get(kode="IKU1")
    assert (t1.urutan, t1.tahun_nonaktif, iku1.penanggung_jawab, iku1.urutan) == (4, 2029, "Camat", 5)
