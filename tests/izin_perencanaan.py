"""Authorisation-matrix routes of building the Renstra in the app: tujuan, sasaran and indikator
(create, edit, delete or archive, move), the targets grid, the IKU sheet (merged by
tests/test_izin_matrix.py). They are setting the unit up (``atur``): the unit's operator and the
pemda's admin; readers get 403, another pemda's operator 404. tests/test_perencanaan_renstra_izin.py
checks the same routes on real rows, by POST too."""

from tests.izin_common import EDIT, POST_ISI, UNIT

ATUR = {**EDIT, "adminpemda": 200}
# an id no row has: the writer's lookup answers 404, the reader is refused (403) before it
ATUR_TANPA_BARIS = {**ATUR, "operator": 404, "adminpemda": 404}
POST_ATUR = {**POST_ISI, "adminpemda": 405}

CASES: dict = {
    "unit/<slug:slug>/renstra/<str:jenis>/baru/": ("/unit/bantargebang/renstra/tujuan/baru/", ATUR),
    "unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/": (
        "/unit/bantargebang/renstra/indikator/999999/",
        ATUR_TANPA_BARIS,
    ),
    "unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/hapus/": (
        "/unit/bantargebang/renstra/sasaran/999999/hapus/",
        ATUR_TANPA_BARIS,
    ),
    "unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/arsipkan/": (
        "/unit/bantargebang/renstra/tujuan/999999/arsipkan/",
        ATUR_TANPA_BARIS,
    ),
    "unit/<slug:slug>/renstra/<str:jenis>/<int:pk>/geser/": (
        "/unit/bantargebang/renstra/indikator/999999/geser/",
        POST_ATUR,
    ),
    "unit/<slug:slug>/renstra/target/": ("/unit/bantargebang/renstra/target/", ATUR),
    "unit/<slug:slug>/iku/ubah/": ("/unit/bantargebang/iku/ubah/", ATUR),
    # the cascade (docs/perencanaan.md): everyone who sees the unit reads it; editing is ``atur``
    "unit/<slug:slug>/jenjang/<tahun:tahun>/": ("/unit/bantargebang/jenjang/2024/", UNIT),
    "unit/<slug:slug>/jenjang/<tahun:tahun>/sasaran/<int:sasaran_id>/": (
        "/unit/bantargebang/jenjang/2024/sasaran/999999/",
        ATUR_TANPA_BARIS,
    ),
    # the staff RHK: read by all who see the unit (the form only for ``atur``); the download of
    # names and NIP only for the unit's operator and pimpinan (``unduh_rhk``)
    "unit/<slug:slug>/rhk/<tahun:tahun>/": ("/unit/bantargebang/rhk/2024/", UNIT),
    "unit/<slug:slug>/rhk/<tahun:tahun>/unduh.<str:format>": (
        "/unit/bantargebang/rhk/2024/unduh.csv",
        {**UNIT, "evaluator": 403, "adminpemda": 403, "pembaca": 403},
    ),
}
