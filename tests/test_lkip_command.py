"""lkip / perjanjian commands: one unit to a file (format from the extension), --all to a folder."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from pypdf import PdfReader

from laporan import keluaran
from laporan.lkip import bangun_lkip
from tests.test_dokumen_pdf_utuh import periksa_lkip_demo

pytestmark = pytest.mark.django_db
ANGKA = ["81,18", "97,8", "74,78", "100,8", "58,33", "145,8", "Rp 23.459.734.760", "95,05"]
perlu_soffice = pytest.mark.skipif(
    keluaran.soffice() is None, reason="LibreOffice (soffice) is not installed: PDF cannot be rendered"
)


def _docx_teks(path) -> str:
    doc = Document(str(path))
    return "\n".join(
        [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    )


def test_lkip_docx(demo, tmp_path):
    out = tmp_path / "x.docx"
    call_command(
        "lkip", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(out), stdout=io.StringIO()
    )
    teks = _docx_teks(out)
    for angka in ANGKA:
        assert angka in teks, angka
    assert "BAB I PENDAHULUAN" in [
        p.text for p in Document(str(out)).paragraphs if p.style.name == "Heading 1"
    ]


@perlu_soffice
def test_lkip_pdf(demo, tmp_path):
    out = tmp_path / "x.pdf"
    call_command(
        "lkip", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(out), stdout=io.StringIO()
    )
    teks = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(str(out)).pages))
    for angka in ANGKA:
        assert angka in teks, angka
    # fit to sign: no number or word of a table broken across lines (tests/test_dokumen_pdf_utuh.py)
    periksa_lkip_demo(bangun_lkip(demo, 2024), out.read_bytes())


def test_perjanjian_html(demo, tmp_path):
    out = tmp_path / "pk.html"
    call_command(
        "perjanjian", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(out), stdout=io.StringIO()
    )
    html = out.read_text()
    assert html.startswith("<!DOCTYPE html>") and "PIHAK PERTAMA" in html


@pytest.mark.parametrize(
    "args, pesan",
    [
        (["--instansi", "tidak-ada", "--out", "{tmp}/x.docx"], "tidak dikenal"),
        (["--instansi", "bantargebang", "--out", "{tmp}/x.odt"], "tidak didukung"),
        (["--instansi", "bantargebang", "--out", "{tmp}/tidak/ada/x.docx"], "tidak ada"),
        (["--instansi", "bantargebang", "--out", "{tmp}"], "folder"),
        (["--out", "{tmp}/x.docx"], "--instansi"),
        (["--all", "--instansi", "bantargebang", "--out", "{tmp}"], "bersama"),
        (["--all", "--pemda", "tidak-ada", "--out", "{tmp}/semua"], "tidak dikenal"),
        (["--all", "--out", "{tmp}/x.pdf"], "folder"),
    ],
)
def test_errors_are_command_errors(demo, tmp_path, args, pesan):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    with pytest.raises(CommandError, match=pesan):
        call_command("lkip", "--tahun", "2024", *args, stdout=io.StringIO())
    assert not list(tmp_path.glob("*.*"))


def test_unwritable_folder(demo, tmp_path):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        import os

        if os.access(ro, os.W_OK):  # running as root: permissions are not enforced
            pytest.skip("the test user can write everywhere (root)")
        with pytest.raises(CommandError, match="tidak dapat ditulisi"):
            call_command("lkip", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(ro / "x.docx"))
    finally:
        ro.chmod(0o700)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_all_units_of_a_pemda(demo, tmp_path, capsys, jobs):
    from organisasi.models import Instansi
    from tests.factories import InstansiFactory

    InstansiFactory(slug="kosong", nama="Kecamatan Kosong", pemda=demo.pemda)  # no data: still a document
    call_command(
        "perjanjian",
        "--all",
        "--pemda",
        demo.pemda.kode,
        "--tahun",
        "2024",
        "--format",
        "html",
        "--jobs",
        jobs,
        "--out",
        str(tmp_path / "pk"),
    )
    files = sorted(p.name for p in (tmp_path / "pk").iterdir())
    units = Instansi.objects.filter(pemda=demo.pemda).order_by("slug")
    assert files == [f"pk-{u.slug}-2024.html" for u in units]
    err = capsys.readouterr().err
    assert f"{units.count()}/{units.count()}" in err  # progress bar on stderr
    assert "PIHAK PERTAMA" in (tmp_path / "pk" / "pk-bantargebang-2024.html").read_text()
