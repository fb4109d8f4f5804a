"""The cascade reads: milik_jabatan and jenjang_unit return the right items with a fixed number
of queries, whatever the size of the tree."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from perencanaan.models import Indikator, Jenjang, Target
from perencanaan.selectors import jenjang_unit, kepala_unit, milik_jabatan
from tests.jenjang_bantu import buat_pohon

pytestmark = pytest.mark.django_db


def _kode(rows):
    return [r.indikator.kode for r in rows]


def test_milik_jabatan_per_owner():
    p = buat_pohon()
    assert _kode(milik_jabatan(p["sekcam"], 2024)) == ["IP1"]
    rows = milik_jabatan(p["kasubag"], 2024)
    assert _kode(rows) == ["IK1", "IS1"]
    assert rows[0].target == Decimal(100) and rows[0].jenjang == p["sk"] and rows[0].sasaran == p["sasaran"]
    # the unit head owns the sasaran strategis by default (first official, no PK yet)
    assert kepala_unit(p["instansi"]) == p["camat"]
    assert _kode(milik_jabatan(p["camat"], 2024)) == ["IKU1"]
    # an explicit owner of the sasaran takes it over
    p["sasaran"].pemilik = p["sekcam"]
    p["sasaran"].save()
    assert _kode(milik_jabatan(p["sekcam"], 2024)) == ["IKU1", "IP1"]
    assert milik_jabatan(p["camat"], 2024) == []


def test_tahun_tanpa_target_dan_arsip():
    p = buat_pohon()
    rows = milik_jabatan(p["kasubag"], 2025)
    assert [r.target for r in rows] == [None, None]
    p["sk"].tahun_nonaktif = 2025
    p["sk"].save()
    # the archived node and the node below it leave 2025, not 2024
    assert milik_jabatan(p["kasubag"], 2025) == []
    assert _kode(milik_jabatan(p["kasubag"], 2024)) == ["IK1", "IS1"]


def test_jenjang_unit_tree():
    p = buat_pohon()
    (akar,) = jenjang_unit(p["instansi"], 2024)
    assert (akar.level, akar.pemilik, akar.pemilik_bawaan) == ("sasaran", p["camat"], True)
    assert _kode(akar.indikator) == ["IKU1"]
    (sp,) = akar.anak
    assert (sp.level, sp.kode, sp.pemilik, sp.anggaran.kode) == ("program", "SP1", p["sekcam"], "7.01.01")
    (sk,) = sp.anak
    (os_,) = sk.anak
    assert (os_.level, os_.anggaran.kode, _kode(os_.indikator)) == (
        "sub_kegiatan",
        "7.01.01.2.01.0006",
        ["IS1"],
    )


def _tambah_cabang(p, n):
    for k in range(n):
        sp = Jenjang.objects.create(
            instansi=p["instansi"],
            level="program",
            kode=f"SPX{k}",
            uraian="x",
            pemilik=p["sekcam"],
            sasaran=p["sasaran"],
            program=p["sp"].program,
        )
        sk = Jenjang.objects.create(
            instansi=p["instansi"],
            level="kegiatan",
            kode=f"SKX{k}",
            uraian="x",
            pemilik=p["kasubag"],
            induk=sp,
            kegiatan=p["sk"].kegiatan,
        )
        i = Indikator.objects.create(
            instansi=p["instansi"], kode=f"IKX{k}", nama="x", level="kegiatan", jenjang=sk, satuan="%"
        )
        Target.objects.create(indikator=i, tahun=2024, nilai=1)


@pytest.mark.parametrize("fungsi", ["jenjang_unit", "milik_jabatan"])
def test_jumlah_kueri_tetap(fungsi):
    p = buat_pohon()

    def baca():
        with CaptureQueriesContext(connection) as q:
            if fungsi == "jenjang_unit":
                hasil = [x.indikator for r in jenjang_unit(p["instansi"], 2024) for x in r.semua()]
            else:
                hasil = [
                    (r.indikator.nama, r.pemilik, r.jenjang, r.sasaran)
                    for r in milik_jabatan(p["kasubag"], 2024)
                ]
        return len(q), hasil

    kecil, _ = baca()
    _tambah_cabang(p, 5)
    besar, hasil = baca()
    assert kecil == besar == 6
    assert len(hasil) > 2
