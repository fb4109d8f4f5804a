"""Authorisation-matrix routes of the pohon kinerja (merged by tests/test_izin_matrix.py): every
role of the unit reads the unit's tree and downloads its SVG; the PDF is asked by POST (405 to a
GET of who may ask it); the pemda's tree, its SVG and its PDF are for who may see the pemda's
pages (admin_pemda, evaluator of the pemda), 404 to the others."""

from tests.izin_common import UNIT

PEMDA = {**UNIT, "operator": 404, "pimpinan": 404, "pembaca": 404}

CASES: dict = {
    "unit/<slug:slug>/pohon/<tahun:tahun>/": ("/unit/bantargebang/pohon/2024/", UNIT),
    "unit/<slug:slug>/pohon/<tahun:tahun>/svg/": ("/unit/bantargebang/pohon/2024/svg/", UNIT),
    "unit/<slug:slug>/pohon/<tahun:tahun>/pdf/": (
        "/unit/bantargebang/pohon/2024/pdf/",
        {r: (405 if s == 200 else s) for r, s in UNIT.items()},
    ),
    "unit/<slug:slug>/pohon/<tahun:tahun>/bagian/": ("/unit/bantargebang/pohon/2024/bagian/", UNIT),
    "pemda/<slug:kode>/pohon/<tahun:tahun>/": ("/pemda/kota-bekasi/pohon/2024/", PEMDA),
    "pemda/<slug:kode>/pohon/<tahun:tahun>/svg/": ("/pemda/kota-bekasi/pohon/2024/svg/", PEMDA),
    "pemda/<slug:kode>/pohon/<tahun:tahun>/pdf/": (
        "/pemda/kota-bekasi/pohon/2024/pdf/",
        {r: (405 if s == 200 else s) for r, s in PEMDA.items()},
    ),
    # the demo has no RPD: an unknown pemda sasaran is 404 to everyone (the page itself and who may
    # see it: tests/test_pohon_lintas.py)
    "pemda/<slug:kode>/pohon/<tahun:tahun>/sasaran/<int:pk>/": (
        "/pemda/kota-bekasi/pohon/2024/sasaran/999999/",
        {**PEMDA, "evaluator": 404, "adminpemda": 404},
    ),
    "pemda/<slug:kode>/pohon/<tahun:tahun>/sasaran/<int:pk>/svg/": (
        "/pemda/kota-bekasi/pohon/2024/sasaran/999999/svg/",
        {**PEMDA, "evaluator": 404, "adminpemda": 404},
    ),
    "pemda/<slug:kode>/pohon/<tahun:tahun>/sasaran/<int:pk>/pdf/": (
        "/pemda/kota-bekasi/pohon/2024/sasaran/999999/pdf/",
        {**PEMDA, "evaluator": 404, "adminpemda": 404},
    ),
}
