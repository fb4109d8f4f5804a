"""The Renja document asked for from the Renja page is made by the task queue's worker (the
existing document job, laporan.tugas) and downloaded from its job page through the one download
helper: a DOCX with the year's targets and pagu; a user who may not see the unit gets no job."""

import io

import pytest
from docx import Document

from tests.tugas_bantu import DB, isi_unduhan, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db
MINTA = "/unit/bantargebang/dokumen/renja/2024/docx/minta/"


@pytest.fixture(autouse=True)
def antrian_db(settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"


def test_renja_job_is_made_and_downloadable(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    r = c.post(MINTA)
    p = Tugas.objects.get()
    halaman = f"/unit/bantargebang/tugas/{p.pk}/"
    assert r.status_code == 302 and r["Location"] == halaman
    assert (p.jenis, p.parameter, p.status) == ("renja", {"tahun": 2024, "fmt": "docx"}, "antri")

    pekerja_satu_putaran()

    p.refresh_from_db()
    assert (p.status, p.kemajuan, p.alasan_gagal) == ("selesai", 100, "")
    assert "renja-bantargebang-2024.docx" in c.get(f"{halaman}kemajuan/").content.decode()
    d = c.get(f"{halaman}hasil/")
    assert d.status_code == 200
    assert 'filename="renja-bantargebang-2024.docx"' in d["Content-Disposition"]
    doc = Document(io.BytesIO(isi_unduhan(d)))
    teks = "\n".join(
        [x.text for x in doc.paragraphs] + [c.text for t in doc.tables for r in t.rows for c in r.cells]
    )
    for s in (
        "RENCANA KERJA",
        "KECAMATAN BANTARGEBANG",
        "23.459.734.760",
        "74,15",
        "Persentase Wilayah yang Tertib",
    ):
        assert s in teks, s


def test_another_pemda_user_gets_no_job(pengguna_demo, client):
    from django.contrib.auth import get_user_model

    from akun.models import Peran
    from organisasi.models import Instansi, Pemda

    lain = Pemda.objects.create(kode="lain", nama="Kota Lain")
    ins = Instansi.objects.create(pemda=lain, slug="lain", nama="Kecamatan Lain")
    u = get_user_model().objects.create_user("orang-lain")
    Peran.objects.create(user=u, instansi=ins, jenis="operator")
    client.force_login(u)
    assert client.post(MINTA).status_code in (403, 404)
    assert not Tugas.objects.exists()
