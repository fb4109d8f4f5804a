"""Writes of the cache: dropping tokens when data changes (``usangkan``), and storing a page
under the current token (``cuplikan``).

Model signals drop the tokens of every saved or deleted row of a model that declares a path to
its unit (or ``UMUM``). Signals do not fire for ``QuerySet.update()``/``delete()`` or
``bulk_create()``; the few code paths that use them call :func:`usangkan` /
:func:`usangkan_semua` themselves (the workbook import, the optimistic-lock save of a
realisasi, copying an evaluation template).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from contextlib import contextmanager

from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.db.models import OuterRef, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal

from . import UMUM
from .models import Cuplikan, Token
from .selectors import instansi_id_lewat, jalur_unit, model_proyek


def usangkan(
    instansi_ids: Iterable[int], pemda_ids: Iterable[int] | None = None, *, jawaban_survei: bool = False
) -> None:
    """The data of these units changed: drop their tokens and their pemda's (``pemda_ids`` when
    the caller knows them, else looked up in the same statement). One query. ``jawaban_survei``:
    only survey answers changed, so the units' ``"k"`` tokens stay (tembolok/__init__.py)."""
    ids = sorted({int(i) for i in instansi_ids if i is not None})
    if not ids:
        return
    tanda = ", ".join(["%s"] * len(ids))
    if pemda_ids is None:
        instansi = apps.get_model("organisasi", "Instansi")._meta.db_table  # by name: no upward import
        pemda_sql, pemda_args = f"SELECT pemda_id FROM {instansi} WHERE id IN ({tanda})", ids
    else:
        pemda_args = sorted({int(p) for p in pemda_ids})
        pemda_sql = ", ".join(["%s"] * len(pemda_args)) or "NULL"
    jenis_unit = "'i'" if jawaban_survei else "'i', 'k'"
    with connection.cursor() as c:  # plain SQL: this runs on every save, e.g. each public SKM answer
        c.execute(
            f"DELETE FROM {Token._meta.db_table} WHERE (jenis IN ({jenis_unit}) AND objek IN ({tanda})) "
            f"OR (jenis = 'p' AND objek IN ({pemda_sql}))",
            [*ids, *pemda_args],
        )


# Sent (sender: the module that imported; ``instansi_ids``, ``tahun``: the units and years the
# data touched) after a bulk import committed: the dashboard app enqueues their precomputation
# (dasbor.apps). tembolok sits below every app that imports, and dasbor above them all.
data_diimpor = Signal()


def usangkan_semua() -> None:
    """Something every page may show changed: drop every token."""
    Token.objects.all().delete()


_lokal = threading.local()


@contextmanager
def tunda():
    """Within this block saves and deletes only note which units changed; one statement at the
    end drops their tokens (bulk work: an import, deleting a unit with its thousands of rows)."""
    if getattr(_lokal, "tertunda", None) is not None:  # nested: the outer block flushes
        yield
        return
    _lokal.tertunda = set()
    try:
        yield
    except BaseException:
        ids, _lokal.tertunda = _lokal.tertunda, None
        if ids and not connection.in_atomic_block:  # no rollback will undo what was saved
            _buang(ids)
        raise
    ids, _lokal.tertunda = _lokal.tertunda, None
    _buang(ids)


def _buang(ids: set) -> None:
    if None in ids:
        usangkan_semua()
    elif ids:
        usangkan(ids)


def _berubah(sender, instance, **kwargs):
    tertunda = getattr(_lokal, "tertunda", None)
    jalur = jalur_unit(sender)
    jalur = None if kwargs.get("raw") or jalur == UMUM else jalur  # loaddata: drop everything
    if tertunda is not None:  # no query per row: a parent-path lookup counts as "everything"
        tertunda.add(getattr(instance, "instansi_id", None) if jalur == "instansi_id" else None)
        return
    iid = instansi_id_lewat(instance, jalur) if jalur else None
    if iid is None:
        usangkan_semua()
        return
    ins = instance._state.fields_cache.get("instansi") if jalur == "instansi_id" else None
    usangkan(
        [iid],
        [ins.pemda_id] if ins is not None and ins.id == iid else None,
        jawaban_survei=sender.__dict__.get("jawaban_survei", False),
    )


def hubungkan() -> None:
    """Connect the signal handlers (``TembolokConfig.ready``) to each model that declares a path
    to its unit or ``UMUM``, so ignored models keep Django's fast bulk delete."""
    from . import ABAIKAN

    for model in model_proyek():
        if jalur_unit(model) in (None, ABAIKAN):
            continue
        label = model._meta.label
        post_save.connect(_berubah, sender=model, dispatch_uid=f"tembolok-save-{label}")
        post_delete.connect(_berubah, sender=model, dispatch_uid=f"tembolok-delete-{label}")


def token(jenis: str, objek: int) -> str:
    """The current token of a unit or pemda, created when there is none."""
    t = Token.objects.filter(jenis=jenis, objek=objek).values_list("token", flat=True).first()
    if t is not None:
        return t
    baru = uuid.uuid4().hex
    try:
        with transaction.atomic():
            Token.objects.create(jenis=jenis, objek=objek, token=baru)
        return baru
    except IntegrityError:  # another request created it first
        return Token.objects.filter(jenis=jenis, objek=objek).values_list("token", flat=True).first() or baru


def cuplikan(kunci: str, jenis: str, objek: int, buat: Callable[[], str], syarat: str = "") -> str:
    """The stored page ``kunci`` if it was computed from the current data under the same
    ``syarat`` (e.g. today's date and the code fingerprint: a different one overwrites the row,
    so rows do not pile up per day), else ``buat()``, stored for the next request. One query
    when stored."""
    terkini = Token.objects.filter(jenis=OuterRef("jenis"), objek=OuterRef("objek")).values("token")[:1]
    isi = (
        Cuplikan.objects.filter(kunci=kunci, syarat=syarat, token=Subquery(terkini))
        .values_list("isi", flat=True)
        .first()
    )
    if isi is not None:
        return isi
    t = token(jenis, objek)  # before reading the data: a write after this point drops ``t``
    isi = buat()
    # one upsert statement (not update_or_create's locking read of the old page, then its update)
    Cuplikan.objects.bulk_create(
        [Cuplikan(kunci=kunci, jenis=jenis, objek=objek, token=t, isi=isi, syarat=syarat)],
        update_conflicts=True,
        unique_fields=["kunci"],
        update_fields=["jenis", "objek", "token", "isi", "syarat", "dibuat"],
    )
    return isi


def token_banyak(jenis: str, objek_ids: Iterable[int]) -> dict[int, str]:
    """Current tokens of many units (or pemda), created where missing, one for every id. Two or
    three queries.

    A token created here may be dropped again (``usangkan``, e.g. a public SKM answer) before it
    is read back: that object then gets the token this call proposed, which is no longer (or
    never was) current, so a page stored under it is simply never served, as :func:`token` does.
    The rows are inserted in id order, so two requests creating overlapping sets cannot deadlock
    on each other's uncommitted rows (PostgreSQL)."""
    ids = sorted(set(objek_ids))
    ada = dict(Token.objects.filter(jenis=jenis, objek__in=ids).values_list("objek", "token"))
    kurang = [i for i in ids if i not in ada]
    if kurang:
        usul = {i: uuid.uuid4().hex for i in kurang}
        Token.objects.bulk_create(
            [Token(jenis=jenis, objek=i, token=t) for i, t in usul.items()], ignore_conflicts=True
        )
        ada.update(Token.objects.filter(jenis=jenis, objek__in=kurang).values_list("objek", "token"))
        for i, t in usul.items():  # dropped between the insert and the read: a dead token
            ada.setdefault(i, t)
    return ada


def cuplikan_banyak(
    kunci_per_objek: dict[int, str], jenis: str, buat: Callable[[list[int]], dict[int, str]], syarat: str = ""
) -> dict[int, str]:
    """Like :func:`cuplikan` for many objects at once: the stored pages still current are read
    in one query, ``buat(missing ids)`` computes the others in one go, and they are stored."""
    terkini = Token.objects.filter(jenis=OuterRef("jenis"), objek=OuterRef("objek")).values("token")[:1]
    isi = dict(
        Cuplikan.objects.filter(
            kunci__in=kunci_per_objek.values(), jenis=jenis, syarat=syarat, token=Subquery(terkini)
        ).values_list("objek", "isi")
    )
    kurang = [i for i in kunci_per_objek if i not in isi]
    if kurang:
        tokens = token_banyak(jenis, kurang)  # before reading the data, as in ``cuplikan``
        baru = buat(kurang)
        Cuplikan.objects.bulk_create(  # in key order: concurrent upserts lock rows in one order
            [
                Cuplikan(
                    kunci=kunci_per_objek[i],
                    jenis=jenis,
                    objek=i,
                    token=tokens[i],
                    isi=baru[i],
                    syarat=syarat,
                )
                for i in sorted(kurang, key=kunci_per_objek.__getitem__)
            ],
            update_conflicts=True,
            unique_fields=["kunci"],
            update_fields=["token", "isi", "syarat", "dibuat"],
        )
        isi.update(baru)
    return isi
