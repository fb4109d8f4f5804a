"""Audit log search for admin_pemda (the units of their pemda only): by unit, person, action,
date range and free text; the rows read the way the change history does (audit.selectors)."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode

from akun.izin import pemda_boleh
from dasar.teks import ambil

from .models import Aksi
from .selectors import SaringanJejak, cari_jejak, pilihan_saringan, riwayat_terbaca


def _id(teks: str, sah: set[int]) -> int | None:
    """A chosen unit or person: its id when it is one of the offered ones, else no filter."""
    return int(teks) if teks.isdigit() and int(teks) in sah else None


def _tanggal(teks: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(teks) if teks else None
    except ValueError:
        return None


@login_required
def cari(request):
    pemda_ids = pemda_boleh(request.user, "kelola")
    if not pemda_ids:
        raise Http404
    units, orang = pilihan_saringan(pemda_ids)
    aksi = ambil(request.GET, "aksi")
    saring = SaringanJejak(
        q=ambil(request.GET, "q").strip(),
        instansi_id=_id(ambil(request.GET, "unit"), {i for i, _n in units}),
        pengguna_id=_id(ambil(request.GET, "pengguna"), {i for i, _n in orang}),
        aksi=aksi if aksi in Aksi.values else "",
        dari=_tanggal(ambil(request.GET, "dari")),
        sampai=_tanggal(ambil(request.GET, "sampai")),
    )
    halaman = Paginator(cari_jejak(pemda_ids, saring), 50).get_page(request.GET.get("hal"))
    kueri = {
        k: v
        for k, v in (
            ("q", saring.q),
            ("unit", saring.instansi_id or ""),
            ("pengguna", saring.pengguna_id or ""),
            ("aksi", saring.aksi),
            ("dari", saring.dari.isoformat() if saring.dari else ""),
            ("sampai", saring.sampai.isoformat() if saring.sampai else ""),
        )
        if v
    }
    return render(
        request,
        "audit/cari.html",
        {
            "halaman": halaman,
            "riwayat": riwayat_terbaca(halaman.object_list),
            "saring": saring,
            "units": units,
            "orang": orang,
            "pilihan_aksi": Aksi.choices,
            "kueri": urlencode(kueri),
        },
    )
