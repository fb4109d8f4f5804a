"""Indicator realisasi from evaluations: a FINAL LKE wins over imported component scores (AKIP total;
ZI nilai pengungkit), in a number of queries that does not grow with the units."""

from decimal import Decimal as D

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluasi import selectors
from evaluasi.models import NilaiKomponen
from organisasi.models import Instansi
from pengukuran.selectors import Pengukuran
from perencanaan.models import Indikator
from tests.evaluasi_bantu import evaluasi_final
from tests.factories import InstansiFactory

pytestmark = pytest.mark.django_db


def test_zi_lke_gives_nilai_pengungkit(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo, tahun=2024, jenis="zi", rekomendasi=False)
    hasil = selectors.hitung_lke(ev)
    pengungkit = sum((b.penetapan for b in hasil.komponen if b.komponen.kelompok == "pengungkit"), D(0))
    assert pengungkit < hasil.total_penetapan  # the hasil components are not part of it
    it1 = Indikator.objects.get(instansi=demo, kode="IT1")
    r = Pengukuran([demo.id], [2024]).realisasi(it1, 2024)
    assert (r.nilai, r.sumber) == (pengungkit, "zi")


def test_queries_do_not_grow_with_units(pengguna_demo, demo):
    evaluasi_final(pengguna_demo, demo, tahun=2024)

    def hitung(ids):
        with CaptureQueriesContext(connection) as q:
            selectors.total_evaluasi(ids, 2024, "akip")
        return len(q)

    satu = hitung([demo.id])
    for i in range(5):
        u = InstansiFactory(slug=f"unit-{i}", pemda=demo.pemda)
        NilaiKomponen.objects.create(
            instansi=u, tahun=2024, jenis="akip", komponen="Perencanaan Kinerja", bobot=30, nilai=D(20 + i)
        )
        op = pengguna_demo["operator"]
        from akun.models import Peran

        Peran.objects.get_or_create(user=op, jenis="operator", instansi=u)
        op.__dict__.pop("_peran_cache", None)  # roles are cached per user object
        pengguna_demo_u = {"operator": op, "evaluator": pengguna_demo["evaluator"]}
        evaluasi_final(pengguna_demo_u, u, tahun=2024, rekomendasi=False)
    ids = list(Instansi.objects.values_list("id", flat=True))
    assert hitung(ids) == satu
    totals = selectors.sumber_evaluasi(ids, 2024, "akip")
    assert {s.sumber for s in totals.values()} == {"lke"}
