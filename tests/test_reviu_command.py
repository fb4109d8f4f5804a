"""`manage.py reviu`: JSON findings with a summary, a readable table, unknown unit refused."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from laporan.reviu import reviu

pytestmark = pytest.mark.django_db


def test_json_lists_findings_and_summary(demo, run_json):
    out = run_json("reviu", "--instansi", "bantargebang", "--tahun", "2024")
    assert set(out) == {"findings", "summary"}
    expected = [t.as_dict() for t in reviu(demo, 2024)]
    assert out["findings"] == expected
    assert all(set(f) == {"level", "where", "message"} for f in out["findings"])
    assert out["summary"] == {
        lv: sum(1 for f in expected if f["level"] == lv) for lv in ("error", "warning", "info")
    }
    assert out["summary"]["error"] == 0
    assert {
        "level": "warning",
        "where": "IKU 3 Persentase Wilayah yang Tertib / 2023",
        "message": "Realisasi tahun 2023 belum ada: LKIP tidak dapat membandingkan capaian 2024 dengan tahun "
        "sebelumnya",
    } in out["findings"]


def test_table_output(demo, capsys):
    call_command("reviu", "--instansi", "bantargebang", "--tahun", "2024")
    out = capsys.readouterr().out
    jumlah = reviu(demo, 2024)
    warnings = sum(1 for t in jumlah if t.level == "warning")
    assert out.startswith(f"Reviu Kecamatan Bantargebang tahun 2024: 0 error, {warnings} warning, ")
    assert "Lokasi" in out and "Sub-kegiatan 7.01.02.2.04.0003" in out and "anggaran kas TW4 negatif" in out


def test_unknown_unit_is_a_command_error(db):
    with pytest.raises(CommandError, match="tidak-ada"):
        call_command("reviu", "--instansi", "tidak-ada", "--tahun", "2024")
