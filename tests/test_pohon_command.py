"""`manage.py pohon`: the JSON tree of a unit (--instansi) or of the pemda (--pemda) with level,
nama, indikator, pemilik, anggaran and anak per node and the findings; one of the two options;
unknown names refused."""

import json

import pytest
from django.core.management import CommandError, call_command

from tests.rpjmd_bantu import rpd_kecil

pytestmark = pytest.mark.django_db


def test_unit_json_has_every_field(demo, run_json):
    out = run_json("pohon", "--instansi", "bantargebang", "--tahun", "2024")
    assert set(out) == {"tahun", "pohon", "temuan"}
    node = out["pohon"][0]
    assert {"level", "nama", "indikator", "pemilik", "anggaran", "anak"} <= set(node)
    ind = node["anak"][0]["indikator"][0]
    assert {"nama", "target", "realisasi", "capaian"} <= set(ind)
    prog = node["anak"][0]["anak"][0]
    assert prog["anggaran"] and {"kode", "pagu", "realisasi"} <= set(prog["anggaran"][0])
    assert all({"jenis", "pesan"} <= set(t) for t in out["temuan"])


def test_pemda_json_and_the_root_parent_is_the_pemda_sasaran(run_json):
    x = rpd_kecil()
    out = run_json("pohon", "--pemda", x.pemda.kode, "--tahun", "2025")
    (akar,) = [n for n in out["pohon"] if n["level"] == "sasaran_pemda"]
    assert akar["kode"] == "S1.1" and len(akar["anak"]) == 2
    satu = run_json("pohon", "--instansi", x.unit1.slug, "--tahun", "2025")
    assert [(n["level"], n["kode"]) for n in satu["pohon"]] == [("sasaran_pemda", "S1.1")]


def test_options_are_checked(demo, capsys):
    with pytest.raises(CommandError):
        call_command("pohon", "--tahun", "2024")
    with pytest.raises(CommandError):
        call_command("pohon", "--pemda", "tidak-ada", "--tahun", "2024")
    with pytest.raises(CommandError):
        call_command("pohon", "--instansi", "tidak-ada", "--tahun", "2024")
    call_command("pohon", "--instansi", "bantargebang", "--tahun", "2024")
    teks = capsys.readouterr().out
    assert "Pohon kinerja Kecamatan Bantargebang 2024" in teks and "97,8 %" in teks
    with pytest.raises(json.JSONDecodeError):
        json.loads(teks)
