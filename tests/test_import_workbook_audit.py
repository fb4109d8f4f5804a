"""import_workbook writes an audit row: who ran it, the file name and the counts."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from audit.models import Jejak

pytestmark = pytest.mark.django_db


def test_command_line_import_is_audited_per_unit():
    call_command("import_workbook", str(settings.DEMO_WORKBOOK))
    j = Jejak.objects.get(aksi="impor", keterangan="workbook")
    assert j.user is None and j.instansi.slug == "bantargebang"
    assert j.objek_id == settings.DEMO_WORKBOOK.name
    assert "(oleh command line)" in j.baru and "skm_nrr:" in j.baru and "created" in j.baru


def test_the_named_user_is_recorded():
    from django.contrib.auth import get_user_model

    u = get_user_model().objects.create_user("petugas")
    call_command("import_workbook", str(settings.DEMO_WORKBOOK), "--pengguna", "petugas")
    assert Jejak.objects.get(aksi="impor", keterangan="workbook").user == u


def test_dry_run_unknown_user_and_failed_imports_write_no_audit_row(tmp_path):
    call_command("import_workbook", str(settings.DEMO_WORKBOOK), "--dry-run")
    with pytest.raises(CommandError, match="unknown user"):
        call_command("import_workbook", str(settings.DEMO_WORKBOOK), "--pengguna", "siapa")
    rusak = tmp_path / "rusak.xlsx"
    rusak.write_bytes(b"not a workbook")
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(rusak))
    assert not Jejak.objects.filter(aksi="impor", keterangan="workbook").exists()
