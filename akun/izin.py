"""The one place that decides what a user may see and do.

Every view, form, download and htmx fragment asks here: ``boleh(user, aksi, instansi)``
or the view decorators below. Roles are held per instansi, or per pemda for
``admin_pemda`` and ``evaluator`` (all units of that pemda). Pages of a whole pemda (its
dashboard, the comparison of its units, the audit log, its evaluation templates) ask
``boleh_pemda(user, aksi, pemda)`` / ``pemda_terlihat(user)``. No other module reads
``user.peran``.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from organisasi.models import Instansi, Pemda

# action -> roles that may do it
AKSI = {
    "lihat": {"operator", "pimpinan", "evaluator", "admin_pemda", "viewer"},
    "isi": {"operator"},  # enter data: realisasi, budget, zones, survey setup
    "setujui": {"pimpinan"},  # verify / return submitted data
    "tandatangani": {"pimpinan"},  # sign the PK
    "evaluasi": {"evaluator"},  # comment, score
    "kelola": {"admin_pemda"},  # manage units, users, templates
}

# pemda-level action -> roles that, held for the whole pemda, allow it
AKSI_PEMDA = {
    "lihat": {"admin_pemda", "evaluator"},  # the pemda dashboard, the comparison of its units
    "kelola": {"admin_pemda"},  # the audit log, the pemda's evaluation templates
}


def _peran(user) -> list[tuple[str, int | None, int | None]]:
    """The user's roles as (jenis, instansi_id, pemda_id), read once per request."""
    if not user.is_authenticated or not user.is_active:
        return []
    cache = getattr(user, "_peran_cache", None)
    if cache is None:
        cache = list(user.peran.values_list("jenis", "instansi_id", "pemda_id"))
        user._peran_cache = cache
    return cache


def peran_di(user, instansi: Instansi) -> set[str]:
    """Roles the user holds for this instansi (directly or through its pemda)."""
    return {
        j
        for j, iid, pid in _peran(user)
        if iid == instansi.id or (pid is not None and pid == instansi.pemda_id)
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


def boleh_pemda(user, aksi: str, pemda: Pemda | int) -> bool:
    """May the user do ``aksi`` (AKSI_PEMDA) for the whole pemda? Only roles held for the pemda
    itself count, not roles at one of its units. ``pemda``: the Pemda or its id."""
    if aksi not in AKSI_PEMDA:
        raise ValueError(f"unknown pemda aksi {aksi!r}")
    pemda_id = getattr(pemda, "id", pemda)
    return any(pid == pemda_id and j in AKSI_PEMDA[aksi] for j, _iid, pid in _peran(user))


def pemda_boleh(user, aksi: str) -> list[int]:
    """Ids of the pemda for which the user may do ``aksi`` (AKSI_PEMDA)."""
    if aksi not in AKSI_PEMDA:
        raise ValueError(f"unknown pemda aksi {aksi!r}")
    return sorted({pid for j, _iid, pid in _peran(user) if pid is not None and j in AKSI_PEMDA[aksi]})


def pemda_terlihat(user):
    """Queryset of the pemda whose pemda-level pages (dashboard, comparison) the user may see."""
    if not user.is_authenticated or not user.is_active:
        return Pemda.objects.none()
    return Pemda.objects.filter(
        id__in=user.peran.filter(pemda__isnull=False, jenis__in=AKSI_PEMDA["lihat"]).values("pemda_id")
    )


def pemda_kelolaan(user) -> int | None:
    """Id of the pemda the user administers (the first admin_pemda role held for a pemda), or None."""
    if not user.is_authenticated or not user.is_active:
        return None
    return (
        user.peran.filter(jenis="admin_pemda", pemda__isnull=False)
        .order_by("pk")
        .values_list("pemda_id", flat=True)
        .first()
    )


def pemda_anggota(user) -> list[int]:
    """Ids of the pemda in which the user holds any role (for the pemda or one of its units)."""
    ids = {pid for _j, _iid, pid in _peran(user) if pid is not None}
    unit_ids = {iid for _j, iid, _pid in _peran(user) if iid is not None}
    if unit_ids:
        ids |= set(Instansi.objects.filter(id__in=unit_ids).values_list("pemda_id", flat=True))
    return sorted(ids)


def adalah_admin_pemda(user) -> bool:
    """Does the user hold the admin_pemda role anywhere (for a pemda or a unit)?"""
    return any(j == "admin_pemda" for j, _iid, _pid in _peran(user))


def boleh_kelola_templat(user, templat) -> bool:
    """A pemda's own evaluation template may be changed by that pemda's admin; the built-in
    templates (no pemda) by nobody."""
    return templat.pemda_id is not None and boleh_pemda(user, "kelola", templat.pemda_id)


def boleh_atur_skm(user, instansi: Instansi) -> bool:
    """The unit's operator or the pemda's admin may change the survey setup and import responses."""
    return boleh(user, "isi", instansi) or boleh(user, "kelola", instansi)


def boleh_admin(user) -> bool:
    """The Django admin (master data) is open to active staff who are superusers or admin_pemda."""
    if not (user.is_active and user.is_staff):
        return False
    return user.is_superuser or adalah_admin_pemda(user)


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
