"""Authorisation-matrix routes of the workbook pages (workbook/urls.py; merged by
tests/test_izin_matrix.py). Downloads: whoever sees the unit; upload and apply: the unit's operator
and the pemda's admin (akun.izin "impor"). The matrix asks for an upload that does not exist (404
to who may upload); whose upload is whose is tested in tests/test_workbook_unggah_unit_lain.py."""

from tests.izin_common import UNIT

_ID = "00000000-0000-4000-8000-000000000000"
_IMPOR_POST = {**UNIT, "operator": 405, "adminpemda": 405, "pimpinan": 403, "evaluator": 403, "pembaca": 403}
_IMPOR_TIDAK_ADA = {**_IMPOR_POST, "operator": 404, "adminpemda": 404}

CASES: dict = {
    "unit/<slug:slug>/workbook/<tahun:tahun>/": ("/unit/bantargebang/workbook/2024/", UNIT),
    "unit/<slug:slug>/workbook/<tahun:tahun>/unduh/": ("/unit/bantargebang/workbook/2024/unduh/", UNIT),
    "unit/<slug:slug>/workbook/<tahun:tahun>/templat/": ("/unit/bantargebang/workbook/2024/templat/", UNIT),
    "unit/<slug:slug>/workbook/<tahun:tahun>/unggah/": (
        "/unit/bantargebang/workbook/2024/unggah/",
        _IMPOR_POST,
    ),
    "unit/<slug:slug>/workbook/unggahan/<uuid:pk>/": (
        f"/unit/bantargebang/workbook/unggahan/{_ID}/",
        _IMPOR_TIDAK_ADA,
    ),
    "unit/<slug:slug>/workbook/unggahan/<uuid:pk>/terapkan/": (
        f"/unit/bantargebang/workbook/unggahan/{_ID}/terapkan/",
        _IMPOR_POST,
    ),
}
