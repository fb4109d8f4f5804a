"""Authorisation-matrix routes of the laporan area (merged by tests/test_izin_matrix.py)."""

from tests.izin_common import EDIT, POST_ISI, PUBLIK, UNIT  # noqa: F401

CASES: dict = {}
