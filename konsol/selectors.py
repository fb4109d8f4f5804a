"""Reads of the pemda console: a fixed number of queries whatever the number of units, users
or officials."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q

from akun import izin
from akun.models import Peran
from organisasi.models import Instansi, Pejabat, SubUnit


def daftar_unit(pemda):
    """The pemda's units, active first, with their counts of active sub-units and officials."""
    return list(
        Instansi.objects.filter(pemda=pemda)
        .annotate(
            n_subunit=Count("subunit", filter=Q(subunit__aktif=True), distinct=True),
            n_pejabat=Count("pejabat", filter=Q(pejabat__aktif=True), distinct=True),
        )
        .order_by("-aktif", "nama")
    )


def isi_unit(instansi) -> dict:
    """A unit's sub-units (with their parents) and officials, active first."""
    return {
        "subunit": list(
            SubUnit.objects.filter(instansi=instansi).select_related("induk").order_by("-aktif", "kode")
        ),
        "pejabat": list(Pejabat.objects.filter(instansi=instansi).order_by("-aktif", "kode")),
    }


def pejabat_pemda(pemda):
    """The pemda's own officials (no unit: Wali Kota, Sekda) and the units' officials, each with
    its unit."""
    semua = list(Pejabat.objects.filter(pemda=pemda).select_related("instansi").order_by("-aktif", "kode"))
    return {
        "milik_pemda": [p for p in semua if p.instansi_id is None],
        "milik_unit": sorted(
            (p for p in semua if p.instansi_id is not None),
            key=lambda p: (p.instansi.nama, not p.aktif, p.kode),
        ),
    }


def daftar_pengguna(user, pemda):
    """The accounts the admin manages, each with its roles (unit names loaded)."""
    return list(
        izin.pengguna_kelolaan(user, pemda)
        .prefetch_related(Prefetch("peran", queryset=Peran.objects.select_related("instansi", "pemda")))
        .order_by("-is_active", "username")
    )


def ringkasan(user, pemda) -> dict:
    """The console home page's counts."""
    units = Instansi.objects.filter(pemda=pemda).aggregate(
        n_aktif=Count("id", filter=Q(aktif=True)), n_nonaktif=Count("id", filter=Q(aktif=False))
    )
    return {
        "unit_aktif": units["n_aktif"],
        "unit_nonaktif": units["n_nonaktif"],
        "pengguna": izin.pengguna_kelolaan(user, pemda).filter(is_active=True).count(),
        "pejabat": Pejabat.objects.filter(pemda=pemda, aktif=True).count(),
        "unit_pertama": Instansi.objects.filter(pemda=pemda, aktif=True).order_by("nama").first(),
    }


def peran_pengguna(pengguna):
    return list(pengguna.peran.select_related("instansi", "pemda").order_by("jenis", "instansi__nama"))
