"""The one place that decides what a user may see and do.

Every view, form, download and htmx fragment asks here: ``boleh(user, aksi, instansi)``
or the view decorators below. Roles are held per instansi, or per pemda for
``admin_pemda`` and ``evaluator`` (all units of that pemda).
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisasi.models import Instansi

# action -> roles that may do it
AKSI = {
    "lihat": {"operator", "pimpinan", "evaluator", "admin_pemda", "viewer"},
    "isi": {"operator"},  # enter data: realisasi, budget, zones, survey setup
    "setujui": {"pimpinan"},  # verify / return submitted data
    "tandatangani": {"pimpinan"},  # sign the PK
    "evaluasi": {"evaluator"},  # comment, score
    "kelola": {"admin_pemda"},  # manage units, users, templates
}


def peran_di(user, instansi: Instansi) -> set[str]:
    """Roles the user holds for this instansi (directly or through its pemda)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    cache = getattr(user, "_peran_cache", None)
    if cache is None:
        cache = list(user.peran.values_list("jenis", "instansi_id", "pemda_id"))
        user._peran_cache = cache
    return {
        j for j, iid, pid in cache if iid == instansi.id or (pid is not None and pid == instansi.pemda_id)
    }


def boleh(user, aksi: str, instansi: Instansi) -> bool:
    if aksi not in AKSI:
        raise ValueError(f"unknown aksi {aksi!r}")
    return bool(peran_di(user, instansi) & AKSI[aksi])


def instansi_terlihat(user):
    """Queryset of the units the user may see."""
    if not user.is_authenticated:
        return Instansi.objects.none()
    from django.db.models import Q

    return Instansi.objects.filter(
        Q(id__in=user.peran.filter(instansi__isnull=False).values("instansi_id"))
        | Q(pemda_id__in=user.peran.filter(pemda__isnull=False).values("pemda_id"))
    ).distinct()


def perlu(aksi: str = "lihat"):
    """View decorator: the URL's ``slug`` names the instansi; the user must be allowed ``aksi``.

    Not logged in → login page. Cannot see the unit at all → 404 (its data's existence is
    not revealed). Can see but not do ``aksi`` → 403. The view receives ``instansi``.
    """

    def deco(view):
        @wraps(view)
        def wrapper(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            instansi = get_object_or_404(Instansi.objects.select_related("pemda"), slug=slug)
            if not boleh(request.user, "lihat", instansi):
                raise Http404
            if not boleh(request.user, aksi, instansi):
                raise PermissionDenied
            return view(request, instansi, *args, **kwargs)

        wrapper.aksi = aksi
        return wrapper

    return deco
