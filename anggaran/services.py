"""Write service for budget realisasi per quarter, under its own quarterly workflow (the
``anggaran`` alur of ``pengukuran.PengajuanRealisasi``: submitted, verified and locked apart from
the performance realisasi of the same quarter)."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum

from audit.models import Aksi, catat
from dasar.galat import Ditolak
from jadwal.services import tolak_jika_tutup
from pengukuran.models import Alur
from pengukuran.services import cek_bisa_diisi
from rumus.format import format_rupiah

from .models import BarisAnggaran, RealisasiAnggaran


@transaction.atomic
def simpan(*, user, instansi, tahun: int, periode: str, nilai_per_baris: dict[int, Decimal]) -> int:
    """Save the quarter's realisasi of several lines at once; all or nothing. Returns lines changed."""
    cek_bisa_diisi(user=user, instansi=instansi, tahun=tahun, periode=periode, alur=Alur.ANGGARAN)
    tolak_jika_tutup(instansi=instansi, tahun=tahun, alur="anggaran", periode=periode)
    baris = {
        b.id: b
        for b in BarisAnggaran.objects.select_for_update(of=("self",))
        .select_related("sub_kegiatan", "subunit")
        .order_by("id")
        .filter(instansi=instansi, tahun=tahun, id__in=list(nilai_per_baris))
    }
    if len(baris) != len(nilai_per_baris):
        raise Ditolak("Baris anggaran tidak dikenal untuk unit dan tahun ini.")
    lain = dict(
        RealisasiAnggaran.objects.filter(baris_id__in=list(baris))
        .exclude(periode__in=[periode, "TAHUN"])
        .values("baris_id")
        .annotate(s=Sum("nilai"))
        .values_list("baris_id", "s")
    )
    errors = []
    for bid, nilai in nilai_per_baris.items():
        b = baris[bid]
        if nilai < 0:
            errors.append(f"{b.sub_kegiatan.nama}: realisasi tidak boleh negatif.")
        elif (lain.get(bid) or 0) + nilai > b.pagu:
            errors.append(
                f"{b.sub_kegiatan.nama}{' (' + b.subunit.nama + ')' if b.subunit_id else ''}: realisasi "
                f"s.d. {periode} {format_rupiah((lain.get(bid) or 0) + nilai)} melebihi pagu "
                f"{format_rupiah(b.pagu)}."
            )
    if errors:
        raise Ditolak(" ".join(errors))
    changed = 0
    for bid, nilai in nilai_per_baris.items():
        obj, created = RealisasiAnggaran.objects.get_or_create(
            baris_id=bid, periode=periode, defaults={"nilai": nilai}
        )
        if created or obj.nilai != nilai:
            lama = None if created else obj.nilai
            obj.nilai = nilai
            obj.save()
            catat(
                user,
                baris[bid],
                Aksi.UBAH,
                {periode: (lama, nilai)},
                instansi,
                keterangan="realisasi anggaran",
            )
            changed += 1
    return changed
