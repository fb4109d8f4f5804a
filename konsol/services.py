"""Writes of the pemda console: the pemda's profile, its units and sub-units, signing officials,
user accounts, their one-time password links and their roles.

Every function takes keyword arguments only, checks that ``user`` is the admin of the pemda
(``akun.izin``), checks the state, writes in one transaction and records every change in the
audit trail (``audit.models.catat``). Nothing with history is deleted: units, sub-units,
officials and accounts are deactivated (kept, offered in no picker) and can be activated again.
A refused write raises ``dasar.galat.Ditolak`` naming the fields (nothing saved); a user who is
not the pemda's admin gets ``PermissionDenied``.
"""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from akun import izin
from akun.models import Peran, Profil
from audit.models import Aksi, catat
from dasar.galat import Ditolak
from dasar.tahun import sah as tahun_sah
from dasar.teks import terlalu_panjang
from dasar.unggahan import cek_unggahan
from organisasi.models import Instansi, Pejabat, Pemda, SubUnit, normalise_nip, validate_nip

KODE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAMA_PENGGUNA = re.compile(r"^[A-Za-z0-9.@+_-]{3,150}$")
JENIS_LOGO = {"png", "jpg"}


def _boleh(user, pemda_id: int) -> None:
    if not izin.boleh_pemda(user, "kelola", pemda_id):
        raise PermissionDenied


def _tolak(galat: dict[str, list[str]]) -> None:
    if galat:
        raise Ditolak(bidang=galat)


def _panjang(model, galat: dict, **nilai) -> None:
    """Texts longer than their column: one message per field."""
    for f, v in nilai.items():
        if terlalu_panjang({f: v}, model):
            galat.setdefault(f, []).append(
                f"Paling banyak {model._meta.get_field(f).max_length} karakter (sekarang {len(v)})."
            )


def _wajib(galat: dict, **nilai) -> None:
    for f, v in nilai.items():
        if not (v or "").strip():
            galat.setdefault(f, []).append("Wajib diisi.")


def _terapkan(obj, nilai: dict) -> dict:
    """Set ``nilai`` on ``obj``; return field -> (old, new) for the values that changed."""
    perubahan = {}
    for f, v in nilai.items():
        lama = getattr(obj, f)
        if lama != v:
            perubahan[f] = (lama, v)
            setattr(obj, f, v)
    return perubahan


def _kode(galat: dict, bidang: str, kode: str) -> None:
    if not KODE.match(kode or ""):
        galat.setdefault(bidang, []).append(
            "Huruf kecil, angka dan tanda hubung (-) saja, tanpa spasi, contoh: kec-bekasi-timur."
        )


# --- the pemda's profile ---------------------------------------------------------------------


@transaction.atomic
def ubah_pemda(
    *,
    user,
    pemda: Pemda,
    nama: str,
    tahun_berjalan: int | None,
    wajib_otp: bool | None = None,
    periode_rencana_aksi: str | None = None,
    logo=None,
    hapus_logo: bool = False,
) -> Pemda:
    """The pemda's name, its tahun berjalan (the year selector's default), whether its admins,
    evaluators and pimpinan must give a TOTP code (``wajib_otp``; None: unchanged) and the logo
    printed on its documents (PNG or JPG, judged by content by ``dasar.unggahan.cek_unggahan``).
    ``periode_rencana_aksi`` ("triwulan" or "bulan"; None: unchanged) is the period of its units'
    Rencana Aksi targets."""
    _boleh(user, pemda.id)
    nama = (nama or "").strip()
    galat: dict[str, list[str]] = {}
    _wajib(galat, nama=nama)
    _panjang(Pemda, galat, nama=nama)
    if tahun_berjalan is not None and not tahun_sah(tahun_berjalan):
        galat.setdefault("tahun_berjalan", []).append("Tahun 2000–2100, contoh: 2025.")
    if periode_rencana_aksi is not None and periode_rencana_aksi not in Pemda.PeriodeRencanaAksi.values:
        galat.setdefault("periode_rencana_aksi", []).append("Pilih per triwulan atau per bulan.")
    jenis = None
    if logo is not None:
        try:
            jenis = cek_unggahan(logo)
        except Ditolak as exc:
            galat.setdefault("logo", []).append(str(exc))
        else:
            if jenis not in JENIS_LOGO:
                galat.setdefault("logo", []).append(f"Logo harus gambar PNG atau JPG, bukan {jenis.upper()}.")
    _tolak(galat)
    pemda = Pemda.objects.select_for_update().get(pk=pemda.pk)
    nilai = {"nama": nama, "tahun_berjalan": tahun_berjalan}
    if wajib_otp is not None:
        nilai["wajib_otp"] = wajib_otp
    if periode_rencana_aksi is not None:
        nilai["periode_rencana_aksi"] = periode_rencana_aksi
    perubahan = _terapkan(pemda, nilai)
    lama_logo = pemda.logo.name if pemda.logo else ""
    if logo is not None:
        pemda.logo.save(f"{pemda.kode}.{jenis}", logo, save=False)
        perubahan["logo"] = (lama_logo, pemda.logo.name)
    elif hapus_logo and lama_logo:
        pemda.logo = ""
        perubahan["logo"] = (lama_logo, "")
    if perubahan:
        pemda.save()
        catat(user, pemda, Aksi.UBAH, perubahan, pemda_id=pemda.id)
    return pemda


# --- units and sub-units ------------------------------------------------------------------------


def _cek_instansi(galat, *, nama, jenis, alamat, kota):
    _wajib(galat, nama=nama)
    _panjang(Instansi, galat, nama=nama, alamat=alamat, kota=kota)
    if jenis not in Instansi.Jenis.values:
        galat.setdefault("jenis", []).append("Pilih jenis unit dari daftar.")


@transaction.atomic
def buat_instansi(
    *, user, pemda: Pemda, nama: str, jenis: str, slug: str, alamat: str = "", kota: str = ""
) -> Instansi:
    """A new unit of the pemda. ``slug`` is its stable address in the application and its key in
    the workbook: unique among every unit, never changed afterwards."""
    _boleh(user, pemda.id)
    nama, alamat, kota, slug = nama.strip(), alamat.strip(), kota.strip(), (slug or "").strip()
    galat: dict[str, list[str]] = {}
    _cek_instansi(galat, nama=nama, jenis=jenis, alamat=alamat, kota=kota)
    _kode(galat, "slug", slug)
    _panjang(Instansi, galat, slug=slug)
    if "slug" not in galat and Instansi.objects.filter(slug=slug).exists():
        galat["slug"] = [f"Alamat '{slug}' sudah dipakai unit lain: pilih yang lain."]
    _tolak(galat)
    obj = Instansi.objects.create(pemda=pemda, nama=nama, jenis=jenis, slug=slug, alamat=alamat, kota=kota)
    catat(
        user,
        obj,
        Aksi.BUAT,
        {
            "nama": ("", nama),
            "jenis": ("", jenis),
            "slug": ("", slug),
            "alamat": ("", alamat),
            "kota": ("", kota),
        },
        obj,
    )
    return obj


@transaction.atomic
def ubah_instansi(
    *, user, instansi: Instansi, nama: str, jenis: str, alamat: str = "", kota: str = ""
) -> Instansi:
    """Rename a unit, change its kind, address or signing place (its slug stays)."""
    _boleh(user, instansi.pemda_id)
    nama, alamat, kota = nama.strip(), alamat.strip(), kota.strip()
    galat: dict[str, list[str]] = {}
    _cek_instansi(galat, nama=nama, jenis=jenis, alamat=alamat, kota=kota)
    _tolak(galat)
    obj = Instansi.objects.select_for_update().get(pk=instansi.pk)
    perubahan = _terapkan(obj, {"nama": nama, "jenis": jenis, "alamat": alamat, "kota": kota})
    if perubahan:
        obj.save()
        catat(user, obj, Aksi.UBAH, perubahan, obj)
    return obj


@transaction.atomic
def ubah_status_instansi(*, user, instansi: Instansi, aktif: bool) -> Instansi:
    """Deactivate a unit (its data and roles are kept, it is offered in no picker) or activate it
    again. A unit is never deleted: its Renstra, realisasi and documents stay."""
    _boleh(user, instansi.pemda_id)
    obj = Instansi.objects.select_for_update().get(pk=instansi.pk)
    perubahan = _terapkan(obj, {"aktif": aktif})
    if perubahan:
        obj.save(update_fields=["aktif"])
        catat(user, obj, Aksi.UBAH, perubahan, obj)
    return obj


def _cek_induk(galat, instansi, induk, subunit=None):
    if induk is None:
        return
    if induk.instansi_id != instansi.id:
        galat.setdefault("induk", []).append("Induk harus sub-unit unit ini.")
        return
    n = induk
    while n is not None:  # no cycle: the parent is not this sub-unit nor below it
        if subunit is not None and n.pk == subunit.pk:
            galat.setdefault("induk", []).append("Sub-unit tidak dapat menjadi induk dirinya sendiri.")
            return
        n = n.induk


@transaction.atomic
def buat_subunit(
    *, user, instansi: Instansi, kode: str, nama: str, jenis: str, induk: SubUnit | None = None
) -> SubUnit:
    """A new sub-unit (kelurahan, section …) of the unit; ``kode`` unique within the unit."""
    _boleh(user, instansi.pemda_id)
    kode, nama = (kode or "").strip(), nama.strip()
    galat: dict[str, list[str]] = {}
    _kode(galat, "kode", kode)
    _wajib(galat, nama=nama)
    _panjang(SubUnit, galat, kode=kode, nama=nama)
    if jenis not in SubUnit.Jenis.values:
        galat.setdefault("jenis", []).append("Pilih jenis sub-unit dari daftar.")
    if "kode" not in galat and SubUnit.objects.filter(instansi=instansi, kode=kode).exists():
        galat["kode"] = [f"Kode '{kode}' sudah dipakai sub-unit lain di unit ini."]
    _cek_induk(galat, instansi, induk)
    _tolak(galat)
    obj = SubUnit.objects.create(instansi=instansi, kode=kode, nama=nama, jenis=jenis, induk=induk)
    catat(
        user,
        obj,
        Aksi.BUAT,
        {"kode": ("", kode), "nama": ("", nama), "jenis": ("", jenis), "induk": ("", induk or "")},
        instansi,
    )
    return obj


@transaction.atomic
def ubah_subunit(*, user, subunit: SubUnit, nama: str, jenis: str, induk: SubUnit | None = None) -> SubUnit:
    """Rename a sub-unit, change its kind or its parent (its kode stays: budget lines name it)."""
    instansi = subunit.instansi
    _boleh(user, instansi.pemda_id)
    nama = nama.strip()
    galat: dict[str, list[str]] = {}
    _wajib(galat, nama=nama)
    _panjang(SubUnit, galat, nama=nama)
    if jenis not in SubUnit.Jenis.values:
        galat.setdefault("jenis", []).append("Pilih jenis sub-unit dari daftar.")
    _cek_induk(galat, instansi, induk, subunit)
    _tolak(galat)
    obj = SubUnit.objects.select_for_update().get(pk=subunit.pk)
    perubahan = _terapkan(obj, {"nama": nama, "jenis": jenis, "induk": induk})
    if perubahan:
        obj.save()
        catat(user, obj, Aksi.UBAH, perubahan, instansi)
    return obj


@transaction.atomic
def ubah_status_subunit(*, user, subunit: SubUnit, aktif: bool) -> SubUnit:
    """Deactivate a sub-unit (kept with its budget lines, offered in no picker) or activate it."""
    _boleh(user, subunit.instansi.pemda_id)
    obj = SubUnit.objects.select_for_update().get(pk=subunit.pk)
    perubahan = _terapkan(obj, {"aktif": aktif})
    if perubahan:
        obj.save(update_fields=["aktif"])
        catat(user, obj, Aksi.UBAH, perubahan, subunit.instansi)
    return obj


# --- signing officials -------------------------------------------------------------------------


def _cek_pejabat(galat, *, nama, jabatan, pangkat_golongan, nip) -> str:
    _wajib(galat, nama=nama, jabatan=jabatan)
    _panjang(Pejabat, galat, nama=nama, jabatan=jabatan, pangkat_golongan=pangkat_golongan)
    nip = normalise_nip(nip)
    try:
        validate_nip(nip)
    except ValidationError:
        galat.setdefault("nip", []).append(
            "NIP harus 18 digit angka (spasi boleh), contoh: 19760913 199701 1 001."
        )
    return nip


@transaction.atomic
def buat_pejabat(
    *,
    user,
    pemda: Pemda,
    instansi: Instansi | None,
    kode: str,
    nama: str,
    jabatan: str,
    pangkat_golongan: str = "",
    nip: str = "",
) -> Pejabat:
    """A signing official of a unit (``instansi``) or of the pemda itself (None: the Wali Kota,
    the Sekda). ``kode`` is unique within the unit (two kecamatan may each have a ``camat``), or
    among the pemda's own officials."""
    _boleh(user, pemda.id)
    if instansi is not None and instansi.pemda_id != pemda.id:
        raise PermissionDenied
    kode, nama, jabatan, pangkat_golongan = (
        (kode or "").strip(),
        nama.strip(),
        jabatan.strip(),
        pangkat_golongan.strip(),
    )
    galat: dict[str, list[str]] = {}
    _kode(galat, "kode", kode)
    _panjang(Pejabat, galat, kode=kode)
    nip = _cek_pejabat(galat, nama=nama, jabatan=jabatan, pangkat_golongan=pangkat_golongan, nip=nip)
    if "kode" not in galat:
        ada = Pejabat.objects.filter(kode=kode, instansi=instansi)
        if instansi is None:
            ada = ada.filter(pemda=pemda)
        if ada.exists():
            tempat = instansi.nama if instansi is not None else pemda.nama
            galat["kode"] = [f"Kode '{kode}' sudah dipakai pejabat lain di {tempat}."]
    _tolak(galat)
    obj = Pejabat.objects.create(
        pemda=pemda,
        instansi=instansi,
        kode=kode,
        nama=nama,
        jabatan=jabatan,
        pangkat_golongan=pangkat_golongan,
        nip=nip,
    )
    catat(
        user,
        obj,
        Aksi.BUAT,
        {
            "kode": ("", kode),
            "nama": ("", nama),
            "jabatan": ("", jabatan),
            "pangkat_golongan": ("", pangkat_golongan),
            "nip": ("", nip),
        },
        instansi,
        pemda_id=pemda.id,
    )
    return obj


@transaction.atomic
def ubah_pejabat(
    *, user, pejabat: Pejabat, nama: str, jabatan: str, pangkat_golongan: str = "", nip: str = ""
) -> Pejabat:
    """An official's name, position, rank and NIP (its kode stays: PK and workbook name it).
    A signed PK keeps its frozen content, so a change here never alters a signed document."""
    _boleh(user, pejabat.pemda_id)
    nama, jabatan, pangkat_golongan = nama.strip(), jabatan.strip(), pangkat_golongan.strip()
    galat: dict[str, list[str]] = {}
    nip = _cek_pejabat(galat, nama=nama, jabatan=jabatan, pangkat_golongan=pangkat_golongan, nip=nip)
    _tolak(galat)
    obj = Pejabat.objects.select_for_update().get(pk=pejabat.pk)
    perubahan = _terapkan(
        obj, {"nama": nama, "jabatan": jabatan, "pangkat_golongan": pangkat_golongan, "nip": nip}
    )
    if perubahan:
        obj.save()
        catat(user, obj, Aksi.UBAH, perubahan, obj.instansi, pemda_id=obj.pemda_id)
    return obj


@transaction.atomic
def ubah_status_pejabat(*, user, pejabat: Pejabat, aktif: bool) -> Pejabat:
    """Deactivate an official (kept: signed PKs name it) or activate it again."""
    _boleh(user, pejabat.pemda_id)
    obj = Pejabat.objects.select_for_update().get(pk=pejabat.pk)
    perubahan = _terapkan(obj, {"aktif": aktif})
    if perubahan:
        obj.save(update_fields=["aktif"])
        catat(user, obj, Aksi.UBAH, perubahan, obj.instansi, pemda_id=obj.pemda_id)
    return obj


# --- accounts and roles --------------------------------------------------------------------------


def _pengguna(user, pemda: Pemda, pengguna):
    """``pengguna`` when ``user`` manages it in ``pemda``'s console, else PermissionDenied."""
    _boleh(user, pemda.id)
    if not izin.pengguna_kelolaan(user, pemda).filter(pk=pengguna.pk).exists():
        raise PermissionDenied
    return pengguna


def _cek_data_pengguna(galat, *, first_name, last_name, email):
    User = get_user_model()
    _wajib(galat, first_name=first_name)
    _panjang(User, galat, first_name=first_name, last_name=last_name, email=email)
    if email:
        from django.core.validators import validate_email

        try:
            validate_email(email)
        except ValidationError:
            galat.setdefault("email", []).append("Alamat e-mail tidak sah, contoh: budi@bekasikota.go.id.")


@transaction.atomic
def buat_pengguna(
    *, user, pemda: Pemda, username: str, first_name: str, last_name: str = "", email: str = ""
):
    """A new account of the pemda, without a password: its owner sets one through the one-time
    link (``tautan_sandi``). Never staff or superuser; its roles are given with ``beri_peran``."""
    _boleh(user, pemda.id)
    User = get_user_model()
    username, first_name, last_name, email = (
        (username or "").strip(),
        first_name.strip(),
        last_name.strip(),
        email.strip(),
    )
    galat: dict[str, list[str]] = {}
    if not NAMA_PENGGUNA.match(username):
        galat["username"] = ["3–150 huruf, angka atau tanda . @ + - _ tanpa spasi, contoh: op-bekasi-timur."]
    elif User.objects.filter(username__iexact=username).exists():
        galat["username"] = [f"Nama pengguna '{username}' sudah dipakai: pilih yang lain."]
    _cek_data_pengguna(galat, first_name=first_name, last_name=last_name, email=email)
    _tolak(galat)
    baru = User(username=username, first_name=first_name, last_name=last_name, email=email)
    baru.set_unusable_password()
    baru.save()
    Profil.objects.create(user=baru, pemda=pemda)
    catat(
        user,
        baru,
        Aksi.BUAT,
        {
            "username": ("", username),
            "first_name": ("", first_name),
            "last_name": ("", last_name),
            "email": ("", email),
        },
        pemda_id=pemda.id,
    )
    return baru


@transaction.atomic
def ubah_pengguna(*, user, pemda: Pemda, pengguna, first_name: str, last_name: str = "", email: str = ""):
    """An account's name and e-mail (the login name stays)."""
    _pengguna(user, pemda, pengguna)
    first_name, last_name, email = first_name.strip(), last_name.strip(), email.strip()
    galat: dict[str, list[str]] = {}
    _cek_data_pengguna(galat, first_name=first_name, last_name=last_name, email=email)
    _tolak(galat)
    obj = get_user_model().objects.select_for_update().get(pk=pengguna.pk)
    perubahan = _terapkan(obj, {"first_name": first_name, "last_name": last_name, "email": email})
    if perubahan:
        obj.save(update_fields=list(perubahan))
        catat(user, obj, Aksi.UBAH, perubahan, pemda_id=pemda.id)
    return obj


@transaction.atomic
def ubah_status_pengguna(*, user, pemda: Pemda, pengguna, aktif: bool):
    """Deactivate an account (it can no longer log in; its roles, history and audit rows stay)
    or activate it again. An admin cannot deactivate itself."""
    _pengguna(user, pemda, pengguna)
    if pengguna.pk == user.pk and not aktif:
        raise Ditolak("Anda tidak dapat menonaktifkan akun Anda sendiri.")
    obj = get_user_model().objects.select_for_update().get(pk=pengguna.pk)
    perubahan = _terapkan(obj, {"is_active": aktif})
    if perubahan:
        obj.save(update_fields=["is_active"])
        catat(user, obj, Aksi.UBAH, perubahan, pemda_id=pemda.id)
    return obj


@transaction.atomic
def tautan_sandi(*, user, pemda: Pemda, pengguna, kirim_ke_situs: str | None = None) -> str:
    """The path of a one-time link with which ``pengguna`` sets its own password (the password
    reset page ``akun:sandi_baru``: valid once — setting a password makes it void — and for
    ``PASSWORD_RESET_TIMEOUT`` seconds). Audited; the link itself is not stored anywhere.

    ``kirim_ke_situs`` (the site's address, e.g. ``https://sakip.bekasikota.go.id``): also send
    the link to the account's e-mail address (the invitation)."""
    from django.conf import settings
    from django.core.mail import send_mail
    from django.template.loader import render_to_string

    _pengguna(user, pemda, pengguna)
    if pengguna.pk == user.pk:
        raise Ditolak("Ganti kata sandi Anda sendiri lewat menu akun.")
    if not pengguna.is_active:
        raise Ditolak("Akun ini nonaktif: aktifkan dulu.")
    if kirim_ke_situs is not None and not pengguna.email:
        raise Ditolak("Akun ini belum punya alamat e-mail: isi dulu di data akun, atau salin tautannya.")
    jalur = reverse(
        "akun:sandi_baru",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(pengguna.pk)),
            "token": default_token_generator.make_token(pengguna),
        },
    )
    keterangan = "tautan sandi"
    if kirim_ke_situs is not None:
        isi = {
            "pengguna": pengguna,
            "pemda": pemda,
            "tautan": kirim_ke_situs.rstrip("/") + jalur,
            "menit": settings.PASSWORD_RESET_TIMEOUT // 60,
        }
        send_mail(
            render_to_string("konsol/email_tautan_subjek.txt", isi).strip(),
            render_to_string("konsol/email_tautan.txt", isi),
            None,
            [pengguna.email],
        )
        keterangan = "tautan sandi (e-mail)"
    catat(user, pengguna, Aksi.BUAT, pemda_id=pemda.id, keterangan=keterangan)
    return jalur


@transaction.atomic
def beri_peran(*, user, pemda: Pemda, pengguna, jenis: str, instansi: Instansi | None = None) -> Peran:
    """Give ``pengguna`` role ``jenis`` at ``instansi`` (one unit of the pemda) or, when None,
    for the whole pemda; what may be held where is ``akun.izin.LINGKUP_PERAN``. Never a role of
    another pemda, never staff or superuser."""
    _pengguna(user, pemda, pengguna)
    alasan = izin.alasan_tolak_peran(user, pemda, jenis, instansi)
    if alasan:
        raise Ditolak(bidang={"instansi" if "unit" in alasan.lower() else "jenis": [alasan]})
    if instansi is not None and not instansi.aktif:
        raise Ditolak(bidang={"instansi": [f"{instansi.nama} nonaktif: aktifkan dulu unitnya."]})
    lingkup = {"instansi": instansi, "pemda": None if instansi is not None else pemda}
    if Peran.objects.filter(user=pengguna, jenis=jenis, **lingkup).exists():
        raise Ditolak(bidang={"jenis": ["Pengguna ini sudah memegang peran itu di sana."]})
    obj = Peran.objects.create(user=pengguna, jenis=jenis, **lingkup)
    tempat = instansi.nama if instansi is not None else pemda.nama
    catat(
        user,
        obj,
        Aksi.BUAT,
        {"user": ("", pengguna.username), "jenis": ("", jenis), "lingkup": ("", tempat)},
        instansi,
        pemda_id=pemda.id,
    )
    return obj


@transaction.atomic
def cabut_peran(*, user, pemda: Pemda, peran: Peran) -> None:
    """Take a role away (the role has no history of its own; the audit row keeps who held what).
    An admin cannot take away its own admin_pemda role."""
    _pengguna(user, pemda, peran.user)
    if izin.pemda_baris(peran) != pemda.id:
        raise PermissionDenied
    if peran.user_id == user.pk and peran.jenis == "admin_pemda":
        raise Ditolak("Anda tidak dapat mencabut peran admin pemda Anda sendiri.")
    tempat = peran.instansi.nama if peran.instansi_id else pemda.nama
    catat(
        user,
        peran,
        Aksi.HAPUS,
        {"user": (peran.user.username, ""), "jenis": (peran.jenis, ""), "lingkup": (tempat, "")},
        peran.instansi,
        pemda_id=pemda.id,
    )
    peran.delete()


@transaction.atomic
def hapus_otp(*, user, pemda: Pemda, pengguna) -> int:
    """Remove ``pengguna``'s authenticator apps (a lost phone): it enrols a new one at its next
    login. Returns how many were removed."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    _pengguna(user, pemda, pengguna)
    perangkat = list(TOTPDevice.objects.filter(user=pengguna))
    for p in perangkat:
        catat(
            user,
            p,
            Aksi.HAPUS,
            {"user": (pengguna.username, "")},
            pemda_id=pemda.id,
            keterangan="aplikasi autentikator",
        )
        p.delete()
    return len(perangkat)


# --- staff counts (Tabel 1.1 of the LKIP) ---------------------------------------------------------


@transaction.atomic
def simpan_pegawai(*, user, instansi: Instansi, tahun: int, ubah: dict[int, dict], baru: list[dict]) -> None:
    """Save a unit's staff counts of a year in one go (all or nothing): ``ubah`` maps a row's id
    to its ``kategori``, its counts per education level (``organisasi.models.PENDIDIKAN``) and
    ``hapus``; ``baru`` lists new rows. Each category once per year; counts are whole numbers
    of at least 0. Every change audited."""
    from organisasi.models import PENDIDIKAN, Pegawai

    _boleh(user, instansi.pemda_id)
    if not tahun_sah(tahun):
        raise Ditolak("Tahun 2000–2100.")
    rows = {p.id: p for p in Pegawai.objects.select_for_update().filter(instansi=instansi, tahun=tahun)}
    if set(ubah) - set(rows):
        raise Ditolak("Daftar pegawai sudah berubah: muat ulang halaman ini.")
    salah: list[str] = []
    dipakai: set[str] = set()

    def cek(isi):
        kategori = (isi.get("kategori") or "").strip()
        if not kategori:
            salah.append("Kategori wajib diisi.")
        elif terlalu_panjang({"kategori": kategori}, Pegawai):
            salah.append(f"Kategori {kategori[:40]}…: paling banyak 100 karakter.")
        elif kategori.lower() in dipakai:
            salah.append(f"Kategori '{kategori}' tertulis dua kali.")
        dipakai.add(kategori.lower())
        for f in PENDIDIKAN:
            v = isi.get(f)
            if not isinstance(v, int) or v < 0:
                salah.append(f"{kategori or '?'} {f.upper()}: bilangan bulat 0 atau lebih.")
        return kategori

    for isi in ubah.values():
        if not isi.get("hapus"):
            isi["kategori"] = cek(isi)
    for isi in baru:
        isi["kategori"] = cek(isi)
    if salah:
        raise Ditolak(" ".join(salah))
    for pid, isi in ubah.items():
        p = rows[pid]
        if isi.get("hapus"):
            catat(user, p, Aksi.HAPUS, {"kategori": (p.kategori, "")}, instansi)
            p.delete()
            continue
        perubahan = _terapkan(p, {f: isi[f] for f in ("kategori", *PENDIDIKAN)})
        if perubahan:
            p.save()
            catat(user, p, Aksi.UBAH, perubahan, instansi)
    for isi in baru:
        p = Pegawai.objects.create(
            instansi=instansi, tahun=tahun, **{f: isi[f] for f in ("kategori", *PENDIDIKAN)}
        )
        catat(user, p, Aksi.BUAT, {f: ("", isi[f]) for f in ("kategori", *PENDIDIKAN)}, instansi)
