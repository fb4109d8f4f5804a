"""The tree's downloads: the SVG (server-side, drawn from the same tree as the page) and the PDF
on one A3 landscape page, made by the task queue's worker (a GET never creates the job)."""

import io
import re

import pytest
from pypdf import PdfReader

from tests.tugas_bantu import isi_unduhan
from tugas.models import Tugas

pytestmark = pytest.mark.django_db


def test_svg_download(pengguna_demo, masuk_sebagai):
    c = masuk_sebagai("pembaca")
    resp = c.get("/unit/bantargebang/pohon/2024/svg/")
    assert resp.status_code == 200 and resp["Content-Type"].startswith("image/svg+xml")
    assert 'filename="pohon-kinerja-bantargebang-2024.svg"' in resp["Content-Disposition"]
    svg = resp.content.decode()
    assert "<svg" in svg and "style=" not in svg  # no inline CSS (dasar.grafik)
    assert "S1.1" in svg and "97,8 %" in svg


def test_pdf_through_the_task_queue_on_a3_landscape(pengguna_demo, masuk_sebagai, settings, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.DOKUMEN_ROOT = tmp_path
    c = masuk_sebagai("pembaca")
    assert c.get("/unit/bantargebang/pohon/2024/pdf/").status_code == 405
    assert not Tugas.objects.exists()
    halaman = c.post("/unit/bantargebang/pohon/2024/pdf/")["Location"]
    assert re.fullmatch(r"/unit/bantargebang/tugas/[0-9a-f-]+/", halaman)
    p = Tugas.objects.get()
    assert p.jenis == "pohon" and p.status == "selesai", p.alasan_gagal
    assert p.nama_berkas == "pohon-kinerja-bantargebang-2024.pdf"
    # the same request while the data is unchanged reuses the job (asked before the download: on
    # PostgreSQL closing a streamed download closes the test's database connection)
    assert c.post("/unit/bantargebang/pohon/2024/pdf/")["Location"] == halaman
    data = isi_unduhan(c.get(f"{halaman}hasil/"))
    (hal,) = PdfReader(io.BytesIO(data)).pages
    lebar, tinggi = float(hal.mediabox.width), float(hal.mediabox.height)
    assert (round(lebar), round(tinggi)) == (1191, 842)  # A3 landscape in points
