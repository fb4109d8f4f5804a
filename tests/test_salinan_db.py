"""The test suite's replay of a fixture's writes (tests/salinan_db.py, used by the ``demo``
fixture): a replay leaves exactly the rows the real import leaves, and a different starting state
runs the import for real."""

import pytest
from django.db import connection, transaction

from tests import salinan_db
from tests.factories import PemdaFactory

pytestmark = pytest.mark.django_db


def _semua():
    """Every row of every table, and SQLite's id counters."""
    daftar = salinan_db._tabel()
    with connection.cursor() as cur:
        _sidik, _jumlah, isi, urutan = salinan_db._keadaan(cur, daftar)
    return isi, urutan


@pytest.fixture
def impor_demo():
    from django.conf import settings

    from workbook.importer import import_workbook

    dipanggil = []

    def jalankan():
        dipanggil.append(1)
        assert import_workbook(settings.DEMO_WORKBOOK).ok

    yield jalankan, dipanggil
    for k in [k for k in salinan_db._SALINAN if k[0] == "uji-salinan"]:
        del salinan_db._SALINAN[k]


def _sekali(jalankan):
    with transaction.atomic():
        hasil = salinan_db.ulangi("uji-salinan", jalankan, lambda _: _semua())
        transaction.set_rollback(True)
    return hasil


def test_a_replay_leaves_the_rows_of_the_import(impor_demo):
    jalankan, dipanggil = impor_demo
    awal = _semua()
    sesudah_impor = _sekali(jalankan)
    assert _semua() == awal
    sesudah_ulang = _sekali(jalankan)
    assert dipanggil == [1]  # the second time was a replay
    assert sesudah_ulang == sesudah_impor
    isi, _urutan = sesudah_ulang
    assert len(isi) > len(awal[0])  # the import did write rows (tables that were empty are not now)


def test_another_starting_state_runs_the_import(impor_demo):
    jalankan, dipanggil = impor_demo
    _sekali(jalankan)
    PemdaFactory(kode="pemda-lain", nama="Kota Lain")
    _sekali(jalankan)
    assert dipanggil == [1, 1]
