"""Authorisation-matrix routes of the job pages (tugas/urls.py; merged by tests/test_izin_matrix.py).

The matrix asks for a job that does not exist (404 to whoever may see the unit, or the pemda); who
sees a real job of the unit and who does not is tested in tests/test_tugas_izin.py, of a pemda in
tests/test_tugas_pemda_izin.py."""

from tests.izin_common import UNIT

_TIDAK_ADA = {**UNIT, **{r: 404 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}}
_ID = "00000000-0000-4000-8000-000000000000"

CASES: dict = {
    # the user's own requests: every logged-in user has the page (theirs only: tests/test_tugas_daftar.py)
    "tugas/": ("/tugas/", {**{r: 200 for r in UNIT}, "anon": 302}),
    "unit/<slug:slug>/tugas/<uuid:pk>/": (f"/unit/bantargebang/tugas/{_ID}/", _TIDAK_ADA),
    "unit/<slug:slug>/tugas/<uuid:pk>/kemajuan/": (
        f"/unit/bantargebang/tugas/{_ID}/kemajuan/",
        _TIDAK_ADA,
    ),
    "unit/<slug:slug>/tugas/<uuid:pk>/hasil/": (f"/unit/bantargebang/tugas/{_ID}/hasil/", _TIDAK_ADA),
    # a pemda's jobs (the pemda tree's PDF): an unknown one is 404 to every logged-in user
    "pemda/<slug:kode>/tugas/<uuid:pk>/": (f"/pemda/kota-bekasi/tugas/{_ID}/", _TIDAK_ADA),
    "pemda/<slug:kode>/tugas/<uuid:pk>/kemajuan/": (f"/pemda/kota-bekasi/tugas/{_ID}/kemajuan/", _TIDAK_ADA),
    "pemda/<slug:kode>/tugas/<uuid:pk>/hasil/": (f"/pemda/kota-bekasi/tugas/{_ID}/hasil/", _TIDAK_ADA),
}
