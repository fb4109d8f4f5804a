"""The DPA page's reads: a fixed number of queries however many lines, sub-kegiatan or quarters."""

from decimal import Decimal

import pytest

from anggaran.models import RealisasiAnggaran, SubKegiatan
from anggaran.selectors import baris_dpa, cari_sub_kegiatan, dukungan_tahun, periode_tertutup, pilihan_awal
from pengukuran.models import PengajuanRealisasi
from tests.dpa_bantu import unit_baru
from tests.factories import BarisAnggaranFactory

pytestmark = pytest.mark.django_db


def test_reads_have_a_fixed_query_count(django_assert_num_queries):
    ins, sek, kel = unit_baru()
    subs = list(SubKegiatan.objects.filter(kode__startswith="7.01.01.2.06").order_by("kode"))
    lines = [
        BarisAnggaranFactory(instansi=ins, tahun=2025, sub_kegiatan=s, subunit=su)
        for s in subs
        for su in (sek, kel)
    ]
    RealisasiAnggaran.objects.create(baris=lines[0], periode="TW1", nilai=Decimal(1))
    RealisasiAnggaran.objects.create(baris=lines[0], periode="TW2", nilai=Decimal(1))
    PengajuanRealisasi.objects.create(
        instansi=ins, tahun=2025, periode="TW1", status="terkunci", alur="anggaran"
    )
    PengajuanRealisasi.objects.create(
        instansi=ins, tahun=2025, periode="TW2", status="diajukan", alur="kinerja"
    )
    with django_assert_num_queries(2):
        got = baris_dpa(ins, 2025)
        assert len(got) == 2 * len(subs) and [b.ada_realisasi for b in got].count(True) == 1
        assert got[0].sub_kegiatan.kegiatan.program.kode == "7.01.01"  # no query: selected with the line
    with django_assert_num_queries(1):
        assert periode_tertutup(ins, 2025) == {"TW1"}  # the performance workflow's state does not count
    with django_assert_num_queries(1):
        assert len(cari_sub_kegiatan("7.01", batas=50)) == 50
    with django_assert_num_queries(1):
        assert dukungan_tahun(ins, 2025) == set()
    with django_assert_num_queries(2):
        assert len(pilihan_awal(ins)) == 93  # the unit's urusan 7.01
