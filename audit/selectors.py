"""Reads of the audit trail as people read it: which indicator or line a change was about, the
field's Indonesian name (its ``verbose_name``), the old and new values formatted the Indonesian way
(83,5; 2 Januari 2025; "Diajukan"), and the audit log's search by unit, person, action and dates.

The rows name their object by model label and id only (``Jejak`` outlives what it describes), so
the names are read by label at display time: one query per kind of object on the page (a fixed
set, ``NAMA_OBJEK``) and one per kind of related row a foreign-key value points to; a deleted
object keeps its label and number.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rumus.format import format_angka, format_tanggal

from .models import Aksi, Jejak

# model label -> (the fields its name is made of, the name); "__" paths follow foreign keys
NAMA_OBJEK: dict[str, tuple[tuple[str, ...], object]] = {
    "pengukuran.Realisasi": (
        ("indikator__kode", "indikator__nama", "periode", "tahun"),
        gettext_lazy("Realisasi %(indikator__kode)s %(indikator__nama)s, %(periode)s %(tahun)s"),
    ),
    "pengukuran.PengajuanRealisasi": (
        ("alur", "periode", "tahun"),
        gettext_lazy("Pengajuan %(alur)s %(periode)s %(tahun)s"),
    ),
    "pengukuran.NilaiPembanding": (
        ("indikator__kode", "unit", "tahun"),
        gettext_lazy("Pembanding %(indikator__kode)s: %(unit)s %(tahun)s"),
    ),
    "perencanaan.Indikator": (("kode", "nama"), gettext_lazy("Indikator %(kode)s %(nama)s")),
    "perencanaan.Tujuan": (("kode",), gettext_lazy("Tujuan %(kode)s")),
    "perencanaan.Sasaran": (("kode",), gettext_lazy("Sasaran %(kode)s")),
    "perencanaan.Renstra": (("nama",), "%(nama)s"),
    "perencanaan.Target": (
        ("indikator__kode", "indikator__nama", "tahun"),
        gettext_lazy("Target Renstra %(indikator__kode)s %(indikator__nama)s %(tahun)s"),
    ),
    "perencanaan.PerjanjianKinerja": (
        ("tahun", "versi"),
        gettext_lazy("Perjanjian Kinerja %(tahun)s versi %(versi)s"),
    ),
    "perencanaan.PKIndikator": (
        ("indikator__kode", "indikator__nama", "pk_dokumen__tahun", "pk_dokumen__versi"),
        gettext_lazy(
            "Target PK %(indikator__kode)s %(indikator__nama)s (PK %(pk_dokumen__tahun)s versi %(pk_dokumen__versi)s)"
        ),
    ),
    "perencanaan.TargetTriwulan": (
        ("indikator__kode", "indikator__nama", "periode", "tahun"),
        gettext_lazy("Target Rencana Aksi %(indikator__kode)s %(indikator__nama)s, %(periode)s %(tahun)s"),
    ),
    "perencanaan.LangkahAksi": (
        ("indikator__kode", "periode", "tahun"),
        gettext_lazy("Langkah aksi %(indikator__kode)s, %(periode)s %(tahun)s"),
    ),
    "anggaran.BarisAnggaran": (
        ("sub_kegiatan__kode", "sub_kegiatan__nama", "tahun"),
        gettext_lazy("Anggaran %(sub_kegiatan__kode)s %(sub_kegiatan__nama)s %(tahun)s"),
    ),
    "anggaran.RealisasiAnggaran": (
        ("baris__sub_kegiatan__kode", "baris__sub_kegiatan__nama", "periode", "baris__tahun"),
        gettext_lazy(
            "Realisasi anggaran %(baris__sub_kegiatan__kode)s %(baris__sub_kegiatan__nama)s, "
            "%(periode)s %(baris__tahun)s"
        ),
    ),
    "evaluasi.Evaluasi": (("jenis", "tahun"), gettext_lazy("%(jenis)s %(tahun)s")),
    "evaluasi.Rekomendasi": (
        ("no", "evaluasi__jenis", "evaluasi__tahun"),
        gettext_lazy("Rekomendasi %(no)s, %(evaluasi__jenis)s %(evaluasi__tahun)s"),
    ),
    "organisasi.Pejabat": (("jabatan",), gettext_lazy("Pejabat %(jabatan)s")),
    "akun.Peran": (("jenis", "user__username"), gettext_lazy("Peran %(jenis)s %(user__username)s")),
}
# keys of an audit row that are no field of its model
NAMA_ISIAN = {
    "sha256": gettext_lazy("kode verifikasi SHA-256"),
    "bukti": gettext_lazy("bukti"),
    "sumber": gettext_lazy("dasar"),
    "komentar": gettext_lazy("komentar"),
    "berkas": gettext_lazy("berkas"),
    "user": gettext_lazy("pengguna"),
    "instansi": gettext_lazy("unit"),
}
NILAI_ISIAN = {  # values of the keys above that are a code
    ("sumber", "renstra"): gettext_lazy("target Renstra"),
    ("sumber", "pk"): gettext_lazy("PK sebelumnya"),
}


@dataclass
class BarisRiwayat:
    """One audit row as the history shows it."""

    waktu: _dt.datetime
    pengguna: str
    unit: str
    aksi: str
    objek: str
    isian: str
    lama: str
    baru: str


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _bidang(model, nama: str):
    if model is None or not nama:
        return None
    try:
        f = model._meta.get_field(nama)
    except FieldDoesNotExist:
        return None
    return f if isinstance(f, models.Field) else None  # not a reverse relation


def _bidang_jalur(model, jalur: str):
    """The field at the end of a ``__`` path (``evaluasi__jenis``), or None."""
    *rel, akhir = jalur.split("__")
    for nama in rel:
        f = _bidang(model, nama)
        if f is None or not f.is_relation:
            return None
        model = f.related_model
    return _bidang(model, akhir)


def _huruf_besar(t: str) -> str:
    return t[:1].upper() + t[1:]


def nama_isian(model, nama: str) -> str:
    """The field's Indonesian name: its verbose_name when one is given ("Mengapa (penyebab)"), a
    known key, or the field's (Indonesian) name with spaces for underscores ("Target 2025")."""
    f = _bidang(model, nama)
    if f is not None and f._verbose_name is not None:  # named explicitly (not Django's default)
        return _huruf_besar(str(f.verbose_name))
    if f is not None and f.is_relation and nama == f.attname:
        nama = f.name
    if nama in NAMA_ISIAN:
        return _huruf_besar(str(NAMA_ISIAN[nama]))
    return _huruf_besar(nama.replace("_", " "))


def _angka(teks: str) -> str:
    try:
        d = Decimal(teks)
    except InvalidOperation:
        return teks
    tempat = max(0, -d.normalize().as_tuple().exponent) if d != d.to_integral_value() else 0
    return format_angka(d, tempat)


def format_nilai(model, nama: str, teks: str, terkait: dict | None = None) -> str:
    """A stored old or new value as people read it: a number with Indonesian separators, a date
    in words, a choice by its label, yes/no, an official or other row by its name."""
    if teks == "":
        return "-"
    if (nama, teks) in NILAI_ISIAN:
        return str(NILAI_ISIAN[(nama, teks)])
    f = _bidang(model, nama)
    if f is None:
        return _angka(teks) if teks.replace(".", "", 1).lstrip("-").isdigit() else teks
    if f.choices:
        return str(dict(f.flatchoices).get(teks, teks))
    if isinstance(f, models.BooleanField):
        return _("Ya") if teks in ("True", "1") else _("Tidak")
    if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField):
        try:
            return format_tanggal(_dt.date.fromisoformat(teks))
        except ValueError:
            return teks
    if isinstance(f, (models.DecimalField, models.IntegerField, models.FloatField)) and not f.is_relation:
        return _angka(teks)
    if f.is_relation and f.many_to_one:
        return (terkait or {}).get((f.related_model._meta.label, teks), teks)
    return teks


def _nama_objek(baris: list[Jejak]) -> dict[tuple[str, str], str]:
    """(label, id) -> the object's name, one query per kind of object."""
    per_label: dict[str, set[str]] = defaultdict(set)
    for j in baris:
        per_label[j.objek].add(j.objek_id)
    hasil = {}
    for label, ids in per_label.items():
        model = _model(label)
        if model is None:
            continue
        if label not in NAMA_OBJEK:
            nama = _huruf_besar(str(model._meta.verbose_name))
            hasil.update({(label, i): f"{nama} #{i}" for i in ids})
            continue
        jalur, pola = NAMA_OBJEK[label]
        angka = [int(i) for i in ids if i.isdigit()]
        for row in model._base_manager.filter(pk__in=angka).values("pk", *jalur):
            isi = {}
            for k in jalur:
                f = _bidang_jalur(model, k)
                v = row[k]
                isi[k] = str(dict(f.flatchoices).get(v, v)) if f is not None and f.choices else v
            if "alur" in isi:
                isi["alur"] = str(isi["alur"]).lower()
            hasil[(label, str(row["pk"]))] = str(pola) % isi
    return hasil


def _terkait(baris: list[Jejak]) -> dict[tuple[str, str], str]:
    """(label, id) -> str() of the rows the foreign-key values point to, one query per model."""
    per_model: dict = defaultdict(set)
    for j in baris:
        f = _bidang(_model(j.objek), j.field)
        if f is not None and f.is_relation and f.many_to_one:
            for v in (j.lama, j.baru):
                if v.isdigit():
                    per_model[f.related_model].add(int(v))
    hasil = {}
    for model, ids in per_model.items():
        for obj in model._base_manager.filter(pk__in=ids):
            hasil[(model._meta.label, str(obj.pk))] = str(obj)
    return hasil


def riwayat_terbaca(baris) -> list[BarisRiwayat]:
    """The rows (``Jejak``, with ``user`` selected) as people read them."""
    baris = list(baris)
    nama = _nama_objek(baris)
    terkait = _terkait(baris)
    hasil = []
    for j in baris:
        model = _model(j.objek)
        aksi = j.get_aksi_display()
        if j.keterangan:
            aksi = f"{aksi} {j.keterangan}"
        objek = nama.get((j.objek, j.objek_id))
        if objek is None:
            objek = f"{_huruf_besar(str(model._meta.verbose_name)) if model else j.objek} #{j.objek_id}"
        pengguna = j.user.get_full_name() or j.user.get_username() if j.user else j.nama_pengguna or "-"
        hasil.append(
            BarisRiwayat(
                waktu=j.waktu,
                pengguna=pengguna,
                unit=(j.instansi.nama if j.instansi_id and j.instansi else j.nama_instansi) or "-",
                aksi=_huruf_besar(aksi),
                objek=objek,
                isian=nama_isian(model, j.field) if j.field else "-",
                lama=format_nilai(model, j.field, j.lama, terkait) if j.field else "-",
                baru=format_nilai(model, j.field, j.baru, terkait) if j.field else "-",
            )
        )
    return hasil


@dataclass
class SaringanJejak:
    """The audit log's filters (every one optional)."""

    q: str = ""
    instansi_id: int | None = None
    pengguna_id: int | None = None
    aksi: str = ""
    dari: _dt.date | None = None
    sampai: _dt.date | None = None


def cari_jejak(pemda_ids, saring: SaringanJejak):
    """The audit rows of these pemda matching the filters, newest first (a queryset)."""
    qs = Jejak.objects.filter(pemda_id__in=pemda_ids).select_related("user", "instansi")
    if saring.aksi in Aksi.values:
        qs = qs.filter(aksi=saring.aksi)
    if saring.instansi_id:
        qs = qs.filter(instansi_id=saring.instansi_id)
    if saring.pengguna_id:
        qs = qs.filter(user_id=saring.pengguna_id)
    if saring.dari:
        qs = qs.filter(waktu__date__gte=saring.dari)
    if saring.sampai:
        qs = qs.filter(waktu__date__lte=saring.sampai)
    q = saring.q
    if q:
        qs = qs.filter(
            Q(user__username__icontains=q)
            | Q(nama_pengguna__icontains=q)
            | Q(objek__icontains=q)
            | Q(aksi__icontains=q)
            | Q(keterangan__icontains=q)
            | Q(field__icontains=q)
            | Q(lama__icontains=q)
            | Q(baru__icontains=q)
            | Q(instansi__nama__icontains=q)
            | Q(nama_instansi__icontains=q)
        )
    return qs


def pilihan_saringan(pemda_ids):
    """The units and the people that appear in these pemda's audit rows, for the filter selects."""
    from django.contrib.auth import get_user_model

    from organisasi.models import Instansi

    units = list(Instansi.objects.filter(pemda_id__in=pemda_ids).order_by("nama").values_list("id", "nama"))
    orang = list(
        get_user_model()
        .objects.filter(id__in=Jejak.objects.filter(pemda_id__in=pemda_ids).values("user_id"))
        .order_by("username")
        .values_list("id", "username", "first_name", "last_name")
    )
    return units, [(i, " ".join(x for x in (d, b) if x) or u) for i, u, d, b in orang]
