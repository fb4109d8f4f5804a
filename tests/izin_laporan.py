"""Authorisation-matrix routes of the laporan area (merged by tests/test_izin_matrix.py)."""

from tests.izin_common import EDIT, POST_ISI, PUBLIK, UNIT  # noqa: F401

_REVIU_BERKAS = {**UNIT, "adminpemda": 403, "pembaca": 403}
_TANPA_PK = {**UNIT, **{r: 404 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}}

CASES: dict = {
    # dokumen (laporan/urls.py): LKIP preview for everyone who sees the unit; downloads are
    # asked for a year without PK (404 to whoever may see the unit) so the matrix does not render them
    # — their content is tested in tests/test_laporan_views.py
    "unit/<slug:slug>/lkip/<tahun:tahun>/": ("/unit/bantargebang/lkip/2024/", UNIT),
    # the Renja page (tests/test_renja_isi.py): everyone who sees the unit
    "unit/<slug:slug>/renja/<tahun:tahun>/": ("/unit/bantargebang/renja/2024/", UNIT),
    "unit/<slug:slug>/lkip/<tahun:tahun>/lkip.docx": ("/unit/bantargebang/lkip/2030/lkip.docx", _TANPA_PK),
    "unit/<slug:slug>/lkip/<tahun:tahun>/lkip.pdf": ("/unit/bantargebang/lkip/2030/lkip.pdf", _TANPA_PK),
    "unit/<slug:slug>/pk/<tahun:tahun>/dokumen.docx": ("/unit/bantargebang/pk/2030/dokumen.docx", _TANPA_PK),
    "unit/<slug:slug>/pk/<tahun:tahun>/dokumen.pdf": ("/unit/bantargebang/pk/2030/dokumen.pdf", _TANPA_PK),
    # an issued version's stored files: asked for a version that does not exist (404 to whoever may
    # see the unit); the served bytes are tested in tests/test_terbitan_lkip_beku.py
    "unit/<slug:slug>/lkip/<tahun:tahun>/terbitan/<int:nomor>.docx": (
        "/unit/bantargebang/lkip/2024/terbitan/9.docx",
        _TANPA_PK,
    ),
    "unit/<slug:slug>/lkip/<tahun:tahun>/terbitan/<int:nomor>.pdf": (
        "/unit/bantargebang/lkip/2024/terbitan/9.pdf",
        _TANPA_PK,
    ),
    # issuing the LKIP: the confirmation page for the unit's pimpinan only (tests/test_terbitan_lkip_web.py)
    "unit/<slug:slug>/lkip/<tahun:tahun>/terbitkan/": (
        "/unit/bantargebang/lkip/2024/terbitkan/",
        {**UNIT, "operator": 403, "evaluator": 403, "adminpemda": 403, "pembaca": 403},
    ),
    "unit/<slug:slug>/lkip/<tahun:tahun>/teks/": ("/unit/bantargebang/lkip/2024/teks/", EDIT),
    # requesting a document from the task queue: POST only, for everyone who sees the unit (GET: 405)
    "unit/<slug:slug>/dokumen/<str:jenis>/<int:nomor>/<str:fmt>/minta/": (
        "/unit/bantargebang/dokumen/lkip/2024/pdf/minta/",
        {**UNIT, **{r: 405 for r in ("operator", "pimpinan", "evaluator", "adminpemda", "pembaca")}},
    ),
    # the ESR package job: POST only, for the unit's operator and pimpinan and the pemda's admin
    # and evaluator (GET: 405); not viewers (403)
    "unit/<slug:slug>/esr/<tahun:tahun>/minta/": (
        "/unit/bantargebang/esr/2024/minta/",
        {**UNIT, **{r: 405 for r in ("operator", "pimpinan", "evaluator", "adminpemda")}, "pembaca": 403},
    ),
    # reviu before the LKIP: readable by everyone who sees the unit
    "unit/<slug:slug>/reviu/<tahun:tahun>/": ("/unit/bantargebang/reviu/2024/", UNIT),
    "unit/<slug:slug>/reviu/<tahun:tahun>/lembar.docx": ("/unit/bantargebang/reviu/2024/lembar.docx", UNIT),
    # reviu of an uploaded LKIP file: the unit's operator and pimpinan and the Inspektorat's
    # evaluator; a file that does not exist is 404 to them (tests/test_reviu_berkas_unggah.py)
    "unit/<slug:slug>/reviu-berkas/": ("/unit/bantargebang/reviu-berkas/", _REVIU_BERKAS),
    "unit/<slug:slug>/reviu-berkas/<int:pk>/": (
        "/unit/bantargebang/reviu-berkas/999999/",
        {**_REVIU_BERKAS, "operator": 404, "pimpinan": 404, "evaluator": 404},
    ),
}
