"""Write services for planning: build, edit, sign and revise the Perjanjian Kinerja."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from akun.izin import boleh
from audit.models import catat

from .models import Indikator, PerjanjianKinerja, PKIndikator, PKTerkunci, Target


class PKError(Exception):
    pass


@transaction.atomic
def buat_pk(user, instansi, tahun: int, pihak_pertama, pihak_kedua=None) -> PerjanjianKinerja:
    """A new PK (or the next versi) built from the year's Renstra targets of the IKU."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    terakhir = PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).order_by("-versi").first()
    if terakhir and not terakhir.ditandatangani:
        raise PKError(f"{terakhir} masih draf: ubah draf itu, jangan buat versi baru.")
    pk = PerjanjianKinerja.objects.create(instansi=instansi, tahun=tahun, versi=(terakhir.versi + 1) if terakhir else 1,
                                          pihak_pertama=pihak_pertama, pihak_kedua=pihak_kedua)
    targets = {t.indikator_id: t for t in Target.objects.filter(indikator__instansi=instansi, tahun=tahun)}
    sumber = (PKIndikator.objects.filter(pk_dokumen=terakhir).select_related("indikator") if terakhir else None)
    if sumber:  # a revision starts from the signed version's indicators and targets
        rows = [(r.indikator, r.target, r.target_atas) for r in sumber]
    else:
        rows = [(i, targets[i.id].nilai, targets[i.id].nilai_atas)
                for i in Indikator.objects.filter(instansi=instansi, iku=True).order_by("kode") if i.id in targets]
    for no, (ind, target, atas) in enumerate(rows, start=1):
        PKIndikator.objects.create(pk_dokumen=pk, indikator=ind, target=target, target_atas=atas, no=no)
    catat(user, pk, "buat", {"versi": (None, pk.versi)}, instansi)
    return pk


@transaction.atomic
def ubah_target(user, row: PKIndikator, target: Decimal) -> None:
    pk = row.pk_dokumen
    if not boleh(user, "isi", pk.instansi):
        raise PermissionDenied
    lama = row.target
    try:
        row.target = target
        row.save()
    except PKTerkunci as exc:
        raise PKError(str(exc)) from None
    catat(user, row, "ubah", {"target": (lama, target)}, pk.instansi)


@transaction.atomic
def tandatangani(user, pk: PerjanjianKinerja) -> None:
    if not boleh(user, "tandatangani", pk.instansi):
        raise PermissionDenied
    if pk.ditandatangani:
        raise PKError(f"{pk} sudah ditandatangani.")
    if not pk.indikator.exists():
        raise PKError("Perjanjian Kinerja belum memuat indikator.")
    pk.status = PerjanjianKinerja.Status.DITANDATANGANI
    pk.tanggal = pk.tanggal or timezone.localdate()
    pk.save()
    catat(user, pk, "tandatangani", {"status": ("draft", "ditandatangani")}, pk.instansi)
