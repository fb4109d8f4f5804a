"""Authorisation-matrix routes of the evaluasi area (merged by tests/test_izin_matrix.py).

Pages of one evaluation are requested with a non-existent id: 404 to everyone who may see the
unit (the pages themselves are tested per role in tests/test_evaluasi_*.py).
"""

from tests.izin_common import EDIT, POST_ISI, PUBLIK, UNIT  # noqa: F401

TIDAK_ADA = {**UNIT, **{r: 404 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}}
# POST-only, written by the operator or the evaluator: GET → 405 for both, 403 for readers
POST_OP_EV = {**POST_ISI, "evaluator": 405}
POST_SEMUA = {**UNIT, **{r: 405 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}}
LOGIN = {
    "operator": 200,
    "pimpinan": 200,
    "evaluator": 200,
    "adminpemda": 200,
    "pembaca": 200,
    "other": 200,
    "anon": 302,
}
POST_LOGIN = {**{r: 405 for r in LOGIN}, "anon": 302}

CASES: dict = {
    "unit/<slug:slug>/evaluasi/": ("/unit/bantargebang/evaluasi/", UNIT),
    "unit/<slug:slug>/evaluasi/buat/": ("/unit/bantargebang/evaluasi/buat/", POST_OP_EV),
    "unit/<slug:slug>/evaluasi/<int:pk>/": ("/unit/bantargebang/evaluasi/999999/", TIDAK_ADA),
    # one component's criteria in one form (GET and POST; the mode follows the role and status)
    "unit/<slug:slug>/evaluasi/<int:pk>/komponen/<int:komponen_id>/": (
        "/unit/bantargebang/evaluasi/999999/komponen/1/",
        TIDAK_ADA,
    ),
    # the finalisation summary and confirmation: the evaluator only
    "unit/<slug:slug>/evaluasi/<int:pk>/finalkan/": (
        "/unit/bantargebang/evaluasi/999999/finalkan/",
        {**UNIT, "operator": 403, "pimpinan": 403, "evaluator": 404, "adminpemda": 403, "pembaca": 403},
    ),
    "unit/<slug:slug>/evaluasi/<int:pk>/status/": ("/unit/bantargebang/evaluasi/999999/status/", POST_SEMUA),
    "unit/<slug:slug>/evaluasi/<int:pk>/lhe/": (
        "/unit/bantargebang/evaluasi/999999/lhe/",
        {**POST_ISI, "operator": 403, "evaluator": 405},
    ),
    "unit/<slug:slug>/evaluasi/<int:pk>/rekomendasi/": (
        "/unit/bantargebang/evaluasi/999999/rekomendasi/",
        {**POST_ISI, "operator": 403, "evaluator": 405},
    ),
    "unit/<slug:slug>/evaluasi/<int:pk>/lhe.<str:fmt>": (
        "/unit/bantargebang/evaluasi/999999/lhe.docx",
        TIDAK_ADA,
    ),
    "unit/<slug:slug>/evaluasi/bukti/<int:pk>/": ("/unit/bantargebang/evaluasi/bukti/999999/", TIDAK_ADA),
    "unit/<slug:slug>/tindak-lanjut/<int:pk>/": ("/unit/bantargebang/tindak-lanjut/999999/", POST_OP_EV),
    "unit/<slug:slug>/tindak-lanjut/<int:pk>/berkas/": (
        "/unit/bantargebang/tindak-lanjut/999999/berkas/",
        TIDAK_ADA,
    ),
    "pemda/<slug:kode>/evaluasi/<tahun:tahun>/": (
        "/pemda/kota-bekasi/evaluasi/2024/",
        {
            "operator": 404,
            "pimpinan": 404,
            "evaluator": 200,
            "adminpemda": 200,
            "pembaca": 404,
            "other": 404,
            "anon": 302,
        },
    ),
    "evaluasi/templat/": ("/evaluasi/templat/", LOGIN),
    "evaluasi/templat/<int:pk>/": ("/evaluasi/templat/999999/", {**{r: 404 for r in LOGIN}, "anon": 302}),
    "evaluasi/templat/<int:pk>/salin/": ("/evaluasi/templat/1/salin/", POST_LOGIN),
    "evaluasi/templat/kriteria/<int:pk>/": ("/evaluasi/templat/kriteria/1/", POST_LOGIN),
}
