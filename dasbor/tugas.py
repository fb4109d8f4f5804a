"""Dashboard precomputation off the request path: the task the worker runs after an import
(``tembolok.services.data_diimpor``, connected in dasbor.apps) and every night
(``manage.py siapkan_dasbor --antrikan`` from cron; docs/deploy.md)."""

from __future__ import annotations

from dasar.antrian import task


@task()
def siapkan_tugas(
    tahun: int, pemda: str | None = None, pemda_ids: list[int] | None = None, ulang: bool = False
) -> dict:
    """Store every dashboard of ``tahun`` (of the pemda with kode ``pemda``, or with these ids, or
    all). Idempotent: pages still current are not recomputed, so a retry or a second run is cheap."""
    from organisasi.models import Pemda

    from .halaman import siapkan

    qs = Pemda.objects.all()
    if pemda:
        qs = qs.filter(kode=pemda)
    if pemda_ids is not None:
        qs = qs.filter(pk__in=pemda_ids)
    lama, n = siapkan(tahun, qs, ulang=ulang)
    return {"tahun": tahun, "dihapus": lama, "siap": n}


def setelah_impor(sender, instansi_ids, tahun, **kwargs) -> None:
    """Receiver of ``data_diimpor``: enqueue the precomputation of the imported units' pemda for
    each imported year (a queue that cannot be reached is logged; the pages are then computed on
    their first view, as before)."""
    import logging

    from organisasi.models import Instansi

    pemda_ids = sorted(set(Instansi.objects.filter(pk__in=instansi_ids).values_list("pemda_id", flat=True)))
    if not pemda_ids:
        return
    for t in tahun:
        try:
            siapkan_tugas.enqueue(tahun=t, pemda_ids=pemda_ids)
        except Exception:  # noqa: BLE001 - Redis down …
            logging.getLogger(__name__).exception("siapkan_dasbor %s: enqueue failed", t)
