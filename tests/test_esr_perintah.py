"""manage.py paket_esr refuses bad arguments with a clear message (a CommandError, no traceback)."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("args", "pesan"),
    [
        (["--instansi", "tidak-ada", "--tahun", "2024"], 'Instansi "tidak-ada" tidak dikenal'),
        (["--instansi", "bantargebang", "--tahun", "1990"], "Tahun 1990 di luar rentang"),
        (["--instansi", "bantargebang", "--tahun", "2031"], "belum memiliki data tahun 2031"),
    ],
)
def test_unknown_unit_or_year(demo, tmp_path, args, pesan):
    out = tmp_path / "esr.zip"
    with pytest.raises(CommandError, match=pesan):
        call_command("paket_esr", *args, "--out", str(out))
    assert not out.exists()


def test_bad_output(demo, tmp_path):
    with pytest.raises(CommandError, match="gunakan .zip"):
        call_command(
            "paket_esr", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(tmp_path / "a.pdf")
        )
    with pytest.raises(CommandError, match="tidak ada"):
        call_command(
            "paket_esr",
            "--instansi",
            "bantargebang",
            "--tahun",
            "2024",
            "--out",
            str(tmp_path / "x" / "a.zip"),
        )


def test_year_not_a_number(demo, tmp_path):
    with pytest.raises(CommandError, match="invalid int value"):
        call_command(
            "paket_esr", "--instansi", "bantargebang", "--tahun", "dua", "--out", str(tmp_path / "a.zip")
        )
