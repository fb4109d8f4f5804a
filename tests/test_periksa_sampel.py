"""An SKM period whose respondents are fewer than the Krejcie and Morgan sample for the unit's
population per period gets a warning naming the period, the sample and the required size."""

import pytest

from rumus.skm import sampel_krejcie_morgan
from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db


def _jawab(ins, periode="TW1", n=1):
    from skm.models import Responden

    for _i in range(n):
        Responden.objects.create(
            instansi=ins, tahun=2024, periode=periode, **{f"u{i}": 3 for i in range(1, 10)}
        )


def _sampel(ins):
    from pengukuran.periksa import periksa

    return [t for t in periksa(ins, 2024) if t.where.startswith("skm ")]


def test_ikm_from_one_respondent_is_below_the_sample_for_the_population():
    from skm.models import PengaturanSKM

    ins = InstansiFactory()
    PengaturanSKM.objects.create(instansi=ins, populasi_per_periode=500)
    _jawab(ins)
    minimal = sampel_krejcie_morgan(500)
    assert [(t.level, t.where, t.message) for t in _sampel(ins)] == [
        (
            "warning",
            "skm 2024 TW1",
            f"sampel SKM TW1 1 responden, di bawah sampel minimal {minimal} untuk populasi 500 "
            "(tabel Krejcie dan Morgan)",
        )
    ]


def test_ikm_from_one_respondent_without_a_population_is_still_flagged():
    ins = InstansiFactory()
    _jawab(ins, "TW2")
    (t,) = _sampel(ins)
    assert t.level == "warning" and t.where == "skm 2024 TW2"
    assert "populasi penerima layanan per periode belum diisi" in t.message and "1 responden" in t.message


def test_a_sample_reaching_the_table_gets_no_warning():
    from skm.models import PengaturanSKM

    ins = InstansiFactory()
    PengaturanSKM.objects.create(instansi=ins, populasi_per_periode=10)
    _jawab(ins, n=sampel_krejcie_morgan(10))
    assert _sampel(ins) == []


def test_the_reviu_shows_it_with_a_link_to_the_skm_page():
    from laporan.reviu import reviu

    ins = InstansiFactory()
    _jawab(ins)
    (t,) = [t for t in reviu(ins, 2024) if "tabel Krejcie" in t.message]
    assert t.where == "SKM 2024 / TW1"
    assert t.url == f"/unit/{ins.slug}/skm/2024/"


def test_demo_summaries_without_respondent_counts_are_not_checked(demo):
    from organisasi.models import Instansi

    assert _sampel(Instansi.objects.get(slug="bantargebang")) == []


def test_the_warning_has_its_english_catalogue_entry():
    from django.utils import translation

    ins = InstansiFactory()
    _jawab(ins)
    with translation.override("en"):
        (t,) = _sampel(ins)
    assert t.message.startswith("the population of service recipients per period is not set")
