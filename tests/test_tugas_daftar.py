""" "Permintaan saya" (/tugas/): the jobs the user asked for, newest first, each linking to its page
and, once finished, to its file; never another user's, nor one of a unit the user may no longer
see; a pemda's job links to the pemda's job page."""

import pytest

from akun.models import Peran
from tests.tugas_bantu import DB, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def antrian_db(settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"


def test_the_users_own_requests_with_their_status_and_file(pengguna_demo, masuk_sebagai):
    op = masuk_sebagai("operator")
    pk = op.post("/unit/bantargebang/dokumen/pk/2024/docx/minta/")["Location"]
    pekerja_satu_putaran()
    lkip = op.post("/unit/bantargebang/dokumen/lkip/2024/docx/minta/")["Location"]  # still waiting
    masuk_sebagai("pembaca").post("/unit/bantargebang/dokumen/lkip/2024/pdf/minta/")  # someone else's

    html = op.get("/tugas/").content.decode()
    assert html.index(lkip) < html.index(pk)  # newest first
    assert "Menunggu giliran — 0 %" in html
    assert f'href="{pk}hasil/"' in html and "Unduh perjanjian-kinerja-bantargebang-2024.docx" in html
    assert "Kecamatan Bantargebang" in html
    assert (
        html.count('href="/unit/bantargebang/tugas/') == 3
    )  # two links of the finished one, one of the other
    assert "(PDF)" not in html  # the reader's request is not the operator's

    kosong = masuk_sebagai("evaluator").get("/tugas/").content.decode()
    assert "Anda belum meminta dokumen atau impor apa pun." in kosong


def test_a_unit_the_user_no_longer_sees_drops_out(pengguna_demo, masuk_sebagai):
    op = masuk_sebagai("operator")
    op.post("/unit/bantargebang/dokumen/pk/2024/docx/minta/")
    assert "Perjanjian Kinerja 2024" in op.get("/tugas/").content.decode()
    Peran.objects.filter(user=pengguna_demo["operator"]).delete()  # the role is taken away
    assert "Perjanjian Kinerja 2024" not in op.get("/tugas/").content.decode()
    assert Tugas.objects.count() == 1  # still there, only not shown


def test_a_pemda_job_links_to_the_pemda_job_page(pengguna_demo, masuk_sebagai):
    from organisasi.models import Pemda

    pemda = Pemda.objects.get(kode="kota-bekasi")
    p = Tugas.objects.create(
        pemohon=pengguna_demo["adminpemda"], pemda=pemda, jenis="pohon", parameter={"tahun": 2024}, sidik="x"
    )
    html = masuk_sebagai("adminpemda").get("/tugas/").content.decode()
    assert f'href="/pemda/kota-bekasi/tugas/{p.pk}/"' in html and pemda.nama in html


def test_in_english(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("operator")
    c.post("/i18n/setlang/", {"language": "en", "next": "/tugas/"})
    html = c.get("/tugas/").content.decode()
    assert "My requests" in html and "You have not asked for any document or import yet." in html


def test_the_page_reads_a_fixed_number_of_queries(pengguna_demo, masuk_sebagai):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    op = masuk_sebagai("operator")

    def tambah(n):
        for i in range(n):
            Tugas.objects.create(
                pemohon=pengguna_demo["operator"],
                instansi=pengguna_demo["operator"].peran.first().instansi,
                jenis="lkip",
                parameter={"tahun": 2024, "fmt": "pdf"},
                sidik=f"k{Tugas.objects.count()}-{i}",
            )

    tambah(1)
    op.get("/tugas/")  # the session's first page reads what later pages have stored
    with CaptureQueriesContext(connection) as satu:
        op.get("/tugas/")
    tambah(9)
    with CaptureQueriesContext(connection) as sepuluh:
        html = op.get("/tugas/").content.decode()
    assert html.count("LKIP 2024 (PDF)") == 10
    assert len(sepuluh) == len(satu)
