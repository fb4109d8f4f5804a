"""A value outside the previous years' range by more than FAKTOR_LONJAKAN (docs/rules.md §10)
is a warning: a unit typed in thousands, a misplaced decimal point."""

from decimal import Decimal

import pytest

from rumus.kewajaran import FAKTOR_LONJAKAN
from tests.factories import IndikatorFactory

pytestmark = pytest.mark.django_db


def _isi(ind, **per_tahun):
    from pengukuran.models import Realisasi

    for y, v in per_tahun.items():
        Realisasi.objects.create(indikator=ind, tahun=int(y[1:]), periode="TAHUN", nilai=Decimal(v))


def _lonjakan(ind):
    from pengukuran.periksa import periksa

    return [t for t in periksa(ind.instansi, 2024) if "di luar rentang" in t.message]


def test_a_value_ten_times_the_previous_years_is_a_warning():
    ind = IndikatorFactory()
    _isi(ind, y2022="70", y2023="80", y2024="800")
    (t,) = _lonjakan(ind)
    assert t.level == "warning" and t.where == f"realisasi {ind.kode} 2024"
    assert t.message == (
        "realisasi 800,00 jauh di luar rentang tahun sebelumnya (70,00–80,00, tahun 2022, 2023; "
        "batas 2 kali): periksa satuan atau salah ketik"
    )


def test_a_value_far_below_the_lowest_is_a_warning():
    ind = IndikatorFactory()
    _isi(ind, y2023="80", y2024="0.8")
    assert len(_lonjakan(ind)) == 1


@pytest.mark.parametrize("nilai", ["40", "160", "95"])
def test_values_within_the_factor_get_no_warning(nilai):
    ind = IndikatorFactory()
    _isi(ind, y2023="80", y2024=nilai)
    assert Decimal(nilai) <= 80 * FAKTOR_LONJAKAN
    assert _lonjakan(ind) == []


def test_no_previous_year_no_warning():
    ind = IndikatorFactory()
    _isi(ind, y2024="1000")
    assert _lonjakan(ind) == []


def test_demo_values_are_within_range(demo):
    from organisasi.models import Instansi
    from pengukuran.periksa import periksa

    assert [
        t for t in periksa(Instansi.objects.get(slug="bantargebang"), 2024) if "di luar rentang" in t.message
    ] == []
