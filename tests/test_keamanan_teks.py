"""Text hygiene (issue #12, "Input hygiene everywhere"): one rule (dasar/teks.py) decides which
characters text may hold; import cells breaking it are refused with the cell and the rule."""

import pytest
from django.core.management import call_command
from hypothesis import given
from hypothesis import strategies as st

from dasar import teks
from tests.wb_utils import column_of, demo_copy

TERLARANG = [
    "\x00",
    "\x01",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\x85",
    "\x9b",
    "\ufffe",
    "\uffff",
    "\ud800",
]


@given(st.text())
def test_clean_text_breaks_no_rule_and_is_stable(s):
    bersih = teks.bersihkan(s)
    assert teks.masalah(bersih) is None
    assert teks.bersihkan(bersih) == bersih
    assert "\r" not in bersih


@given(
    st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff"))
)
def test_allowed_text_is_unchanged(s):
    assert teks.masalah(s) is None and teks.bersihkan(s) == s


@pytest.mark.parametrize("c", TERLARANG)
def test_every_forbidden_character_is_named(c):
    assert f"U+{ord(c):04X}" in teks.masalah(f"ab{c}")
    assert teks.bersihkan(f"a{c}b") in ("ab", "a\nb")


def test_tab_and_line_breaks_are_kept():
    assert teks.bersihkan("a\tb\r\nc\rd\x0be") == "a\tb\nc\nd\ne"
    assert teks.masalah("a\tb\r\nc") is None


@pytest.mark.django_db
def test_import_cell_with_a_control_character_is_refused(tmp_path, capsys):
    col = column_of("indikator", "nama")
    path = demo_copy(tmp_path, {("indikator", f"{col}3"): "Persentase\x9b layanan"})
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path))
    err = capsys.readouterr().err
    assert f"indikator!{col}3: nama contains the control character U+009B" in err
    assert "nothing was saved" in err


@pytest.mark.django_db
def test_import_cell_longer_than_its_column_is_refused(tmp_path, capsys):
    col = column_of("indikator", "nama")
    path = demo_copy(tmp_path, {("indikator", f"{col}3"): "x" * 401})
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path))
    assert f"indikator!{col}3: nama is longer than 400 characters (401)" in capsys.readouterr().err


@pytest.mark.django_db
def test_form_text_longer_than_its_column_is_refused(demo, pengguna_demo, masuk_sebagai):
    from perencanaan.models import Tujuan

    r = masuk_sebagai("operator").post(
        "/unit/bantargebang/renstra/tujuan/baru/", {"kode": "T9", "uraian": "x" * 1001}
    )
    assert r.status_code < 500
    assert not Tujuan.objects.filter(instansi=demo, kode="T9").exists()


@pytest.mark.django_db
def test_service_text_longer_than_its_column_is_refused(pk_manual, masuk_sebagai):
    from pengukuran.models import Realisasi
    from tests.realisasi_bantu import isian

    r = masuk_sebagai("operator").post(
        "/unit/bantargebang/realisasi/2025/TW4/", isian(nilai="5", analisis_sebab="x" * 5001)
    )
    assert r.status_code < 500
    assert "paling banyak 5000 karakter" in r.content.decode()
    assert not Realisasi.objects.filter(indikator__kode="IKU9", tahun=2025, periode="TW4").exists()


@pytest.mark.django_db
def test_messages_quoting_a_file_show_control_characters_as_codes(tmp_path, capsys):
    """A terminal escape in a sheet name or a cell never reaches the operator's terminal."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "x\x9b31m"
    wb.create_sheet("target").append(["instansi", "indikator", "tahun", "target", "kolom\x9b2J"])
    path = tmp_path / "escape.xlsx"
    wb.save(path)
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path))
    err = capsys.readouterr().err
    assert "x<U+009B>31m!A1: unknown sheet" in err and 'unknown column "kolom<U+009B>2j"' in err
    assert "\x9b" not in err
