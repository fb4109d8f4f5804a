"""Workbook sheet rencana_aksi for a pemda planning per month: month rows B01..B12 go in (the
quarters derived and stored), out (the months, not the derived quarters) and back unchanged; a
bad month set or a quarter row beside months is refused naming sheet, row, column and rule; a
quarterly pemda refuses month rows."""

from decimal import Decimal

import pytest

from organisasi.models import Pemda
from pengukuran.models import PengajuanRealisasi
from perencanaan.models import TargetTriwulan
from workbook import importer, writer
from workbook.exporter import kumpulkan

pytestmark = pytest.mark.django_db(transaction=True)

IKU3 = [5, 5, 10, 10, 15, 20, 20, 25, 30, 30, 35, 40]  # 'terakhir', annual 40


def _bulan(ind, nilai):
    return [
        {
            "instansi": "bantargebang",
            "indikator": ind,
            "tahun": 2024,
            "periode": f"B{i:02d}",
            "target": Decimal(v),
        }
        for i, v in enumerate(nilai, start=1)
    ]


def _impor(tmp_path, data, nama="ra.xlsx"):
    path = tmp_path / nama
    writer.tulis(data, path)
    return importer.import_workbook(path)


def _per_bulan():
    Pemda.objects.update(periode_rencana_aksi="bulan")


def _iku3():
    return dict(
        TargetTriwulan.objects.filter(indikator__kode="IKU3", tahun=2024).values_list("periode", "nilai")
    )


def test_months_round_trip(demo, tmp_path):
    _per_bulan()
    hasil = _impor(tmp_path, {"rencana_aksi": _bulan("IKU3", IKU3)})
    assert hasil.ok, hasil.errors
    t = _iku3()
    assert [t[f"TW{i}"] for i in range(1, 5)] == [10, 20, 30, 40]  # the demo's quarters, kept
    assert [t[f"B{i:02d}"] for i in range(1, 13)] == IKU3
    data = kumpulkan(demo, 2024)
    keluar = [(r["periode"], r["target"]) for r in data["rencana_aksi"] if r["indikator"] == "IKU3"]
    assert keluar == [(f"B{i:02d}", Decimal(v)) for i, v in enumerate(IKU3, start=1)]
    lain = {r["periode"] for r in data["rencana_aksi"] if r["indikator"] != "IKU3"}
    assert lain == {"TW1", "TW2", "TW3", "TW4"}  # indicators still planned per quarter
    a = tmp_path / "a.xlsx"
    writer.tulis(data, a)
    TargetTriwulan.objects.filter(indikator__kode="IKU3").delete()
    hasil = importer.import_workbook(a)
    assert hasil.ok, hasil.errors
    assert _iku3() == t
    again = importer.import_workbook(a)
    assert again.counts["rencana_aksi"]["created"] == again.counts["rencana_aksi"]["updated"] == 0


def test_months_breaking_the_rule_name_sheet_row_column_and_rule(demo, tmp_path):
    _per_bulan()
    salah = IKU3[:-1] + [35]
    hasil = _impor(tmp_path, {"rencana_aksi": _bulan("IKU3", salah)})
    assert not hasil.ok
    assert any(
        e.startswith("rencana_aksi!E13:")
        and "'terakhir'" in e
        and "B12 (December) target is 35" in e
        and "40" in e
        for e in hasil.errors
    ), hasil.errors
    assert not any(k.startswith("B") for k in _iku3())


def test_quarter_row_beside_months_is_refused(demo, tmp_path):
    _per_bulan()
    baris = _bulan("IKU3", IKU3) + [
        {
            "instansi": "bantargebang",
            "indikator": "IKU3",
            "tahun": 2024,
            "periode": "TW1",
            "target": Decimal(10),
        }
    ]
    hasil = _impor(tmp_path, {"rencana_aksi": baris})
    assert any(e.startswith("rencana_aksi!D14:") and "per month" in e for e in hasil.errors), hasil.errors


def test_quarterly_pemda_refuses_month_rows(demo, tmp_path):
    hasil = _impor(tmp_path, {"rencana_aksi": _bulan("IKU3", IKU3)})
    assert any(e.startswith("rencana_aksi!D2:") and "per quarter" in e for e in hasil.errors), hasil.errors
    assert not any(k.startswith("B") for k in _iku3())


def test_months_of_a_verified_quarter_keep_the_quarter(demo, tmp_path):
    _per_bulan()
    PengajuanRealisasi.objects.create(
        instansi=demo, tahun=2024, periode="TW1", alur="kinerja", status="diverifikasi"
    )
    lain = [4, 8, 12] + IKU3[3:]  # TW1 would become 12, the demo's is 10
    hasil = _impor(tmp_path, {"rencana_aksi": _bulan("IKU3", lain)})
    assert any("TW1" in e and "verified" in e and "rencana_aksi!E13" in e for e in hasil.errors), hasil.errors
    assert _iku3()["TW1"] == 10
