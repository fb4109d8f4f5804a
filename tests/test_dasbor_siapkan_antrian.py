"""Dashboard precomputation off the request path: a committed workbook import enqueues it (the
signal tembolok.services.data_diimpor), the nightly run is enqueued by `siapkan_dasbor
--antrikan`; the worker stores the pages."""

import pytest
from django.conf import settings
from django.core.management import call_command

from organisasi.models import Instansi
from tembolok.models import Cuplikan
from tests.tugas_bantu import pekerja_satu_putaran
from workbook import importer

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(settings.ANTRIAN != "db", reason="the database backend's worker"),
]


def test_an_import_enqueues_the_dashboards_of_its_years(django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        hasil = importer.import_workbook(settings.DEMO_WORKBOOK)
    assert hasil.ok, hasil.errors
    ins = Instansi.objects.get(slug="bantargebang")
    antri = list(DBTaskResult.objects.filter(task_path="dasbor.tugas.siapkan_tugas"))
    tahun = {r.args_kwargs["kwargs"]["tahun"] for r in antri}
    assert 2024 in tahun and len(antri) == len(tahun)  # one task per imported year
    assert all(r.args_kwargs["kwargs"]["pemda_ids"] == [ins.pemda_id] for r in antri)
    assert not Cuplikan.objects.exists()  # nothing computed in the request
    pekerja_satu_putaran()
    assert all(r.status == "SUCCESSFUL" for r in DBTaskResult.objects.filter(pk__in=[r.pk for r in antri]))
    assert Cuplikan.objects.filter(jenis="i", objek=ins.id, kunci__contains="2024").exists()
    assert Cuplikan.objects.filter(jenis="p", objek=ins.pemda_id, kunci__contains="2024").exists()


def test_the_nightly_run_is_a_task(demo):
    from django_tasks_db.models import DBTaskResult

    call_command("siapkan_dasbor", "--tahun", "2024", "--antrikan")
    (r,) = DBTaskResult.objects.filter(task_path="dasbor.tugas.siapkan_tugas")
    assert r.args_kwargs["kwargs"]["tahun"] == 2024
    pekerja_satu_putaran()
    r.refresh_from_db()
    assert r.status == "SUCCESSFUL"
    assert r.return_value["siap"] == Instansi.objects.count() + 1  # every unit and the pemda
    assert Cuplikan.objects.count() >= 2
