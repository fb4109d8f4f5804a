"""``ikm_tahun`` reads the NRR summaries only for the units without raw responses (their IKM comes
from the responses): a year where every unit has responses costs one query fewer, with the same
IKM (issue #17: the pemda dashboard's row of a unit just answered)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from skm.models import Responden
from skm.selectors import ikm_tahun
from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db


def _hitung(ids, tahun):
    with CaptureQueriesContext(connection) as q:
        hasil = ikm_tahun(ids, tahun)
    return len(q), {k: v.ikm for k, v in hasil.items()}


def test_summaries_are_read_only_for_units_without_responses(demo):
    baru = InstansiFactory()
    Responden.objects.bulk_create(
        [
            Responden(instansi=baru, tahun=2024, periode="TW1", **{f"u{i}": 3 for i in range(1, 10)})
            for _ in "abc"
        ]
    )
    n_baru, ikm_baru = _hitung([baru.id], 2024)
    n_demo, ikm_demo = _hitung([demo.id], 2024)  # the demo has only NRR summaries in 2024
    n_dua, ikm_dua = _hitung([demo.id, baru.id], 2024)
    assert n_baru == n_demo - 1 and n_dua == n_demo
    assert ikm_baru[baru.id] == 75 and ikm_demo[demo.id] is not None
    assert ikm_dua == ikm_baru | ikm_demo
