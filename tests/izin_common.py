"""Shared role/status maps of the authorisation matrix (tests/test_izin_matrix.py).

Each area keeps its own routes in tests/izin_<area>.py as ``CASES = {route: (url, expected)}``;
test_izin_matrix merges them and fails on any route of the URLconf that is not listed.
"""

# route → (URL to request, expected status per role; "other" = operator of another kecamatan)
UNIT = {
    "operator": 200,
    "pimpinan": 200,
    "evaluator": 200,
    "adminpemda": 200,
    "pembaca": 200,
    "other": 404,
    "anon": 302,
}
# POST-only write views: GET answers 405 to who may write, 403 to who may only read
POST_ISI = {**UNIT, "operator": 405, "pimpinan": 403, "evaluator": 403, "adminpemda": 403, "pembaca": 403}
# GET forms for writers: 200 to the operator, 403 to readers
EDIT = {**UNIT, "pimpinan": 403, "evaluator": 403, "adminpemda": 403, "pembaca": 403}
PUBLIK = {r: 200 for r in UNIT}
