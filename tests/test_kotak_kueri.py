"""The inbox "Tugas saya" runs a fixed number of queries: more units, quarters, PKs,
evaluations and follow-ups give more tasks, not more queries."""

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from akun.models import Peran
from dasbor.kotak import kotak_masuk
from evaluasi.models import Evaluasi, Rekomendasi, TemplatEvaluasi
from pengukuran.models import PengajuanRealisasi
from tests.factories import IndikatorFactory, InstansiFactory, PerjanjianKinerjaFactory, PKIndikatorFactory

pytestmark = pytest.mark.django_db
HARI_INI = dt.date(2026, 12, 1)


def _unit_dengan_tugas(pemda, templat, n):
    """A unit of the pemda with one task of every kind the inbox knows."""
    unit = InstansiFactory(pemda=pemda)
    for periode, status in (("TW1", "dikembalikan"), ("TW2", "diajukan")):
        PengajuanRealisasi.objects.create(
            instansi=unit, tahun=2025, periode=periode, status=status, komentar="Perbaiki"
        )
    PengajuanRealisasi.objects.create(  # the budget workflow of TW3, returned: its own task
        instansi=unit, tahun=2025, periode="TW3", alur="anggaran", status="dikembalikan", komentar="Cek SP2D"
    )
    pk = PerjanjianKinerjaFactory(instansi=unit, tahun=2025)
    ind = IndikatorFactory(sasaran__tujuan__renstra__instansi=unit)
    PKIndikatorFactory(pk_dokumen=pk, indikator=ind, target=Decimal(n))
    ev = Evaluasi.objects.create(instansi=unit, tahun=2025, jenis="akip", templat=templat, status="diajukan")
    Rekomendasi.objects.create(
        evaluasi=ev, no=1, uraian="Perbaiki IKU", penanggung_jawab="Sekcam", batas_waktu=dt.date(2026, 6, 1)
    )
    Evaluasi.objects.filter(pk=ev.pk).update(status="final")
    Evaluasi.objects.create(instansi=unit, tahun=2024, jenis="akip", templat=templat, status="diajukan")
    return unit


def _beri_peran(unit):
    for username, jenis in (("operator", "operator"), ("pimpinan", "pimpinan")):
        Peran.objects.create(user=get_user_model().objects.get(username=username), jenis=jenis, instansi=unit)


def _hitung(username):
    user = get_user_model().objects.get(username=username)  # roles read afresh, as per request
    with CaptureQueriesContext(connection) as q:
        bagian = kotak_masuk(user, 2025, HARI_INI)
    return len(q), sum(len(b.item) for b in bagian)


def test_query_count_does_not_grow_with_tasks(pengguna_demo, django_assert_num_queries):
    from evaluasi.services import pastikan_templat_bawaan

    pastikan_templat_bawaan()
    templat = TemplatEvaluasi.objects.filter(jenis="akip").first()
    pemda = pengguna_demo["operator"].peran.first().instansi.pemda
    unit = _unit_dengan_tugas(pemda, templat, 1)
    _beri_peran(unit)
    kueri = {u: _hitung(u) for u in ("operator", "pimpinan", "evaluator", "pembaca")}
    for n in range(2, 6):
        _beri_peran(_unit_dengan_tugas(pemda, templat, n))
    for username, (n_kueri, n_tugas) in kueri.items():
        user = get_user_model().objects.get(username=username)
        with django_assert_num_queries(n_kueri):
            bagian = kotak_masuk(user, 2025, HARI_INI)
        sesudah = sum(len(b.item) for b in bagian)
        assert sesudah == 5 * n_tugas, username  # five units, the same tasks in each
    # returned TW1 (performance) and TW3 (budget), missing TW3 and TW4, the overdue follow-up
    assert kueri["operator"][1] == 5
    assert kueri["pimpinan"][1] == 2  # submitted TW2, the draft PK 2025
    assert kueri["evaluator"][1] == 1  # the LKE 2024 submitted for scoring
    assert kueri["pembaca"][1] == 0
