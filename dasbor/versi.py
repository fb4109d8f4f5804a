"""Data versions: which stored dashboard fragments are still true.

Every model of the project is classified here (a test fails when a new model is not):

- ``JALUR``: data of one unit, with the path from the model to the unit's id. Saving or
  deleting such a row deletes the token of that unit and of its pemda.
- ``UMUM``: data every page may show (units, pemda, nomenclature, evaluation templates).
  Saving or deleting one deletes every token.
- ``ABAIKAN``: data no dashboard shows (accounts, roles, login attempts, audit log, the
  fragments themselves).

Model signals do not fire for ``QuerySet.update()``/``delete()`` or ``bulk_create()``; the few
code paths that use them call :func:`ubah` / :func:`ubah_semua` themselves (the workbook
import, the optimistic-lock save of a realisasi, copying an evaluation template).
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

JALUR: dict[str, str] = {
    "organisasi.SubUnit": "instansi_id",
    "organisasi.Pejabat": "instansi_id",  # a pemda-level official (no unit) counts as UMUM
    "organisasi.Pegawai": "instansi_id",
    "organisasi.Layanan": "instansi_id",
    "perencanaan.Renstra": "instansi_id",
    "perencanaan.Tujuan": "instansi_id",
    "perencanaan.Sasaran": "instansi_id",
    "perencanaan.Indikator": "instansi_id",
    "perencanaan.Target": "indikator__instansi_id",
    "perencanaan.PerjanjianKinerja": "instansi_id",
    "perencanaan.PKIndikator": "pk_dokumen__instansi_id",
    "pengukuran.Realisasi": "indikator__instansi_id",
    "pengukuran.NilaiPembanding": "indikator__instansi_id",
    "pengukuran.PengajuanRealisasi": "instansi_id",
    "pengukuran.Bukti": "realisasi__indikator__instansi_id",
    "anggaran.BarisAnggaran": "instansi_id",
    "anggaran.PaguProgram": "instansi_id",
    "anggaran.RealisasiAnggaran": "baris__instansi_id",
    "anggaran.Dukungan": "instansi_id",
    "skm.RingkasanNRR": "instansi_id",
    "skm.PengaturanSKM": "instansi_id",
    "skm.PertanyaanSKM": "instansi_id",
    "skm.Responden": "instansi_id",
    "evaluasi.NilaiKomponen": "instansi_id",
    "evaluasi.Evaluasi": "instansi_id",
    "evaluasi.Jawaban": "evaluasi__instansi_id",
    "evaluasi.BuktiEvaluasi": "jawaban__evaluasi__instansi_id",
    "evaluasi.Rekomendasi": "evaluasi__instansi_id",
    "zona.Zona": "instansi_id",
    "zona.PenilaianZona": "zona__instansi_id",
    "laporan.TeksBlok": "instansi_id",
}
UMUM: set[str] = {
    "organisasi.Pemda",
    "organisasi.Instansi",
    "anggaran.Program",
    "anggaran.Kegiatan",
    "anggaran.SubKegiatan",
    "evaluasi.TemplatEvaluasi",
    "evaluasi.Komponen",
    "evaluasi.SubKomponen",
    "evaluasi.Kriteria",
}
ABAIKAN: set[str] = {
    "akun.Peran",
    "akun.PercobaanMasuk",
    "akun.Profil",
    "akun.RiwayatMasuk",
    "audit.Jejak",
    "dasbor.Versi",
    "dasbor.Cuplikan",
}
PROYEK = (
    "organisasi",
    "perencanaan",
    "pengukuran",
    "anggaran",
    "skm",
    "evaluasi",
    "zona",
    "akun",
    "laporan",
    "dasbor",
    "audit",
    "workbook",
)


def _instansi_id(instance, jalur: str):
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
    jalur = JALUR.get(instance._meta.label)
    return _instansi_id(instance, jalur) if jalur else None


def ubah(instansi_ids: Iterable[int], pemda_ids: Iterable[int] | None = None) -> None:
    """The data of these units changed: drop their tokens and their pemda's (``pemda_ids`` when
    the caller knows them, else looked up in the same statement). One query."""
    from organisasi.models import Instansi

    from .models import Versi

    ids = sorted({int(i) for i in instansi_ids if i is not None})
    if not ids:
        return
    tanda = ", ".join(["%s"] * len(ids))
    if pemda_ids is None:
        pemda_sql, pemda_args = f"SELECT pemda_id FROM {Instansi._meta.db_table} WHERE id IN ({tanda})", ids
    else:
        pemda_args = sorted({int(p) for p in pemda_ids})
        pemda_sql = ", ".join(["%s"] * len(pemda_args)) or "NULL"
    with connection.cursor() as c:  # plain SQL: this runs on every save, e.g. each public SKM answer
        c.execute(
            f"DELETE FROM {Versi._meta.db_table} WHERE (jenis = 'i' AND objek IN ({tanda})) "
            f"OR (jenis = 'p' AND objek IN ({pemda_sql}))",
            [*ids, *pemda_args],
        )


def ubah_semua() -> None:
    """Something every page may show changed: drop every token."""
    from .models import Versi

    Versi.objects.all().delete()


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
        ubah_semua()
    elif ids:
        ubah(ids)


def _berubah(sender, instance, **kwargs):
    tertunda = getattr(_lokal, "tertunda", None)
    jalur = None if kwargs.get("raw") else JALUR.get(sender._meta.label)  # loaddata: drop everything
    if tertunda is not None:  # no query per row: a parent-path lookup counts as "everything"
        tertunda.add(getattr(instance, "instansi_id", None) if jalur == "instansi_id" else None)
        return
    iid = _instansi_id(instance, jalur) if jalur else None
    if iid is None:
        ubah_semua()
        return
    ins = instance._state.fields_cache.get("instansi") if jalur == "instansi_id" else None
    ubah([iid], [ins.pemda_id] if ins is not None and ins.id == iid else None)


def hubungkan() -> None:
    """Connect the signal handlers (``DasborConfig.ready``); each model by name, so models that
    are not listed keep Django's fast bulk delete."""
    for label in (*JALUR, *UMUM):
        model = apps.get_model(label)
        post_save.connect(_berubah, sender=model, dispatch_uid=f"versi-save-{label}")
        post_delete.connect(_berubah, sender=model, dispatch_uid=f"versi-delete-{label}")


def token(jenis: str, objek: int) -> str:
    """The current token of a unit or pemda, created when there is none."""
    from .models import Versi

    t = Versi.objects.filter(jenis=jenis, objek=objek).values_list("token", flat=True).first()
    if t is not None:
        return t
    baru = uuid.uuid4().hex
    try:
        with transaction.atomic():
            Versi.objects.create(jenis=jenis, objek=objek, token=baru)
        return baru
    except IntegrityError:  # another request created it first
        return Versi.objects.filter(jenis=jenis, objek=objek).values_list("token", flat=True).first() or baru


def cuplikan(kunci: str, jenis: str, objek: int, buat: Callable[[], str], syarat: str = "") -> str:
    """The stored fragment ``kunci`` if it was computed from the current data under the same
    ``syarat`` (e.g. today's date and the code version: a different one overwrites the row, so
    rows do not pile up per day), else ``buat()``, stored for the next request. One query when
    stored."""
    from .models import Cuplikan, Versi

    terkini = Versi.objects.filter(jenis=OuterRef("jenis"), objek=OuterRef("objek")).values("token")[:1]
    isi = (
        Cuplikan.objects.filter(kunci=kunci, syarat=syarat, token=Subquery(terkini))
        .values_list("isi", flat=True)
        .first()
    )
    if isi is not None:
        return isi
    t = token(jenis, objek)  # before reading the data: a write after this point drops ``t``
    isi = buat()
    Cuplikan.objects.update_or_create(
        kunci=kunci, defaults={"jenis": jenis, "objek": objek, "token": t, "isi": isi, "syarat": syarat}
    )
    return isi


def token_banyak(jenis: str, objek_ids: Iterable[int]) -> dict[int, str]:
    """Current tokens of many units (or pemda), created where missing. Two or three queries."""
    from .models import Versi

    ids = set(objek_ids)
    ada = dict(Versi.objects.filter(jenis=jenis, objek__in=ids).values_list("objek", "token"))
    kurang = ids - set(ada)
    if kurang:
        Versi.objects.bulk_create(
            [Versi(jenis=jenis, objek=i, token=uuid.uuid4().hex) for i in kurang], ignore_conflicts=True
        )
        ada.update(Versi.objects.filter(jenis=jenis, objek__in=kurang).values_list("objek", "token"))
    return ada


def cuplikan_banyak(
    kunci_per_objek: dict[int, str], jenis: str, buat: Callable[[list[int]], dict[int, str]], syarat: str = ""
) -> dict[int, str]:
    """Like :func:`cuplikan` for many objects at once: the stored fragments still current are
    read in one query, ``buat(missing ids)`` computes the others in one go, and they are stored."""
    from .models import Cuplikan, Versi

    terkini = Versi.objects.filter(jenis=OuterRef("jenis"), objek=OuterRef("objek")).values("token")[:1]
    isi = dict(
        Cuplikan.objects.filter(
            kunci__in=kunci_per_objek.values(), jenis=jenis, syarat=syarat, token=Subquery(terkini)
        ).values_list("objek", "isi")
    )
    kurang = [i for i in kunci_per_objek if i not in isi]
    if kurang:
        tokens = token_banyak(jenis, kurang)  # before reading the data, as in ``cuplikan``
        baru = buat(kurang)
        Cuplikan.objects.bulk_create(
            [
                Cuplikan(
                    kunci=kunci_per_objek[i],
                    jenis=jenis,
                    objek=i,
                    token=tokens[i],
                    isi=baru[i],
                    syarat=syarat,
                )
                for i in kurang
            ],
            update_conflicts=True,
            unique_fields=["kunci"],
            update_fields=["token", "isi", "syarat", "dibuat"],
        )
        isi.update(baru)
    return isi
