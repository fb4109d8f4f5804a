"""Authorisation-matrix routes of the pemda's schedule (jadwal/urls.py; merged by
tests/test_izin_matrix.py): its admin_pemda only; anyone else of any pemda gets 404."""

from tests.izin_common import UNIT

_ADMIN = {**UNIT, **{r: 404 for r in ("operator", "pimpinan", "evaluator", "pembaca")}}

CASES: dict = {
    "pemda/<slug:kode>/jadwal/<tahun:tahun>/": ("/pemda/kota-bekasi/jadwal/2025/", _ADMIN),
    "pemda/<slug:kode>/jadwal/<tahun:tahun>/pengecualian/": (
        "/pemda/kota-bekasi/jadwal/2025/pengecualian/",
        _ADMIN,
    ),
    # POST only: 405 to its admin, 404 to everyone else
    "pemda/<slug:kode>/jadwal/<tahun:tahun>/pengecualian/<int:pk>/cabut/": (
        "/pemda/kota-bekasi/jadwal/2025/pengecualian/1/cabut/",
        {**_ADMIN, "adminpemda": 405},
    ),
}
