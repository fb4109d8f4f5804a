"""The workbook's `pemda` sheet carries the pemda's Rencana Aksi period (triwulan | bulan): a
monthly pemda's workbook imported into an empty database makes a monthly pemda whose month rows
are accepted; a blank cell keeps the stored setting; an old workbook without the column still
imports; a unit's operator uploading from the web cannot change the setting (only the console)."""

import pytest
from django.core.management import call_command

from akun.models import Peran
from organisasi.models import Pemda
from perencanaan.models import Indikator, TargetTriwulan
from workbook import importer, writer
from workbook.services import _tolak_baris

pytestmark = pytest.mark.django_db(transaction=True)

IKU3 = [5, 5, 10, 10, 15, 20, 20, 25, 30, 30, 35, 40]


def _ekspor(path):
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(path))
    return writer.isi(path)


def test_a_monthly_pemda_survives_export_and_import_into_an_empty_database(demo, tmp_path):
    Pemda.objects.update(periode_rencana_aksi="bulan")
    for i, v in enumerate(IKU3, start=1):
        TargetTriwulan.objects.update_or_create(
            indikator=Indikator.objects.get(instansi=demo, kode="IKU3"),
            tahun=2024,
            periode=f"B{i:02d}",
            defaults={"nilai": v},
        )
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    isi = _ekspor(a)
    assert isi["pemda"][0] == ["kode", "nama", "periode_rencana_aksi"]
    assert isi["pemda"][1][2] == "bulan"
    assert any(r[3] == "B12" for r in isi["rencana_aksi"][1:])
    call_command("flush", "--noinput")
    hasil = importer.import_workbook(a)
    assert hasil.ok, hasil.errors
    assert Pemda.objects.get().periode_rencana_aksi == "bulan"
    bulan = TargetTriwulan.objects.filter(indikator__kode="IKU3", tahun=2024, periode__startswith="B")
    assert sorted(bulan.values_list("periode", flat=True)) == [f"B{i:02d}" for i in range(1, 13)]
    assert _ekspor(b) == isi


def test_blank_keeps_the_setting_and_an_old_workbook_still_imports(demo, tmp_path):
    a = tmp_path / "a.xlsx"
    _ekspor(a)
    Pemda.objects.update(periode_rencana_aksi="bulan")
    rows, errors = importer.baca(a)
    assert not errors
    rows["pemda"][0].nilai["periode_rencana_aksi"] = None  # a blank cell
    hasil = importer.import_workbook(a, dibaca=rows)
    assert hasil.ok, hasil.errors
    assert Pemda.objects.get().periode_rencana_aksi == "bulan"
    # a workbook made before the column existed: the pemda sheet with kode and nama only
    from openpyxl import Workbook

    lama = tmp_path / "lama.xlsx"
    wb = Workbook()
    wb.active.title = "pemda"
    wb.active.append(["kode", "nama"])
    wb.active.append([rows["pemda"][0].nilai["kode"], rows["pemda"][0].nilai["nama"]])
    wb.save(lama)
    hasil = importer.import_workbook(lama)
    assert hasil.ok, hasil.errors
    assert Pemda.objects.get().periode_rencana_aksi == "bulan"


def test_an_unknown_period_is_refused_naming_the_cell(demo, tmp_path):
    a = tmp_path / "a.xlsx"
    _ekspor(a)
    rows, errors = importer.baca(a)
    assert not errors
    # a cell outside the choices is refused when read, naming the cell
    data = {"pemda": [{"kode": "kota-bekasi", "nama": "Kota Bekasi", "periode_rencana_aksi": "mingguan"}]}
    b = tmp_path / "b.xlsx"
    writer.tulis(data, b)
    hasil = importer.import_workbook(b)
    assert not hasil.ok and any(e.startswith("pemda!C2") for e in hasil.errors), hasil.errors
    assert Pemda.objects.get().periode_rencana_aksi == "triwulan"


def test_an_operators_upload_cannot_change_it(demo, tmp_path, django_user_model):
    op = django_user_model.objects.create_user("op-bg")
    Peran.objects.create(user=op, jenis="operator", instansi=demo)
    a = tmp_path / "a.xlsx"
    _ekspor(a)
    rows, errors = importer.baca(a)
    assert not errors
    rows["pemda"][0].nilai["periode_rencana_aksi"] = "bulan"
    hasil = importer.import_workbook(a, dibaca=rows, tolak_baris=_tolak_baris(op, demo))
    assert len(hasil.errors) == 1 and hasil.errors[0].startswith(
        "pemda!C2: profil pemda dan unit tidak diubah"
    )
    assert Pemda.objects.get().periode_rencana_aksi == "triwulan"
    del rows["pemda"]
    assert importer.import_workbook(a, dibaca=rows, tolak_baris=_tolak_baris(op, demo)).ok
