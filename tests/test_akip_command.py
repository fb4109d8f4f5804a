import pytest

pytestmark = pytest.mark.django_db


def test_demo_akip_2024(demo, run_json):
    out = run_json("akip", "--instansi", "bantargebang", "--tahun", "2024")
    assert out["total"] == 74.78 and out["predikat"] == "BB" and out["source"] == "imported"
    assert [c["bobot"] for c in out["components"]] == [30, 30, 15, 25]
    assert [c["nilai"] for c in out["components"]] == [23.19, 22.46, 11.03, 18.1]
    capaian = {r["kode"]: r for r in run_json("capaian", "--instansi", "bantargebang", "--tahun", "2024")}
    assert capaian["IKU2"]["realisasi"] == out["total"] and capaian["IKU2"]["sumber_realisasi"] == "akip"


def test_no_evaluation(demo, run_json):
    assert run_json("akip", "--instansi", "bantargebang", "--tahun", "2023") is None
