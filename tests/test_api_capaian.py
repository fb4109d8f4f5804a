"""The API's figures are the query commands' JSON (one code path): capaian, anggaran, ikm and
akip of the demo, and the seed's capaian as JSON numbers (81,18 / 97,8; 74,78 / 100,8;
58,33 / 145,8), without a token (the demo's PK 2024 is signed: public) and with one."""

import pytest
from django.test import Client

from tests.api_bantu import klien, token

pytestmark = pytest.mark.django_db
B = "/api/v1/instansi/bantargebang"


def test_capaian_equals_the_command_and_the_seed(demo, run_json):
    perintah = run_json("capaian", "--instansi", "bantargebang", "--tahun", "2024")
    r = Client().get(f"{B}/capaian/2024")
    assert r.status_code == 200
    data = r.json()
    assert data["indikator"] == perintah
    assert (data["instansi"], data["tahun"], data["alasan"]) == ("bantargebang", 2024, None)
    angka = [(b["kode"], b["realisasi"], b["capaian"]) for b in data["indikator"]]
    assert angka == [("IKU1", 81.18, 97.8), ("IKU2", 74.78, 100.8), ("IKU3", 58.33, 145.8)]
    assert all(isinstance(b["capaian"], float) for b in data["indikator"])  # numbers, not text


def test_the_other_figures_equal_their_commands(pengguna_demo, run_json):
    c = klien(token("pembaca"))
    for perintah, url in (("anggaran", "anggaran"), ("ikm", "ikm"), ("akip", "akip")):
        expected = run_json(perintah, "--instansi", "bantargebang", "--tahun", "2024")
        r = c.get(f"{B}/{url}/2024")
        assert r.status_code == 200, (url, r.content)
        assert r.json() == expected, perintah


def test_a_year_without_a_pk_gives_the_commands_reason(pengguna_demo, run_json):
    perintah = run_json("capaian", "--instansi", "bantargebang", "--tahun", "2023")
    r = klien(token("pembaca")).get(f"{B}/capaian/2023")
    assert r.status_code == 200
    assert r.json()["indikator"] == [] and r.json()["alasan"] == perintah["alasan"]
