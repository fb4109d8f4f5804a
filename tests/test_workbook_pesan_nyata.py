"""The problems a real upload meets read in Indonesian on the upload page: bad cells of many kinds
in the demo workbook, imported as a dry run, each come out as sheet!cell with no English left."""

import re

import pytest

from tests.wb_utils import demo_copy
from workbook.importer import import_workbook
from workbook.pesan import indonesiakan

pytestmark = pytest.mark.django_db
INGGRIS = re.compile(r"\b(must|got|unknown|required|is not|missing|duplicate|appears|before|between)\b")


def _pesan(tmp_path, edits, nama):
    hasil = import_workbook(demo_copy(tmp_path, edits, name=nama), dry_run=True)
    pesan = [indonesiakan(g) for g in hasil.errors]
    for p in pesan:
        assert re.match(r"^\w+!(?:[A-Z]+\d+|\d+:\d+): ", p), p
        assert not INGGRIS.search(p.split(": ", 1)[1]), p
    return pesan


def test_real_problems_are_said_in_indonesian(demo, tmp_path):
    # cells that do not read (found while reading: nothing is loaded)
    pesan = _pesan(
        tmp_path,
        {
            ("indikator", "J2"): "naik",  # polaritas: not a choice
            ("indikator", "L2"): "mungkin",  # ya/tidak
            ("target", "D2"): "delapan",  # not a number
            ("target", "C4"): "dua ribu",  # not a year
            ("pk", "F2"): "kemarin",  # not a date
        },
        "sel.xlsx",
    )
    assert len(pesan) == 5, pesan
    assert 'indikator!J2: polaritas harus salah satu dari positif, negatif, rentang; tertulis "naik"' in pesan
    assert 'target!D2: target harus berupa angka, tertulis "delapan"' in pesan
    # rows that read but do not fit the data (found while loading)
    pesan = _pesan(
        tmp_path,
        {
            ("target", "B3"): "TIDAKADA",  # unknown indicator
            ("zona_penilaian", "D2"): 13,  # month
            ("anggaran", "C2"): "9.99.99.9.99.9999",  # unknown sub-kegiatan
            ("renstra", "E2"): 2020,  # ends before it starts
        },
        "data.xlsx",
    )
    assert len(pesan) >= 4, pesan
    assert "renstra!E2: tahun_akhir 2020 lebih awal dari tahun_awal 2024" in pesan
