"""Write services for planning: build, edit, sign and revise the Perjanjian Kinerja."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from akun.izin import boleh
from audit.models import Aksi, catat
from dasar.galat import Ditolak
from dasar.teks import tolak_jika_panjang
from laporan.perjanjian import isi_beku_pk

from .models import Indikator, PerjanjianKinerja, PKIndikator, Renstra, Target

TAHUN_MIN, TAHUN_MAKS = 2000, 2100  # the years the application accepts (dasar.tahun)
RENSTRA_MAKS_TAHUN = 5  # a Renstra covers at most five years (the RPJMD period it follows)


def _cek_periode(instansi, tahun_awal: int, tahun_akhir: int) -> None:
    """Refuse a Renstra period outside 2000–2100, reversed, longer than five years or
    overlapping another Renstra of the unit; the refusal names the field."""
    bidang: dict[str, list[str]] = {}
    for nama, nilai in (("tahun_awal", tahun_awal), ("tahun_akhir", tahun_akhir)):
        if not TAHUN_MIN <= nilai <= TAHUN_MAKS:
            bidang[nama] = [
                _("Tahun harus antara %(min)d dan %(maks)d.") % {"min": TAHUN_MIN, "maks": TAHUN_MAKS}
            ]
    if bidang:
        raise Ditolak(bidang=bidang)
    if tahun_akhir < tahun_awal:
        raise Ditolak(bidang={"tahun_akhir": [_("Tahun akhir tidak boleh sebelum tahun awal.")]})
    if tahun_akhir - tahun_awal + 1 > RENSTRA_MAKS_TAHUN:
        raise Ditolak(
            bidang={
                "tahun_akhir": [
                    _("Renstra paling lama %(n)d tahun (mis. 2025–2029).") % {"n": RENSTRA_MAKS_TAHUN}
                ]
            }
        )
    lain = Renstra.objects.filter(
        instansi=instansi, tahun_awal__lte=tahun_akhir, tahun_akhir__gte=tahun_awal
    ).first()
    if lain is not None:
        raise Ditolak(
            bidang={
                "tahun_awal": [
                    _("Periode ini bertumpang tindih dengan %(nama)s (%(awal)d–%(akhir)d).")
                    % {"nama": lain.nama, "awal": lain.tahun_awal, "akhir": lain.tahun_akhir}
                ]
            }
        )


@transaction.atomic
def buat_renstra(*, user, instansi, tahun_awal: int, tahun_akhir: int, nama: str, rpjmd: str) -> Renstra:
    """A new Renstra period of the unit (its operator or the pemda's admin: ``atur``)."""
    if not boleh(user, "atur", instansi):
        raise PermissionDenied
    nama, rpjmd = nama.strip(), rpjmd.strip()
    if not nama:
        raise Ditolak(bidang={"nama": [_("Isi nama Renstra.")]})
    tolak_jika_panjang(Renstra, nama=nama, rpjmd=rpjmd)
    # lock the unit's row so two simultaneous saves cannot both pass the overlap check
    type(instansi).objects.select_for_update().filter(pk=instansi.pk).first()
    _cek_periode(instansi, tahun_awal, tahun_akhir)
    kode = dasar_kode = f"renstra-{tahun_awal}-{tahun_akhir}"
    n = 2
    while Renstra.objects.filter(instansi=instansi, kode=kode).exists():
        kode, n = f"{dasar_kode}-{n}", n + 1
    r = Renstra.objects.create(
        instansi=instansi, kode=kode, nama=nama, tahun_awal=tahun_awal, tahun_akhir=tahun_akhir, rpjmd=rpjmd
    )
    catat(
        user,
        r,
        Aksi.BUAT,
        {
            "nama": (None, nama),
            "tahun_awal": (None, tahun_awal),
            "tahun_akhir": (None, tahun_akhir),
            "rpjmd": (None, rpjmd),
        },
        instansi,
    )
    return r


@transaction.atomic
def buat_pk(*, user, instansi, tahun: int, pihak_pertama, pihak_kedua=None) -> PerjanjianKinerja:
    """A new PK (or the next versi) built from the year's Renstra targets of the IKU."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    terakhir = PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).order_by("-versi").first()
    if terakhir and not terakhir.ditandatangani:
        raise Ditolak(f"{terakhir} masih draf: ubah draf itu, jangan buat versi baru.")
    pk = PerjanjianKinerja.objects.create(
        instansi=instansi,
        tahun=tahun,
        versi=(terakhir.versi + 1) if terakhir else 1,
        pihak_pertama=pihak_pertama,
        pihak_kedua=pihak_kedua,
    )
    targets = {t.indikator_id: t for t in Target.objects.filter(indikator__instansi=instansi, tahun=tahun)}
    sumber = PKIndikator.objects.filter(pk_dokumen=terakhir).select_related("indikator") if terakhir else None
    if sumber:  # a revision starts from the signed version's indicators and targets
        rows = [(r.indikator, r.target, r.target_atas) for r in sumber]
    else:
        rows = [
            (i, targets[i.id].nilai, targets[i.id].nilai_atas)
            for i in Indikator.objects.filter(instansi=instansi, iku=True).order_by("kode")
            if i.id in targets
        ]
    for no, (ind, target, atas) in enumerate(rows, start=1):
        PKIndikator.objects.create(pk_dokumen=pk, indikator=ind, target=target, target_atas=atas, no=no)
    catat(user, pk, Aksi.BUAT, {"versi": (None, pk.versi)}, instansi)
    return pk


@transaction.atomic
def ubah_target(*, user, row: PKIndikator, target: Decimal) -> None:
    pk = row.pk_dokumen
    if not boleh(user, "isi", pk.instansi):
        raise PermissionDenied
    lama = row.target
    row.target = target
    row.save()  # a signed PK raises PKTerkunci, a Ditolak
    catat(user, row, Aksi.UBAH, {"target": (lama, target)}, pk.instansi)


@transaction.atomic
def tandatangani(*, user, pk: PerjanjianKinerja) -> None:
    if not boleh(user, "tandatangani", pk.instansi):
        raise PermissionDenied
    if pk.ditandatangani:
        raise Ditolak(f"{pk} sudah ditandatangani.")
    if not pk.indikator.exists():
        raise Ditolak("Perjanjian Kinerja belum memuat indikator.")
    pk.status = PerjanjianKinerja.Status.DITANDATANGANI
    pk.tanggal = pk.tanggal or timezone.localdate()
    pk.isi_beku, pk.sha256 = isi_beku_pk(pk)  # the document as signed; it renders from this only
    pk.save()
    catat(
        user,
        pk,
        Aksi.TANDATANGANI,
        {"status": ("draft", "ditandatangani"), "sha256": ("", pk.sha256)},
        pk.instansi,
    )


@transaction.atomic
def simpan_target(*, user, indikator: Indikator, tahun: int, nilai: Decimal) -> Target:
    """Set a Renstra target; the year must be inside a Renstra of the unit."""
    if not boleh(user, "isi", indikator.instansi):
        raise PermissionDenied
    if not indikator.instansi.renstra.filter(tahun_awal__lte=tahun, tahun_akhir__gte=tahun).exists():
        raise Ditolak(f"Tahun {tahun} di luar periode Renstra unit ini.")
    obj, created = Target.objects.get_or_create(indikator=indikator, tahun=tahun, defaults={"nilai": nilai})
    lama = None if created else obj.nilai
    if not created and obj.nilai != nilai:
        obj.nilai = nilai
        obj.save()
    if created or lama != nilai:
        catat(
            user,
            obj,
            Aksi.BUAT if created else Aksi.UBAH,
            {f"target {tahun}": (lama, nilai)},
            indikator.instansi,
        )
    return obj


@transaction.atomic
def simpan_objek(*, user, instansi, obj, aksi: Aksi = Aksi.UBAH):
    """Create or update a Tujuan/Sasaran/Indikator from a validated form instance, audited."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    baru = obj.pk is None
    lama = (
        {}
        if baru
        else {
            f.attname: getattr(type(obj).objects.get(pk=obj.pk), f.attname) for f in obj._meta.concrete_fields
        }
    )
    obj.save()
    perubahan = {
        k: (lama.get(k), getattr(obj, k))
        for k in [f.attname for f in obj._meta.concrete_fields]
        if lama.get(k) != getattr(obj, k)
    }
    catat(user, obj, Aksi.BUAT if baru else aksi, perubahan, instansi)
    return obj
