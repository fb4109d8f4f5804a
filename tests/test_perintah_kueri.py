"""The query commands share one base class, sakip.cli.PerintahKueri: the same three options and
the same unknown-unit error (Indonesian, English through the catalogue)."""

import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError
from django.utils import translation

from sakip.cli import PerintahKueri

pytestmark = pytest.mark.django_db
PERINTAH = {
    "capaian": "pengukuran",
    "anggaran": "anggaran",
    "periksa": "pengukuran",
    "ikm": "skm",
    "akip": "evaluasi",
    "reviu": "laporan",
    "rencana_aksi": "pengukuran",
}


@pytest.mark.parametrize(("nama", "app"), PERINTAH.items())
def test_each_query_command_has_exactly_the_three_options(nama, app):
    cmd = load_command_class(app, nama)
    assert isinstance(cmd, PerintahKueri)
    parser = cmd.create_parser("manage.py", nama)
    sendiri = {
        a.dest: (a.required, a.type, a.choices, a.default)
        for a in parser._actions
        if a.dest in {"instansi", "tahun", "format"}
    }
    assert sendiri == {
        "instansi": (True, None, None, None),
        "tahun": (True, int, None, None),
        "format": (False, None, ["table", "json"], "table"),
    }
    with pytest.raises(CommandError):  # --tahun is still required
        call_command(nama, "--instansi", "bantargebang")


@pytest.mark.parametrize("nama", [*PERINTAH, "lkip"])
def test_unknown_instansi_is_one_message_in_both_languages(nama, tmp_path):
    args = ["--instansi", "tidak-ada", "--tahun", "2024"]
    if nama == "lkip":
        args += ["--out", str(tmp_path / "x.docx")]
    with pytest.raises(CommandError, match='^Instansi "tidak-ada" tidak dikenal.$'):
        call_command(nama, *args)
    with translation.override("en"), pytest.raises(CommandError, match='^Unknown instansi "tidak-ada".$'):
        call_command(nama, *args)
