"""The pemda's tree PDF and one pemda sasaran's: asked by the pemda's admin on its tree page (POST),
made by the task queue's worker as a pemda's job (``tugas.Tugas.pemda``, no unit), offered on the
pemda's job page as one A3 landscape page."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.rpjmd_bantu import masuk_admin_pemda, rpd_kecil
from tests.tugas_bantu import DB, isi_unduhan, pekerja_satu_putaran
from tugas.models import Tugas

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_pemda(masuk_sebagai, settings, tmp_path):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    x = rpd_kecil()
    return x, masuk_admin_pemda(x.pemda, masuk_sebagai)


def _a3_lanskap(data: bytes) -> bool:
    (hal,) = PdfReader(io.BytesIO(data)).pages
    return (round(float(hal.mediabox.width)), round(float(hal.mediabox.height))) == (1191, 842)


def test_the_pemda_tree_pdf_through_the_web_and_the_worker(admin_pemda):
    x, c = admin_pemda
    halaman_pohon = c.get("/pemda/kota-contoh/pohon/2025/").content.decode()
    assert (
        'action="/pemda/kota-contoh/pohon/2025/pdf/"' in halaman_pohon
        and "Buat PDF (A3 lanskap)" in halaman_pohon
    )
    assert c.get("/pemda/kota-contoh/pohon/2025/pdf/").status_code == 405
    assert not Tugas.objects.exists()
    halaman = c.post("/pemda/kota-contoh/pohon/2025/pdf/")["Location"]
    assert re.fullmatch(r"/pemda/kota-contoh/tugas/[0-9a-f-]+/", halaman)
    p = Tugas.objects.get()
    assert (p.jenis, p.pemda_id, p.instansi_id, p.status) == ("pohon", x.pemda.id, None, "antri")
    html = c.get(halaman).content.decode()
    assert "Menunggu giliran" in html and f'hx-get="{halaman}kemajuan/"' in html
    assert c.get(f"{halaman}hasil/").status_code == 404  # not made yet

    pekerja_satu_putaran()
    p.refresh_from_db()
    assert p.status == "selesai", p.alasan_gagal
    assert p.nama_berkas == "pohon-kinerja-kota-contoh-2025.pdf" and p.mime == "application/pdf"
    fragmen = c.get(f"{halaman}kemajuan/").content.decode()
    assert "hx-get" not in fragmen and f'href="{halaman}hasil/"' in fragmen
    assert "Kota Contoh" in c.get(halaman).content.decode()
    resp = c.get(f"{halaman}hasil/")
    assert resp.status_code == 200 and resp["Content-Type"] == "application/pdf"
    assert 'filename="pohon-kinerja-kota-contoh-2025.pdf"' in resp["Content-Disposition"]
    data = isi_unduhan(resp)
    assert data.startswith(b"%PDF") and _a3_lanskap(data)


def test_one_pemda_sasaran_tree_pdf(admin_pemda):
    x, c = admin_pemda
    url = f"/pemda/kota-contoh/pohon/2025/sasaran/{x.s11.id}/"
    assert f'action="{url}pdf/"' in c.get(url).content.decode()
    assert c.post(f"/pemda/kota-contoh/pohon/2025/sasaran/{x.s12.id + 999}/pdf/").status_code == 404
    halaman = c.post(f"{url}pdf/")["Location"]
    pekerja_satu_putaran()
    p = Tugas.objects.get()
    assert p.status == "selesai", p.alasan_gagal
    assert p.parameter == {"tahun": 2025, "fmt": "pdf", "sasaran": x.s11.id}
    assert p.nama_berkas == "pohon-kinerja-kota-contoh-sasaran-S1.1-2025.pdf"
    data = isi_unduhan(c.get(f"{halaman}hasil/"))
    assert data.startswith(b"%PDF") and _a3_lanskap(data)


def test_a_pemda_sasaran_removed_before_the_worker_runs_fails_the_job_in_indonesian(admin_pemda):
    x, c = admin_pemda
    halaman = c.post(f"/pemda/kota-contoh/pohon/2025/sasaran/{x.s12.id}/pdf/")["Location"]
    x.s12.delete()
    pekerja_satu_putaran()
    p = Tugas.objects.get()
    assert p.status == "gagal" and "sasaran pemda ini sudah tidak ada" in p.alasan_gagal
    assert "sasaran pemda ini sudah tidak ada" in c.get(halaman).content.decode()
