"""Authorisation-matrix routes of the pemda console (merged by tests/test_izin_matrix.py): the
pemda's admin only; everyone else 404 (the console is not revealed), anonymous → login page.
Object pages are requested with an id that exists nowhere (404 even to the admin); the same
pages with real objects, for the admin and another pemda's admin, are in
tests/test_konsol_izin.py."""

from tests.izin_common import UNIT

KONSOL = {**{r: 404 for r in UNIT}, "adminpemda": 200, "anon": 302}
KONSOL_POST = {**KONSOL, "adminpemda": 405}  # POST-only: GET answers 405 to the admin
TIDAK_ADA = {**KONSOL, "adminpemda": 404}  # an object that does not exist

CASES: dict = {
    "konsol/": ("/konsol/", KONSOL),
    "konsol/profil/": ("/konsol/profil/", KONSOL),
    # no logo stored in the demo: 404 to the admin too
    "konsol/profil/logo/": ("/konsol/profil/logo/", TIDAK_ADA),
    "konsol/unit/": ("/konsol/unit/", KONSOL),
    "konsol/unit/baru/": ("/konsol/unit/baru/", KONSOL),
    "konsol/unit/<slug:slug>/": ("/konsol/unit/bantargebang/", KONSOL),
    "konsol/unit/<slug:slug>/status/": ("/konsol/unit/bantargebang/status/", KONSOL_POST),
    "konsol/unit/<slug:slug>/subunit/baru/": ("/konsol/unit/bantargebang/subunit/baru/", KONSOL),
    "konsol/unit/<slug:slug>/subunit/<int:pk>/": ("/konsol/unit/bantargebang/subunit/999999/", TIDAK_ADA),
    "konsol/unit/<slug:slug>/subunit/<int:pk>/status/": (
        "/konsol/unit/bantargebang/subunit/999999/status/",
        KONSOL_POST,
    ),
    "konsol/unit/<slug:slug>/pejabat/baru/": ("/konsol/unit/bantargebang/pejabat/baru/", KONSOL),
    "konsol/unit/<slug:slug>/pegawai/<tahun:tahun>/": ("/konsol/unit/bantargebang/pegawai/2024/", KONSOL),
    "konsol/pejabat/": ("/konsol/pejabat/", KONSOL),
    "konsol/pejabat/baru/": ("/konsol/pejabat/baru/", KONSOL),
    "konsol/pejabat/<int:pk>/": ("/konsol/pejabat/999999/", TIDAK_ADA),
    "konsol/pejabat/<int:pk>/status/": ("/konsol/pejabat/999999/status/", KONSOL_POST),
    "konsol/pengguna/": ("/konsol/pengguna/", KONSOL),
    "konsol/pengguna/baru/": ("/konsol/pengguna/baru/", KONSOL),
    "konsol/pengguna/<int:pk>/": ("/konsol/pengguna/999999/", TIDAK_ADA),
    "konsol/pengguna/<int:pk>/status/": ("/konsol/pengguna/999999/status/", KONSOL_POST),
    "konsol/pengguna/<int:pk>/tautan/": ("/konsol/pengguna/999999/tautan/", KONSOL_POST),
    "konsol/pengguna/<int:pk>/otp/": ("/konsol/pengguna/999999/otp/", KONSOL_POST),
    "konsol/pengguna/<int:pk>/peran/": ("/konsol/pengguna/999999/peran/", TIDAK_ADA),
    "konsol/peran/<int:pk>/hapus/": ("/konsol/peran/999999/hapus/", KONSOL_POST),
}
