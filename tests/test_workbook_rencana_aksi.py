"""Workbook sheets rencana_aksi and langkah_aksi: the demo's plan goes out and back unchanged, and
a bad row is refused naming the sheet, the row, the column and the rule (nothing saved)."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from perencanaan.models import LangkahAksi, TargetTriwulan
from workbook import importer, writer
from workbook.exporter import kumpulkan

pytestmark = pytest.mark.django_db(transaction=True)


def _baris(ind, tw):
    return [
        {"instansi": "bantargebang", "indikator": ind, "tahun": 2024, "periode": p, "target": Decimal(v)}
        for p, v in zip(("TW1", "TW2", "TW3", "TW4"), tw, strict=True)
    ]


def _impor(tmp_path, data):
    path = tmp_path / "ra.xlsx"
    writer.tulis(data, path)
    return importer.import_workbook(path)


def test_demo_plan_round_trips(demo, tmp_path):
    data = kumpulkan(demo, 2024)
    assert [r["target"] for r in data["rencana_aksi"] if r["indikator"] == "IKU3"] == [10, 20, 30, 40]
    assert len(data["langkah_aksi"]) == LangkahAksi.objects.count() == 13
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    call_command("flush", "--noinput")
    hasil = importer.import_workbook(a)
    assert hasil.ok, hasil.errors
    assert hasil.counts["rencana_aksi"]["created"] == 12 and hasil.counts["langkah_aksi"]["created"] == 13
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(b))
    assert writer.isi(a)["rencana_aksi"] == writer.isi(b)["rencana_aksi"]
    assert writer.isi(a)["langkah_aksi"] == writer.isi(b)["langkah_aksi"]
    again = importer.import_workbook(b)
    assert again.counts["rencana_aksi"] == {"created": 0, "updated": 0, "unchanged": 12}


def test_targets_against_the_aggregation_name_sheet_row_column_and_rule(demo, tmp_path):
    # IKU3 is 'terakhir' with annual target 40; IKU1 is 'rata-rata' of 83
    hasil = _impor(
        tmp_path, {"rencana_aksi": _baris("IKU3", [10, 20, 30, 35]) + _baris("IKU1", [83, 83, 83, 90])}
    )
    assert not hasil.ok
    assert any(
        e.startswith("rencana_aksi!E5:") and "'terakhir'" in e and "TW4 target is 35" in e and "40" in e
        for e in hasil.errors
    ), hasil.errors
    assert any(
        e.startswith("rencana_aksi!E9:") and "'rata-rata'" in e and "84.75" in e for e in hasil.errors
    ), hasil.errors
    assert TargetTriwulan.objects.get(indikator__kode="IKU3", periode="TW4").nilai == 40


def test_indicator_outside_the_pk_and_budget_outside_the_dpa_are_refused(demo, tmp_path):
    hasil = _impor(
        tmp_path,
        {
            "rencana_aksi": _baris("IP1", [25, 50, 75, 100]),
            "langkah_aksi": [
                {
                    "instansi": "bantargebang",
                    "indikator": "IKU3",
                    "tahun": 2024,
                    "urutan": 9,
                    "periode": "TW2",
                    "uraian": "Patroli",
                    "sub_kegiatan": "7.01.04.2.01.0002",
                }
            ],
        },
    )
    assert any(
        e.startswith("rencana_aksi!B2:") and "not in the Perjanjian Kinerja 2024" in e for e in hasil.errors
    ), hasil.errors
    assert any(e.startswith("langkah_aksi!H2:") for e in hasil.errors), hasil.errors
    assert not LangkahAksi.objects.filter(urutan=9).exists()


def test_a_verified_quarter_keeps_its_target(demo, tmp_path):
    from pengukuran.models import PengajuanRealisasi

    PengajuanRealisasi.objects.create(
        instansi=demo, tahun=2024, periode="TW1", alur="kinerja", status="diverifikasi"
    )
    hasil = _impor(tmp_path, {"rencana_aksi": _baris("IKU3", [15, 20, 30, 40])})
    assert any(
        e.startswith("rencana_aksi!E2:") and "TW1 realisasi is verified" in e and "stored target: 10" in e
        for e in hasil.errors
    ), hasil.errors
    assert TargetTriwulan.objects.get(indikator__kode="IKU3", periode="TW1").nilai == 10
    # unchanged TW1, changed later quarters: imported
    hasil = _impor(tmp_path, {"rencana_aksi": _baris("IKU3", [10, 25, 30, 40])})
    assert hasil.ok, hasil.errors
    assert TargetTriwulan.objects.get(indikator__kode="IKU3", periode="TW2").nilai == 25


def test_the_web_upload_says_it_in_indonesian():
    from workbook.pesan import indonesiakan

    teks = indonesiakan(
        "rencana_aksi!E5: rencana_aksi of IKU3 2024 breaks the rule 'terakhir' of its aggregation: "
        "the TW4 target is 35, the PK's annual target is 40"
    )
    assert (
        teks.startswith("rencana_aksi!E5:")
        and "aturan agregasi 'terakhir'" in teks
        and "target tahunan PK 40" in teks
        and "target TW4 35" in teks
    )
