"""Finished jobs are kept SAKIP_TUGAS_SIMPAN_JAM hours, then deleted with their files."""

import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from dasar import dokumen
from tugas import tugas as tugas_tugas
from tugas.models import Tugas
from tugas.selectors import nama_simpan

pytestmark = pytest.mark.django_db


def _tugas(instansi, *, jam_lalu: int, status="selesai", nama="lkip-x-2024.docx"):
    p = Tugas.objects.create(
        instansi=instansi,
        jenis="lkip",
        parameter={"tahun": 2024},
        sidik=f"k{jam_lalu}{status}",
        status=status,
        nama_berkas=nama,
        selesai=timezone.now() - timedelta(hours=jam_lalu),
    )
    p.berkas = dokumen.tulis_sekali(nama_simpan(p, 1, nama), b"isi")
    p.save(update_fields=["berkas"])
    return p, dokumen.penyimpanan().path(p.berkas)


@pytest.fixture
def unit(settings, tmp_path):
    from tests.factories import InstansiFactory

    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    settings.TUGAS_SIMPAN_JAM = 48
    return InstansiFactory()


def test_the_command_deletes_old_jobs_and_their_files_only(unit, capsys):
    lama, berkas_lama = _tugas(unit, jam_lalu=49)
    gagal, _ = _tugas(unit, jam_lalu=100, status="gagal")
    baru, berkas_baru = _tugas(unit, jam_lalu=47)
    call_command("hapus_tugas_lama")
    assert "2 tugas dihapus" in capsys.readouterr().out
    assert list(Tugas.objects.values_list("pk", flat=True)) == [baru.pk]
    assert not os.path.exists(berkas_lama)
    assert not os.path.exists(os.path.dirname(os.path.dirname(berkas_lama)))  # the job's folder too
    assert dokumen.baca(baru.berkas) == b"isi"


def test_a_running_job_is_never_deleted_and_the_task_does_the_same(unit):
    jalan, _ = _tugas(unit, jam_lalu=500, status="jalan")
    lama, _ = _tugas(unit, jam_lalu=49)
    assert tugas_tugas.bersihkan.call() == 1
    assert list(Tugas.objects.values_list("pk", flat=True)) == [jalan.pk]
