"""`ikm` reproduces the seed's Tabel 3.3/3.4 and the yearly 81,18 from the NRR summaries."""

import pytest

pytestmark = pytest.mark.django_db


def test_demo_ikm_2024(demo, run_json):
    out = run_json("ikm", "--instansi", "bantargebang", "--tahun", "2024")
    periods = {p["period"]: p for p in out["periods"]}
    assert [p["period"] for p in out["periods"]] == ["S1", "TW3", "TW4"]
    assert (periods["S1"]["ikm"], periods["S1"]["mutu"]) == (80.88, "B")
    assert (periods["TW3"]["ikm"], periods["TW3"]["mutu"]) == (80.96, "B")
    assert (periods["TW4"]["ikm"], periods["TW4"]["mutu"]) == (82.01, "B")
    assert periods["TW4"]["mutu_unsur"][1] == "C" and periods["TW4"]["ikm_unsur"][1] == 76.1
    assert periods["S1"]["nrr"][0] == 3.144 and periods["S1"]["respondents"] is None
    assert out["tahun"]["ikm"] == 81.18 and out["tahun"]["mutu"] == "B"
    capaian = {r["kode"]: r for r in run_json("capaian", "--instansi", "bantargebang", "--tahun", "2024")}
    assert capaian["IKU1"]["realisasi"] == out["tahun"]["ikm"]


def test_no_survey_data(demo, run_json):
    assert run_json("ikm", "--instansi", "bantargebang", "--tahun", "2023") == {"periods": [], "tahun": None}
