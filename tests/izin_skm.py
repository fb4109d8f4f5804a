"""Authorisation-matrix routes of the skm area (merged by tests/test_izin_matrix.py)."""

from tests.izin_common import EDIT, POST_ISI, PUBLIK, UNIT  # noqa: F401

CASES: dict = {
    # upload of paper questionnaires: POST only; operator and admin_pemda may write
    "unit/<slug:slug>/skm/<tahun:tahun>/impor/": (
        "/unit/bantargebang/skm/2024/impor/",
        {**POST_ISI, "adminpemda": 405},
    ),
    # survey setup: readable by everyone who sees the unit, editable by operator and admin_pemda (POST)
    "unit/<slug:slug>/skm/pengaturan/": ("/unit/bantargebang/skm/pengaturan/", UNIT),
    # kiosk mode for counter tablets: the unit's operator and admin_pemda turn it on and off
    "unit/<slug:slug>/skm/kios/": ("/unit/bantargebang/skm/kios/", {**EDIT, "adminpemda": 200}),
    "unit/<slug:slug>/skm/<tahun:tahun>/laporan.docx": ("/unit/bantargebang/skm/2024/laporan.docx", UNIT),
    # a year without SKM data: 404 to whoever may see the unit (the PDF conversion is tested elsewhere)
    "unit/<slug:slug>/skm/<tahun:tahun>/laporan.pdf": (
        "/unit/bantargebang/skm/2030/laporan.pdf",
        {**UNIT, **{r: 404 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}},
    ),
}
