"""Rules of a cascade node (perencanaan.Jenjang.clean): the parent has the level above, the
budget item is one the unit holds and lies within the parent's, the owner is an official of the
same unit; each refusal names the field with an Indonesian message."""

import pytest
from django.core.exceptions import ValidationError

from perencanaan.models import Indikator, Jenjang
from tests.factories import InstansiFactory, PejabatFactory, SasaranFactory, SubKegiatanFactory
from tests.jenjang_bantu import buat_pohon

pytestmark = pytest.mark.django_db


def _galat(obj) -> dict:
    with pytest.raises(ValidationError) as e:
        obj.full_clean()
    return {k: " ".join(v) for k, v in e.value.message_dict.items()}


def test_pohon_sah():
    p = buat_pohon()
    for node in (p["sp"], p["sk"], p["os"]):
        node.full_clean()


def test_induk_level_salah():
    p = buat_pohon()
    # a sasaran kegiatan under a sasaran kegiatan, an output under a sasaran program
    g = _galat(
        Jenjang(
            instansi=p["instansi"],
            level="kegiatan",
            kode="X",
            uraian="x",
            induk=p["sk"],
            kegiatan=p["sk"].kegiatan,
        )
    )
    assert "harus di bawah Sasaran program, bukan di bawah Sasaran kegiatan SK1" in g["induk"]
    g = _galat(
        Jenjang(
            instansi=p["instansi"],
            level="sub_kegiatan",
            kode="X",
            uraian="x",
            induk=p["sp"],
            sub_kegiatan=p["sub"],
        )
    )
    assert "Sasaran kegiatan" in g["induk"]
    # a sasaran program needs a sasaran strategis, not a node
    g = _galat(
        Jenjang(
            instansi=p["instansi"],
            level="program",
            kode="X",
            uraian="x",
            induk=p["sp"],
            program=p["sp"].program,
        )
    )
    assert "sasaran strategis" in g["sasaran"]
    g = _galat(
        Jenjang(
            instansi=p["instansi"],
            level="kegiatan",
            kode="X",
            uraian="x",
            sasaran=p["sasaran"],
            kegiatan=p["sk"].kegiatan,
        )
    )
    assert "induk" in g and "sasaran" in g


def test_anggaran_unit_lain_ditolak():
    p = buat_pohon()
    lain = SubKegiatanFactory(kode="7.01.02.2.03.0001", kegiatan=p["kegiatan_lain"])
    # no budget line of this unit under it
    g = _galat(
        Jenjang(
            instansi=p["instansi"],
            level="program",
            kode="X",
            uraian="x",
            sasaran=p["sasaran"],
            program=lain.kegiatan.program,
        )
    )
    assert "bukan anggaran unit ini" in g["program"]
    g = _galat(
        Jenjang(
            instansi=p["instansi"],
            level="sub_kegiatan",
            kode="X",
            uraian="x",
            induk=p["sk"],
            sub_kegiatan=lain,
        )
    )
    assert "bukan anggaran unit ini" in g["sub_kegiatan"]
    # a budget item missing, or of another level
    g = _galat(Jenjang(instansi=p["instansi"], level="program", kode="X", uraian="x", sasaran=p["sasaran"]))
    assert "Pilih program" in g["program"]
    g = _galat(
        Jenjang(
            instansi=p["instansi"],
            level="program",
            kode="X",
            uraian="x",
            sasaran=p["sasaran"],
            program=p["sp"].program,
            sub_kegiatan=p["sub"],
        )
    )
    assert "hanya berdasar program" in g["sub_kegiatan"]


def test_anggaran_di_luar_induk_ditolak():
    from tests.factories import BarisAnggaranFactory

    p = buat_pohon()
    lain = SubKegiatanFactory(kode="7.01.02.2.03.0001", kegiatan=p["kegiatan_lain"])
    BarisAnggaranFactory(instansi=p["instansi"], sub_kegiatan=lain)
    g = _galat(
        Jenjang(
            instansi=p["instansi"],
            level="kegiatan",
            kode="X",
            uraian="x",
            induk=p["sp"],
            kegiatan=lain.kegiatan,
        )
    )
    assert "bukan bagian dari 7.01.01" in g["kegiatan"]


def test_pemilik_unit_lain_ditolak():
    p = buat_pohon()
    asing = PejabatFactory(instansi=InstansiFactory(), jabatan="Lurah Lain")
    p["sk"].pemilik = asing
    assert "Pemilik harus pejabat unit ini, bukan Lurah Lain" in _galat(p["sk"])["pemilik"]
    sasaran_lain = SasaranFactory()
    g = _galat(
        Jenjang(
            instansi=p["instansi"],
            level="program",
            kode="X",
            uraian="x",
            sasaran=sasaran_lain,
            program=p["sp"].program,
        )
    )
    assert "milik unit ini" in g["sasaran"]


def test_indikator_ikut_level_jenjang():
    p = buat_pohon()
    i = Indikator(instansi=p["instansi"], kode="Z", nama="z", level="program", jenjang=p["sk"], satuan="%")
    with pytest.raises(ValidationError, match="Sasaran kegiatan"):
        i.full_clean()
    i = Indikator(instansi=p["instansi"], kode="Z", nama="z", level="sub_kegiatan", satuan="%")
    with pytest.raises(ValidationError):
        i.full_clean()
