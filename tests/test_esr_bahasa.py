"""The ESR package's refusals are in the catalogue: Indonesian by default, English when the
language is English (like every other job refusal)."""

import pytest
from django.utils import translation

from laporan.esr import cek_tahun
from organisasi.models import Instansi

pytestmark = pytest.mark.django_db


def test_refusals_follow_the_language(demo):
    unit = Instansi.objects.get(slug="bantargebang")
    assert cek_tahun(unit, 1990).startswith("Tahun 1990 di luar rentang")
    assert "belum memiliki data tahun 2031" in cek_tahun(unit, 2031)
    with translation.override("en"):
        assert cek_tahun(unit, 1990).startswith("Year 1990 is outside the range")
        assert (
            cek_tahun(unit, 2031)
            == f"{unit.nama} has no data for 2031 (no Renstra in force, no Perjanjian Kinerja and no budget)."
        )
    assert cek_tahun(unit, 2024) is None
