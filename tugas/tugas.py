"""Tasks of the job area itself."""

from dasar.antrian import task

from . import services


@task()
def bersihkan() -> int:
    """Delete jobs past their keeping time (as ``manage.py hapus_tugas_lama``)."""
    return services.hapus_kedaluwarsa()
