"""Workbook sheets of the cascade (jenjang, rhk, sasaran.pemilik, indikator.jenjang): the demo's
cascade survives export → import into an empty database → export; a broken node rule is
refused at its sheet!cell naming the rule, and nothing of the workbook is saved."""

import re

import pytest
from django.core.management import call_command

from perencanaan.models import Indikator, Jenjang, RencanaHasilKerja
from tests.wb_utils import column_of, demo_copy
from workbook.importer import import_workbook
from workbook.pesan import indonesiakan
from workbook.writer import isi

pytestmark = pytest.mark.django_db(transaction=True)


def test_cascade_round_trip(demo, tmp_path):
    from perencanaan.models import Sasaran

    Sasaran.objects.filter(kode="S2.1").update(pemilik=Jenjang.objects.get(kode="SP2.1").pemilik)
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    sheets = isi(a)
    assert [r[1] for r in sheets["jenjang"][1:]] == ["SP1.1", "SP2.1", "SK1.1.1", "SK2.1.1", "OS1.1.1.1"]
    assert len(sheets["rhk"]) == 4  # header + 3
    call_command("flush", "--noinput")
    call_command("import_workbook", str(a))
    os_ = Jenjang.objects.get(kode="OS1.1.1.1")
    assert (os_.induk.kode, os_.induk.induk.kode, os_.induk.induk.sasaran.kode) == (
        "SK1.1.1",
        "SP1.1",
        "S1.1",
    )
    assert (os_.pemilik.kode, os_.sub_kegiatan.kode) == ("kasi-pem", "7.01.02.2.04.0003")
    assert Indikator.objects.get(kode="IO1.1.1.1").jenjang == os_
    assert Indikator.objects.get(kode="IP1").jenjang.kode == "SP1.1"
    assert Sasaran.objects.get(kode="S2.1").pemilik.kode == "sekcam"
    rhk = RencanaHasilKerja.objects.get(nama_pegawai="Pegawai Contoh B", urutan=1)
    assert (rhk.indikator_atasan.kode, rhk.target, rhk.aspek) == ("IK2.1.1", 12, "kuantitas")
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(b))
    assert isi(a) == isi(b)


def _nomor_baris(path, sheet, kode):
    return next(i for i, r in enumerate(isi(path)[sheet], start=1) if kode in r)


@pytest.mark.parametrize(
    "kolom, nilai, pesan",
    [
        # an output under a sasaran program instead of a sasaran kegiatan
        (
            "induk",
            "SP1.1",
            "rule of a sub_kegiatan node: Output sub kegiatan harus di bawah Sasaran kegiatan",
        ),
        # a sub-kegiatan of another kegiatan (the unit holds a line under it)
        ("anggaran", "7.01.04.2.01.0001", "bukan bagian dari 7.01.02.2.04"),
        # an official of no unit (the pemda's Wali Kota)
        ("pemilik", "walikota", 'unknown pejabat "walikota" of instansi bantargebang'),
    ],
)
def test_node_rule_refused_at_its_cell(demo, tmp_path, kolom, nilai, pesan):
    from django.conf import settings

    baris = _nomor_baris(settings.DEMO_WORKBOOK, "jenjang", "OS1.1.1.1")
    col = column_of("jenjang", kolom)
    path = demo_copy(tmp_path, {("jenjang", f"{col}{baris}"): nilai})
    # a stored change the workbook would undo (SP1.1 is loaded before the broken row)
    Jenjang.objects.filter(kode="SP1.1").update(uraian="diubah di aplikasi")
    hasil = import_workbook(path)
    assert not hasil.ok
    assert any(e.startswith(f"jenjang!{col}{baris}: ") and pesan in e for e in hasil.errors), hasil.errors
    # the upload page says them in Indonesian
    for e in hasil.errors:
        teks = indonesiakan(e).split(": ", 1)[1]
        assert not re.search(r"\b(rule|node|unknown|must|of instansi)\b", teks), teks
    # all or nothing: nothing of the workbook was written
    assert Jenjang.objects.get(kode="SP1.1").uraian == "diubah di aplikasi"
    assert Jenjang.objects.get(kode="OS1.1.1.1").induk.kode == "SK1.1.1"


def test_indicator_level_must_match_its_node(demo, tmp_path):
    from django.conf import settings

    baris = _nomor_baris(settings.DEMO_WORKBOOK, "indikator", "IK2.1.1")
    col = column_of("indikator", "jenjang")
    hasil = import_workbook(demo_copy(tmp_path, {("indikator", f"{col}{baris}"): "SP2.1"}))
    assert not hasil.ok
    assert f'indikator!{col}{baris}: jenjang node "SP2.1" is a program node' in hasil.errors[0]
    assert indonesiakan(hasil.errors[0]).endswith(
        'jenjang "SP2.1" bertingkat program: tingkat indikatornya harus program'
    )


def test_indicator_jenis_hasil_round_trip(demo, tmp_path):
    """``indikator.jenis_hasil`` is exported, imported into an empty database and exported again
    the same; a workbook without the column leaves the stored value; a wrong value is refused at
    its cell."""
    Indikator.objects.filter(kode="IP1").update(jenis_hasil="output")
    Indikator.objects.filter(kode="IK2.1.1").update(jenis_hasil="outcome")
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(a))
    sheets = isi(a)
    kepala = sheets["indikator"][0]
    assert "jenis_hasil" in kepala
    baris = {r[kepala.index("kode")]: r[kepala.index("jenis_hasil")] for r in sheets["indikator"][1:]}
    assert (baris["IP1"], baris["IK2.1.1"], baris["IKU1"]) == ("output", "outcome", None)
    call_command("flush", "--noinput")
    call_command("import_workbook", str(a))
    assert Indikator.objects.get(kode="IP1").jenis_hasil == "output"
    assert Indikator.objects.get(kode="IK2.1.1").jenis_hasil == "outcome"
    assert Indikator.objects.get(kode="IKU1").jenis_hasil == ""
    call_command("export_workbook", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(b))
    assert isi(a) == isi(b)
    # a workbook written before the column (it removed): importing it keeps the stored value
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    wb = load_workbook(a)
    wb["indikator"].delete_cols(kepala.index("jenis_hasil") + 1)
    lama = tmp_path / "lama.xlsx"
    wb.save(lama)
    assert "jenis_hasil" not in isi(lama)["indikator"][0]
    assert import_workbook(str(lama)).ok
    assert Indikator.objects.get(kode="IP1").jenis_hasil == "output"
    # a value that is not a choice: refused at its cell, nothing saved
    wb = load_workbook(a)
    sel = f"{get_column_letter(kepala.index('jenis_hasil') + 1)}{_nomor_baris(a, 'indikator', 'IP1')}"
    wb["indikator"][sel] = "dampak"
    wb.save(a)
    h = import_workbook(str(a))
    assert not h.ok
    assert any(
        e.startswith(f"indikator!{sel}:") and "jenis_hasil must be one of outcome, output" in e
        for e in h.errors
    ), h.errors[:3]
    assert Indikator.objects.get(kode="IP1").jenis_hasil == "output"
