"""Authorisation matrix of the REST API (/api/v1/) and of the API token pages.

``CASES``: the routes as test_izin_matrix's session clients see them. The API never reads the
session cookie, so a logged-in browser is anonymous there: public data 200, the rest 401, a
write URL answers GET with 405. ``TOKEN_CASES``: every API route with a Bearer token of each demo
role, of the operator of another kecamatan ("other") and with none ("anon"):
route → (method, URL, JSON body or None, expected status per caller). The demo's PK 2024 is
signed (its year is public); the PK 2025 of ``pk_manual`` is a draft (its year is not).
"""

from tests.izin_common import UNIT

ANON = {r: 401 for r in UNIT}  # the session is not read: everyone is anonymous
SEMUA = {r: 200 for r in UNIT}
TULIS_GET = {r: 405 for r in UNIT}
SENDIRI = {**UNIT, "other": 200}

CASES = {
    "api/v1/openapi.json": ("/api/v1/openapi.json", SEMUA),
    "api/v1/docs/": ("/api/v1/docs/", SEMUA),
    "api/v1/": ("/api/v1/", {r: 404 for r in UNIT}),  # no page at the root: the docs are at docs/
    "api/v1/pemda": ("/api/v1/pemda", SEMUA),
    "api/v1/instansi": ("/api/v1/instansi", SEMUA),
    "api/v1/pemda/<kode>/capaian/<tahun>": ("/api/v1/pemda/kota-bekasi/capaian/2024", SEMUA),
    "api/v1/instansi/<slug>": ("/api/v1/instansi/bantargebang", SEMUA),
    "api/v1/instansi/<slug>/renstra": ("/api/v1/instansi/bantargebang/renstra", ANON),
    "api/v1/instansi/<slug>/indikator/<tahun>": ("/api/v1/instansi/bantargebang/indikator/2025", ANON),
    "api/v1/instansi/<slug>/pk/<tahun>": ("/api/v1/instansi/bantargebang/pk/2024", SEMUA),
    "api/v1/instansi/<slug>/realisasi/<tahun>": ("/api/v1/instansi/bantargebang/realisasi/2025", ANON),
    "api/v1/instansi/<slug>/capaian/<tahun>": ("/api/v1/instansi/bantargebang/capaian/2024", SEMUA),
    "api/v1/instansi/<slug>/anggaran/<tahun>": ("/api/v1/instansi/bantargebang/anggaran/2024", SEMUA),
    "api/v1/instansi/<slug>/anggaran/<tahun>/baris": (
        "/api/v1/instansi/bantargebang/anggaran/2025/baris",
        ANON,
    ),
    "api/v1/instansi/<slug>/ikm/<tahun>": ("/api/v1/instansi/bantargebang/ikm/2024", SEMUA),
    "api/v1/instansi/<slug>/akip/<tahun>": ("/api/v1/instansi/bantargebang/akip/2024", SEMUA),
    "api/v1/instansi/<slug>/zona/<tahun>": ("/api/v1/instansi/bantargebang/zona/2025", ANON),
    "api/v1/instansi/<slug>/realisasi/<tahun>/<periode>": (
        "/api/v1/instansi/bantargebang/realisasi/2025/TW1",
        TULIS_GET,
    ),
    "api/v1/instansi/<slug>/anggaran/<tahun>/<periode>": (
        "/api/v1/instansi/bantargebang/anggaran/2024/TW1",
        TULIS_GET,
    ),
    # one's own API tokens (any logged-in user); a token of nobody's: 404
    "akun/token-api/": ("/akun/token-api/", SENDIRI),
    "akun/token-api/<int:pk>/cabut/": ("/akun/token-api/999/cabut/", {**{r: 404 for r in UNIT}, "anon": 302}),
}

# with a token: the unit's own roles see everything of their unit; another unit's operator only
# what is public (else 404, the data's existence not revealed); no token: public or 401
PUBLIK = SEMUA
TERTUTUP = {**SEMUA, "other": 404, "anon": 401}
TULIS = {
    "operator": 200,
    "pimpinan": 403,
    "evaluator": 403,
    "adminpemda": 403,
    "pembaca": 403,
    "other": 403,
    "anon": 401,
}
B = "/api/v1/instansi/bantargebang"
TOKEN_CASES = {
    "api/v1/openapi.json": ("get", "/api/v1/openapi.json", None, PUBLIK),
    "api/v1/docs/": ("get", "/api/v1/docs/", None, PUBLIK),
    "api/v1/": ("get", "/api/v1/", None, {r: 404 for r in SEMUA}),
    "api/v1/pemda": ("get", "/api/v1/pemda", None, PUBLIK),
    "api/v1/instansi": ("get", "/api/v1/instansi?pemda=kota-bekasi", None, PUBLIK),
    # a pemda's list answers 200 to all; which units it holds is tests/test_api_capaian_pemda.py
    "api/v1/pemda/<kode>/capaian/<tahun>": ("get", "/api/v1/pemda/kota-bekasi/capaian/2025", None, PUBLIK),
    "api/v1/instansi/<slug>": ("get", B, None, PUBLIK),
    "api/v1/instansi/<slug>/renstra": ("get", f"{B}/renstra", None, TERTUTUP),
    "api/v1/instansi/<slug>/indikator/<tahun>": ("get", f"{B}/indikator/2025", None, TERTUTUP),
    "api/v1/instansi/<slug>/pk/<tahun>": ("get", f"{B}/pk/2025", None, TERTUTUP),
    "api/v1/instansi/<slug>/realisasi/<tahun>": ("get", f"{B}/realisasi/2025", None, TERTUTUP),
    "api/v1/instansi/<slug>/capaian/<tahun>": ("get", f"{B}/capaian/2025", None, TERTUTUP),
    "api/v1/instansi/<slug>/anggaran/<tahun>": ("get", f"{B}/anggaran/2024", None, PUBLIK),
    "api/v1/instansi/<slug>/anggaran/<tahun>/baris": ("get", f"{B}/anggaran/2024/baris", None, PUBLIK),
    "api/v1/instansi/<slug>/ikm/<tahun>": ("get", f"{B}/ikm/2024", None, PUBLIK),
    "api/v1/instansi/<slug>/akip/<tahun>": ("get", f"{B}/akip/2024", None, PUBLIK),
    "api/v1/instansi/<slug>/zona/<tahun>": ("get", f"{B}/zona/2025", None, TERTUTUP),
    "api/v1/instansi/<slug>/realisasi/<tahun>/<periode>": (
        "put",
        f"{B}/realisasi/2025/TW1",
        {"isian": [{"kode": "IKU9", "nilai": 85}]},
        TULIS,
    ),
    "api/v1/instansi/<slug>/anggaran/<tahun>/<periode>": (
        "put",
        f"{B}/anggaran/2024/TW1",
        {"isian": [{"baris": "<baris>", "nilai": 1000}]},  # <baris>: the demo's first budget line
        TULIS,
    ),
}
