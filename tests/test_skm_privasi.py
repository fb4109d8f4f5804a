"""Respondents' personal data: a privacy notice on the form, blanked after the retention period."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone

from audit.models import Jejak
from skm.models import Responden
from skm.services import batas_retensi

pytestmark = pytest.mark.django_db


@override_settings(SKM_RETENSI_BULAN=18)
def test_the_form_says_what_is_stored_for_how_long_and_why(demo):
    html = Client().get("/s/bantargebang/").content.decode()
    assert "Pemberitahuan privasi" in html and "dihapus 18 bulan setelah disimpan" in html
    assert "Indeks Kepuasan Masyarakat" in html and "Alamat IP perangkat Anda tidak disimpan" in html


def _responden(demo, hari_lalu, **kw):
    r = Responden.objects.create(
        instansi=demo,
        tahun=2024,
        periode="TW1",
        jenis_kelamin="P",
        umur=33,
        pendidikan="S1",
        pekerjaan="Guru",
        saran="Telepon saya 0812",
        **{f"u{i}": 2 for i in range(1, 10)},
        **{"klien": "a" * 64, **kw},
    )
    Responden.objects.filter(pk=r.pk).update(dibuat=timezone.now() - dt.timedelta(days=hari_lalu))
    return r.pk


@override_settings(SKM_RETENSI_BULAN=12)
def test_purge_removes_only_old_personal_data(demo, capsys):
    lama = _responden(demo, 400)
    lama_impor = _responden(demo, 400, klien="impor")
    baru = _responden(demo, 300)
    call_command("hapus_data_pribadi", "--dry-run")
    assert "2 respondents' personal data" in capsys.readouterr().out
    assert Responden.objects.get(pk=lama).umur == 33  # a dry run changes nothing

    call_command("hapus_data_pribadi")
    assert "2 respondents' personal data" in capsys.readouterr().out
    for pk, klien in ((lama, ""), (lama_impor, "impor")):
        r = Responden.objects.get(pk=pk)
        assert (r.jenis_kelamin, r.umur, r.pendidikan, r.pekerjaan, r.saran, r.klien) == (
            "",
            None,
            "",
            "",
            "",
            klien,
        )
        assert [getattr(r, f"u{i}") for i in range(1, 10)] == [2] * 9 and r.tahun == 2024
    r = Responden.objects.get(pk=baru)
    assert (r.umur, r.saran, r.klien) == (33, "Telepon saya 0812", "a" * 64)
    j = Jejak.objects.get(aksi="hapus", keterangan="data pribadi responden")
    assert j.instansi == demo and j.lama == "2" and "command line" in j.baru
    # nothing left to blank: a second run touches nothing and writes no audit row
    call_command("hapus_data_pribadi")
    assert (
        "0 respondents" in capsys.readouterr().out
        and Jejak.objects.filter(aksi="hapus", keterangan="data pribadi responden").count() == 1
    )


def test_the_retention_limit_counts_calendar_months():
    now = dt.datetime(2025, 3, 31, 10, 0, tzinfo=dt.UTC)
    assert batas_retensi(now, 1) == dt.datetime(2025, 2, 28, 10, 0, tzinfo=dt.UTC)
    assert batas_retensi(now, 24) == dt.datetime(2023, 3, 31, 10, 0, tzinfo=dt.UTC)
    assert batas_retensi(now, 15) == dt.datetime(2023, 12, 31, 10, 0, tzinfo=dt.UTC)
