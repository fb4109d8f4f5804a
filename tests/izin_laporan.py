"""Authorisation-matrix routes of the laporan area (merged by tests/test_izin_matrix.py)."""

from tests.izin_common import EDIT, POST_ISI, PUBLIK, UNIT  # noqa: F401

CASES: dict = {
    # reviu before the LKIP: readable by everyone who sees the unit
    "unit/<slug:slug>/reviu/<int:tahun>/": ("/unit/bantargebang/reviu/2024/", UNIT),
    "unit/<slug:slug>/reviu/<int:tahun>/lembar.docx": ("/unit/bantargebang/reviu/2024/lembar.docx", UNIT),
}
