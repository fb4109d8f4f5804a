"""Pengukuran reads each computed source (SKM, zona, each evaluation jenis) per year on first use,
once for all its units, and the pemda dashboard's summary row reuses the IKM and AKIP totals its
Pengukuran read instead of reading them again (issue #17: CPU per request)."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

import dasbor.selectors
import pengukuran.selectors
from dasbor.selectors import ringkasan_pemda
from evaluasi.selectors import total_evaluasi
from pengukuran.selectors import Pengukuran
from perencanaan.models import Indikator
from skm.selectors import ikm_tahun, nilai_ikm

pytestmark = pytest.mark.django_db


def test_sources_are_read_on_first_use_only(demo):
    with CaptureQueriesContext(connection) as q:
        peng = Pengukuran([demo.id], [2023, 2024], ringan=True)
    assert len(q) == 1  # the entered realisasi only
    with (
        mock.patch.object(pengukuran.selectors, "ikm_tahun", wraps=ikm_tahun) as skm,
        mock.patch.object(pengukuran.selectors, "persentase_tertib") as zona,
        mock.patch.object(pengukuran.selectors, "total_evaluasi", wraps=total_evaluasi) as ev,
    ):
        ind = Indikator.objects.filter(instansi=demo, sumber_realisasi="skm").first()
        assert peng.realisasi(ind, 2024).sumber == "skm"
        peng.realisasi(ind, 2024)
        assert peng.skm[2024] is peng.skm.get(2024)
        assert skm.call_count == 1 and zona.call_count == 0 and ev.call_count == 0
        assert set(peng.skm) == {2023, 2024} and peng.skm.get(2030, {}) == {}
        assert skm.call_count == 1  # iterating and a year outside the set read nothing
        assert peng.evaluasi[(2024, "akip")] == total_evaluasi([demo.id], 2024, "akip")
        assert ev.call_count == 1 and zona.call_count == 0


def test_summary_row_reuses_the_pengukuran(demo):
    units = [demo]
    with (
        mock.patch.object(pengukuran.selectors, "ikm_tahun", wraps=ikm_tahun) as skm_p,
        mock.patch.object(dasbor.selectors, "nilai_ikm", wraps=nilai_ikm) as skm_d,
        mock.patch.object(pengukuran.selectors, "total_evaluasi", wraps=total_evaluasi) as ev_p,
        mock.patch.object(dasbor.selectors, "total_evaluasi", wraps=total_evaluasi) as ev_d,
    ):
        (row,) = ringkasan_pemda(units, 2024, Pengukuran([demo.id], [2024], ringan=True))
    assert skm_p.call_count + skm_d.call_count == 1
    assert [c.args[2] for c in ev_p.call_args_list + ev_d.call_args_list].count("akip") == 1
    assert row.ikm == ikm_tahun([demo.id], 2024)[demo.id].ikm
    assert row.nilai_akip == total_evaluasi([demo.id], 2024, "akip").get(demo.id)
    # a Pengukuran of other years: the row reads its own IKM and AKIP, with the same figures
    (lain,) = ringkasan_pemda(units, 2024, Pengukuran([demo.id], [2024, 2023], ringan=True))
    (tanpa,) = ringkasan_pemda(units, 2024, Pengukuran([demo.id], [2023]))
    assert (tanpa.ikm, tanpa.nilai_akip) == (lain.ikm, lain.nilai_akip) == (row.ikm, row.nilai_akip)
