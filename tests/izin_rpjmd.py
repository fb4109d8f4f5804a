"""Authorisation-matrix routes of the pemda level (merged by tests/test_izin_matrix.py): the
pemda's RPJMD/RPD pages are console pages (the pemda's admin only; everyone else 404); a unit's
page of links to the pemda sasaran is seen like the Renstra, its unlink confirmation is for who
sets the Renstra up (``atur``). Object pages use an id that exists nowhere; the same pages with
real objects, and another pemda's users, are in tests/test_rpjmd_izin.py."""

from tests.izin_common import UNIT
from tests.izin_konsol import KONSOL, TIDAK_ADA

ATUR_TIDAK_ADA = {
    **UNIT,
    "operator": 404,
    "adminpemda": 404,
    "pimpinan": 403,
    "evaluator": 403,
    "pembaca": 403,
}

CASES: dict = {
    "konsol/rpjmd/": ("/konsol/rpjmd/", KONSOL),
    "konsol/rpjmd/baru/": ("/konsol/rpjmd/baru/", KONSOL),
    "konsol/rpjmd/<int:pk>/": ("/konsol/rpjmd/999999/", TIDAK_ADA),
    "konsol/rpjmd/<int:pk>/ubah/": ("/konsol/rpjmd/999999/ubah/", TIDAK_ADA),
    "konsol/rpjmd/<int:pk>/hapus/": ("/konsol/rpjmd/999999/hapus/", TIDAK_ADA),
    "konsol/rpjmd/<int:pk>/<str:tingkat>/": ("/konsol/rpjmd/999999/sasaran/", TIDAK_ADA),
    "konsol/rpjmd/<int:pk>/<str:tingkat>/<int:item>/hapus/": (
        "/konsol/rpjmd/999999/sasaran/1/hapus/",
        TIDAK_ADA,
    ),
    "unit/<slug:slug>/sasaran-pemda/": ("/unit/bantargebang/sasaran-pemda/", UNIT),
    "unit/<slug:slug>/sasaran-pemda/<int:pk>/hapus/": (
        "/unit/bantargebang/sasaran-pemda/999999/hapus/",
        ATUR_TIDAK_ADA,
    ),
}
