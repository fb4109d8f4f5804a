"""Writes of the zona tertib monitoring: the unit's list of zones (created, renamed, ordered,
retired, deleted) and the monthly assessment of a zone (permission, value checks and the audit
trail inside)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from akun.izin import boleh
from audit.models import Aksi, catat
from dasar.galat import Ditolak
from dasar.teks import tolak_jika_panjang
from dasar.unggahan import cek_unggahan

from .models import PenilaianZona, Zona


def simpan_penilaian(
    *, user, zona: Zona, tahun: int, bulan: int, kategori: str, catatan: str = "", foto=None
) -> PenilaianZona:
    """Create or replace the assessment of ``zona`` for a month (1–12), with an optional JPG/PNG
    photo. Refusals raise ``Ditolak`` (nothing saved); a user who may not fill in the unit's data
    gets ``PermissionDenied``."""
    instansi = zona.instansi
    if not 1 <= bulan <= 12:
        raise Ditolak("Pilih bulan 1–12.")
    tolak_jika_panjang(PenilaianZona, catatan=catatan.strip())
    if kategori not in PenilaianZona.Kategori.values:
        raise Ditolak("Kategori harus Baik, Cukup, Kurang atau Tidak dinilai.")
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    if not zona.aktif_pada(tahun):
        raise Ditolak(
            _("Zona %(nama)s tidak aktif lagi sejak %(tahun)d: tidak dinilai.")
            % {"nama": zona.nama, "tahun": zona.tahun_nonaktif}
        )
    if foto is not None and cek_unggahan(foto) not in ("jpg", "png"):
        raise Ditolak(f"Foto {foto.name} harus JPG atau PNG.")
    with transaction.atomic():
        obj, created = PenilaianZona.objects.get_or_create(zona=zona, tahun=tahun, bulan=bulan)
        lama = None if created else obj.kategori
        obj.kategori, obj.catatan = kategori, catatan.strip()
        if foto is not None:
            obj.foto = foto
        obj.save()
        catat(user, obj, Aksi.BUAT if created else Aksi.UBAH, {"kategori": (lama, kategori)}, instansi)
    return obj


@transaction.atomic
def atur_zona(*, user, instansi, ubah: dict[int, dict], baru: list[dict]) -> None:
    """Save the unit's list of zones in one go (all or nothing), by its operator or the pemda's
    admin (``atur``).

    ``ubah`` maps a zone's id to its new ``nama``, ``urutan``, ``tahun_nonaktif`` (None: active)
    and ``hapus`` (delete it); ``baru`` lists new zones as ``kode``, ``nama``, ``urutan``. A zone
    with an assessment is never deleted (retire it instead). It is retired from this year or a
    later one, after its last assessment, and a retirement year already past is not changed: no
    past year's percentage changes. Every change is audited."""
    if not boleh(user, "atur", instansi):
        raise PermissionDenied
    zones = {z.id: z for z in Zona.objects.select_for_update().filter(instansi=instansi)}
    if set(ubah) - set(zones):
        raise Ditolak(_("Daftar zona sudah berubah: muat ulang halaman ini."))
    terakhir = dict(
        PenilaianZona.objects.filter(zona__in=list(zones.values()))
        .values("zona_id")
        .annotate(t=Max("tahun"))
        .values_list("zona_id", "t")
    )
    tahun_ini = timezone.localdate().year  # past years' percentages never change
    salah: list[str] = []
    for zid, isi in ubah.items():
        z = zones[zid]
        if isi.get("hapus"):
            if zid in terakhir:
                salah.append(
                    _("Zona %(nama)s sudah dinilai, tidak dapat dihapus: nonaktifkan saja.")
                    % {"nama": z.nama}
                )
            continue
        if not isi["nama"].strip():
            salah.append(_("Nama zona %(kode)s wajib diisi.") % {"kode": z.kode})
        t = isi.get("tahun_nonaktif")
        if t == z.tahun_nonaktif:
            continue
        if z.tahun_nonaktif is not None and z.tahun_nonaktif < tahun_ini:
            salah.append(
                _("Zona %(nama)s nonaktif sejak %(tahun)d: tahun itu tidak dapat diubah lagi.")
                % {"nama": z.nama, "tahun": z.tahun_nonaktif}
            )
        elif t is not None and t < tahun_ini:
            salah.append(
                _("Zona %(nama)s: tahun nonaktif paling awal %(tahun)d (angka tahun lalu tidak berubah).")
                % {"nama": z.nama, "tahun": tahun_ini}
            )
        elif t is not None and zid in terakhir and t <= terakhir[zid]:
            salah.append(
                _(
                    "Zona %(nama)s sudah dinilai pada tahun %(tahun)d: nonaktifkan mulai %(berikut)d atau sesudahnya."
                )
                % {"nama": z.nama, "tahun": terakhir[zid], "berikut": terakhir[zid] + 1}
            )
    dipakai = {z.kode for zid, z in zones.items() if not ubah.get(zid, {}).get("hapus")}
    for isi in baru:
        if isi["kode"] in dipakai:
            salah.append(_("Kode zona %(kode)s sudah dipakai di unit ini.") % {"kode": isi["kode"]})
        dipakai.add(isi["kode"])
        if not isi["nama"].strip():
            salah.append(_("Nama zona %(kode)s wajib diisi.") % {"kode": isi["kode"]})
    if salah:
        raise Ditolak(" ".join(salah))
    for isi in [*ubah.values(), *baru]:
        tolak_jika_panjang(Zona, kode=isi.get("kode", ""), nama=isi["nama"].strip())
    for zid, isi in ubah.items():
        z = zones[zid]
        if isi.get("hapus"):
            catat(user, z, Aksi.HAPUS, {"nama": (z.nama, None)}, instansi)
            z.delete()
            continue
        perubahan = {}
        for field in ("nama", "urutan", "tahun_nonaktif"):
            nilai = isi[field].strip() if field == "nama" else isi.get(field)
            if getattr(z, field) != nilai:
                perubahan[field] = (getattr(z, field), nilai)
                setattr(z, field, nilai)
        if perubahan:
            z.save(update_fields=list(perubahan))
            catat(user, z, Aksi.UBAH, perubahan, instansi)
    for isi in baru:
        z = Zona.objects.create(
            instansi=instansi, kode=isi["kode"], nama=isi["nama"].strip(), urutan=isi.get("urutan") or 0
        )
        catat(
            user,
            z,
            Aksi.BUAT,
            {"kode": (None, z.kode), "nama": (None, z.nama), "urutan": (None, z.urutan)},
            instansi,
        )
