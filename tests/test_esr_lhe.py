"""A final LHE and its follow-ups (recommendations with their status and evidence file) are in
the ESR package's folders 14 and 15; an evaluation still in progress is not, and is named missing."""

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from evaluasi import services
from evaluasi.models import Rekomendasi
from laporan.esr import paket_esr
from tests.evaluasi_bantu import evaluasi_final

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _jenis(zf, kode):
    return next(j for j in json.loads(zf.read("manifest.json"))["jenis"] if j["kode"] == kode)


def test_final_lhe_and_follow_up_are_included(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo)
    rek = Rekomendasi.objects.get(evaluasi=ev)
    services.ubah_tindak_lanjut(
        user=pengguna_demo["operator"],
        rek=rek,
        status="selesai",
        tindak_lanjut="Analisis capaian diperdalam pada LKIP",
        berkas=SimpleUploadedFile("bukti.pdf", PDF, content_type="application/pdf"),
    )
    data, _m = paket_esr(demo, 2024)
    zf = zipfile.ZipFile(io.BytesIO(data))
    lhe = _jenis(zf, "14")
    assert [b["jalur"] for b in lhe["berkas"]] == ["14 LHE AKIP Internal/LHE-akip-bantargebang-2024.docx"]
    tl = _jenis(zf, "15")
    jalur = [b["jalur"] for b in tl["berkas"]]
    assert jalur[0] == "15 TL LHE AKIP Internal/tindak-lanjut-LHE-bantargebang-2024.xlsx"
    assert len(jalur) == 2 and zf.read(jalur[1]) == PDF
    ws = load_workbook(io.BytesIO(zf.read(jalur[0])))["Tindak Lanjut"]
    baris = list(ws.iter_rows(min_row=2, values_only=True))
    assert baris[0][2] == "Perbaiki analisis capaian kinerja"
    assert baris[0][6] == "Analisis capaian diperdalam pada LKIP"


def test_evaluation_in_progress_is_not_included(pengguna_demo, demo):
    services.buat_evaluasi(user=pengguna_demo["operator"], instansi=demo, tahun=2024, jenis="akip")
    data, _m = paket_esr(demo, 2024)
    zf = zipfile.ZipFile(io.BytesIO(data))
    lhe = _jenis(zf, "14")
    assert lhe["berkas"] == [] and any("belum final" in a for a in lhe["tidak_ada"])
    assert _jenis(zf, "15")["berkas"] == []
