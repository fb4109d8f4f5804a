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


def test_round_trip_keeps_renstra_rpjmd_and_zona_order_and_retirement(demo, tmp_path):
    """The columns added after the format (renstra.rpjmd, zona.urutan, zona.tahun_nonaktif) survive
    export → import into an empty database → export."""
    from perencanaan.models import Renstra
    from zona.models import Zona

    Renstra.objects.update(rpjmd="RPD Kota Bekasi 2024–2026")
    Zona.objects.filter(kode="Z12").update(urutan=1)
    Zona.objects.filter(kode="Z01").update(urutan=2, tahun_nonaktif=2025)
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    call_command("flush", "--noinput")
    call_command("import_workbook", str(a))
    assert Renstra.objects.get().rpjmd == "RPD Kota Bekasi 2024–2026"
    assert list(Zona.objects.values_list("kode", "urutan", "tahun_nonaktif")[:3]) == [
        ("Z02", 0, None),
        ("Z03", 0, None),
        ("Z04", 0, None),
    ]
    assert Zona.objects.get(kode="Z12").urutan == 1
    assert (Zona.objects.get(kode="Z01").urutan, Zona.objects.get(kode="Z01").tahun_nonaktif) == (2, 2025)
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(b))
    assert isi(a) == isi(b)
