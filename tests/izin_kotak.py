"""Authorisation-matrix routes of the inbox "Tugas saya" (merged by tests/test_izin_matrix.py).
Every logged-in user has an inbox of its own (a user of another unit sees its own tasks)."""

from tests.izin_common import UNIT

SENDIRI = {**UNIT, "other": 200}

CASES: dict = {
    "tugas-saya/": ("/tugas-saya/", SENDIRI),
    "tugas-saya/jumlah/": ("/tugas-saya/jumlah/", SENDIRI),
}
