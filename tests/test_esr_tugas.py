"""The ESR package asked for from the LKIP page is made by the task queue's worker (the document
job, laporan.tugas, kind esr) and downloaded from its job page: the ZIP with its manifest."""

import io
import json
import zipfile

import pytest

from tests.tugas_bantu import DB, isi_unduhan, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db
MINTA = "/unit/bantargebang/esr/2024/minta/"


@pytest.fixture(autouse=True)
def antrian_db(settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"


def test_lkip_page_offers_the_package_to_the_operator(pengguna_demo, masuk_sebagai):
    html = masuk_sebagai("operator").get("/unit/bantargebang/lkip/2024/").content.decode()
    assert f'action="{MINTA}"' in html and "Paket dokumen ESR (ZIP)" in html


def test_esr_job_is_made_and_downloadable(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    r = c.post(MINTA)
    p = Tugas.objects.get()
    halaman = f"/unit/bantargebang/tugas/{p.pk}/"
    assert r.status_code == 302 and r["Location"] == halaman
    assert (p.jenis, p.parameter, p.status) == ("esr", {"tahun": 2024}, "antri")
    # the same request while the job waits is the same job
    assert c.post(MINTA)["Location"] == halaman and Tugas.objects.count() == 1

    pekerja_satu_putaran()

    p.refresh_from_db()
    assert (p.status, p.kemajuan, p.alasan_gagal) == ("selesai", 100, "")
    d = c.get(f"{halaman}hasil/")
    assert d.status_code == 200 and d["Content-Type"] == "application/zip"
    assert 'filename="paket-esr-bantargebang-2024.zip"' in d["Content-Disposition"]
    zf = zipfile.ZipFile(io.BytesIO(isi_unduhan(d)))
    m = json.loads(zf.read("manifest.json"))
    assert (m["instansi"]["slug"], m["tahun"]) == ("bantargebang", 2024)
    assert "06 Perjanjian Kinerja/perjanjian-kinerja-bantargebang-2024-v1.docx" in zf.namelist()
    assert "MANIFEST.txt" in zf.namelist()


def test_a_year_without_data_fails_with_the_reason(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pimpinan")
    c.post("/unit/bantargebang/esr/2031/minta/")
    pekerja_satu_putaran()
    p = Tugas.objects.get()
    assert p.status == "gagal" and "belum memiliki data tahun 2031" in p.alasan_gagal
