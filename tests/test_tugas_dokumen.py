"""A document requested from the web is made by the task queue's worker and downloaded from its
job page; the same request twice is one job (docs/deploy.md, "Antrian tugas")."""

import io

import pytest
from django_tasks_db.models import DBTaskResult
from docx import Document

from tests.tugas_bantu import DB, isi_unduhan, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db
MINTA_LKIP = "/unit/bantargebang/dokumen/lkip/2024/docx/minta/"


@pytest.fixture(autouse=True)
def antrian_db(settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"


def _teks_docx(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    return "\n".join(
        [p.text for p in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    )


def test_requested_lkip_is_made_by_the_worker_and_downloadable(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    r = c.post(MINTA_LKIP)
    p = Tugas.objects.get()
    halaman = f"/unit/bantargebang/tugas/{p.pk}/"
    assert r.status_code == 302 and r["Location"] == halaman
    assert (p.jenis, p.parameter, p.status, p.pemohon.username) == (
        "lkip",
        {"tahun": 2024, "fmt": "docx"},
        "antri",
        "pembaca",
    )
    assert DBTaskResult.objects.get(id=p.id_antrian).status == "READY"  # waiting for a worker

    html = c.get(halaman).content.decode()
    assert "Menunggu giliran" in html and "<progress" in html
    assert f'hx-get="{halaman}kemajuan/"' in html and 'hx-trigger="every 1s"' in html  # polled while waiting
    assert c.get(f"{halaman}hasil/").status_code == 404  # nothing to download yet

    pekerja_satu_putaran()

    p.refresh_from_db()
    assert (p.status, p.kemajuan, p.alasan_gagal, p.percobaan) == ("selesai", 100, "", 1)
    assert DBTaskResult.objects.get(id=p.id_antrian).status == "SUCCESSFUL"
    fragmen = c.get(f"{halaman}kemajuan/").content.decode()
    assert "hx-get" not in fragmen  # finished: the polling stops
    assert f'href="{halaman}hasil/"' in fragmen and "lkip-bantargebang-2024.docx" in fragmen

    d = c.get(f"{halaman}hasil/")
    assert d.status_code == 200
    assert d["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert 'filename="lkip-bantargebang-2024.docx"' in d["Content-Disposition"]
    teks = _teks_docx(isi_unduhan(d))
    for angka in ("81,18", "97,8", "Rp 23.459.734.760"):
        assert angka in teks, angka


def test_the_same_request_twice_runs_one_job(pengguna_demo, masuk_sebagai):
    pembaca, operator = masuk_sebagai("pembaca"), masuk_sebagai("operator")
    pertama = pembaca.post(MINTA_LKIP)["Location"]
    kedua = operator.post(MINTA_LKIP)["Location"]  # another user of the unit, same document
    assert pertama == kedua
    assert Tugas.objects.count() == 1 and DBTaskResult.objects.count() == 1

    pekerja_satu_putaran()
    assert pembaca.post(MINTA_LKIP)["Location"] == pertama  # finished and kept: not made again
    assert DBTaskResult.objects.count() == 1 and DBTaskResult.objects.get().status == "SUCCESSFUL"

    pembaca.post("/unit/bantargebang/dokumen/lkip/2024/pdf/minta/")  # another format: another job
    assert Tugas.objects.count() == 2


def test_a_change_of_the_units_data_makes_a_new_document(pengguna_demo, masuk_sebagai):
    from laporan.services import simpan_teks
    from organisasi.models import Instansi

    c = masuk_sebagai("pembaca")
    pertama = c.post(MINTA_LKIP)["Location"]
    pekerja_satu_putaran()
    simpan_teks(
        user=pengguna_demo["operator"],
        instansi=Instansi.objects.get(slug="bantargebang"),
        tahun=2024,
        bagian="kata_pengantar",
        teks="Kata pengantar yang baru ditulis.",
    )
    kedua = c.post(MINTA_LKIP)["Location"]
    assert kedua != pertama and Tugas.objects.count() == 2
    pekerja_satu_putaran()
    baru = Tugas.objects.get(pk=kedua.rstrip("/").rsplit("/", 1)[1])
    assert "Kata pengantar yang baru ditulis." in _teks_docx(isi_unduhan(c.get(f"{kedua}hasil/")))
    assert baru.status == "selesai"


def test_a_failed_job_says_why_in_indonesian(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    halaman = c.post("/unit/bantargebang/dokumen/skm/2030/docx/minta/")["Location"]  # no survey data
    pekerja_satu_putaran()
    p = Tugas.objects.get()
    assert (
        p.status == "gagal"
        and p.alasan_gagal == "Dokumen tidak dapat dibuat: Belum ada data SKM untuk tahun ini."
    )
    html = c.get(halaman).content.decode()
    assert "Gagal" in html and "Belum ada data SKM untuk tahun ini." in html and "hx-get" not in html
    assert c.get(f"{halaman}hasil/").status_code == 404


def test_the_page_in_english(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    halaman = c.post(MINTA_LKIP)["Location"]
    c.post("/i18n/setlang/", {"language": "en", "next": halaman})
    html = c.get(halaman).content.decode()
    assert "Waiting in the queue" in html and "This page updates itself" in html
    assert "Menunggu giliran" not in html


def test_bad_requests_are_refused_without_a_job(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    assert c.get(MINTA_LKIP).status_code == 405  # a GET never creates a job
    assert c.post("/unit/bantargebang/dokumen/lkip/2024/exe/minta/").status_code == 404
    assert c.post("/unit/bantargebang/dokumen/rahasia/2024/pdf/minta/").status_code == 404
    assert c.post("/unit/bantargebang/dokumen/lkip/2031/pdf/minta/").status_code == 404  # no PK that year
    assert c.post("/unit/bantargebang/dokumen/lkip/99999/pdf/minta/").status_code == 404
    assert c.post("/unit/bantargebang/dokumen/lhe/999999/pdf/minta/").status_code == 404
    assert not Tugas.objects.exists()


def test_with_the_immediate_backend_the_job_is_done_at_once(pengguna_demo, masuk_sebagai, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    c = masuk_sebagai("pembaca")
    halaman = c.post("/unit/bantargebang/dokumen/pk/2024/docx/minta/")["Location"]
    p = Tugas.objects.get()
    assert p.status == "selesai" and p.nama_berkas == "perjanjian-kinerja-bantargebang-2024.docx"
    assert "PIHAK PERTAMA" in _teks_docx(isi_unduhan(c.get(f"{halaman}hasil/")))
