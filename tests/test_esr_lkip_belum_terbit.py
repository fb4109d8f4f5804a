"""An LKIP that is not issued is not in the ESR package: the manifest says it is missing."""

import io
import json
import zipfile

import pytest

from laporan.esr import paket_esr

pytestmark = pytest.mark.django_db


def test_unissued_lkip_is_left_out_and_named_missing(demo):
    data, m = paket_esr(demo, 2024)
    zf = zipfile.ZipFile(io.BytesIO(data))
    assert not [n for n in zf.namelist() if n.startswith("08 Laporan Kinerja/")]
    assert not [n for n in zf.namelist() if "lkip" in n.lower()]
    lkip = next(j for j in json.loads(zf.read("manifest.json"))["jenis"] if j["kode"] == "08")
    assert lkip["berkas"] == []
    assert any("LKIP 2024 belum diterbitkan" in a for a in lkip["tidak_ada"])
    assert "TIDAK ADA: LKIP 2024 belum diterbitkan" in zf.read("MANIFEST.txt").decode()
    assert m["jenis"] == json.loads(zf.read("manifest.json"))["jenis"]
