"""The survey schemes stored in the database (``SkemaSKM``) as ``rumus.skm.Skema``, and which
one a unit uses (its ``PengaturanSKM.skema``, else the default one)."""

from __future__ import annotations

from rumus.skm import SKEMA_BAWAAN, Skema


def muat(SkemaSKM, UnsurSKM, skema: Skema, bawaan: bool = False) -> None:
    """Store one scheme (migration 0008 ships ``rumus.skm.SKEMA_BAWAAN``); models are passed so a
    migration can use its historical ones."""
    obj, _baru = SkemaSKM.objects.update_or_create(
        kode=skema.kode,
        defaults={
            "nama": skema.nama,
            "bawaan": bawaan,
            "batas_a": skema.batas[0],
            "batas_b": skema.batas[1],
            "batas_c": skema.batas[2],
        },
    )
    UnsurSKM.objects.filter(skema=obj).delete()
    UnsurSKM.objects.bulk_create([UnsurSKM(skema=obj, nomor=i, nama=n) for i, n in enumerate(skema.unsur, 1)])


def _skema(obj) -> Skema:
    return Skema(
        obj.kode,
        obj.nama,
        tuple(u.nama for u in sorted(obj.unsur.all(), key=lambda u: u.nomor)),
        (obj.batas_a, obj.batas_b, obj.batas_c),
    )


def semua_skema() -> list[Skema]:
    """Every stored scheme, the default first (two queries). A database whose shipped rows were
    flushed (a test) has none: then the regulation's schemes as migration 0008 ships them."""
    from .models import SkemaSKM

    return [_skema(o) for o in SkemaSKM.objects.prefetch_related("unsur")] or list(SKEMA_BAWAAN)


def skema_unit(instansi_ids) -> dict[int, Skema]:
    """The scheme of each unit (the default one for a unit that chose none); three queries."""
    from .models import PengaturanSKM

    semua = {s.kode: s for s in semua_skema()}
    bawaan = next(iter(semua.values()))
    pilihan = dict(
        PengaturanSKM.objects.filter(instansi_id__in=list(instansi_ids), skema__isnull=False).values_list(
            "instansi_id", "skema__kode"
        )
    )
    return {iid: semua[pilihan[iid]] if iid in pilihan else bawaan for iid in instansi_ids}
