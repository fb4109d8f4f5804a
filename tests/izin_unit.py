"""Authorisation-matrix routes of setting a unit up in the app: Renstra period, zones (merged by
tests/test_izin_matrix.py). The unit's operator and the pemda's admin (``atur``) may open them."""

from tests.izin_common import EDIT

ATUR = {**EDIT, "adminpemda": 200}

CASES: dict = {
    "unit/<slug:slug>/renstra/buat/": ("/unit/bantargebang/renstra/buat/", ATUR),
    "unit/<slug:slug>/zona/atur/": ("/unit/bantargebang/zona/atur/", ATUR),
}
