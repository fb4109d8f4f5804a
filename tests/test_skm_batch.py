"""Paper batches add to earlier ones; replacing a batch asks first and says how many answers it removes."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from audit.models import Jejak
from skm.models import ImporResponden, Responden
from workbook.importer import import_workbook
from workbook.spec import SHEET_MAP

pytestmark = [pytest.mark.django_db]
KOLOM = SHEET_MAP["skm_responden"].nama_kolom
STAF = "/unit/bantargebang/skm/2025/"


def _rows(n, mulai=0):
    return [
        {
            "instansi": "bantargebang",
            "tahun": 2025,
            "tanggal_layanan": dt.date(2025, 2, 3),
            **{f"u{i}": 1 + (i + k) % 4 for i in range(1, 10)},
        }
        for k in range(mulai, mulai + n)
    ]


def _xlsx(path, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = "skm_responden"
    ws.append(KOLOM)
    for r in rows:
        ws.append([r.get(k) for k in KOLOM])
    wb.save(path)
    return path


def _unggah(path, nama):
    return SimpleUploadedFile(nama, path.read_bytes())


def test_a_second_paper_batch_for_the_same_quarter_keeps_the_first(demo, tmp_path):
    # 30 answers, then 12 more of the same quarter — 4 of them identical to answers of the first
    assert import_workbook(_xlsx(tmp_path / "a.xlsx", _rows(30))).ok
    h = import_workbook(_xlsx(tmp_path / "b.xlsx", _rows(12, mulai=26)))
    assert h.ok and h.counts["skm_responden"]["created"] == 12
    assert Responden.objects.filter(periode="TW1").count() == 42
    assert list(ImporResponden.objects.values_list("nama_berkas", flat=True)) == ["a.xlsx", "b.xlsx"]
    # importing the first file again is that batch: nothing new
    h = import_workbook(tmp_path / "a.xlsx")
    assert h.counts["skm_responden"]["unchanged"] == 30 and Responden.objects.count() == 42


def test_the_web_upload_adds_a_batch(pengguna_demo, tmp_path, masuk_sebagai):
    c = masuk_sebagai("operator")
    c.post(STAF + "impor/", {"berkas": _unggah(_xlsx(tmp_path / "a.xlsx", _rows(30)), "tw1-a.xlsx")})
    r = c.post(STAF + "impor/", {"berkas": _unggah(_xlsx(tmp_path / "b.xlsx", _rows(12, 30)), "tw1-b.xlsx")})
    assert r.status_code == 302 and Responden.objects.count() == 42
    html = c.get(STAF).content.decode()
    assert "tw1-a.xlsx" in html and "tw1-b.xlsx" in html and "operator" in html
    assert ImporResponden.objects.get(nama_berkas="tw1-b.xlsx").oleh == pengguna_demo["operator"]


def test_replacing_a_batch_asks_first_and_says_how_many_answers_it_removes(
    pengguna_demo, tmp_path, masuk_sebagai
):
    c = masuk_sebagai("operator")
    c.post(STAF + "impor/", {"berkas": _unggah(_xlsx(tmp_path / "a.xlsx", _rows(30)), "tw1-a.xlsx")})
    c.post(STAF + "impor/", {"berkas": _unggah(_xlsx(tmp_path / "b.xlsx", _rows(12, 30)), "tw1-b.xlsx")})
    a = ImporResponden.objects.get(nama_berkas="tw1-a.xlsx")
    pengganti = _xlsx(tmp_path / "c.xlsx", _rows(25, 100))

    # without the confirmation nothing is removed; the answer says how many would be
    r = c.post(STAF + "impor/", {"berkas": _unggah(pengganti, "tw1-a2.xlsx"), "ganti": a.id}, follow=True)
    html = r.content.decode()
    assert "Tidak ada yang disimpan." in html and "menghapus 30 jawaban" in html
    assert Responden.objects.count() == 42
    # the confirmation step names the count and carries it
    assert 'name="konfirmasi" value="30"' in html and "Hapus 30 jawaban dan impor berkas ini" in html
    # a stale count (the batch changed since) is refused too
    c.post(STAF + "impor/", {"berkas": _unggah(pengganti, "x.xlsx"), "ganti": a.id, "konfirmasi": "29"})
    assert Responden.objects.count() == 42

    r = c.post(
        STAF + "impor/", {"berkas": _unggah(pengganti, "tw1-a2.xlsx"), "ganti": a.id, "konfirmasi": "30"}
    )
    assert r.status_code == 302
    assert Responden.objects.count() == 12 + 25
    assert sorted(ImporResponden.objects.values_list("nama_berkas", flat=True)) == [
        "tw1-a2.xlsx",
        "tw1-b.xlsx",
    ]
    assert Jejak.objects.filter(
        aksi="hapus", keterangan="batch (diganti)", field="responden", lama="30"
    ).exists()
    assert Jejak.objects.filter(aksi="impor", keterangan="responden SKM", lama="30", baru="25").exists()


def test_a_failed_replacement_keeps_the_old_batch(pengguna_demo, tmp_path, masuk_sebagai):
    c = masuk_sebagai("operator")
    c.post(STAF + "impor/", {"berkas": _unggah(_xlsx(tmp_path / "a.xlsx", _rows(30)), "a.xlsx")})
    a = ImporResponden.objects.get()
    rusak = _xlsx(tmp_path / "r.xlsx", [*_rows(3, 200), {**_rows(1)[0], "u2": 9}])
    r = c.post(
        STAF + "impor/", {"berkas": _unggah(rusak, "r.xlsx"), "ganti": a.id, "konfirmasi": "30"}, follow=True
    )
    assert "answer u2 must be 1, 2, 3 or 4, got 9" in r.content.decode()
    assert Responden.objects.filter(impor=a).count() == 30 and ImporResponden.objects.count() == 1


def test_another_units_batch_cannot_be_replaced(pengguna_demo, tmp_path, masuk_sebagai):
    from tests.factories import InstansiFactory

    lain = ImporResponden.objects.create(instansi=InstansiFactory())
    Responden.objects.create(
        instansi=lain.instansi, tahun=2025, periode="TW1", impor=lain, **{f"u{i}": 2 for i in range(1, 10)}
    )
    c = masuk_sebagai("operator")
    r = c.post(
        STAF + "impor/",
        {
            "berkas": _unggah(_xlsx(tmp_path / "a.xlsx", _rows(3)), "a.xlsx"),
            "ganti": lain.id,
            "konfirmasi": "1",
        },
        follow=True,
    )
    assert "tidak ada" in r.content.decode() and Responden.objects.filter(impor=lain).count() == 1
    assert Responden.objects.count() == 1
