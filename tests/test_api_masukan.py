"""Bad input to the API is a 4xx with an Indonesian message, never a 500, and saves nothing: a
wrong period or year, a value that is not a number (text, a boolean, NaN, too many digits), a
missing or malformed body, a huge body, an unknown unit or indicator."""

import json

import pytest

from pengukuran.models import Realisasi
from tests.api_bantu import klien, token

pytestmark = pytest.mark.django_db
B = "/api/v1/instansi/bantargebang"


def _put(c, url, data):
    body = data if isinstance(data, (str, bytes)) else json.dumps(data)
    return c.put(url, data=body, content_type="application/json")


def test_bad_writes_are_4xx_and_save_nothing(pk_manual):
    c = klien(token("operator"))
    url = f"{B}/realisasi/2025/TW1"
    kasus = [
        (f"{B}/realisasi/2025/TW9", {"isian": [{"kode": "IKU9", "nilai": 1}]}, 400),
        (f"{B}/realisasi/2025/TAHUN", {"isian": [{"kode": "IKU9", "nilai": 1}]}, 400),
        (f"{B}/realisasi/1800/TW1", {"isian": [{"kode": "IKU9", "nilai": 1}]}, 400),
        (f"{B}/realisasi/dua/TW1", {"isian": [{"kode": "IKU9", "nilai": 1}]}, 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": "delapan"}]}, 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": True}]}, 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": "NaN"}]}, 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": "Infinity"}]}, 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": 1e30}]}, 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": "1,1234567"}]}, 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": None}]}, 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": 1}, {"kode": "IKU9", "nilai": 2}]}, 400),
        (url, {"isian": [{"kode": "TIDAKADA", "nilai": 1}]}, 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": 1, "versi": -1}]}, 400),
        (url, {"isian": []}, 400),
        (url, {}, 400),
        (url, "{bukan json", 400),
        (url, "[]", 400),
        (url, {"isian": [{"kode": "IKU9", "nilai": 1, "analisis_sebab": "x" * 6000}]}, 400),
        (
            f"{B.replace('bantargebang', 'tidak-ada')}/realisasi/2025/TW1",
            {"isian": [{"kode": "IKU9", "nilai": 1}]},
            404,
        ),
        (f"{B}/anggaran/2024/TW1", {"isian": [{"baris": 999999, "nilai": 1}]}, 400),
        (f"{B}/anggaran/2024/TW1", {"isian": [{"baris": 1, "nilai": "-5"}]}, 400),
    ]
    for u, data, status in kasus:
        r = _put(c, u, data)
        assert r.status_code == status, (u, data, r.status_code, r.content[:200])
        assert r.json()["pesan"], (u, data)
    assert not Realisasi.objects.filter(indikator=pk_manual).exists()


def test_a_huge_body_is_refused(pk_manual, settings):
    c = klien(token("operator"))
    isian = [{"kode": "IKU9", "nilai": 1, "analisis_sebab": "x" * 4000}] * 1000  # about 4 MB
    r = _put(c, f"{B}/realisasi/2025/TW1", {"isian": isian})
    assert 400 <= r.status_code < 500
    assert not Realisasi.objects.filter(indikator=pk_manual).exists()


def test_bad_reads_are_4xx(pengguna_demo):
    c = klien(token("pembaca"))
    for url, status in (
        (f"{B}/capaian/99999", 400),
        (f"{B}/capaian/abc", 400),
        ("/api/v1/instansi/tidak-ada/capaian/2024", 404),
        (f"{B}/realisasi/2024?periode=TW9", 400),
        (f"{B}/realisasi/2024?halaman=0", 400),
        (f"{B}/realisasi/2024?per_halaman=100000", 400),
        ("/api/v1/pemda?halaman=-1", 400),
        (f"{B}/akip/2030", 404),
        (f"{B}/anggaran/2030", 404),
    ):
        r = c.get(url)
        assert r.status_code == status, (url, r.status_code, r.content[:200])
