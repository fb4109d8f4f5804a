"""Authorisation-matrix routes of the Rencana Aksi (merged by tests/test_izin_matrix.py): every
role of the unit reads the page (the form only for the operator, who alone may POST; a reader's
POST is 403, checked by tests/test_rencana_aksi_izin.py), another pemda's user gets 404."""

from tests.izin_common import UNIT

CASES: dict = {
    "unit/<slug:slug>/rencana-aksi/<tahun:tahun>/": ("/unit/bantargebang/rencana-aksi/2024/", UNIT),
}
