"""Authorisation-matrix routes of the DPA in the app (budget lines, cash plan, links to
indicators, the sub-kegiatan type-ahead; merged by tests/test_izin_matrix.py): the unit's
operator enters the budget (``isi``); readers get 403, another unit's user 404."""

from tests.izin_common import EDIT

CASES: dict = {
    "unit/<slug:slug>/anggaran/<tahun:tahun>/dpa/": ("/unit/bantargebang/anggaran/2024/dpa/", EDIT),
    "unit/<slug:slug>/anggaran/<tahun:tahun>/baris/<int:pk>/hapus/": (
        "/unit/bantargebang/anggaran/2024/baris/999999/hapus/",
        {**EDIT, "operator": 404},
    ),
    "unit/<slug:slug>/anggaran/<tahun:tahun>/dukungan/": ("/unit/bantargebang/anggaran/2024/dukungan/", EDIT),
    "unit/<slug:slug>/anggaran/sub-kegiatan/": ("/unit/bantargebang/anggaran/sub-kegiatan/?q=7.01.02", EDIT),
}
