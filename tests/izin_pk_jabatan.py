"""Authorisation-matrix routes of a position's own PK (Sekretaris, Kepala Seksi, Lurah; merged by
tests/test_izin_matrix.py). The matrix runs on the seed's demo, whose only PK 2024 is the Camat's,
so the routes are asked for the position ``camat`` (an official of the unit without a position PK):
its page renders empty, its revision page sends the operator to the creation form, its version 1
does not exist (404 to whoever may get that far). The same routes on a real position PK (the demo's
Sekretaris Kecamatan, 200 to readers, signing by the pimpinan) are checked in
tests/test_pk_jabatan_daftar.py, tests/test_pk_jabatan_ditolak.py and tests/test_pk_jabatan_browser.py."""

from tests.izin_common import EDIT, POST_ISI, UNIT

_TANPA_VERSI = {**UNIT, **{r: 404 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}}

CASES: dict = {
    "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/buat/": ("/unit/bantargebang/pk/2024/jabatan/buat/", EDIT),
    "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/": (
        "/unit/bantargebang/pk/2024/jabatan/camat/",
        UNIT,
    ),
    "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/buat/": (
        "/unit/bantargebang/pk/2024/jabatan/camat/buat/",
        {**EDIT, "operator": 302},
    ),
    "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/penandatangan/": (
        "/unit/bantargebang/pk/2024/jabatan/camat/penandatangan/",
        POST_ISI,
    ),
    "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/<int:versi>/dokumen/": (
        "/unit/bantargebang/pk/2024/jabatan/camat/1/dokumen/",
        _TANPA_VERSI,
    ),
    "unit/<slug:slug>/pk/<tahun:tahun>/jabatan/<slug:jabatan>/<int:versi>/tandatangani/": (
        "/unit/bantargebang/pk/2024/jabatan/camat/1/tandatangani/",
        {**POST_ISI, "operator": 403, "pimpinan": 404},
    ),
}
