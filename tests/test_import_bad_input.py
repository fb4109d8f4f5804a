"""A workbook with bad cells: exit 1, every problem named by cell, nothing saved."""

import pytest
from django.core.management import call_command

from tests.wb_utils import column_of, demo_copy

pytestmark = pytest.mark.django_db(transaction=True)


def _counts():
    from django.apps import apps

    return {
        m._meta.label: m.objects.count()
        for m in apps.get_models()
        if m._meta.app_label
        in {"organisasi", "perencanaan", "pengukuran", "anggaran", "skm", "evaluasi", "zona"}
    }


def test_one_bad_cell_exits_1_names_the_cell_and_changes_nothing(tmp_path, capsys):
    col = column_of("anggaran", "pagu")
    path = demo_copy(tmp_path, {("anggaran", f"{col}14"): "17.585.719.560,00x"})
    before = _counts()
    with pytest.raises(SystemExit) as exc:
        call_command("import_workbook", str(path))
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert f'anggaran!{col}14: pagu must be a number, got "17.585.719.560,00x"' in err
    assert "nothing was saved" in err
    # nothing but what the migrations ship (the evaluation templates) is in the database, before and after
    assert _counts() == before
    assert before["organisasi.Instansi"] == 0


def test_bad_cell_on_top_of_existing_data_leaves_it_unchanged(tmp_path, capsys):
    call_command("load_demo")
    before = _counts()
    col = column_of("skm_nrr", "u3")
    path = demo_copy(tmp_path, {("skm_nrr", f"{col}2"): 5, ("pk_indikator", "A2"): "no-such-unit"})
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path))
    err = capsys.readouterr().err
    assert f"skm_nrr!{col}2: NRR u3 must be between 1 and 4, got 5" in err
    assert 'pk_indikator!A2: unknown instansi "no-such-unit"' in err
    assert _counts() == before
    from skm.models import RingkasanNRR

    assert str(RingkasanNRR.objects.get(periode="S1", tahun=2024).u3.normalize()) == "3.099"


def test_indonesian_text_numbers_are_accepted(tmp_path, capsys):
    col = column_of("anggaran", "pagu")
    kas = column_of("anggaran", "kas_tw4")
    # row 2 is the 5.000.000 line: rewrite as Indonesian text
    path = demo_copy(
        tmp_path, {("anggaran", f"{col}2"): "5.000.000,00", ("anggaran", f"{kas}2"): "Rp 3.000.000"}
    )
    call_command("import_workbook", str(path))
    from anggaran.models import BarisAnggaran

    assert BarisAnggaran.objects.get(sub_kegiatan__kode="7.01.01.2.01.0006").pagu == 5000000


def test_unknown_sheet_and_column_are_reported(tmp_path, capsys):
    from openpyxl import load_workbook

    path = demo_copy(tmp_path)
    wb = load_workbook(path)
    wb.create_sheet("anggaran2")
    wb["target"]["Z1"] = "tagret"
    wb.save(path)
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path))
    err = capsys.readouterr().err
    assert "anggaran2!A1: unknown sheet" in err
    assert 'target!Z1: unknown column "tagret"' in err


def test_not_a_workbook(tmp_path, capsys):
    path = tmp_path / "x.xlsx"
    path.write_text("hello")
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path))
    assert "not a readable .xlsx workbook" in capsys.readouterr().err


def test_dry_run_saves_nothing(capsys):
    from django.conf import settings

    call_command("import_workbook", str(settings.DEMO_WORKBOOK), "--dry-run")
    out = capsys.readouterr().out
    assert "anggaran: 40 created" in out and "dry run" in out
    assert all(v == 0 for v in _counts().values())
