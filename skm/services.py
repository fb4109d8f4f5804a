"""Survey setup of a unit: period type, population, combining method, question wording.

The regulation's wording (PermenPANRB 14/2017, Lampiran) is the default; a unit may
reword a question and its four answer labels, but answer 1 always means the worst and 4
the best (the IKM formulas depend on it). Writes go through ``simpan_pengaturan`` (permission
check and audit trail).
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import ipaddress
import re
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import Case, F, Value, When
from django.utils import timezone

from akun.izin import boleh_atur_skm
from audit.models import Aksi, catat
from dasar.galat import Ditolak
from organisasi.models import Layanan
from rumus.skm import periode_untuk

from .models import BatasKiriman, ImporResponden, PengaturanSKM, PerangkatKios, PertanyaanSKM, Responden
from .selectors import LABEL_BAKU, PERTANYAAN_BAKU, pengaturan_unit

MAKS_LABEL = 80
MAKS_PERTANYAAN = 500


def simpan_pengaturan(
    *,
    user,
    instansi,
    jenis_periode: str,
    metode: str,
    populasi_per_periode: int | None,
    pertanyaan: list[tuple[str, list[str]]],
    skema: str | None = None,
) -> PengaturanSKM:
    """Save the unit's survey setup (all or nothing) and record every change in the audit trail.

    ``pertanyaan``: 9 items (question, [4 labels]); an item equal to the regulation's wording
    removes the unit's own wording. ``skema``: the kode of the survey scheme (``SkemaSKM``; ""
    the default one; None leaves it as it is). Raises PermissionDenied or Ditolak (messages
    per field)."""
    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    galat: dict[str, list[str]] = {}
    if jenis_periode not in PengaturanSKM.JenisPeriode.values:
        galat["jenis_periode"] = ["Jenis periode tidak dikenal."]
    if metode not in PengaturanSKM.Metode.values:
        galat["metode"] = ["Metode tidak dikenal."]
    if populasi_per_periode is not None and not 0 <= populasi_per_periode <= 10_000_000:
        galat["populasi_per_periode"] = ["Populasi harus bilangan bulat 0 sampai 10.000.000."]
    skema_obj = None
    if skema:
        from .models import SkemaSKM

        skema_obj = SkemaSKM.objects.filter(kode=skema).first()
        if skema_obj is None:
            galat["skema"] = ["Skema survei tidak dikenal."]
    if len(pertanyaan) != 9:
        galat["pertanyaan"] = ["Harus ada 9 pertanyaan."]
    bersih = []
    for i, (teks, label) in enumerate(pertanyaan, 1):
        teks = (teks or "").strip()
        label = [(x or "").strip() for x in label]
        if not teks or len(teks) > MAKS_PERTANYAAN:
            galat.setdefault(f"u{i}", []).append(
                f"Pertanyaan U{i} wajib diisi (paling banyak {MAKS_PERTANYAAN} huruf)."
            )
        if len(label) != 4 or any(not x or len(x) > MAKS_LABEL for x in label):
            galat.setdefault(f"u{i}", []).append(
                f"U{i}: keempat label jawaban wajib diisi (paling banyak {MAKS_LABEL} huruf)."
            )
        bersih.append((teks, label))
    if galat:
        raise Ditolak(bidang=galat)
    with transaction.atomic():
        obj, baru = PengaturanSKM.objects.select_for_update().get_or_create(instansi=instansi)
        ubah = {
            f: (None if baru else getattr(obj, f), v)
            for f, v in (
                ("jenis_periode", jenis_periode),
                ("metode", metode),
                ("populasi_per_periode", populasi_per_periode),
                *((("skema", skema_obj),) if skema is not None else ()),
            )
            if baru or getattr(obj, f) != v
        }
        for f, (_lama, v) in ubah.items():
            setattr(obj, f, v)
        if ubah:
            obj.save()
            catat(user, obj, Aksi.BUAT if baru else Aksi.UBAH, ubah, instansi)
        ada = {p.unsur: p for p in PertanyaanSKM.objects.select_for_update().filter(instansi=instansi)}
        for i, (teks, label) in enumerate(bersih, 1):
            p = ada.get(i)
            lama = (p.pertanyaan, p.label) if p else (PERTANYAAN_BAKU[i - 1], list(LABEL_BAKU[i - 1]))
            if (teks, label) == lama:
                continue
            perubahan = {f"u{i}.pertanyaan": (lama[0], teks)} if teks != lama[0] else {}
            perubahan.update(
                {
                    f"u{i}.label{k}": (lama[1][k - 1], label[k - 1])
                    for k in range(1, 5)
                    if label[k - 1] != lama[1][k - 1]
                }
            )
            if (teks, label) == (PERTANYAAN_BAKU[i - 1], list(LABEL_BAKU[i - 1])):
                catat(user, p, Aksi.HAPUS, perubahan, instansi, keterangan="rumusan unit (kembali ke baku)")
                p.delete()
                continue
            if p is None:
                p = PertanyaanSKM(instansi=instansi, unsur=i)
            p.pertanyaan = teks
            p.label1, p.label2, p.label3, p.label4 = label
            p.save()
            catat(user, p, Aksi.UBAH, perubahan, instansi)
    return obj


MAKS_UNGGAH = 10 * 1024 * 1024
# an upload above this size is imported by the task queue's worker (skm.tugas.antrikan_impor_responden)
BATAS_LANGSUNG_BYTES = 1024 * 1024
MAKS_BARIS_UNGGAH = 20_000  # rows of one upload: read and saved within a web request (docs/workbook.md)


class _BatalImpor(Exception):
    pass


def _batch_lama(instansi, ganti, konfirmasi):
    """(the batch to replace or None, problems): the replacement needs the confirmed count."""
    if ganti in (None, ""):
        return None, []
    lama = ImporResponden.objects.filter(instansi=instansi, pk=_angka(ganti)).first()
    if lama is None:
        return None, ["Batch yang akan diganti tidak ada (mungkin sudah diganti atau dihapus)."]
    n_lama = lama.responden.count()
    if str(konfirmasi or "") != str(n_lama):
        return None, [
            f"Mengganti batch '{lama.nama_berkas}' menghapus {n_lama} jawaban. "
            "Konfirmasi penggantian lalu unggah lagi."
        ]
    return lama, []


def impor_responden(
    *, user, instansi, berkas, ganti: int | str | None = None, konfirmasi: int | str | None = None
) -> tuple[int, list[str]]:
    """Import the unit's paper questionnaires from an uploaded workbook holding only the sheet
    ``skm_responden`` with rows of this unit, as a new batch added to the earlier ones. Returns
    (rows saved, problems); with any problem nothing is saved. Audited.

    ``ganti`` names an earlier batch (``ImporResponden`` id) this upload replaces; that removes its
    answers, so it is done only when ``konfirmasi`` is the number of answers it removes (what the
    confirmation step showed) — otherwise nothing is saved and the problem says how many."""
    import tempfile
    from pathlib import Path

    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    lama, galat = _batch_lama(instansi, ganti, konfirmasi)
    if galat:
        return 0, galat
    if berkas is None:
        return 0, ["Pilih berkas .xlsx."]
    if berkas.size > MAKS_UNGGAH:
        return 0, [f"Berkas terlalu besar (paling besar {MAKS_UNGGAH // (1024 * 1024)} MB)."]
    with tempfile.TemporaryDirectory(prefix="sakip_skm_") as d:
        path = Path(d) / "skm.xlsx"
        with path.open("wb") as f:
            for chunk in berkas.chunks():
                f.write(chunk)
        return impor_responden_berkas(
            user=user,
            instansi=instansi,
            path=path,
            nama=getattr(berkas, "name", "") or "",
            lama=lama,
            maks_baris=MAKS_BARIS_UNGGAH,  # read when called (not bound as a default at import)
        )


def impor_responden_berkas(
    *, user, instansi, path, nama: str, lama=None, maks_baris: int | None = None
) -> tuple[int, list[str]]:
    """The import itself, from a file on disk (the request's temporary copy, or an upload kept for
    the worker: ``skm.tugas.antrikan_impor_responden``); ``lama``: the batch it replaces (checked);
    ``maks_baris`` None: the importer's own limit (the worker has no request timeout)."""
    from workbook.importer import MAKS_BARIS, baca, import_workbook

    maks_baris = MAKS_BARIS if maks_baris is None else maks_baris

    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    rows, galat = baca(path, maks_baris)
    if galat:
        return 0, galat
    lain = sorted(set(rows) - {"skm_responden"})
    if lain:
        return 0, [f"{s}!A1: only the sheet skm_responden may be uploaded here" for s in lain]
    galat = [
        r.ref("instansi") + f': instansi must be "{instansi.slug}", got "{r["instansi"]}"'
        for r in rows.get("skm_responden", [])
        if r["instansi"] != instansi.slug
    ]
    if galat:
        return 0, galat
    dihapus = 0
    try:
        with transaction.atomic():
            if lama is not None:
                dihapus = lama.responden.count()
                catat(
                    user,
                    lama,
                    Aksi.HAPUS,
                    {"responden": (dihapus, None)},
                    instansi,
                    keterangan="batch (diganti)",
                )
                lama.delete()
            hasil = import_workbook(path, maks_baris=maks_baris, pengguna=user, nama_berkas=nama, dibaca=rows)
            if hasil.errors:
                raise _BatalImpor
            n = hasil.counts.get("skm_responden", {}).get("created", 0)
            catat(
                user,
                instansi,
                Aksi.IMPOR,
                {"responden": (dihapus, n), "berkas": (None, nama)},
                instansi,
                keterangan="responden SKM",
            )
    except _BatalImpor:
        return 0, hasil.errors
    return n, []


def _angka(teks) -> int:
    try:
        return int(teks)
    except (TypeError, ValueError):
        return -1


KODE_LAYANAN = re.compile(r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$")


def tambah_layanan(*, user, instansi, kode: str, nama: str) -> Layanan:
    """A new layanan of the unit; ``kode`` becomes part of its public questionnaire address
    (/s/<unit>/<kode>/), so it is fixed once created. Raises PermissionDenied or Ditolak."""
    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    kode, nama = (kode or "").strip(), " ".join((nama or "").split())
    galat: dict[str, list[str]] = {}
    if not KODE_LAYANAN.match(kode) or len(kode) > 50:
        galat["kode"] = [
            "Kode layanan: huruf, angka dan tanda hubung (-) tanpa spasi, paling banyak 50 "
            "karakter, misalnya ktp-el."
        ]
    elif Layanan.objects.filter(instansi=instansi, kode__iexact=kode).exists():
        galat["kode"] = [f"Kode '{kode}' sudah dipakai layanan lain unit ini."]
    if not nama or len(nama) > 200:
        galat["nama"] = ["Nama layanan wajib diisi (paling banyak 200 huruf)."]
    if galat:
        raise Ditolak(bidang=galat)
    with transaction.atomic():
        obj = Layanan.objects.create(instansi=instansi, kode=kode, nama=nama)
        catat(user, obj, Aksi.BUAT, {"kode": (None, kode), "nama": (None, nama)}, instansi)
    return obj


def ubah_layanan(*, user, instansi, layanan_id, nama: str) -> Layanan:
    """Rename a layanan (its kode stays: printed posters point to it)."""
    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    obj = _layanan(instansi, layanan_id)
    nama = " ".join((nama or "").split())
    if not nama or len(nama) > 200:
        raise Ditolak(bidang={"nama": ["Nama layanan wajib diisi (paling banyak 200 huruf)."]})
    if nama != obj.nama:
        with transaction.atomic():
            lama, obj.nama = obj.nama, nama
            obj.save(update_fields=["nama"])
            catat(user, obj, Aksi.UBAH, {"nama": (lama, nama)}, instansi)
    return obj


def hapus_layanan(*, user, instansi, layanan_id) -> None:
    """Delete a layanan that no survey answer or NRR summary refers to (those would lose
    their layanan, or be deleted with it)."""
    from .models import Responden, RingkasanNRR

    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    obj = _layanan(instansi, layanan_id)
    jawaban = Responden.objects.filter(layanan=obj).count()
    ringkasan = RingkasanNRR.objects.filter(layanan=obj).count()
    if jawaban or ringkasan:
        raise Ditolak(
            bidang={
                "layanan": [
                    f"Layanan '{obj.nama}' tidak dapat dihapus: sudah ada {jawaban} jawaban survei dan {ringkasan} "
                    "ringkasan NRR untuk layanan ini."
                ]
            }
        )
    with transaction.atomic():
        catat(user, obj, Aksi.HAPUS, {"kode": (obj.kode, None), "nama": (obj.nama, None)}, instansi)
        obj.delete()


def _layanan(instansi, layanan_id) -> Layanan:
    try:
        return Layanan.objects.get(instansi=instansi, pk=int(layanan_id))
    except (Layanan.DoesNotExist, TypeError, ValueError):
        raise Ditolak(bidang={"layanan": ["Layanan tidak ditemukan di unit ini."]}) from None


# --- the public questionnaire --------------------------------------------------------------

SALT_TOKEN = "skm.formulir"


def token_formulir() -> str:
    """A new one-time token for a form view: a random part (what is stored) signed with the time,
    so only tokens this server issued, at most ``SKM_UMUR_TOKEN`` seconds old, are accepted."""
    return signing.TimestampSigner(salt=SALT_TOKEN).sign(secrets.token_urlsafe(16))


def baca_token(teks: str) -> str | None:
    """The stored part of a posted token, or None when it is missing, forged or expired."""
    try:
        acak = signing.TimestampSigner(salt=SALT_TOKEN).unsign(
            teks or "", max_age=getattr(settings, "SKM_UMUR_TOKEN", 24 * 3600)
        )
    except signing.BadSignature:
        return None
    return acak if 0 < len(acak) <= 32 else None


def kunci_klien(alamat: str) -> str:
    """The rate limit's key for a client address: IPv4 as it is, IPv6 grouped by its /64 (one
    home or phone gets a whole /64 and can pick any address in it), hashed with the secret key
    (the stored value does not reveal the address)."""
    try:
        ip = ipaddress.ip_address((alamat or "").strip())
    except ValueError:
        teks = (alamat or "").strip()[:100]
    else:
        if ip.version == 6 and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        teks = str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)
    return hmac.new(settings.SECRET_KEY.encode(), f"skm|{teks}".encode(), hashlib.sha256).hexdigest()


def _ambil_jatah(kunci: str, batas: int, sekarang) -> bool:
    """Take one of the ``batas`` posts of this minute for ``kunci``; False when none is left.
    One conditional UPDATE (atomic on SQLite and PostgreSQL: concurrent posts queue on the row and
    each sees the count the one before left); the first post of a minute inserts the row."""
    jendela = sekarang.replace(second=0, microsecond=0)
    baris = BatasKiriman.objects.filter(kunci=kunci, jendela=jendela, jumlah__lt=batas)
    if baris.update(jumlah=F("jumlah") + 1):
        return True
    if batas < 1:
        return False
    try:
        with transaction.atomic():
            BatasKiriman.objects.create(kunci=kunci, jendela=jendela, jumlah=1)
    except IntegrityError:  # the row exists (full, or created by a post at the same moment)
        return bool(baris.update(jumlah=F("jumlah") + 1))
    # the first post of a minute also drops the rows of minutes long past
    BatasKiriman.objects.filter(jendela__lt=jendela - dt.timedelta(hours=1)).delete()
    return True


class Kiriman(enum.Enum):
    DISIMPAN = "disimpan"
    SUDAH_ADA = "sudah ada"  # the same form (token) was stored before: nothing new
    TERLALU_BANYAK = "terlalu banyak"


def simpan_jawaban(
    *,
    instansi,
    layanan,
    token: str,
    klien: str,
    batas: int,
    jawaban: dict[str, int],
    jenis_kelamin: str = "",
    umur: int | None = None,
    pendidikan: str = "",
    pekerjaan: str = "",
    saran: str = "",
    sekarang=None,
) -> Kiriman:
    """Store one answer of the public questionnaire (already validated by the form).

    ``token`` (from ``baca_token``) decides duplicates: the database's unique index lets only one
    row per token in, so the same form posted twice or four times at once stores one row; two
    people giving the same answers post two forms and both are stored. ``klien`` is the rate
    limit's key (``kunci_klien`` or a kiosk device's key), ``batas`` its posts per minute; a post
    that finds its token already stored does not use up the limit."""
    isian = {
        "jenis_kelamin": jenis_kelamin,
        "umur": umur,
        "pendidikan": pendidikan,
        "pekerjaan": pekerjaan,
        "saran": saran,
    }
    sekarang = sekarang or timezone.now()
    tanggal = timezone.localdate(sekarang)
    periode = periode_untuk(tanggal, pengaturan_unit(instansi).jenis_periode)
    return _ulang_bila_terkunci(
        lambda: _simpan(instansi, layanan, token, klien, batas, jawaban, sekarang, tanggal, periode, isian)
    )


def _ulang_bila_terkunci(fungsi):
    """SQLite has one writer at a time; a post that finds the database locked by another one (past
    the busy timeout, or at once in a shared-cache database) waits a moment and tries again, as
    the whole transaction. PostgreSQL queues on the row locks and never gets here."""
    for k in range(60):
        try:
            return fungsi()
        except OperationalError as exc:
            if connection.vendor != "sqlite" or "locked" not in str(exc) or connection.in_atomic_block:
                raise
            time.sleep(min(0.002 * (k + 1), 0.05))
    return fungsi()


def _simpan(instansi, layanan, token, klien, batas, jawaban, sekarang, tanggal, periode, isian) -> Kiriman:
    try:
        with transaction.atomic():
            if not _ambil_jatah(klien, batas, sekarang):
                return Kiriman.TERLALU_BANYAK
            Responden.objects.create(
                instansi=instansi,
                layanan=layanan,
                tahun=tanggal.year,
                periode=periode,
                tanggal_layanan=tanggal,
                jenis_kelamin=isian["jenis_kelamin"],
                umur=isian["umur"],
                pendidikan=isian["pendidikan"][:40],
                pekerjaan=isian["pekerjaan"][:60],
                saran=isian["saran"][:2000],
                klien=klien,
                token=token,
                **jawaban,
            )
    except IntegrityError:  # rolls back the count too
        if Responden.objects.filter(token=token).exists():
            return Kiriman.SUDAH_ADA
        raise
    return Kiriman.DISIMPAN


def catat_unduhan_responden(user, instansi, *, tahun: int, jumlah: int) -> None:
    """Every download of respondents' personal data is in the audit trail: who, unit, year, rows."""
    catat(
        user,
        instansi,
        Aksi.UNDUH,
        {"responden.xlsx": (None, f"{tahun}: {jumlah} responden")},
        instansi,
        keterangan="data responden",
    )


# --- retention of respondents' personal data --------------------------------------------------

FIELD_PRIBADI = {
    "jenis_kelamin": "",
    "umur": None,
    "pendidikan": "",
    "pekerjaan": "",
    "saran": "",
    "klien": "",
}


def batas_retensi(sekarang=None, bulan: int | None = None):
    """The moment before which respondents' personal data is no longer kept (``SKM_RETENSI_BULAN``
    calendar months back)."""
    sekarang = sekarang or timezone.now()
    bulan = settings.SKM_RETENSI_BULAN if bulan is None else bulan
    y, m = divmod(sekarang.year * 12 + sekarang.month - 1 - bulan, 12)
    import calendar

    hari = min(sekarang.day, calendar.monthrange(y, m + 1)[1])
    return sekarang.replace(year=y, month=m + 1, day=hari)


def hapus_data_pribadi(*, sebelum, oleh: str = "command line", coba: bool = False) -> dict[int, int]:
    """Blank the personal data of respondents stored before ``sebelum``: jenis kelamin, umur,
    pendidikan, pekerjaan, saran and the client hash. The answers u1..u9, year, period, layanan and
    date stay (the IKM of past years does not change). Also drops the rate-limit counters of
    earlier days. Returns answers blanked per unit; audited per unit (``coba``: count only)."""
    from django.db.models import Count, Q

    from audit.models import Jejak, baris
    from workbook.importer import KLIEN_IMPOR

    qs = Responden.objects.filter(dibuat__lt=sebelum).filter(
        ~Q(jenis_kelamin="")
        | Q(umur__isnull=False)
        | ~Q(pendidikan="")
        | ~Q(pekerjaan="")
        | ~Q(saran="")
        | ~Q(klien__in=["", KLIEN_IMPOR])
    )
    with transaction.atomic():
        per_unit = dict(qs.values_list("instansi_id").annotate(n=Count("id")).order_by())
        if coba:
            return per_unit
        # an imported answer keeps its "impor" mark (no address behind it)
        klien = Case(When(klien=KLIEN_IMPOR, then=Value(KLIEN_IMPOR)), default=Value(""))
        qs.update(**{**FIELD_PRIBADI, "klien": klien})
        BatasKiriman.objects.filter(jendela__lt=timezone.now() - dt.timedelta(days=1)).delete()
        from organisasi.models import Instansi

        unit = Instansi.objects.in_bulk(per_unit)
        Jejak.objects.bulk_create(
            baris(
                None,
                Aksi.HAPUS,
                keterangan="data pribadi responden",
                instansi=unit[iid],
                objek="skm.Responden",
                objek_id="",
                field="responden",
                lama=str(n),
                baru=f"data pribadi sebelum {sebelum:%Y-%m-%d} dihapus (oleh {oleh})",
            )
            for iid, n in sorted(per_unit.items())
        )
        if per_unit:
            from tembolok.services import usangkan_semua

            usangkan_semua()  # a bulk update sends no signals: the staff pages' groups change
    return per_unit


# --- kiosk mode ---------------------------------------------------------------------------------

COOKIE_KIOS = "skm_kios"
SALT_KIOS = "skm.kios"


def aktifkan_kios(*, user, instansi, nama: str) -> PerangkatKios:
    """Turn on kiosk mode for a device (the caller sets the signed cookie with its ``kunci``):
    the unit's operator or admin_pemda; audited."""
    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    nama = " ".join((nama or "").split())[:100] or "Perangkat kios"
    p = PerangkatKios.objects.create(
        instansi=instansi, nama=nama, kunci=secrets.token_hex(32), dibuat_oleh=user
    )
    catat(user, p, Aksi.BUAT, {"nama": (None, nama)}, instansi, keterangan="mode kios")
    return p


def nonaktifkan_kios(*, user, instansi, perangkat_id) -> PerangkatKios:
    """Turn kiosk mode off for one of the unit's devices (its cookie no longer counts); audited."""
    if not boleh_atur_skm(user, instansi):
        raise PermissionDenied
    p = PerangkatKios.objects.filter(instansi=instansi, pk=_angka(perangkat_id)).first()
    if p is None:
        raise Ditolak(bidang={"perangkat": ["Perangkat kios tidak ditemukan."]})
    if p.aktif:
        p.aktif = False
        p.save(update_fields=["aktif"])
        catat(user, p, Aksi.UBAH, {"aktif": (True, False)}, instansi, keterangan="mode kios dimatikan")
    return p


def perangkat_kios(request, instansi) -> PerangkatKios | None:
    """The active kiosk device of this unit the request comes from (its signed cookie), or None."""
    kunci = request.get_signed_cookie(COOKIE_KIOS, default=None, salt=SALT_KIOS)
    if not kunci:
        return None
    return PerangkatKios.objects.filter(kunci=kunci, instansi=instansi, aktif=True).first()
