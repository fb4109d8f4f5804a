"""Each check of the pohon kinerja (rumus.pohon.periksa_pohon) is found on a crafted tree: a node
without indicator, an indicator without owner, a sasaran without supporting programme, a budget
line supporting nothing, an outcome sasaran measured only by outputs; a sound tree has none."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from anggaran.models import Dukungan
from perencanaan.models import Indikator, Jenjang
from pohon.selectors import pohon_unit
from rumus import pohon as r
from tests.factories import BarisAnggaranFactory, IndikatorFactory, SasaranFactory, SubKegiatanFactory
from tests.jenjang_bantu import buat_pohon


def _ind(kode, jenis=r.OUTCOME, pemilik="Camat"):
    return r.IndikatorPohon(kode, f"Indikator {kode}", "%", jenis, pemilik)


def _sehat():
    kegiatan = r.SimpulPohon(
        "k", r.KEGIATAN, "7.01.01.2.01", "Kegiatan", "u", "Kasubag", [_ind("IK", r.OUTPUT)]
    )
    program = r.SimpulPohon("p", r.PROGRAM, "7.01.01", "Program", "u", "Sekcam", [_ind("IP")], [], [kegiatan])
    sasaran = r.SimpulPohon("s", r.SASARAN, "S1", "Sasaran", "u", "Camat", [_ind("IS")], [], [program])
    return [r.SimpulPohon("t", r.TUJUAN, "T1", "Tujuan", "u", "Camat", [_ind("IT")], [], [sasaran])]


def test_a_sound_tree_has_no_finding():
    assert r.periksa_pohon(_sehat(), [("u", "7.01.01.2.01.0001", "Sub")], {"u": ["7.01.01"]}) == []


def test_each_check_on_a_crafted_tree():
    akar = _sehat()
    sasaran = akar[0].anak[0]
    sasaran.indikator = [_ind("IS", r.OUTPUT)]  # an outcome sasaran measured only by an output
    program = sasaran.anak[0]
    program.indikator = []  # a node without indicator
    program.anak[0].indikator[0].pemilik = None  # an indicator without owner
    sasaran2 = r.SimpulPohon(
        "s2", r.SASARAN, "S2", "Sasaran dua", "u", "Camat", [_ind("IS2")]
    )  # no programme
    akar[0].anak.append(sasaran2)
    temuan = r.periksa_pohon(
        akar, [("u", "7.01.01.2.01.0001", "Sub"), ("u", "7.01.05.2.01.0008", "Lepas")], {"u": ["7.01.01"]}
    )
    assert [(t.jenis, t.kode) for t in temuan] == [
        (r.OUTCOME_HANYA_OUTPUT, "S1"),
        (r.TANPA_INDIKATOR, "7.01.01"),
        (r.TANPA_PEMILIK, "IK"),
        (r.SASARAN_TANPA_PROGRAM, "S2"),
        (r.ANGGARAN_TANPA_KINERJA, "7.01.05.2.01.0008"),
    ]


def test_indicator_kind_follows_its_level_unless_set():
    assert r.jenis_indikator("sasaran") == r.OUTCOME and r.jenis_indikator("program") == r.OUTCOME
    assert r.jenis_indikator("kegiatan") == r.OUTPUT and r.jenis_indikator("sub_kegiatan") == r.OUTPUT
    assert r.jenis_indikator("sasaran", "output") == r.OUTPUT
    assert r.jenis_indikator("kegiatan", "outcome") == r.OUTCOME


@given(st.lists(st.integers(min_value=1, max_value=9), min_size=1, max_size=4))
def test_a_code_covers_exactly_the_codes_below_it(seg):
    kode = ".".join(map(str, seg))
    assert r.mencakup(kode, kode) and r.mencakup(kode, kode + ".1")
    assert not r.mencakup(kode + ".1", kode)
    assert not r.mencakup(kode, kode + "1")  # 7.01.1 does not cover 7.01.10


@pytest.mark.django_db
def test_each_check_on_a_crafted_database_tree():
    x = buat_pohon()
    ins = x["instansi"]
    # a budget line under another kegiatan, linked to nothing
    lepas = SubKegiatanFactory(kegiatan=x["kegiatan_lain"], kode="7.01.02.2.03.0001")
    BarisAnggaranFactory(instansi=ins, sub_kegiatan=lepas)
    # the sasaran strategis's indicator is an output; a second sasaran has no programme
    Indikator.objects.filter(kode="IKU1").update(jenis_hasil="output")
    s2 = SasaranFactory(tujuan=x["sasaran"].tujuan, kode="S9", uraian="Sasaran tanpa program")
    IndikatorFactory(sasaran=s2, kode="IKU9")
    # a sasaran kegiatan without owner nor indicator
    Jenjang.objects.create(
        instansi=ins,
        level="kegiatan",
        kode="SK2",
        uraian="Sasaran kegiatan tanpa indikator",
        induk=x["sp"],
        kegiatan=x["sub"].kegiatan,
    )
    IndikatorFactory(
        sasaran=None,
        level="kegiatan",
        jenjang=Jenjang.objects.get(kode="SK1"),
        kode="IK2",
        kegiatan=x["sub"].kegiatan,
        instansi=ins,
        penanggung_jawab="",
    )
    Jenjang.objects.filter(kode="SK1").update(pemilik=None)
    Dukungan.objects.create(
        instansi=ins, tahun=2024, kode=x["sub"].kode, indikator=Indikator.objects.get(kode="IS1")
    )
    temuan = {(t.jenis, t.kode) for t in pohon_unit(ins, 2024).temuan}
    assert (r.OUTCOME_HANYA_OUTPUT, x["sasaran"].kode) in temuan
    assert (r.SASARAN_TANPA_PROGRAM, "S9") in temuan
    assert (r.TANPA_INDIKATOR, "SK2") in temuan
    assert (r.TANPA_PEMILIK, "IK1") in temuan and (r.TANPA_PEMILIK, "IK2") in temuan
    assert (r.ANGGARAN_TANPA_KINERJA, "7.01.02.2.03.0001") in temuan
    assert (r.ANGGARAN_TANPA_KINERJA, x["sub"].kode) not in temuan  # linked to IS1
    # the owned nodes' indicators are not reported
    assert (r.TANPA_PEMILIK, "IP1") not in temuan and (r.TANPA_PEMILIK, "IS1") not in temuan
    assert Decimal(0) == Decimal(0)
