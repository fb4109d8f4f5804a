"""A cash plan left blank (the workbook format reads blank as 0) is not a contradiction:
`periksa` reports no error for it, one warning per line saying the plan is not filled in."""

from decimal import Decimal

import pytest

from tests.factories import BarisAnggaranFactory
from tests.wb_utils import column_of, demo_copy

pytestmark = pytest.mark.django_db


def test_demo_with_every_cash_plan_blank_has_no_error(tmp_path):
    from django.conf import settings
    from openpyxl import load_workbook

    from organisasi.models import Instansi
    from pengukuran.periksa import periksa
    from workbook.importer import import_workbook

    cols = [column_of("anggaran", f"kas_tw{i}") for i in range(1, 5)]
    n_rows = load_workbook(settings.DEMO_WORKBOOK, read_only=True)["anggaran"].max_row
    edits = {("anggaran", f"{c}{r}"): None for c in cols for r in range(2, n_rows + 1)}
    import_workbook(demo_copy(tmp_path, edits))
    ins = Instansi.objects.get(slug="bantargebang")
    temuan = periksa(ins, 2024)
    assert [t for t in temuan if t.level == "error"] == []
    kosong = [t for t in temuan if "anggaran kas" in t.message and "belum diisi" in t.message]
    assert len(kosong) == n_rows - 1
    assert all(t.level == "warning" and t.where.startswith("anggaran ") for t in kosong)


def test_blank_cash_plan_is_one_warning_not_an_error():
    from pengukuran.periksa import periksa

    b = BarisAnggaranFactory(kas_tw1=0, kas_tw2=0, kas_tw3=0, kas_tw4=0)
    temuan = periksa(b.instansi, 2024)
    assert [t for t in temuan if t.level == "error"] == []
    kas = [t for t in temuan if "anggaran kas" in t.message]
    assert len(kas) == 1 and kas[0].level == "warning"
    assert kas[0].message == "anggaran kas TW1–TW4 belum diisi (kosong dibaca 0); pagu Rp 100.000.000"


def test_partly_filled_cash_plan_not_summing_to_pagu_is_still_an_error():
    from pengukuran.periksa import periksa

    b = BarisAnggaranFactory(kas_tw1=Decimal(25_000_000), kas_tw2=0, kas_tw3=0, kas_tw4=0)
    errors = [t for t in periksa(b.instansi, 2024) if t.level == "error"]
    assert len(errors) == 1 and "selisih Rp 75.000.000" in errors[0].message
