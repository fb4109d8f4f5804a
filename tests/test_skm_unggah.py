"""Staff upload of paper questionnaires (sheet skm_responden) on the SKM staff page."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from audit.models import Jejak
from skm.models import Responden
from workbook.spec import SHEET_MAP

pytestmark = [pytest.mark.django_db]
URL = "/unit/bantargebang/skm/2025/impor/"
KOLOM = SHEET_MAP["skm_responden"].nama_kolom


def _xlsx(tmp_path, rows, extra_sheet=False):
    wb = Workbook()
    ws = wb.active
    ws.title = "skm_responden"
    ws.append(KOLOM)
    for r in rows:
        ws.append([r.get(k) for k in KOLOM])
    if extra_sheet:
        wb.create_sheet("pemda").append(["kode", "nama"])
    path = tmp_path / "u.xlsx"
    wb.save(path)
    return SimpleUploadedFile("kertas.xlsx", path.read_bytes())


def _row(instansi="bantargebang", **kw):
    return {
        "instansi": instansi,
        "tahun": 2025,
        "tanggal_layanan": dt.date(2025, 8, 4),
        **{f"u{i}": 1 + i % 4 for i in range(1, 10)},
        **kw,
    }


def test_operator_uploads(pengguna_demo, tmp_path, masuk_sebagai):
    c = masuk_sebagai("operator")
    assert (
        'action="/unit/bantargebang/skm/2025/impor/"'
        in c.get("/unit/bantargebang/skm/2025/").content.decode()
    )
    r = c.post(URL, {"berkas": _xlsx(tmp_path, [_row(), _row(saran="antre lama")])}, follow=True)
    assert "2 jawaban responden diimpor sebagai batch baru." in r.content.decode()
    assert list(Responden.objects.values_list("periode", flat=True)) == ["TW3", "TW3"]
    assert Jejak.objects.filter(
        aksi="impor", keterangan="responden SKM", field="responden", baru="2", user__username="operator"
    ).exists()


@pytest.mark.parametrize(
    ("rows", "extra", "pesan"),
    [
        ([_row(), _row(u4=7)], False, "answer u4 must be 1, 2, 3 or 4, got 7"),
        ([_row(), _row(instansi="rawalumbu")], False, 'instansi must be "bantargebang"'),
        ([_row()], True, "only the sheet skm_responden"),
    ],
)
def test_bad_upload_saves_nothing(pengguna_demo, tmp_path, rows, extra, pesan, masuk_sebagai):
    r = masuk_sebagai("operator").post(URL, {"berkas": _xlsx(tmp_path, rows, extra)}, follow=True)
    html = r.content.decode()
    assert "Tidak ada yang disimpan." in html and pesan.replace('"', "&quot;") in html
    assert Responden.objects.count() == 0


def test_readers_refused(pengguna_demo, tmp_path, masuk_sebagai):
    r = masuk_sebagai("pembaca").post(URL, {"berkas": _xlsx(tmp_path, [_row()])})
    assert r.status_code == 403 and Responden.objects.count() == 0
    assert 'impor/"' not in masuk_sebagai("pembaca").get("/unit/bantargebang/skm/2025/").content.decode()
