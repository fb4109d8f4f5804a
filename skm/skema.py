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


def _semua() -> dict[int, tuple[Skema, bool]]:
    """{SkemaSKM id: (scheme, is the default)} in one query."""
    from .models import UnsurSKM

    unsur: dict[int, list] = {}
    for u in UnsurSKM.objects.select_related("skema").order_by("skema_id", "nomor"):
        unsur.setdefault(u.skema_id, []).append(u)
    out = {}
    for sid, daftar in unsur.items():
        s = daftar[0].skema
        out[sid] = (
            Skema(s.kode, s.nama, tuple(u.nama for u in daftar), (s.batas_a, s.batas_b, s.batas_c)),
            s.bawaan,
        )
    return out


def skema_unit(instansi_ids, pilihan: dict[int, int | None] | None = None) -> dict[int, Skema]:
    """The scheme of each unit (the default one for a unit that chose none); two queries, one
    when ``pilihan`` ({instansi id: PengaturanSKM.skema_id}) was read already, none more when no
    unit chose a scheme (every unit then has the default, PermenPANRB 14/2017, as migration 0008
    ships it: the dashboards' query counts do not grow)."""
    from .models import PengaturanSKM

    instansi_ids = list(instansi_ids)
    if pilihan is None:
        pilihan = dict(
            PengaturanSKM.objects.filter(instansi_id__in=instansi_ids).values_list("instansi_id", "skema_id")
        )
    if not any(pilihan.get(iid) for iid in instansi_ids):
        return dict.fromkeys(instansi_ids, SKEMA_BAWAAN[0])
    semua = _semua()  # a database a test flushed has none: then every unit has the default
    bawaan = next((s for s, b in semua.values() if b), SKEMA_BAWAAN[0])
    return {iid: semua[pilihan[iid]][0] if pilihan.get(iid) in semua else bawaan for iid in instansi_ids}
