"""Audit log search for admin_pemda (the units of their pemda only)."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render

from akun.izin import pemda_boleh
from dasar.teks import ambil

from .models import Aksi, Jejak


@login_required
def cari(request):
    pemda_ids = pemda_boleh(request.user, "kelola")
    if not pemda_ids:
        raise Http404
    qs = Jejak.objects.filter(pemda_id__in=pemda_ids).select_related("user", "instansi")
    q = ambil(request.GET, "q").strip()
    aksi = ambil(request.GET, "aksi")
    if aksi not in Aksi.values:
        aksi = ""
    if aksi:
        qs = qs.filter(aksi=aksi)
    if q:
        qs = qs.filter(
            Q(user__username__icontains=q)
            | Q(nama_pengguna__icontains=q)
            | Q(objek__icontains=q)
            | Q(aksi__icontains=q)
            | Q(keterangan__icontains=q)
            | Q(field__icontains=q)
            | Q(lama__icontains=q)
            | Q(baru__icontains=q)
            | Q(instansi__nama__icontains=q)
            | Q(nama_instansi__icontains=q)
        )
    halaman = Paginator(qs, 50).get_page(request.GET.get("hal"))
    return render(
        request, "audit/cari.html", {"halaman": halaman, "q": q, "aksi": aksi, "pilihan_aksi": Aksi.choices}
    )
