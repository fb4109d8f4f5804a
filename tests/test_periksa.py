"""`periksa` flags what the issue lists and stays quiet (no errors) on the demo."""

from decimal import Decimal

import pytest

from tests.factories import BarisAnggaranFactory, IndikatorFactory, PKIndikatorFactory, TargetFactory

pytestmark = pytest.mark.django_db


def test_demo_has_no_errors_and_two_negative_cash_warnings(demo, run_json):
    findings = run_json("periksa", "--instansi", "bantargebang", "--tahun", "2024")
    assert [f for f in findings if f["level"] == "error"] == []
    negative = [
        f for f in findings if "negatif" in f["message"] and f["message"].startswith("anggaran kas TW4")
    ]
    assert len(negative) == 2
    assert {f["where"] for f in negative} == {"anggaran 7.01.02.2.04.0003", "anggaran 7.01.04.2.01.0001"}
    assert all(f["level"] == "warning" for f in negative)


def _impor(instansi):
    from pengukuran.periksa import periksa

    return periksa(instansi, 2024)


def test_cash_plan_not_summing_to_pagu_is_an_error():
    b = BarisAnggaranFactory(kas_tw4=Decimal(20_000_000))
    errors = [t for t in _impor(b.instansi) if t.level == "error"]
    assert len(errors) == 1 and "selisih Rp 5.000.000" in errors[0].message


def test_realisasi_above_pagu_is_an_error():
    from anggaran.models import RealisasiAnggaran

    b = BarisAnggaranFactory()
    RealisasiAnggaran.objects.create(baris=b, periode="TAHUN", nilai=Decimal(100_000_001))
    assert any(t.level == "error" and "melebihi pagu" in t.message for t in _impor(b.instansi))


def test_missing_renstra_year_target_is_an_error():
    t = TargetFactory(tahun=2024)
    TargetFactory(indikator=t.indikator, tahun=2025)
    errors = [x for x in _impor(t.indikator.instansi) if x.level == "error"]
    assert [e.message for e in errors] == [
        f"belum ada target Renstra tahun 2026 ({t.indikator.sasaran.tujuan.renstra.nama})"
    ]


def test_pk_target_differing_from_renstra_is_an_error():
    ind = IndikatorFactory()
    for y in (2024, 2025, 2026):
        TargetFactory(indikator=ind, tahun=y, nilai=Decimal(80))
    PKIndikatorFactory(indikator=ind, pk_dokumen__instansi=ind.instansi, target=Decimal(75))
    errors = [x for x in _impor(ind.instansi) if x.level == "error"]
    assert len(errors) == 1 and "berbeda dari target Renstra 80,00" in errors[0].message
