"""Authorisation-matrix routes of the quarterly workflows (merged by tests/test_izin_matrix.py):
the budget realisasi's own submit/verify/lock, and the year lock of both workflows."""

from tests.izin_common import UNIT

SEMUA_405 = {r: 405 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}
# the pimpinan's page (setujui): the summary and the confirmation
PIMPINAN = {**UNIT, "operator": 403, "evaluator": 403, "adminpemda": 403, "pembaca": 403}

CASES: dict = {
    # POST-only: GET answers 405 once the user may see the unit (the service decides per aksi)
    "unit/<slug:slug>/anggaran/<tahun:tahun>/realisasi/<str:periode>/status/": (
        "/unit/bantargebang/anggaran/2025/realisasi/TW4/status/",
        {**UNIT, **SEMUA_405},
    ),
    "unit/<slug:slug>/kunci-tahun/<tahun:tahun>/": ("/unit/bantargebang/kunci-tahun/2025/", PIMPINAN),
}
