"""The public portal of the demo shows the seed's numbers, the same as the query commands
(``capaian``, ``ikm``, ``akip``, ``anggaran``): one code path."""

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

UNIT = "/publik/kota-bekasi/bantargebang/"


def test_unit_page_shows_the_seed_figures(demo):
    html = Client().get(UNIT + "?tahun=2024").content.decode()
    for teks in (
        # capaian of the three IKU (seed Tabel 3.1): target, realisasi, capaian
        "83,00", "81,18", "97,8 %",
        "74,15", "74,78", "100,8 %",
        "40,00", "58,33", "145,8 %",
        # IKM per period and for the year (seed: S1 80,88, TW3 80,96, TW4 82,01 → 81,18)
        "80,88", "80,96", "82,01",
        # AKIP 2024 (imported LHE): 74,78, BB
        "BB (Sangat Baik)",
        # budget: total pagu, realisasi and serapan (seed Tabel 3.16)
        "Rp 23.459.734.760", "Rp 22.297.765.191", "95,05 %",
    ):  # fmt: skip
        assert teks in html, teks
    assert "Kecamatan Bantargebang" in html and 'class="grafik"' in html


def test_open_data_has_the_commands_numbers(demo, run_json):
    data = json.loads(Client().get(UNIT + "data.json?tahun=2024").content)
    capaian = [r for r in data["capaian"] if r["tahun"] == 2024]
    perintah = run_json("capaian", "--instansi", "bantargebang", "--tahun", "2024")
    assert [(r["kode"], r["target"], r["realisasi"], r["capaian"]) for r in capaian] == [
        (r["kode"], r["target"], r["realisasi"], r["capaian"]) for r in perintah
    ]
    assert [r["capaian"] for r in capaian] == [97.8, 100.8, 145.8]

    ikm = run_json("ikm", "--instansi", "bantargebang", "--tahun", "2024")
    per_periode = [
        (r["periode"], r["ikm"], r["mutu"], r["responden"]) for r in data["ikm"] if r["tahun"] == 2024
    ]
    assert per_periode == [
        *[(p["period"], p["ikm"], p["mutu"], p["respondents"]) for p in ikm["periods"]],
        ("TAHUN", ikm["tahun"]["ikm"], ikm["tahun"]["mutu"], None),
    ]
    assert per_periode[-1][1] == 81.18

    akip = run_json("akip", "--instansi", "bantargebang", "--tahun", "2024")
    assert [(r["nilai"], r["predikat"], r["interpretasi"]) for r in data["akip"] if r["tahun"] == 2024] == [
        (akip["total"], akip["predikat"], akip["interpretasi"])
    ]

    anggaran = run_json("anggaran", "--instansi", "bantargebang", "--tahun", "2024")
    program = [r for r in data["anggaran"] if r["tahun"] == 2024]
    assert [(r["kode"], r["program"], r["pagu"], r["realisasi"], r["serapan"]) for r in program[:-1]] == [
        (p["kode"], p["nama"], p["pagu"], p["realisasi"], p["serapan"]) for p in anggaran["program"]
    ]
    total = anggaran["total"]
    assert (program[-1]["pagu"], program[-1]["realisasi"], program[-1]["serapan"]) == (
        total["pagu"],
        total["realisasi"],
        total["serapan"],
    )


def test_pemda_page_lists_the_unit_with_its_figures(demo):
    html = Client().get("/publik/kota-bekasi/?tahun=2024").content.decode()
    assert "Portal kinerja Kota Bekasi" in html
    assert 'href="/publik/kota-bekasi/bantargebang/?tahun=2024"' in html
    assert "81,18 (B)" in html and "BB (74,78)" in html and "95,05 %" in html
    data = json.loads(Client().get("/publik/kota-bekasi/data.json?tahun=2024").content)
    assert [r["capaian"] for r in data["capaian"]] == [97.8, 100.8, 145.8]
    assert data["unit"] == [{"instansi": "bantargebang", "nama": "Kecamatan Bantargebang"}]


def test_public_skm_results_page_links_to_the_portal(demo):
    html = Client().get("/publik/bantargebang/skm/2024/").content.decode()
    assert 'href="/publik/kota-bekasi/bantargebang/?tahun=2024"' in html
