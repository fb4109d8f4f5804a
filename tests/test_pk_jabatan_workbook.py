"""The workbook carries a position's PK: the export writes the Sekretaris Kecamatan's PK with its
``jabatan`` column (pk and pk_indikator), an import into an empty database restores it as his (not
as a second head's PK), frozen with the same SHA-256, and the export after gives the same content;
the committed illustrative workbook matches its CSV source."""

import pytest
from django.conf import settings
from django.core.management import call_command

from perencanaan.models import PerjanjianKinerja
from workbook.demo import SOURCE_PK_JABATAN, build
from workbook.writer import isi

pytestmark = pytest.mark.django_db(transaction=True)


def _baris(rows: list[list]) -> list[dict]:
    """A sheet's rows (``writer.isi``: header first) as dictionaries."""
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_position_pk_round_trip(demo_pk_jabatan, tmp_path):
    sha = PerjanjianKinerja.objects.get(tahun=2024, jabatan__kode="sekcam").sha256
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    isi_a = isi(a)
    assert sorted(r["jabatan"] or "" for r in _baris(isi_a["pk"])) == ["", "sekcam"]
    assert sorted((r["jabatan"] or "", r["indikator"]) for r in _baris(isi_a["pk_indikator"])) == [
        ("", "IKU1"),
        ("", "IKU2"),
        ("", "IKU3"),
        ("sekcam", "IP1"),
        ("sekcam", "IP2"),
    ]
    call_command("flush", "--noinput")
    call_command("import_workbook", str(a))
    pk = PerjanjianKinerja.objects.get(tahun=2024, jabatan__kode="sekcam")
    assert pk.ditandatangani and pk.sha256 == sha and pk.pihak_pertama.kode == "sekcam"
    assert PerjanjianKinerja.objects.filter(tahun=2024, jabatan__isnull=True).count() == 1
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(b))
    assert isi(a) == isi(b)


def test_committed_position_pk_workbook_matches_its_source(tmp_path):
    fresh = build(tmp_path / "pk.xlsx", SOURCE_PK_JABATAN)
    assert isi(fresh) == isi(settings.DEMO_WORKBOOK_PK_JABATAN), "run: python manage.py build_demo"
