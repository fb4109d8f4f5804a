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

from django.conf import settings
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
    "terbitkan": {"pimpinan"},  # issue a version of the LKIP (its files frozen)
    "evaluasi": {"evaluator"},  # comment, score
    "kelola": {"admin_pemda"},  # manage units, users, templates
    # set a unit up: its Renstra (periods, tujuan, sasaran, indikator, targets, IKU sheet) and its
    # zones (the unit's operator, or the pemda's admin who prepares a new unit before it has an operator)
    "atur": {"operator", "admin_pemda"},
    # upload a workbook of the unit's data (dry run, then apply): the unit's operator, or the
    # pemda's admin for any unit of its pemda (workbook.services)
    "impor": {"operator", "admin_pemda"},
    # download survey respondents' personal data (responden.xlsx): the unit's own staff who act on
    # the answers; not viewers, evaluators or the pemda's admin (data minimisation, UU 27/2022)
    "unduh_responden": {"operator", "pimpinan"},
    # the staff RHK as CSV/XLSX (names and NIP of staff): the unit's operator and its head
    "unduh_rhk": {"operator", "pimpinan"},
    # upload an LKIP file made elsewhere for its reviu, and read the findings: the unit's own staff
    # and the Inspektorat (evaluator); not viewers
    "reviu_berkas": {"operator", "pimpinan", "evaluator"},
    # the ESR package of a unit-year (laporan.esr: every document of the year in one ZIP, for
    # KemenPANRB's evaluation): the unit's operator and pimpinan who upload it, and the pemda's
    # admin and evaluator (Inspektorat) who check it; not viewers
    "paket_esr": {"operator", "pimpinan", "evaluator", "admin_pemda"},
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
        cache = list(user.peran.order_by("pk").values_list("jenis", "instansi_id", "pemda_id"))
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
    """Queryset of the units the user may see: those of its unit roles and every unit of the pemda
    of its pemda roles, filtered by the roles as read once per request (``_peran``), not by
    subqueries over them (the app shell's unit picker asks on every page: no DISTINCT, no join)."""
    if not user.is_authenticated:
        return Instansi.objects.none()
    from django.db.models import Q

    peran = _peran(user)
    iids = sorted({iid for _j, iid, _pid in peran if iid is not None})
    pids = sorted({pid for _j, _iid, pid in peran if pid is not None})
    if not iids and not pids:
        return Instansi.objects.none()
    return Instansi.objects.filter(Q(id__in=iids) | Q(pemda_id__in=pids))


def instansi_boleh(user, aksi: str):
    """Queryset of the units where the user may do ``aksi`` (AKSI): its roles read once per
    request, the queryset usable as a subquery (``instansi__in=``) without a query of its own."""
    if aksi not in AKSI:
        raise ValueError(f"unknown aksi {aksi!r}")
    from django.db.models import Q

    peran = [(j, iid, pid) for j, iid, pid in _peran(user) if j in AKSI[aksi]]
    if not peran:
        return Instansi.objects.none()
    return Instansi.objects.filter(
        Q(id__in=[iid for _j, iid, _pid in peran if iid is not None])
        | Q(pemda_id__in=[pid for _j, _iid, pid in peran if pid is not None])
    )


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
    # from the roles read once per request (in the order they were granted): no query of its own
    return next((pid for j, _iid, pid in _peran(user) if j == "admin_pemda" and pid is not None), None)


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


def boleh_ubah_pejabat_pemda(user, instansi: Instansi) -> bool:
    """May an upload of this unit's workbook change the pemda's own officials (the pejabat rows
    without a unit, e.g. the Wali Kota)? Only the pemda's admin; a unit's operator may not."""
    return boleh_pemda(user, "kelola", instansi.pemda_id)


def boleh_baca_panduan(user) -> bool:
    """The user guide (/panduan/, docs/panduan/) is for every active logged-in user, whatever its
    role; it holds no unit's data."""
    return bool(user.is_authenticated and user.is_active)


# --- the public portal (portal/, docs/portal.md) ------------------------------------------------
# What anyone may read without logging in. The portal's selectors and views ask only here.
JENIS_PUBLIK = {"instansi", "pk", "lkip", "tahun", "ikm", "akip", "simpul_pohon"}


def publik_boleh(jenis: str, obj) -> bool:
    """May anyone (no login) read ``obj`` on the public portal (docs/portal.md, "What is public")?

    - ``"instansi"``: a unit (``Instansi``) is public while it is active;
    - ``"pk"``: a Perjanjian Kinerja version only once signed (its frozen document);
    - ``"lkip"``: an LKIP only as an issued version (a ``TerbitanLKIP`` row, its stored files);
      the LKIP built live from the data (``unit/<slug>/lkip/…``) is never public;
    - ``"tahun"``: a unit-year's figures of performance and budget (IKU targets, realisasi,
      capaian; pagu, realisasi, serapan per programme) once that year's PK in force (``obj``,
      ``perencanaan.selectors.pk_berlaku``) is signed: a year still being agreed is not published;
    - ``"ikm"``: the IKM of a year (``skm.selectors.IKMTahun``): published as the public SKM
      results page already does (aggregates only, never a respondent);
    - ``"akip"``: an AKIP result (``evaluasi.selectors.hasil_akip``) from a final LKE evaluation
      or the imported LHE scores; an evaluation in progress is never public;
    - ``"simpul_pohon"``: a node of the pohon kinerja (``rumus.pohon.SimpulPohon``; the tree of a
      unit-year is shown only when ``"tahun"`` allows the year): every level except a staff
      member's RHK (it names the employee: personal data, UU 27/2022)."""
    if jenis not in JENIS_PUBLIK:
        raise ValueError(f"unknown publik jenis {jenis!r}")
    if obj is None:
        return False
    if jenis == "instansi":
        return bool(obj.aktif)
    if jenis in ("pk", "tahun"):
        return bool(obj.ditandatangani)
    if jenis == "lkip":
        return obj._meta.label == "laporan.TerbitanLKIP" and obj.pk is not None
    if jenis == "ikm":
        return obj.ikm is not None
    if jenis == "simpul_pohon":
        return obj.level != "rhk"
    return obj.get("source") in ("lke", "imported")  # akip


def instansi_publik(pemda: Pemda):
    """Queryset of the pemda's units shown on its public portal (``publik_boleh("instansi")``)."""
    return Instansi.objects.filter(pemda=pemda, aktif=True)


def publik_atau_404(kode_pemda: str, slug_unit: str | None = None):
    """The pemda (and unit) named by a portal URL: (pemda, instansi or None). An unknown pemda,
    an unknown or inactive unit, or a unit of another pemda: 404 (never a 500, nothing revealed)."""
    pemda = get_object_or_404(Pemda, kode=kode_pemda)
    if slug_unit is None:
        return pemda, None
    instansi = get_object_or_404(Instansi.objects.select_related("pemda"), slug=slug_unit, pemda=pemda)
    if not publik_boleh("instansi", instansi):
        raise Http404
    return pemda, instansi


def boleh_atur_skm(user, instansi: Instansi) -> bool:
    """The unit's operator or the pemda's admin may change the survey setup and import responses."""
    return boleh(user, "isi", instansi) or boleh(user, "kelola", instansi)


# Jobs of the task queue (tugas.Tugas) by kind -> the action on the job's unit that allows
# requesting it and seeing it (its page, its progress, its result file). A user sees only the jobs
# of units it may see; within a unit, every user allowed the action sees the same job (one
# request's result serves the next one of the same key).
AKSI_TUGAS = {
    "lkip": "lihat",
    "pk": "lihat",
    "renja": "lihat",  # the Renja document (laporan.renja): whoever sees the unit
    "lhe": "lihat",
    "skm": "lihat",
    "terbitan": "terbitkan",
    "reviu": "reviu_berkas",
    "skm_impor": "atur",  # a large SKM upload imported by the worker: operator or admin_pemda (skm.tugas)
    "workbook": "impor",  # a large uploaded workbook checked or applied by the worker (workbook.tugas)
    "pohon": "lihat",  # the performance tree's PDF (pohon.tugas)
    "esr": "paket_esr",  # the ESR package ZIP (laporan.esr)
}


def boleh_tugas(user, instansi: Instansi, jenis: str) -> bool:
    """May the user request, or see, a job of kind ``jenis`` for this unit?"""
    if jenis not in AKSI_TUGAS:
        raise ValueError(f"unknown tugas jenis {jenis!r}")
    return boleh(user, "lihat", instansi) and boleh(user, AKSI_TUGAS[jenis], instansi)


# Jobs of a pemda (tugas.Tugas with ``pemda`` set) by kind -> the pemda action (AKSI_PEMDA) that
# allows requesting and seeing one, besides seeing the pemda's pages
AKSI_TUGAS_PEMDA = {
    "pohon": "lihat",  # the pemda's (or one pemda sasaran's) performance tree PDF (pohon.tugas)
}


def boleh_tugas_pemda(user, pemda: Pemda | int, jenis: str) -> bool:
    """May the user request, or see, a job of kind ``jenis`` for this pemda? Who may see the
    pemda's pages (``boleh_pemda(user, "lihat", pemda)``); roles at one of its units do not count."""
    if jenis not in AKSI_TUGAS_PEMDA:
        raise ValueError(f"unknown pemda tugas jenis {jenis!r}")
    return boleh_pemda(user, "lihat", pemda) and boleh_pemda(user, AKSI_TUGAS_PEMDA[jenis], pemda)


def boleh_lihat_tugas(user, tugas) -> bool:
    """May the user see this job (a ``tugas.Tugas``): a unit's by ``boleh_tugas``, a pemda's by
    ``boleh_tugas_pemda`` — the same decision as its own page."""
    if tugas.instansi_id is not None:
        return boleh_tugas(user, tugas.instansi, tugas.jenis)
    return boleh_tugas_pemda(user, tugas.pemda, tugas.jenis)


def pemegang(aksi: str, units) -> dict[int, list]:
    """Who may do ``aksi`` (AKSI) at each of ``units``: {instansi id: [active users]}, from the
    roles held for the unit or for its pemda (two queries whatever the number of units). The
    reminders go to these people."""
    if aksi not in AKSI:
        raise ValueError(f"unknown aksi {aksi!r}")
    from django.db.models import Q

    from .models import Peran

    units = list(units)
    if not units:
        return {}
    per_pemda: dict[int, list[int]] = {}
    for u in units:
        per_pemda.setdefault(u.pemda_id, []).append(u.id)
    hasil: dict[int, dict] = {u.id: {} for u in units}
    roles = (
        Peran.objects.filter(jenis__in=AKSI[aksi], user__is_active=True)
        .filter(Q(instansi_id__in=[u.id for u in units]) | Q(pemda_id__in=list(per_pemda)))
        .select_related("user")
        .order_by("user_id")
    )
    for r in roles:
        for iid in [r.instansi_id] if r.instansi_id else per_pemda.get(r.pemda_id, []):
            if iid in hasil:
                hasil[iid][r.user_id] = r.user
    return {iid: list(d.values()) for iid, d in hasil.items()}


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


# --- the pemda console (konsol) ------------------------------------------------------------
# admin_pemda sets its pemda up in the application: profile, units and sub-units, officials,
# users and their roles. Each page looks its object up inside the admin's pemda (another pemda's
# admin gets 404); the services ask ``boleh_pemda(user, "kelola", pemda)`` again.

# role -> where it may be held: "instansi" (one unit), "pemda" (every unit of the pemda)
LINGKUP_PERAN: dict[str, set[str]] = {
    "operator": {"instansi"},
    "pimpinan": {"instansi"},
    "viewer": {"instansi", "pemda"},
    "evaluator": {"instansi", "pemda"},
    "admin_pemda": {"pemda"},
}


def pemda_konsol(user) -> Pemda | None:
    """The pemda whose console the user may use (the one it administers), or None."""
    pid = pemda_kelolaan(user)
    if pid is None or not boleh_pemda(user, "kelola", pid):
        return None
    return Pemda.objects.filter(pk=pid).first()


def perlu_konsol(view):
    """View decorator of the console's pages: not logged in → login page; not an admin_pemda →
    404 (the console's existence is not revealed). The view receives ``pemda``."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        pemda = pemda_konsol(request.user)
        if pemda is None:
            raise Http404
        return view(request, pemda, *args, **kwargs)

    wrapper.aksi = "kelola"
    return wrapper


def pengguna_kelolaan(user, pemda):
    """Queryset of the accounts ``user`` may manage in ``pemda``'s console: none unless it is the
    pemda's admin; never a superuser, nor anyone holding a role in another pemda."""
    from django.contrib.auth import get_user_model

    pid = getattr(pemda, "id", pemda)
    if not boleh_pemda(user, "kelola", pid):
        return get_user_model().objects.none()
    return _pengguna_dikelola({pid})


def alasan_tolak_peran(user, pemda, jenis: str, instansi: Instansi | None) -> str | None:
    """Why ``user`` may not grant role ``jenis`` (at ``instansi``, or for the whole ``pemda``
    when None), or None when it may: only the pemda's admin, only the roles of ``LINGKUP_PERAN``
    in their scope, only units of its own pemda."""
    pid = getattr(pemda, "id", pemda)
    if not boleh_pemda(user, "kelola", pid):
        return "Hanya admin pemda ini yang dapat memberi peran."
    if jenis not in LINGKUP_PERAN:
        return f"Peran {jenis!r} tidak dikenal."
    lingkup = "pemda" if instansi is None else "instansi"
    if lingkup not in LINGKUP_PERAN[jenis]:
        if lingkup == "pemda":
            return "Peran ini dipegang untuk satu unit: pilih unitnya."
        return "Peran ini dipegang untuk seluruh pemda: kosongkan unit."
    if instansi is not None and instansi.pemda_id != pid:
        return "Unit itu bukan unit pemda ini."
    return None


# --- the Django admin -----------------------------------------------------------------------
# Superusers keep the whole admin; admin_pemda uses the pemda console (konsol/). Only where an
# installation opts in (SAKIP_ADMIN_PEMDA) does admin_pemda get the admin for its pemda's master
# data: these models only, each with the path from the row to its pemda's id; every row it sees,
# adds, changes or deletes must belong to one of its pemda.
ADMIN_PEMDA_MODEL: dict[str, str] = {
    "organisasi.Pemda": "id",
    "organisasi.Instansi": "pemda_id",
    "organisasi.SubUnit": "instansi__pemda_id",
    "organisasi.Pejabat": "pemda_id",
    "organisasi.Pegawai": "instansi__pemda_id",
    "organisasi.Layanan": "instansi__pemda_id",
    "anggaran.BarisAnggaran": "instansi__pemda_id",
    "anggaran.PaguProgram": "instansi__pemda_id",
    "anggaran.RealisasiAnggaran": "baris__instansi__pemda_id",
    "anggaran.Dukungan": "instansi__pemda_id",
    "zona.Zona": "instansi__pemda_id",
}
# Shared by every pemda (the national budget nomenclature): admin_pemda may look, not change.
ADMIN_PEMDA_LIHAT: set[str] = {"anggaran.Program", "anggaran.Kegiatan", "anggaran.SubKegiatan"}
# Only viewed and changed, never added or deleted by admin_pemda.
ADMIN_PEMDA_TANPA_TAMBAH: set[str] = {"organisasi.Pemda"}
# The authenticator apps of its users (django-otp): admin_pemda may list and remove them (a lost
# phone), never add or change them (the key is never shown in the admin: OTP_ADMIN_HIDE_SENSITIVE_DATA).
ADMIN_PEMDA_PERANGKAT = "otp_totp.TOTPDevice"
# Fields of the user form admin_pemda gets (no superuser, staff, groups, permissions, dates).
ADMIN_PEMDA_FIELD_PENGGUNA = ("username", "password", "first_name", "last_name", "email", "is_active")


def pemda_dikelola(user) -> set[int]:
    """Ids of the pemda whose admin_pemda the user is (held for the pemda itself)."""
    return set(pemda_boleh(user, "kelola"))


def boleh_admin(user) -> bool:
    """May the user open the Django admin at all: superusers (staff flag set). admin_pemda only
    where the installation turns on ``SAKIP_ADMIN_PEMDA`` (off by default: routine administration
    belongs in the application's pemda console, ``konsol``), and then
    confined to its own pemda by ``boleh_admin_model`` and ``admin_queryset``."""
    if not user.is_authenticated or not user.is_active or not user.is_staff:
        return False
    if user.is_superuser:
        return True
    return settings.SAKIP_ADMIN_PEMDA and bool(pemda_dikelola(user))


def _jalur_pemda(label: str) -> str | None:
    """Path from a row of ``label`` to its pemda id: the list above, else the model's path to
    its unit (``jalur_unit``, unit data), else None."""
    if label in ADMIN_PEMDA_MODEL:
        return ADMIN_PEMDA_MODEL[label]
    from django.apps import apps

    from tembolok.selectors import jalur_ke_unit

    jalur = jalur_ke_unit(apps.get_model(label))
    if jalur is None:
        return None
    return jalur[: -len("instansi_id")] + "instansi__pemda_id"


def _pengguna_dikelola(pemda_ids):
    """Users an admin_pemda of these pemda may manage: not superusers, every role inside these
    pemda, and at least one role there or created by their admin (``akun.Profil.pemda``)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from .models import Peran

    luar = Peran.objects.exclude(Q(pemda_id__in=pemda_ids) | Q(instansi__pemda_id__in=pemda_ids))
    dalam = Peran.objects.filter(Q(pemda_id__in=pemda_ids) | Q(instansi__pemda_id__in=pemda_ids))
    return (
        get_user_model()
        .objects.filter(is_superuser=False)
        .exclude(id__in=luar.values("user_id"))
        .filter(Q(id__in=dalam.values("user_id")) | Q(profil__pemda_id__in=pemda_ids))
    )


def admin_queryset(user, model, qs=None):
    """The rows of ``model`` the user may see in the admin (``qs`` narrows Django's default)."""
    qs = model._default_manager.all() if qs is None else qs
    if user.is_superuser and user.is_active:
        return qs
    pemda_ids = pemda_dikelola(user)
    label = model._meta.label
    if not pemda_ids:
        return qs.none()
    if label == "auth.User":
        return qs.filter(id__in=_pengguna_dikelola(pemda_ids).values("id"))
    if label == "akun.Peran":
        from django.db.models import Q

        return qs.filter(Q(pemda_id__in=pemda_ids) | Q(instansi__pemda_id__in=pemda_ids)).filter(
            user__in=_pengguna_dikelola(pemda_ids)
        )
    if label == ADMIN_PEMDA_PERANGKAT:
        return qs.filter(user__in=_pengguna_dikelola(pemda_ids))
    if label in ADMIN_PEMDA_LIHAT:
        return qs
    jalur = ADMIN_PEMDA_MODEL.get(label)
    if jalur is None:
        return qs.none()
    return qs.filter(**{f"{jalur}__in": pemda_ids})


def pilihan_admin(user, model, qs=None):
    """The rows of ``model`` the user may choose in an admin form's select (a foreign key):
    those it manages, any row of its pemda's unit data, the shared nomenclature; nothing else."""
    qs = model._default_manager.all() if qs is None else qs
    label = model._meta.label
    if user.is_superuser and user.is_active:
        return qs
    if label in ("auth.User", "akun.Peran") or label in ADMIN_PEMDA_MODEL or label in ADMIN_PEMDA_LIHAT:
        return admin_queryset(user, model, qs)
    jalur = _jalur_pemda(label)
    pemda_ids = pemda_dikelola(user)
    if jalur is None or not pemda_ids:
        return qs.none()
    return qs.filter(**{f"{jalur}__in": pemda_ids})


def boleh_admin_model(user, model, aksi: str, obj=None) -> bool:
    """May the user do ``aksi`` (view, add, change, delete) on ``model`` (on row ``obj``) in the
    admin. Superusers: everything. admin_pemda: its pemda's rows of the models listed above."""
    if aksi not in ("view", "add", "change", "delete"):
        raise ValueError(f"unknown admin aksi {aksi!r}")
    if not boleh_admin(user):
        return False
    if user.is_superuser:
        return True
    label = model._meta.label
    if label in ADMIN_PEMDA_LIHAT:
        return aksi == "view"
    if label == ADMIN_PEMDA_PERANGKAT:
        if aksi not in ("view", "delete"):
            return False
    elif label not in ADMIN_PEMDA_MODEL and label not in ("auth.User", "akun.Peran"):
        return False
    if label in ADMIN_PEMDA_TANPA_TAMBAH and aksi in ("add", "delete"):
        return False
    if obj is None:
        return True
    return admin_queryset(user, model).filter(pk=obj.pk).exists()


def pemda_baris(obj) -> int | None:
    """The pemda a row belongs to (None when it has none: shared data, a user of no pemda or of
    several); a user's authenticator app belongs to the user's."""
    from django.db.models import Q

    from .models import Peran, Profil

    label = obj._meta.label
    if label == "akun.Peran":
        return obj.pemda_id or (obj.instansi.pemda_id if obj.instansi_id else None)
    if label == ADMIN_PEMDA_PERANGKAT:  # an authenticator app: its user's pemda
        return pemda_baris(obj.user)
    if label == "auth.User":
        roles = Peran.objects.filter(user_id=obj.pk)
        ids = set(roles.filter(pemda__isnull=False).values_list("pemda_id", flat=True))
        ids |= set(roles.filter(instansi__isnull=False).values_list("instansi__pemda_id", flat=True))
        if not ids:
            ids = set(
                Profil.objects.filter(Q(user_id=obj.pk), ~Q(pemda=None)).values_list("pemda_id", flat=True)
            )
        return ids.pop() if len(ids) == 1 else None
    jalur = _jalur_pemda(label)
    if jalur is None:
        return None
    first, _, rest = jalur.partition("__")
    if not rest:
        return getattr(obj, first)
    field = obj._meta.get_field(first)
    fk = getattr(obj, field.attname)
    if fk is None:
        return None
    return field.related_model._base_manager.filter(pk=fk).values_list(rest, flat=True).first()


def pengguna_riwayat(user):
    """Users whose login history ``user`` may read besides its own: the users its admin_pemda
    role manages (a queryset), or None when it manages none."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        from django.contrib.auth import get_user_model

        return get_user_model().objects.all()
    pemda_ids = pemda_dikelola(user)
    return _pengguna_dikelola(pemda_ids) if pemda_ids else None


# Roles that must log in with a second factor (TOTP) when their pemda turns it on.
PERAN_WAJIB_OTP = {"admin_pemda", "evaluator", "pimpinan"}


def wajib_otp(user) -> bool:
    """Must the user verify a TOTP code after the password: it holds admin_pemda, evaluator or
    pimpinan in a pemda (or a unit of a pemda) with ``Pemda.wajib_otp`` on."""
    if not user.is_authenticated or not user.is_active:
        return False
    from django.db.models import Q

    return user.peran.filter(
        Q(pemda__wajib_otp=True) | Q(instansi__pemda__wajib_otp=True), jenis__in=PERAN_WAJIB_OTP
    ).exists()


# --- the app shell's navigation ----------------------------------------------------------------
# Sections of a unit's side navigation (the SAKIP cycle) -> the action that lets a role use them.
# The shell (sakip/kerangka.py) shows a link only when ``bagian_terlihat`` lists its section.
BAGIAN_UNIT = {
    "dasbor": "lihat",
    "perencanaan": "lihat",
    "pk": "lihat",
    "pengukuran": "lihat",
    "anggaran": "lihat",
    "anggaran_dpa": "isi",  # the DPA page: budget lines, cash plan, links to indicators
    "skm": "lihat",
    "skm_pengaturan": "atur_skm",  # boleh_atur_skm
    "zona": "lihat",
    "evaluasi": "lihat",
    "laporan": "lihat",
    "laporan_teks": "isi",
    "laporan_reviu_berkas": "reviu_berkas",
    "pohon": "lihat",  # the pohon kinerja of the unit
    "workbook": "lihat",
}


def bagian_terlihat(user, instansi: Instansi | None) -> set[str]:
    """The navigation sections ``user`` may use: those of ``instansi`` (BAGIAN_UNIT), plus
    ``dasbor_pemda`` and ``perbandingan`` (the unit's pemda, AKSI_PEMDA lihat), ``jadwal`` (the
    unit's pemda, AKSI_PEMDA kelola) and ``audit``
    (some pemda, AKSI_PEMDA kelola)."""
    hasil: set[str] = set()
    if not user.is_authenticated or not user.is_active:
        return hasil
    if instansi is not None and boleh(user, "lihat", instansi):
        for bagian, aksi in BAGIAN_UNIT.items():
            if aksi == "atur_skm":
                ok = boleh_atur_skm(user, instansi)
            else:
                ok = boleh(user, aksi, instansi)
            if ok:
                hasil.add(bagian)
        if boleh_pemda(user, "lihat", instansi.pemda_id):
            hasil |= {"dasbor_pemda", "perbandingan"}
        if boleh_pemda(user, "kelola", instansi.pemda_id):
            hasil.add("jadwal")  # the pemda's schedule and late-entry exceptions
    if pemda_boleh(user, "kelola"):
        hasil.add("audit")
    if pemda_kelolaan(user) is not None:
        hasil.add("konsol")
    return hasil


# --- the pemda level of planning (rpjmd) -------------------------------------------------------
# The pemda's RPJMD/RPD (misi, tujuan, sasaran, indicators, targets) is kept by its admin_pemda in
# the console; which pemda sasaran a unit's tujuan or sasaran supports is chosen by whoever sets
# the unit's Renstra up (``atur``: the unit's operator, or the pemda's admin).


def boleh_kelola_rpjmd(user, pemda: Pemda | int) -> bool:
    """May the user create, change or delete the pemda's RPJMD/RPD and its tree?"""
    return boleh_pemda(user, "kelola", pemda)


def boleh_tautkan_rpjmd(user, instansi: Instansi) -> bool:
    """May the user choose the pemda sasaran the unit's tujuan and sasaran support?"""
    return boleh(user, "atur", instansi)
