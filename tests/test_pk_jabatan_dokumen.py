"""The document of the Sekretaris Kecamatan's PK (the demo's, signed) names him as PIHAK PERTAMA
and the Camat as PIHAK KEDUA, holds the indicators and targets of the sasaran program he owns and
the budget of their programmes only, and is made through the task queue like every document; the Camat's document is untouched."""

import io

import pytest
from docx import Document

from laporan.keluaran import render_html
from laporan.perjanjian import bangun_perjanjian
from organisasi.models import Instansi, Pejabat
from tests.tugas_bantu import isi_unduhan
from tugas.models import Tugas

pytestmark = pytest.mark.django_db


def _teks(dok) -> str:
    return render_html(dok)


def test_sekcam_document_has_its_indicators_and_signatories(demo_pk_jabatan):
    ins = Instansi.objects.get(slug="bantargebang")
    sekcam = Pejabat.objects.get(instansi=ins, kode="sekcam")
    html = _teks(bangun_perjanjian(ins, 2024, jabatan=sekcam))
    assert "Perjanjian Kinerja Sekretaris Kecamatan Bantargebang Kecamatan Bantargebang Tahun 2024" in html
    assert "SEKRETARIS KECAMATAN BANTARGEBANG" in html
    assert "Nama: (nama belum diisi)" in html and "Jabatan: Sekretaris Kecamatan Bantargebang" in html
    assert "Nama: CECEP MIFTAH FARID, S.STP., M.M." in html and "Jabatan: Camat Bantargebang" in html
    assert (
        "Capaian Kepuasan terhadap pelayanan masyarakat" in html
        and "Persentase Wilayah yang Tertib (indikator program)" in html
    )
    assert "Program/Kegiatan" in html and "Kode verifikasi SHA-256" in html
    assert "7.01.02 Penyelenggaraan Pemerintahan dan Pelayanan Publik" in html and "7.01.04 " in html
    assert "7.01.01" not in html and "7.01.03" not in html  # only the programmes of his indicators
    assert "Indeks Kepuasan Masyarakat" not in html  # the Camat's IKU are not his
    camat = _teks(bangun_perjanjian(ins, 2024))
    assert "Indeks Kepuasan Masyarakat" in camat and "Sekretaris Kecamatan" not in camat


def test_sekcam_document_through_the_queue(masuk_sebagai, demo_pk_jabatan, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    c = masuk_sebagai("pembaca")
    halaman = c.get("/unit/bantargebang/pk/2024/jabatan/sekcam/1/dokumen/").content.decode()
    assert 'name="jabatan" value="sekcam"' in halaman and "Sekretaris Kecamatan Bantargebang" in halaman
    minta = "/unit/bantargebang/dokumen/pk/2024/docx/minta/"
    assert c.post(minta, {"versi": "1", "jabatan": "tidak-ada"}).status_code == 404
    assert c.post(minta, {"versi": "2", "jabatan": "sekcam"}).status_code == 404
    tugas = c.post(minta, {"versi": "1", "jabatan": "sekcam"})["Location"]
    t = Tugas.objects.get()
    assert t.parameter == {"tahun": 2024, "fmt": "docx", "versi": 1, "jabatan": "sekcam"}
    assert t.status == "selesai" and t.nama_berkas == "perjanjian-kinerja-sekcam-v1-bantargebang-2024.docx"
    teks = "\n".join(p.text for p in Document(io.BytesIO(isi_unduhan(c.get(f"{tugas}hasil/")))).paragraphs)
    assert "Jabatan: Sekretaris Kecamatan Bantargebang" in teks and "Jabatan: Camat Bantargebang" in teks
