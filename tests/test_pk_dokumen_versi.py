"""The document of one PK version (not only the one in force) is made by the task queue from the
PK page's document page: the job carries the version, the DOCX is that version's."""

import io

import pytest
from docx import Document

from perencanaan import services
from perencanaan.models import PerjanjianKinerja
from tests.tugas_bantu import DB, isi_unduhan, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def antrian_db(settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"


def test_each_version_has_its_own_document(pengguna_demo, masuk_sebagai):
    op = pengguna_demo["operator"]
    services.buat_pk(user=op, instansi=op.peran.first().instansi, tahun=2024, pihak_pertama=None, sumber="pk")
    assert PerjanjianKinerja.objects.filter(tahun=2024).count() == 2
    c = masuk_sebagai("pembaca")
    html = c.get("/unit/bantargebang/pk/2024/1/dokumen/").content.decode()
    assert 'name="versi" value="1"' in html and "Ditampilkan sebagaimana ditandatangani." in html
    assert "Draf:" in c.get("/unit/bantargebang/pk/2024/2/dokumen/").content.decode()
    assert c.get("/unit/bantargebang/pk/2024/3/dokumen/").status_code == 404
    assert c.post("/unit/bantargebang/dokumen/pk/2024/docx/minta/", {"versi": "9"}).status_code == 404
    c.post("/unit/bantargebang/dokumen/pk/2024/docx/minta/", {"versi": "1"})
    p = Tugas.objects.get()
    assert p.parameter == {"tahun": 2024, "fmt": "docx", "versi": 1}
    pekerja_satu_putaran()
    p.refresh_from_db()
    assert p.status == "selesai", p.alasan_gagal
    sha = PerjanjianKinerja.objects.get(tahun=2024, versi=1).sha256
    # the streamed download is read last: closing it closes the connection (on PostgreSQL)
    data = isi_unduhan(c.get(f"/unit/bantargebang/tugas/{p.pk}/hasil/"))
    teks = "\n".join(x.text for x in Document(io.BytesIO(data)).paragraphs)
    assert "Kode verifikasi SHA-256: " + sha in teks
    assert "Draf" not in teks  # versi 1, signed — not the draft versi 2 now in progress
