"""Raw SKM responses: NRR per period in SQL, combined per the unit's setting."""

import random
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from rumus.format import bulat
from skm.models import PengaturanSKM, Responden
from skm.selectors import METODE_GABUNG_RESPONDEN, METODE_RATA_PERIODE, ikm_tahun

pytestmark = pytest.mark.django_db


def _buat(ins, periode, rows):
    Responden.objects.bulk_create(
        Responden(instansi=ins, tahun=2025, periode=periode, **{f"u{i + 1}": v for i, v in enumerate(r)})
        for r in rows
    )


def _ikm(rows):
    return sum((Decimal(sum(c)) / len(c) for c in zip(*rows, strict=True)), Decimal(0)) * 25 / 9


def test_raw_responses_both_methods(demo):
    rng = random.Random(7)
    a = [[rng.randint(1, 4) for _ in range(9)] for _ in range(37)]
    b = [[rng.randint(1, 4) for _ in range(9)] for _ in range(11)]
    _buat(demo, "TW1", a)
    _buat(demo, "TW3", b)
    hasil = ikm_tahun([demo.id], 2025)[demo.id]
    assert [p.periode for p in hasil.periode] == ["TW1", "TW3"]
    assert [p.responden for p in hasil.periode] == [37, 11]
    assert bulat(hasil.periode[0].ikm, 10) == bulat(_ikm(a), 10)
    assert hasil.metode == METODE_RATA_PERIODE
    assert bulat(hasil.ikm, 10) == bulat((_ikm(a) + _ikm(b)) / 2, 10)
    PengaturanSKM.objects.create(instansi=demo, metode=PengaturanSKM.Metode.GABUNG_RESPONDEN)
    hasil = ikm_tahun([demo.id], 2025)[demo.id]
    assert hasil.metode == METODE_GABUNG_RESPONDEN
    assert bulat(hasil.ikm, 10) == bulat(_ikm(a + b), 10)


def test_summaries_still_used_without_raw(demo):
    assert bulat(ikm_tahun([demo.id], 2024)[demo.id].ikm, 2) == Decimal("81.18")


@pytest.mark.parametrize("bad", [0, 5])
def test_check_constraint(demo, bad):
    with pytest.raises(IntegrityError), transaction.atomic():
        Responden.objects.create(
            instansi=demo, tahun=2025, periode="TW1", u3=bad, **{f"u{i}": 3 for i in range(1, 10) if i != 3}
        )
