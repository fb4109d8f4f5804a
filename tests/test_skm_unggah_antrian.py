"""A large SKM upload (above skm.services.BATAS_LANGSUNG_BYTES) is imported by the task queue's
worker: the request keeps the file and sends the operator to the job's page; the worker imports
it as the uploader (audited, all or nothing) and the page offers the report; a file with a bad
cell fails the job with the cell named and saves nothing; the same file twice is one job."""

import pytest
from django.conf import settings

from audit.models import Jejak
from skm import services
from skm.models import Responden
from tests.test_skm_unggah import URL, _row, _xlsx
from tests.tugas_bantu import isi_unduhan, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(settings.ANTRIAN != "db", reason="the database backend's worker"),
]


@pytest.fixture(autouse=True)
def _ambang_kecil(monkeypatch):
    monkeypatch.setattr(services, "BATAS_LANGSUNG_BYTES", 100)  # every test file is "large"


def test_a_large_upload_is_imported_by_the_worker(pengguna_demo, tmp_path, masuk_sebagai):
    c = masuk_sebagai("operator")
    berkas = _xlsx(tmp_path, [_row(), _row(saran="antre lama")])
    r = c.post(URL, {"berkas": berkas})
    p = Tugas.objects.get()
    assert r["Location"] == f"/unit/bantargebang/tugas/{p.pk}/"
    assert (p.jenis, p.status) == ("skm_impor", "antri")
    assert Responden.objects.count() == 0  # nothing in the request
    berkas.seek(0)
    assert c.post(URL, {"berkas": berkas})["Location"] == r["Location"]  # the same file: one job
    assert len(list((settings.MEDIA_ROOT / "skm" / "unggahan").iterdir())) == 1

    pekerja_satu_putaran()

    p.refresh_from_db()
    assert p.status == "selesai", p.alasan_gagal
    assert Responden.objects.count() == 2
    assert Jejak.objects.filter(
        aksi="impor", keterangan="responden SKM", baru="2", user__username="operator"
    ).exists()
    assert "2 jawaban responden diimpor" in isi_unduhan(c.get(f"{r['Location']}hasil/")).decode()
    assert not list((settings.MEDIA_ROOT / "skm" / "unggahan").iterdir())  # the kept file is gone


def test_a_bad_large_upload_fails_the_job_and_saves_nothing(pengguna_demo, tmp_path, masuk_sebagai):
    c = masuk_sebagai("operator")
    r = c.post(URL, {"berkas": _xlsx(tmp_path, [_row(), _row(u4=7)])})
    pekerja_satu_putaran()
    p = Tugas.objects.get()
    assert p.status == "gagal"
    assert (
        "tidak ada yang disimpan" in p.alasan_gagal
        and "answer u4 must be 1, 2, 3 or 4, got 7" in p.alasan_gagal
    )
    assert "answer u4 must be 1, 2, 3 or 4" in c.get(r["Location"]).content.decode()
    assert Responden.objects.count() == 0


def test_readers_cannot_queue_an_import(pengguna_demo, tmp_path, masuk_sebagai):
    r = masuk_sebagai("pembaca").post(URL, {"berkas": _xlsx(tmp_path, [_row()])})
    assert r.status_code == 403 and not Tugas.objects.exists()
