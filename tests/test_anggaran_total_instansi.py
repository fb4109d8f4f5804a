"""The per-unit budget totals summed in the database equal the totals of the full roll-up."""

from decimal import Decimal

import pytest

from anggaran.models import RealisasiAnggaran
from anggaran.selectors import roll_up_instansi, total_instansi
from tests.factories import BarisAnggaranFactory, InstansiFactory, SubKegiatanFactory

pytestmark = pytest.mark.django_db


def test_demo_totals_equal_roll_up(demo):
    ((pagu, real),) = total_instansi([demo.id], 2024).values()
    r = roll_up_instansi([demo.id], 2024)[demo.id]
    assert (pagu, real) == (r.pagu, r.realisasi) == (Decimal("23459734760"), Decimal("22297765191"))


def test_yearly_value_wins_over_quarters_and_lines_without_realisasi_count_zero():
    unit = InstansiFactory()
    a = BarisAnggaranFactory(instansi=unit, sub_kegiatan=SubKegiatanFactory(kode="7.01.01.2.01.0101"))
    b = BarisAnggaranFactory(instansi=unit, sub_kegiatan=SubKegiatanFactory(kode="7.01.01.2.01.0102"))
    BarisAnggaranFactory(instansi=unit, sub_kegiatan=SubKegiatanFactory(kode="7.01.01.2.01.0103"))
    RealisasiAnggaran.objects.create(baris=a, periode="TW1", nilai=Decimal(10))
    RealisasiAnggaran.objects.create(baris=a, periode="TAHUN", nilai=Decimal(70))
    RealisasiAnggaran.objects.create(baris=b, periode="TW1", nilai=Decimal(5))
    RealisasiAnggaran.objects.create(baris=b, periode="TW3", nilai=Decimal("2.5"))
    got = total_instansi([unit.id], 2024)[unit.id]
    r = roll_up_instansi([unit.id], 2024)[unit.id]
    assert got == (r.pagu, r.realisasi) == (Decimal(300_000_000), Decimal("77.5"))
