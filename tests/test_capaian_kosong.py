"""`capaian --format json` says why it is empty: a list when there are indicators, else
``{"indikator": [], "alasan": "..."}``."""

import pytest

from tests.factories import InstansiFactory, PerjanjianKinerjaFactory

pytestmark = pytest.mark.django_db


def test_no_pk_gives_the_reason(run_json):
    ins = InstansiFactory()
    assert run_json("capaian", "--instansi", ins.slug, "--tahun", "2024") == {
        "indikator": [],
        "alasan": "belum ada Perjanjian Kinerja tahun 2024",
    }


def test_pk_without_indicators_gives_the_reason(run_json):
    pk = PerjanjianKinerjaFactory(versi=2)
    assert run_json("capaian", "--instansi", pk.instansi.slug, "--tahun", "2024") == {
        "indikator": [],
        "alasan": "Perjanjian Kinerja tahun 2024 versi 2 belum memuat indikator",
    }


def test_demo_year_without_pk_has_a_reason_and_the_pk_year_stays_a_list(demo, run_json):
    assert run_json("capaian", "--instansi", "bantargebang", "--tahun", "2023")["indikator"] == []
    rows = run_json("capaian", "--instansi", "bantargebang", "--tahun", "2024")
    assert isinstance(rows, list) and len(rows) > 0


def test_table_output_says_why(capsys):
    from django.core.management import call_command

    ins = InstansiFactory()
    call_command("capaian", "--instansi", ins.slug, "--tahun", "2024")
    assert "belum ada Perjanjian Kinerja tahun 2024" in capsys.readouterr().out
