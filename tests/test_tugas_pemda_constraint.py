"""A job is a unit's or a pemda's, exactly one: the database refuses a Tugas with both or neither
(check constraint ``tugas_unit_atau_pemda``), and ``tugas.services.minta`` asks for one."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import InstansiFactory
from tugas.models import Tugas
from tugas.services import minta

pytestmark = pytest.mark.django_db


def test_the_database_refuses_both_or_neither(db):
    unit = InstansiFactory()
    for pemilik in ({"instansi": unit, "pemda": unit.pemda}, {}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Tugas.objects.create(jenis="pohon", sidik="x", **pemilik)
    Tugas.objects.create(jenis="pohon", sidik="u", instansi=unit)
    Tugas.objects.create(jenis="pohon", sidik="p", pemda=unit.pemda)
    assert Tugas.objects.count() == 2


def test_minta_asks_for_exactly_one(db):
    unit = InstansiFactory()
    for pemilik in ({"instansi": unit, "pemda": unit.pemda}, {}):
        with pytest.raises(ValueError):
            minta(user=None, jenis="pohon", parameter={}, token_data="", tugas=None, **pemilik)
    assert not Tugas.objects.exists()
