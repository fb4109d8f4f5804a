"""Authorisation-matrix routes of the skm area (merged by tests/test_izin_matrix.py)."""

from tests.izin_common import EDIT, POST_ISI, PUBLIK, UNIT  # noqa: F401

CASES: dict = {
    # survey setup: readable by everyone who sees the unit, editable by operator and admin_pemda (POST)
    "unit/<slug:slug>/skm/pengaturan/": ("/unit/bantargebang/skm/pengaturan/", UNIT),
    "unit/<slug:slug>/skm/<int:tahun>/laporan.docx": ("/unit/bantargebang/skm/2024/laporan.docx", UNIT),
    "unit/<slug:slug>/skm/<int:tahun>/laporan.pdf": ("/unit/bantargebang/skm/2024/laporan.pdf", UNIT),
}
