"""Authorisation-matrix routes of the public portal (merged by tests/test_izin_matrix.py): every
page and download answers without login; what is not public answers 404 to everyone."""

from tests.izin_common import PUBLIK, UNIT

TIDAK_ADA = {r: 404 for r in UNIT}  # not published (a draft PK, an LKIP never issued): 404 to all

CASES: dict = {
    "publik/<slug:pemda>/": ("/publik/kota-bekasi/", PUBLIK),
    "publik/<slug:pemda>/data.json": ("/publik/kota-bekasi/data.json", PUBLIK),
    "publik/<slug:pemda>/data.xlsx": ("/publik/kota-bekasi/data.xlsx", PUBLIK),
    "publik/<slug:pemda>/data/kamus.json": ("/publik/kota-bekasi/data/kamus.json", PUBLIK),
    "publik/<slug:pemda>/data/<slug:tabel>.csv": ("/publik/kota-bekasi/data/capaian.csv", PUBLIK),
    "publik/<slug:pemda>/<slug:unit>/": ("/publik/kota-bekasi/bantargebang/", PUBLIK),
    "publik/<slug:pemda>/<slug:unit>/data.json": ("/publik/kota-bekasi/bantargebang/data.json", PUBLIK),
    "publik/<slug:pemda>/<slug:unit>/data.xlsx": ("/publik/kota-bekasi/bantargebang/data.xlsx", PUBLIK),
    "publik/<slug:pemda>/<slug:unit>/data/kamus.json": (
        "/publik/kota-bekasi/bantargebang/data/kamus.json",
        PUBLIK,
    ),
    "publik/<slug:pemda>/<slug:unit>/data/<slug:tabel>.csv": (
        "/publik/kota-bekasi/bantargebang/data/anggaran.csv",
        PUBLIK,
    ),
    # the demo's 2024 LKIP is not issued: its download is refused to everyone, logged in or not
    "publik/<slug:pemda>/<slug:unit>/lkip/<tahun:tahun>/<int:nomor>.pdf": (
        "/publik/kota-bekasi/bantargebang/lkip/2024/1.pdf",
        TIDAK_ADA,
    ),
    "publik/<slug:pemda>/<slug:unit>/lkip/<tahun:tahun>/<int:nomor>.docx": (
        "/publik/kota-bekasi/bantargebang/lkip/2024/1.docx",
        TIDAK_ADA,
    ),
    # the demo's signed PK 2024 (versi 1) is public; the matrix's draft PK 2025 is not
    "publik/<slug:pemda>/<slug:unit>/pk/<tahun:tahun>/<int:versi>.docx": (
        "/publik/kota-bekasi/bantargebang/pk/2025/1.docx",
        TIDAK_ADA,
    ),
}
