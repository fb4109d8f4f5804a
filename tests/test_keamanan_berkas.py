"""Hostile .xlsx files (issue #12, "Hostile files"): zip bombs, XML bombs, external entities,
nested archives, too many entries or rows are refused with a message, before anything is parsed
into memory, by the workbook import (command and SKM upload alike)."""

import os
import subprocess
import sys
import tracemalloc
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from openpyxl import Workbook

from dasar import xlsx
from skm.models import Responden
from workbook.importer import baca
from workbook.spec import SHEET_MAP

KOLOM = SHEET_MAP["skm_responden"].nama_kolom
SHEET = "xl/worksheets/sheet1.xml"
HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
BOM_XML = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">'
        % (i, b"".join(b"&lol%s;" % (str(i - 1).encode() if i > 1 else b"") for _ in range(10)))
        for i in range(1, 10)
    )
    + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>instansi</t></is></c></row>'
    b'<row r="2"><c r="A2" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>'
)
XXE_XML = (
    b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    b'<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>'
)


def _workbook(path, rows=()):
    wb = Workbook()
    ws = wb.active
    ws.title = "skm_responden"
    ws.append(KOLOM)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _replace(path, name, write, extra=()):
    """Rewrite the archive at ``path`` with entry ``name`` produced by ``write(file)``."""
    src = path.read_bytes()
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(src)
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for e in zin.infolist():
            if e.filename != name:
                zout.writestr(e, zin.read(e))
        with zout.open(name, "w", force_zip64=True) as f:
            write(f)
        for extra_name, data in extra:
            zout.writestr(extra_name, data)
    tmp.unlink()
    return path


def _zip_bomb(tmp_path, mb=100):
    """A sheet whose one saran cell holds ``mb`` MB of "a": a few hundred KB on disk."""

    def write(f):
        f.write(HEAD + b'<row r="1"><c r="A1" t="inlineStr"><is><t>saran</t></is></c></row>')
        f.write(b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
        chunk = b"a" * (1024 * 1024)
        for _ in range(mb):
            f.write(chunk)
        f.write(b"</t></is></c></row></sheetData></worksheet>")

    return _replace(_workbook(tmp_path / "bom.xlsx"), SHEET, write)


def _peak_mb(fn):
    tracemalloc.start()
    try:
        result = fn()
        return result, tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def test_zip_bomb_refused_with_little_memory(tmp_path):
    path = _zip_bomb(tmp_path)
    assert path.stat().st_size < 1_000_000  # 100 MB of text in a file under 1 MB
    (rows, errors), peak = _peak_mb(lambda: baca(path))
    assert rows == {}
    assert len(errors) == 1 and "bom.xlsx: berkas ditolak" in errors[0] and "bom zip" in errors[0]
    assert peak < 10, peak  # the 100 MB cell was never decompressed


def test_total_size_and_entry_count_are_bounded(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "w.xlsx", [["bantargebang", 2025]])
    monkeypatch.setattr(xlsx, "MAKS_TOTAL", 5_000)
    assert "setelah diekstrak lebih dari" in baca(path)[1][0]
    monkeypatch.undo()
    monkeypatch.setattr(xlsx, "MAKS_ENTRI", 3)
    assert "entri (paling banyak 3)" in baca(path)[1][0]


@pytest.mark.parametrize(
    "name,data,pesan",
    [
        ("xl/embeddings/lain.xlsx", b"PK\x03\x04" + b"x" * 100, "arsip lain di dalamnya"),
        ("xl/media/gambar.xml", b"PK\x03\x04" + b"x" * 100, "arsip lain di dalamnya"),
        ("../../etc/cron.d/x", b"x", "nama entri arsip tidak wajar"),
    ],
)
def test_nested_archives_and_absurd_names_refused(tmp_path, name, data, pesan):
    path = _workbook(tmp_path / "w.xlsx")
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr(name, data)
    rows, errors = baca(path)
    assert rows == {} and pesan in errors[0]


@pytest.mark.parametrize("xml", [BOM_XML, XXE_XML], ids=["billion-laughs", "external-entity"])
def test_xml_bomb_and_external_entity_refused(tmp_path, xml):
    path = _replace(_workbook(tmp_path / "x.xlsx"), SHEET, lambda f: f.write(xml))
    (rows, errors), peak = _peak_mb(lambda: baca(path))
    assert rows == {} and "deklarasi DTD/entitas XML" in errors[0]
    assert peak < 10, peak


@pytest.mark.parametrize("xml", [BOM_XML, XXE_XML], ids=["billion-laughs", "external-entity"])
def test_openpyxl_itself_refuses_entities(tmp_path, xml):
    """Second line: openpyxl parses sheets with defusedxml (installed), so even without the
    archive check an entity declaration raises instead of expanding or reading a local file."""
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    path = _replace(_workbook(tmp_path / "x.xlsx"), SHEET, lambda f: f.write(xml))
    with pytest.raises(ValueError) as exc:  # openpyxl wraps it: "Unable to read workbook"
        load_workbook(path, read_only=True, data_only=True)
    assert isinstance(exc.value.__cause__, DefusedXmlException)


def test_xml_bomb_memory_bounded_in_a_subprocess(tmp_path):
    """The whole process (expat included, which tracemalloc does not see) stays small."""
    path = _replace(_workbook(tmp_path / "x.xlsx"), SHEET, lambda f: f.write(BOM_XML))
    code = (
        "import resource, sys, django; django.setup()\n"
        "from workbook.importer import baca\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "rows, errors = baca(sys.argv[1])\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(len(rows), (after - before) // 1024, errors[0])\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "sakip.settings_test"),
    }
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=settings.BASE_DIR,
        check=True,
    ).stdout.split(" ", 2)
    assert out[0] == "0" and "berkas ditolak" in out[2]
    assert int(out[1]) < 20  # MB grown while reading the bomb


def test_huge_declared_dimension_and_row_numbers_are_bounded(tmp_path):
    """A sheet declaring A1:XFD1048576 and a row numbered 1,000,000 is not padded to them: the
    gap counts against the row limit and the import is refused quickly."""

    def write(f):
        f.write(HEAD.replace(b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>'))
        f.write(b'<row r="1"><c r="A1" t="inlineStr"><is><t>instansi</t></is></c></row>')
        f.write(b'<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>x</t></is></c></row>')
        f.write(b"</sheetData></worksheet>")

    path = _replace(_workbook(tmp_path / "d.xlsx"), SHEET, write)
    rows, errors = baca(path, maks_baris=1_000)
    assert "more than 1,000 rows" in errors[-1] and errors[-1].startswith("skm_responden!A1002:")


@pytest.mark.django_db
def test_import_command_prints_the_message_and_exits_non_zero(tmp_path, capsys):
    path = _zip_bomb(tmp_path, mb=20)
    with pytest.raises(SystemExit) as exc:
        call_command("import_workbook", str(path))
    assert exc.value.code == 1
    err = capsys.readouterr().err
    assert "bom.xlsx: berkas ditolak" in err and "Traceback" not in err


@pytest.mark.django_db
def test_import_command_refuses_an_xml_bomb(tmp_path, capsys):
    path = _replace(_workbook(tmp_path / "x.xlsx"), SHEET, lambda f: f.write(BOM_XML))
    with pytest.raises(SystemExit):
        call_command("import_workbook", str(path))
    assert "deklarasi DTD/entitas XML" in capsys.readouterr().err


def _login(name):
    c = Client()
    assert c.login(username=name, password="demo-sakip-2024")
    return c


@pytest.mark.django_db
@pytest.mark.parametrize("jenis", ["zip", "xml"])
def test_skm_upload_shows_the_message_and_stores_nothing(pengguna_demo, tmp_path, jenis):
    if jenis == "zip":
        path = _zip_bomb(tmp_path, mb=30)
    else:
        path = _replace(_workbook(tmp_path / "bom.xlsx"), SHEET, lambda f: f.write(BOM_XML))
    sebelum = Responden.objects.count()
    r = _login("operator").post(
        "/unit/bantargebang/skm/2025/impor/",
        {"berkas": SimpleUploadedFile("bom.xlsx", path.read_bytes())},
        follow=True,
    )
    assert r.status_code == 200
    assert "Tidak ada yang disimpan." in r.content.decode() and "berkas ditolak" in r.content.decode()
    assert Responden.objects.count() == sebelum


@pytest.mark.django_db
def test_skm_upload_row_limit(pengguna_demo, tmp_path, monkeypatch):
    from skm import services as pengaturan

    monkeypatch.setattr(pengaturan, "MAKS_BARIS_UNGGAH", 3)
    row = ["bantargebang", 2025, None, None, None, None, None, None, None, *([3] * 9), None]
    path = _workbook(tmp_path / "w.xlsx", [row] * 4)
    r = _login("operator").post(
        "/unit/bantargebang/skm/2025/impor/",
        {"berkas": SimpleUploadedFile("w.xlsx", path.read_bytes())},
        follow=True,
    )
    assert "more than 3 rows" in r.content.decode()
    assert not Responden.objects.filter(klien="impor").exists()


@hyp_settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8))
def test_a_damaged_workbook_gives_a_message_never_an_exception(perubahan):
    """Bytes of a real workbook changed anywhere (archive directory, compressed XML, headers):
    the import answers with a message, or reads what is still valid; it never raises."""
    import tempfile
    from pathlib import Path

    data = bytearray(settings.DEMO_WORKBOOK.read_bytes())
    for pos, byte in perubahan:
        data[pos % len(data)] = byte
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "rusak.xlsx"
        path.write_bytes(bytes(data))
        rows, errors = baca(path)
    assert isinstance(rows, dict) and isinstance(errors, list)


def test_every_xlsx_read_of_the_application_is_checked_first():
    """openpyxl's load_workbook is called only where dasar.xlsx.cek_berkas runs before it."""
    import re
    from pathlib import Path

    base = Path(settings.BASE_DIR)
    pemanggil = {}
    for f in base.rglob("*.py"):
        rel = f.relative_to(base)
        if rel.parts[0] in (".venv", "tests", "benchmarks", "node_modules") or "migrations" in rel.parts:
            continue
        teks = f.read_text(encoding="utf-8")
        if re.search(r"\bload_workbook\(", teks):
            pemanggil[str(rel)] = teks
    assert set(pemanggil) == {"workbook/importer.py", "workbook/writer.py"}, sorted(pemanggil)
    for rel, teks in pemanggil.items():
        for fungsi in re.split(r"\ndef ", teks)[1:]:
            if "load_workbook(" in fungsi:
                assert fungsi.index("cek_berkas") < fungsi.index("load_workbook("), (rel, fungsi[:60])
