"""Budget realisasi that looks entered "to date" (each quarter at least the previous, the sum
above the pagu) gets a warning with the hint that quarters are per quarter."""

from decimal import Decimal

import pytest

from tests.factories import BarisAnggaranFactory

pytestmark = pytest.mark.django_db


def _isi(b, **nilai):
    from anggaran.models import RealisasiAnggaran

    for periode, v in nilai.items():
        RealisasiAnggaran.objects.create(baris=b, periode=periode, nilai=Decimal(v))


def _kumulatif(b):
    from pengukuran.periksa import periksa

    return [t for t in periksa(b.instansi, 2024) if "kumulatif" in t.message]


def test_cumulative_quarters_get_the_hint():
    b = BarisAnggaranFactory()  # pagu Rp 100.000.000
    _isi(b, TW1=20_000_000, TW2=45_000_000, TW3=70_000_000, TW4=95_000_000)
    (t,) = _kumulatif(b)
    assert t.level == "warning" and t.where == f"anggaran {b.sub_kegiatan.kode}"
    assert t.message == (
        "realisasi triwulan tampak kumulatif (setiap triwulan ≥ triwulan sebelumnya, jumlahnya "
        "Rp 230.000.000 > pagu Rp 100.000.000): isi realisasi triwulan itu saja, bukan sampai dengan "
        "triwulan itu"
    )


@pytest.mark.parametrize(
    "nilai",
    [
        {"TW1": 20_000_000, "TW2": 25_000_000, "TW3": 25_000_000, "TW4": 25_000_000},  # per quarter
        {"TW1": 60_000_000, "TW2": 50_000_000, "TW3": 40_000_000},  # above pagu, but not rising
        {"TW1": 120_000_000},  # one quarter: nothing to compare
    ],
)
def test_per_quarter_or_falling_values_get_no_hint(nilai):
    b = BarisAnggaranFactory()
    _isi(b, **nilai)
    assert _kumulatif(b) == []


def test_demo_has_none(demo):
    from organisasi.models import Instansi
    from pengukuran.periksa import periksa

    assert [
        t for t in periksa(Instansi.objects.get(slug="bantargebang"), 2024) if "kumulatif" in t.message
    ] == []
