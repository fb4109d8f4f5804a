"""Every signed PK of the year is in the ESR package: the unit head's and each position's own PK
(the demo's Sekretaris Kecamatan, data/demo/pk_jabatan), named by the position's code; a draft is
left out and named missing."""

import io
import json
import zipfile

import pytest
from docx import Document

from laporan.esr import paket_esr
from organisasi.models import Instansi
from perencanaan.models import PerjanjianKinerja

pytestmark = pytest.mark.django_db
FOLDER = "06 Perjanjian Kinerja/"


def _teks(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join(
        [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    )


def test_head_and_position_pk_both_included(demo_pk_jabatan):
    ins = Instansi.objects.get(slug="bantargebang")
    sekcam = PerjanjianKinerja.objects.get(instansi=ins, tahun=2024, jabatan__kode="sekcam")
    assert sekcam.ditandatangani
    data, _m = paket_esr(ins, 2024)
    zf = zipfile.ZipFile(io.BytesIO(data))
    pk = sorted(n for n in zf.namelist() if n.startswith(FOLDER))
    assert pk == [
        FOLDER + "perjanjian-kinerja-bantargebang-2024-v1.docx",
        FOLDER + "perjanjian-kinerja-sekcam-bantargebang-2024-v1.docx",
    ]
    teks = _teks(zf.read(FOLDER + "perjanjian-kinerja-sekcam-bantargebang-2024-v1.docx"))
    assert sekcam.isi_beku["pihak_pertama"]["jabatan"] in teks
    for r in sekcam.isi_beku["indikator"]:
        assert r["indikator"] in teks
    jenis = next(j for j in json.loads(zf.read("manifest.json"))["jenis"] if j["kode"] == "06")
    assert jenis["tidak_ada"] == []
