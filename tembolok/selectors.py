"""Reads of the cache plumbing: which models are project data, how a row reaches its unit, and
the fingerprint of the code that shapes the pages."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from django.apps import apps
from django.conf import settings

from . import ABAIKAN, UMUM

# Folders outside the apps whose files shape a page (besides every project app's own).
FOLDER_LAIN = ("rumus", "dasar", "sakip", "templates", "locale")


def app_proyek() -> list[str]:
    """Labels of this project's apps (the installed apps that are folders of this repository;
    not Django's nor a library's, e.g. django_otp)."""
    akar = Path(settings.BASE_DIR).resolve()
    return [a.label for a in apps.get_app_configs() if Path(a.path).resolve().parent == akar]


def model_proyek() -> list:
    """Every model of the project's apps."""
    proyek = set(app_proyek())
    return [m for m in apps.get_models() if m._meta.app_label in proyek]


def jalur_unit(model) -> str | None:
    """The model's own ``jalur_unit`` (a field path to the unit's id, ``UMUM`` or ``ABAIKAN``);
    None when the model does not declare one (the guard test then fails)."""
    return model.__dict__.get("jalur_unit")


def jalur_ke_unit(model) -> str | None:
    """The field path from the model to its unit's id, or None for shared and ignored data."""
    jalur = jalur_unit(model)
    return None if jalur in (None, UMUM, ABAIKAN) else jalur


def instansi_id_lewat(instance, jalur: str):
    """The unit id of ``instance`` following ``jalur``; None when it cannot be found (e.g. the
    parent row was deleted in the same cascade)."""
    first, _, rest = jalur.partition("__")
    if not rest:
        return getattr(instance, first)
    field = instance._meta.get_field(first)
    fk = getattr(instance, field.attname)
    if fk is None:
        return None
    return field.related_model._base_manager.filter(pk=fk).values_list(rest, flat=True).first()


def instansi_id_dari(instance) -> int | None:
    """The unit a row of unit data belongs to (None for shared or ignored models)."""
    jalur = jalur_ke_unit(type(instance))
    return instansi_id_lewat(instance, jalur) if jalur else None


@functools.cache
def sidik_kode() -> str:
    """A hash of the code, templates, settings and translations that shape the pages, so a
    deployment that changes any of them never serves pages stored by the previous one."""
    akar = Path(settings.BASE_DIR)
    h = hashlib.sha256()
    for folder in (*app_proyek(), *FOLDER_LAIN):
        for f in sorted((akar / folder).rglob("*")):
            if f.suffix in (".py", ".html", ".mo") and "migrations" not in f.parts:
                h.update(str(f.relative_to(akar)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:12]


def token_terkini(jenis: str, objek_ids) -> dict[int, str]:
    """The current tokens of these units (or pemda) that have one; one query, nothing created."""
    from .models import Token

    return dict(Token.objects.filter(jenis=jenis, objek__in=list(objek_ids)).values_list("objek", "token"))
