"""Authorisation-matrix routes of the user guide /panduan/ (merged by tests/test_izin_matrix.py).
Every logged-in user may read it, whatever its role or unit; it holds no unit's data."""

from tests.izin_common import UNIT

SEMUA = {**UNIT, "other": 200}

CASES: dict = {
    "panduan/": ("/panduan/", SEMUA),
    "panduan/<slug:bab>/": ("/panduan/operator/", SEMUA),
    "panduan/gambar/<str:nama>": ("/panduan/gambar/masuk.png", SEMUA),
}
