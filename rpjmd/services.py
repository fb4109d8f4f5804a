"""Writes of the pemda level: the RPJMD/RPD and its tree (kept by the pemda's admin in the
console), and a unit's links to the pemda sasaran its tujuan and sasaran support (``Kontribusi``,
kept by whoever sets the unit's Renstra up).

Every function takes keyword arguments only, checks the user with ``akun.izin``
(``PermissionDenied`` otherwise), checks the state, writes in one transaction and records each
change in the audit trail. A refusal raises ``dasar.galat.Ditolak``; a refusal about one row of a
level's table names it in ``bidang`` as ``"<row index>:<field>"`` (the page shows it next to the
cell), and its message names the row ("Baris 2 (T1): …"). Nothing is half-saved.
"""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from akun import izin
from audit.models import Aksi, catat
from dasar.galat import Ditolak

from . import selectors
from .models import IndikatorPemda, Kontribusi, Misi, Rpjmd, SasaranPemda, TargetPemda, TujuanPemda

# level -> (model, the fields a row of its table sets)
TINGKAT = {
    "misi": (Misi, ("kode", "uraian", "urutan")),
    "tujuan": (TujuanPemda, ("kode", "uraian", "misi", "urutan")),
    "sasaran": (SasaranPemda, ("kode", "uraian", "tujuan", "urutan")),
    "indikator": (IndikatorPemda, ("kode", "nama", "induk", "satuan", "polaritas", "formulasi", "urutan")),
}


def _cek_pemda(user, pemda_id: int) -> None:
    if not izin.boleh_kelola_rpjmd(user, pemda_id):
        raise PermissionDenied


def _pesan_validasi(exc: ValidationError) -> dict[str, list[str]]:
    if hasattr(exc, "error_dict"):
        return {f: [str(m) for e in es for m in e.messages] for f, es in exc.error_dict.items()}
    return {"__all__": list(exc.messages)}


def _nilai(obj, fields) -> dict:
    return {
        f: getattr(obj, f + "_id") if f in ("misi", "tujuan", "sasaran") else getattr(obj, f) for f in fields
    }


def simpan_rpjmd(
    *,
    user,
    pemda,
    rpjmd: Rpjmd | None = None,
    jenis: str,
    kode: str,
    nama: str,
    tahun_awal: int,
    tahun_akhir: int,
    visi: str = "",
) -> Rpjmd:
    """Create (``rpjmd`` None) or change a plan of ``pemda``. Refused: a period overlapping another
    plan of the pemda, or a new period leaving out years that already have targets."""
    _cek_pemda(user, pemda.id)
    if rpjmd is not None and rpjmd.pemda_id != pemda.id:
        raise PermissionDenied
    obj = rpjmd or Rpjmd(pemda=pemda)
    lama = _nilai(obj, ("jenis", "kode", "nama", "tahun_awal", "tahun_akhir", "visi")) if rpjmd else {}
    obj.jenis, obj.kode, obj.nama = jenis, kode, nama
    obj.tahun_awal, obj.tahun_akhir, obj.visi = tahun_awal, tahun_akhir, visi or ""
    try:
        obj.full_clean()
    except ValidationError as exc:
        raise Ditolak(bidang=_pesan_validasi(exc)) from None
    lain = Rpjmd.objects.filter(pemda=pemda, tahun_awal__lte=tahun_akhir, tahun_akhir__gte=tahun_awal)
    if obj.pk:
        lain = lain.exclude(pk=obj.pk)
    tumpang = lain.first()
    if tumpang is not None:
        raise Ditolak(
            bidang={
                "tahun_awal": [
                    _("Periode bertumpuk dengan %(nama)s (%(a)s–%(b)s).")
                    % {"nama": tumpang.nama, "a": tumpang.tahun_awal, "b": tumpang.tahun_akhir}
                ]
            }
        )
    if obj.pk:
        luar = sorted(
            set(
                TargetPemda.objects.filter(indikator__rpjmd=obj)
                .exclude(tahun__gte=tahun_awal, tahun__lte=tahun_akhir)
                .values_list("tahun", flat=True)
            )
        )
        if luar:
            raise Ditolak(
                bidang={
                    "tahun_akhir": [
                        _("Sudah ada target tahun %(t)s di luar periode baru; hapus dulu targetnya.")
                        % {"t": ", ".join(str(t) for t in luar)}
                    ]
                }
            )
    with transaction.atomic():
        obj.save()
        if rpjmd is None:
            catat(user, obj, Aksi.BUAT, pemda_id=pemda.id)
        else:
            baru = _nilai(obj, lama)
            ubah = {f: (lama[f], baru[f]) for f in lama if lama[f] != baru[f]}
            if ubah:
                catat(user, obj, Aksi.UBAH, ubah, pemda_id=pemda.id)
    return obj


def _induk_indikator(rpjmd, induk) -> dict:
    """The ``level``, ``tujuan`` and ``sasaran`` of an indicator from its chosen parent."""
    if isinstance(induk, TujuanPemda) and induk.rpjmd_id == rpjmd.id:
        return {"level": IndikatorPemda.Level.TUJUAN, "tujuan": induk, "sasaran": None}
    if isinstance(induk, SasaranPemda) and induk.rpjmd_id == rpjmd.id:
        return {"level": IndikatorPemda.Level.SASARAN, "tujuan": None, "sasaran": induk}
    raise Ditolak(_("Induk indikator bukan tujuan atau sasaran dokumen ini."))


def simpan_tingkat(*, user, rpjmd: Rpjmd, tingkat: str, baris: list[dict]) -> int:
    """Save one level's table of ``rpjmd`` at once: each row of ``baris`` is a dict with ``id``
    (None for a new row) and the fields of ``TINGKAT[tingkat]`` (``misi``/``tujuan``: objects of this
    plan; for an indicator ``induk``, a tujuan or sasaran of the plan, and ``target``:
    {tahun: (nilai, nilai_atas)}, a None nilai removing that year's target). Returns the number of
    rows created or changed. Every row is checked before anything is saved."""
    if tingkat not in TINGKAT:
        raise ValueError(f"unknown tingkat {tingkat!r}")
    _cek_pemda(user, rpjmd.pemda_id)
    model, fields = TINGKAT[tingkat]
    ada = {o.pk: o for o in model.objects.filter(rpjmd=rpjmd)}
    galat: dict[str, list[str]] = {}
    simpan = []  # (index, obj, old values or None, target)
    kode_dipakai: dict[str, int] = {}
    for i, row in enumerate(baris):
        label = _("Baris %(n)d (%(kode)s)") % {"n": i + 1, "kode": row.get("kode") or "-"}
        obj = ada.get(row.get("id")) if row.get("id") else model(rpjmd=rpjmd)
        if obj is None:
            raise Ditolak(_("%(label)s: data ini tidak ada lagi; muat ulang halaman.") % {"label": label})
        lama = _nilai(obj, [f for f in fields if f != "induk"]) if obj.pk else None
        nilai = {f: row.get(f) for f in fields}
        if tingkat == "indikator":
            try:
                nilai.update(_induk_indikator(rpjmd, nilai.pop("induk")))
            except Ditolak as exc:
                galat.setdefault(f"{i}:induk", []).append(str(exc))
                continue
            if lama is not None:
                lama.update({"level": obj.level, "tujuan": obj.tujuan_id, "sasaran": obj.sasaran_id})
        for f in ("misi", "tujuan"):
            if f in nilai and nilai[f] is not None and nilai[f].rpjmd_id != rpjmd.id:
                galat.setdefault(f"{i}:{f}", []).append(_("Bukan bagian dokumen ini."))
        for f, v in nilai.items():
            setattr(obj, f, "" if v is None and f in ("formulasi",) else v)
        if obj.urutan is None:
            obj.urutan = 0
        try:
            obj.full_clean(exclude=["rpjmd"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for f, ms in _pesan_validasi(exc).items():
                galat.setdefault(f"{i}:{f}", []).extend(ms)
        kode = (obj.kode or "").strip()
        if kode in kode_dipakai:
            galat.setdefault(f"{i}:kode", []).append(
                _("Kode %(kode)s sudah dipakai di baris %(n)d.") % {"kode": kode, "n": kode_dipakai[kode] + 1}
            )
        kode_dipakai[kode] = i
        target = row.get("target") or {}
        for tahun, (t, atas) in target.items():
            if tahun not in rpjmd.tahun():
                galat.setdefault(f"{i}:target_{tahun}", []).append(_("Di luar periode dokumen."))
            elif atas is not None and t is None:
                galat.setdefault(f"{i}:target_{tahun}", []).append(_("Isi targetnya bila batas atas diisi."))
            elif atas is not None and atas < t:
                galat.setdefault(f"{i}:atas_{tahun}", []).append(_("Batas atas tidak boleh di bawah target."))
        simpan.append((i, obj, lama, target))
    # codes of rows not in the table keep theirs
    dikirim = {row.get("id") for row in baris if row.get("id")}
    for o in ada.values():
        if o.pk not in dikirim and o.kode in kode_dipakai:
            galat.setdefault(f"{kode_dipakai[o.kode]}:kode", []).append(
                _("Kode %(kode)s sudah dipakai.") % {"kode": o.kode}
            )
    if galat:
        pesan = []
        for kunci, ms in galat.items():
            n = int(kunci.split(":")[0])
            pesan += [_("Baris %(n)d: %(m)s") % {"n": n + 1, "m": m} for m in ms]
        raise Ditolak("; ".join(pesan), bidang=galat)
    jumlah = 0
    try:
        with transaction.atomic():
            for _i, obj, lama, target in simpan:
                baru = obj.pk is None
                if not baru:
                    sekarang = _nilai(obj, lama)
                    ubah = {f: (lama[f], sekarang[f]) for f in lama if lama[f] != sekarang[f]}
                else:
                    ubah = {}
                if baru or ubah:
                    obj.save()
                    catat(user, obj, Aksi.BUAT if baru else Aksi.UBAH, ubah or None, pemda_id=rpjmd.pemda_id)
                    jumlah += 1
                if tingkat == "indikator":
                    jumlah += _simpan_target(user, rpjmd, obj, target) if not baru or target else 0
    except IntegrityError:
        raise Ditolak(
            _("Kode bertabrakan dengan baris lain (misalnya dua kode ditukar); simpan dalam dua langkah.")
        ) from None
    return jumlah


def _simpan_target(user, rpjmd, indikator, target: dict) -> int:
    ada = {t.tahun: t for t in TargetPemda.objects.filter(indikator=indikator)}
    n = 0
    for tahun, (nilai, atas) in sorted(target.items()):
        t = ada.get(tahun)
        if nilai is None:
            if t is not None:
                catat(user, t, Aksi.HAPUS, {"nilai": (t.nilai, None)}, pemda_id=rpjmd.pemda_id)
                t.delete()
                n += 1
            continue
        if t is None:
            t = TargetPemda.objects.create(indikator=indikator, tahun=tahun, nilai=nilai, nilai_atas=atas)
            catat(user, t, Aksi.BUAT, {"nilai": (None, nilai)}, pemda_id=rpjmd.pemda_id)
            n += 1
        elif (Decimal(t.nilai), t.nilai_atas) != (nilai, atas):
            ubah = {"nilai": (t.nilai, nilai), "nilai_atas": (t.nilai_atas, atas)}
            t.nilai, t.nilai_atas = nilai, atas
            t.save()
            catat(user, t, Aksi.UBAH, ubah, pemda_id=rpjmd.pemda_id)
            n += 1
    return n


def _pemda_dari(obj) -> int:
    return obj.pemda_id if isinstance(obj, Rpjmd) else obj.rpjmd.pemda_id


def hapus(*, user, obj) -> None:
    """Delete a plan or one of its items with everything under it, unless a unit still supports a
    sasaran under it (refused, naming the units)."""
    pemda_id = _pemda_dari(obj)
    _cek_pemda(user, pemda_id)
    r = selectors.ringkasan_hapus(obj)
    if not r.boleh_hapus:
        raise Ditolak("; ".join(r.alasan))
    with transaction.atomic():
        catat(user, obj, Aksi.HAPUS, {"kode": (obj.kode, None)}, pemda_id=pemda_id)
        obj.delete()


# --- a unit's links to the pemda sasaran ----------------------------------------------------------


def _cek_unit(user, instansi) -> None:
    if not izin.boleh_tautkan_rpjmd(user, instansi):
        raise PermissionDenied


def simpan_kontribusi(*, user, instansi, baris: list[dict]) -> int:
    """Save the unit's links at once: each row is a dict with ``id`` (None for a new link),
    ``unsur`` (a perencanaan Tujuan or Sasaran of ``instansi``), ``sasaran_pemda`` (a sasaran of a
    plan of the unit's pemda) and ``uraian`` (the contribution, required). Returns the number of
    links created or changed."""
    _cek_unit(user, instansi)
    ada = {k.pk: k for k in Kontribusi.objects.filter(instansi=instansi)}
    galat: dict[str, list[str]] = {}
    simpan = []
    pasangan: dict[tuple, int] = {}
    for i, row in enumerate(baris):
        k = ada.get(row.get("id")) if row.get("id") else Kontribusi(instansi=instansi)
        if k is None:
            raise Ditolak(_("Baris %(n)d: tautan ini tidak ada lagi; muat ulang halaman.") % {"n": i + 1})
        unsur, sp, uraian = row.get("unsur"), row.get("sasaran_pemda"), (row.get("uraian") or "").strip()
        nama_unsur = type(unsur)._meta.model_name if unsur is not None else None
        if nama_unsur not in ("tujuan", "sasaran") or type(unsur)._meta.app_label != "perencanaan":
            galat.setdefault(f"{i}:unsur", []).append(_("Pilih tujuan atau sasaran Renstra unit ini."))
            continue
        if unsur.instansi_id != instansi.id:
            galat.setdefault(f"{i}:unsur", []).append(_("Tujuan/sasaran itu bukan milik unit ini."))
            continue
        if not isinstance(sp, SasaranPemda) or sp.rpjmd.pemda_id != instansi.pemda_id:
            galat.setdefault(f"{i}:sasaran_pemda", []).append(_("Pilih sasaran RPJMD/RPD pemda unit ini."))
            continue
        if not uraian:
            galat.setdefault(f"{i}:uraian", []).append(_("Tuliskan kontribusinya."))
        kunci = (nama_unsur, unsur.pk, sp.pk)
        if kunci in pasangan:
            galat.setdefault(f"{i}:sasaran_pemda", []).append(
                _("Tautan yang sama sudah ada di baris %(n)d.") % {"n": pasangan[kunci] + 1}
            )
        pasangan[kunci] = i
        lama = {
            "unsur": k.unsur.kode if k.pk else None,
            "sasaran_pemda": k.sasaran_pemda_id,
            "uraian": k.uraian,
        }
        k.tujuan = unsur if nama_unsur == "tujuan" else None
        k.sasaran = unsur if nama_unsur == "sasaran" else None
        k.sasaran_pemda, k.uraian = sp, uraian
        try:
            k.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for f, ms in _pesan_validasi(exc).items():
                galat.setdefault(f"{i}:{f}", []).extend(ms)
        simpan.append((k, lama))
    dikirim = {row.get("id") for row in baris if row.get("id")}
    for k in ada.values():
        kunci = ("tujuan" if k.tujuan_id else "sasaran", k.tujuan_id or k.sasaran_id, k.sasaran_pemda_id)
        if k.pk not in dikirim and kunci in pasangan:
            galat.setdefault(f"{pasangan[kunci]}:sasaran_pemda", []).append(_("Tautan yang sama sudah ada."))
    if galat:
        pesan = []
        for kunci, ms in galat.items():
            n = int(kunci.split(":")[0])
            pesan += [_("Baris %(n)d: %(m)s") % {"n": n + 1, "m": m} for m in ms]
        raise Ditolak("; ".join(pesan), bidang=galat)
    n = 0
    try:
        with transaction.atomic():
            for k, lama in simpan:
                baru = k.pk is None
                sekarang = {"unsur": k.unsur.kode, "sasaran_pemda": k.sasaran_pemda_id, "uraian": k.uraian}
                ubah = {f: (lama[f], sekarang[f]) for f in lama if lama[f] != sekarang[f]}
                if baru or ubah:
                    k.save()
                    catat(user, k, Aksi.BUAT if baru else Aksi.UBAH, ubah, instansi=instansi)
                    n += 1
    except IntegrityError:
        raise Ditolak(_("Tautan yang sama sudah ada; muat ulang halaman.")) from None
    return n


def hapus_kontribusi(*, user, kontribusi: Kontribusi) -> None:
    instansi = kontribusi.instansi
    _cek_unit(user, instansi)
    with transaction.atomic():
        catat(
            user,
            kontribusi,
            Aksi.HAPUS,
            {"sasaran_pemda": (kontribusi.sasaran_pemda.kode, None), "uraian": (kontribusi.uraian, None)},
            instansi=instansi,
        )
        kontribusi.delete()
