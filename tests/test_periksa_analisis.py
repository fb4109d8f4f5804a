"""A PK indicator whose capaian is below 100 % and has no analysis gets a warning; an analysis
entered with a realisasi, or written as the LKIP's analysis text (the reviu knows it), silences it."""

from decimal import Decimal

import pytest

from tests.factories import IndikatorFactory, PKIndikatorFactory, TargetFactory

pytestmark = pytest.mark.django_db


def _pk(realisasi, **analisis):
    from pengukuran.models import Realisasi

    ind = IndikatorFactory()
    for y in (2024, 2025, 2026):
        TargetFactory(indikator=ind, tahun=y, nilai=Decimal(80))
    PKIndikatorFactory(indikator=ind, pk_dokumen__instansi=ind.instansi, target=Decimal(80))
    Realisasi.objects.create(indikator=ind, tahun=2024, periode="TAHUN", nilai=Decimal(realisasi), **analisis)
    return ind


def _analisis(ind):
    from pengukuran.periksa import periksa

    return [t for t in periksa(ind.instansi, 2024) if "belum mencapai target" in t.message]


def test_capaian_below_target_without_analysis_is_a_warning():
    ind = _pk("60")
    (t,) = _analisis(ind)
    assert t.level == "warning" and t.where == f"realisasi {ind.kode} 2024"
    assert t.message.startswith("capaian 75,0 % belum mencapai target, tetapi analisis capaian")


def test_an_analysis_or_a_reached_target_silences_it():
    assert _analisis(_pk("60", analisis_sebab="Anggaran dipotong pada perubahan APBD.")) == []
    assert _analisis(_pk("80")) == []


def test_the_lkip_analysis_text_silences_it_in_the_reviu():
    from laporan.models import TeksBlok
    from laporan.reviu import reviu
    from laporan.teks import kunci_analisis

    ind = _pk("60")
    assert [t for t in reviu(ind.instansi, 2024) if "belum mencapai target" in t.message]
    TeksBlok.objects.create(
        instansi=ind.instansi, tahun=2024, bagian=kunci_analisis(ind.kode), teks="Analisis."
    )
    assert [t for t in reviu(ind.instansi, 2024) if "belum mencapai target" in t.message] == []


def test_demo_ikm_below_target_has_no_analysis(demo):
    from organisasi.models import Instansi
    from pengukuran.periksa import periksa

    temuan = [
        t for t in periksa(Instansi.objects.get(slug="bantargebang"), 2024) if "belum mencapai" in t.message
    ]
    assert [(t.where, t.message[:36]) for t in temuan] == [
        ("realisasi IKU1 2024", "capaian 97,8 % belum mencapai target")
    ]
