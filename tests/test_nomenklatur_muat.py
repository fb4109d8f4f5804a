"""The budget nomenclature as data: the shipped kecamatan list (urusan 7.01) and the loader
``manage.py muat_nomenklatur FILE.csv`` (docs/nomenklatur.md): idempotent, one transaction,
every problem named by row and column."""

import csv

import pytest
from django.core.management import CommandError, call_command

from anggaran.models import Kegiatan, Program, SubKegiatan
from anggaran.nomenklatur import BAWAAN, NomenklaturError, baca_csv, bawaan
from audit.models import Jejak

pytestmark = pytest.mark.django_db

BAIK = """kode;nama;keterangan
1;URUSAN PEMERINTAHAN WAJIB YANG BERKAITAN DENGAN PELAYANAN DASAR;
1.01;PENDIDIKAN;
1.01.02;Pengelolaan Pendidikan;
1.01.02.2.01;Pengelolaan Pendidikan Sekolah Dasar;
1.01.02.2.01.0001;Pembangunan Unit Sekolah Baru (USB);baru 2023
1.01.02.2.01.0002;Penambahan Ruang Kelas Baru;
"""


def _tulis(tmp_path, teks, nama="nomenklatur.csv", encoding="utf-8"):
    p = tmp_path / nama
    p.write_text(teks, encoding=encoding)
    return str(p)


def test_the_shipped_list_holds_every_kecamatan_programme_and_the_seed_codes():
    rows = bawaan()
    kode = {r.kode: r for r in rows}
    assert {k for k, r in kode.items() if r.tingkat == "program"} == {f"7.01.0{i}" for i in range(1, 7)}
    with open("data/demo/source/sub_kegiatan.csv", encoding="utf-8") as f:
        demo = {r["kode"]: r["nama"] for r in csv.DictReader(f)}
    assert demo and all(kode[k].nama == v for k, v in demo.items())  # the Bantargebang seed's 26 codes
    assert all(r.kode.startswith("7.01.") for r in rows)
    # loaded by migration 0003 into every database
    assert SubKegiatan.objects.filter(kode="7.01.02.2.01.0001").exists()
    assert Program.objects.get(kode="7.01.04").nama == "Koordinasi Ketentraman dan Ketertiban Umum"


def test_loader_creates_then_is_idempotent(tmp_path, capsys):
    path = _tulis(tmp_path, "\ufeff" + BAIK)  # Excel's UTF-8 BOM and ';' separator
    call_command("muat_nomenklatur", path)
    assert "sub_kegiatan: 2 created, 0 updated, 0 unchanged" in capsys.readouterr().out
    sub = SubKegiatan.objects.get(kode="1.01.02.2.01.0001")
    assert sub.nama == "Pembangunan Unit Sekolah Baru (USB)"
    assert sub.kegiatan.kode == "1.01.02.2.01" and sub.kegiatan.program.kode == "1.01.02"
    assert not Program.objects.filter(kode__in=["1", "1.01"]).exists()  # urusan and bidang rows skipped
    call_command("muat_nomenklatur", path)
    assert "sub_kegiatan: 0 created, 0 updated, 2 unchanged" in capsys.readouterr().out
    assert SubKegiatan.objects.filter(kode__startswith="1.01.").count() == 2
    # a renamed entry is updated in place; a child of a stored parent needs no parent row
    call_command(
        "muat_nomenklatur",
        _tulis(
            tmp_path,
            "nama,kode\nPenambahan Ruang Kelas Baru (RKB),1.01.02.2.01.0002\nRehabilitasi Ruang Kelas,1.01.02.2.01.0003\n",
            "ubah.csv",
        ),
    )
    out = capsys.readouterr().out
    assert "sub_kegiatan: 1 created, 1 updated, 0 unchanged" in out
    assert SubKegiatan.objects.get(kode="1.01.02.2.01.0002").nama == "Penambahan Ruang Kelas Baru (RKB)"
    jejak = Jejak.objects.filter(aksi="impor", keterangan="nomenklatur")
    assert jejak.count() == 3 and "ubah.csv" in jejak.order_by("-id").first().baru


def test_without_a_file_the_shipped_list_is_loaded(capsys):
    SubKegiatan.objects.filter(kode="7.01.06.2.01.0018").delete()
    call_command("muat_nomenklatur")
    assert "sub_kegiatan: 1 created" in capsys.readouterr().out
    assert SubKegiatan.objects.filter(kode="7.01.06.2.01.0018").exists()
    assert BAWAAN.name == "nomenklatur_7_01.csv"


def test_a_bad_file_saves_nothing_and_names_each_row_and_column(tmp_path, capsys):
    before = (Program.objects.count(), Kegiatan.objects.count(), SubKegiatan.objects.count())
    teks = (
        "kode,nama\n"
        "2.09.02,Program Baru Pangan\n"  # good, but must not be saved
        "2.09.02.2.01,\n"  # no name
        "2.09.02.2.01.01,Sub Kegiatan Dua Angka\n"  # the 2021 2-digit sub-kegiatan number
        "2.09.02.2.01.0001,Sub Kegiatan Lama\n"  # its kegiatan is not defined (row above is refused)
        "2.09.02.2.01.0001,Sub Kegiatan Kembar\n"  # duplicate
        "2.09,02,Bidang\n"  # a programme code split by a stray comma
        "2.09.99.2.01.0001.01,Terlalu Panjang\n"
    )
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command("muat_nomenklatur", _tulis(tmp_path, teks))
    err = capsys.readouterr().err
    assert "baris 3, kolom nama: kosong (kode 2.09.02.2.01)" in err
    assert 'baris 4, kolom kode: "2.09.02.2.01.01" tidak berbentuk kode sub kegiatan' in err
    assert "baris 6, kolom kode: 2.09.02.2.01.0001 sudah ada di baris 5" in err
    assert "baris 5, kolom kode: kegiatan 2.09.02.2.01 dari 2.09.02.2.01.0001 tidak ada" in err
    assert 'baris 8, kolom kode: "2.09.99.2.01.0001.01" bukan kode program' in err
    assert (Program.objects.count(), Kegiatan.objects.count(), SubKegiatan.objects.count()) == before
    assert not Jejak.objects.filter(keterangan="nomenklatur").exists()


def test_header_and_encoding_problems_are_named(tmp_path, capsys):
    with pytest.raises(CommandError):
        call_command("muat_nomenklatur", _tulis(tmp_path, "code,name\n7.01.01,X\n"))
    assert (
        "baris 1: kolom kode dan nama tidak ada (judul kolom yang ada: code, name)" in capsys.readouterr().err
    )
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command(
            "muat_nomenklatur", _tulis(tmp_path, "kode,nama\n7.01.01,Ketenteraman\n", encoding="utf-16")
        )
    with pytest.raises(CommandError, match="file not found"):
        call_command("muat_nomenklatur", str(tmp_path / "tidak-ada.csv"))
    with pytest.raises(NomenklaturError, match="berkas kosong"):
        baca_csv("")
