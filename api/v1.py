"""The REST API, version 1 (django-ninja): ``/api/v1/`` (docs/api.md).

Reads of public data (``akun.izin.publik_boleh``) need no token; everything else needs a per-user
Bearer token (``api.models.TokenAPI``) and the token acts as its user: ``akun.izin`` decides, as on
the web. The figures come from the query commands' JSON builders (``data_json``: one code path
with ``manage.py capaian/anggaran/ikm/akip``). The writes call the web's services
(``pengukuran.services.simpan_triwulan``, ``anggaran.services.simpan``): the same permission,
workflow state, entry window and audit. The session cookie is never read: a browser logged in to
the web has no more rights here than anyone, so no write can ride on a session without CSRF."""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import DecimalValidator
from django.db import transaction
from django.http import Http404
from ninja import NinjaAPI, Path, Query, Schema
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.docs import Swagger
from ninja.security import HttpBearer
from pydantic import Field

from akun import izin
from anggaran import services as anggaran_services
from anggaran.management.commands.anggaran import data_json as anggaran_json
from dasar.galat import Ditolak, Konflik
from evaluasi.management.commands.akip import data_json as akip_json
from evaluasi.selectors import hasil_akip
from organisasi.models import Instansi
from pengukuran import services as pengukuran_services
from pengukuran.management.commands.capaian import data_json as capaian_json
from pengukuran.models import Alur, Periode
from pengukuran.selectors import capaian_pk, pengajuan_periode
from perencanaan.models import NILAI, PKIndikator
from perencanaan.selectors import pk_berlaku
from rumus.angka import AngkaError, JenisAngka, parse_angka
from skm.management.commands.ikm import data_json as ikm_json
from skm.selectors import ikm_tahun

from . import selectors, skema
from .services import pemilik_token

ANONIM = AnonymousUser()
TRIWULAN = ("TW1", "TW2", "TW3", "TW4")  # the periods entered on the web's quarter pages


class TokenOpsional(HttpBearer):
    """``Authorization: Bearer <token>``; without the header the caller is anonymous (public data
    only). A header that is not a valid active token is refused (401), never read as anonymous."""

    def __call__(self, request):
        if "Authorization" not in request.headers:
            return ANONIM
        return super().__call__(request)

    def authenticate(self, request, token):
        return pemilik_token(token)


class TokenWajib(HttpBearer):
    """``Authorization: Bearer <token>``, required (the writes)."""

    def authenticate(self, request, token):
        return pemilik_token(token)


api = NinjaAPI(
    title="SAKIP API",
    version="1",
    description=(
        "Data kinerja SAKIP: pemda, unit, Renstra, indikator dan target, Perjanjian Kinerja, "
        "realisasi, capaian, anggaran dan serapan, IKM, AKIP, zona tertib; penulisan realisasi "
        "untuk integrasi. Dokumentasi: docs/api.md."
    ),
    urls_namespace="api",
    auth=TokenOpsional(),
    docs=Swagger(settings={"persistAuthorization": False}),
    docs_url="/docs/",
    openapi_url="/openapi.json",
)

GALAT = {400: skema.Galat, 401: skema.Galat, 403: skema.Galat, 404: skema.Galat}
GALAT_TULIS = {**GALAT, 409: skema.Galat, 413: skema.Galat}
Tahun = Path(..., ge=2000, le=2100, description="tahun anggaran, contoh 2024")


def _galat(request, pesan: str, status: int, galat: list[str] | None = None):
    return api.create_response(request, {"pesan": pesan, "galat": galat or []}, status=status)


@api.exception_handler(AuthenticationError)
def _tanpa_token(request, exc):
    return _galat(request, "Perlu token API yang berlaku (Authorization: Bearer <token>).", 401)


@api.exception_handler(HttpError)
def _galat_http(request, exc):
    """ninja's own refusals (a body that is not JSON, …): the status kept, the message in Indonesian."""
    pesan = {400: "Isi permintaan tidak dapat dibaca (harus JSON yang sah)."}.get(
        exc.status_code, "Permintaan ditolak."
    )
    return _galat(request, pesan, exc.status_code)


@api.exception_handler(PermissionDenied)
def _terlarang(request, exc):
    return _galat(request, "Anda tidak berwenang melakukan ini untuk unit tersebut.", 403)


@api.exception_handler(Http404)
def _tidak_ada(request, exc):
    return _galat(request, "Tidak ditemukan.", 404)


@api.exception_handler(Konflik)
def _konflik(request, exc):
    return _galat(request, str(exc), 409)


@api.exception_handler(Ditolak)
def _ditolak(request, exc):
    return _galat(request, str(exc), 400, [m for daftar in exc.bidang.values() for m in daftar])


@api.exception_handler(NinjaValidationError)
def _tidak_valid(request, exc):
    rincian = []
    for e in exc.errors:
        letak = ".".join(str(x) for x in e.get("loc", ()))
        rincian.append(f"{letak}: {e.get('msg', '')}")
    return _galat(request, "Masukan tidak valid.", 400, rincian)


# --- who may read what ------------------------------------------------------------------------


def _pengguna(request):
    return request.auth if request.auth is not None else ANONIM


def _unit(slug: str) -> Instansi:
    ins = Instansi.objects.select_related("pemda").filter(slug=slug).first()
    if ins is None:
        raise Http404
    return ins


def _boleh_baca(request, ins: Instansi, publik) -> None:
    """The caller may read this unit's data: its token's user may see the unit (``izin.boleh``),
    or the data is public (``publik()``: ``izin.publik_boleh``). Else 401 without a token, 404
    with one (as on the web, another unit's data is not revealed)."""
    user = _pengguna(request)
    if user.is_authenticated and izin.boleh(user, "lihat", ins):
        return
    if izin.publik_boleh("instansi", ins) and publik():
        return
    if not user.is_authenticated:
        raise AuthenticationError
    raise Http404


def _tahun_publik(ins: Instansi, tahun: int):
    return lambda: izin.publik_boleh("tahun", pk_berlaku([ins.id], tahun).get(ins.id))


def _halaman(qs, halaman: int, per_halaman: int):
    jumlah = qs.count()
    awal = (halaman - 1) * per_halaman
    return jumlah, qs[awal : awal + per_halaman]


class ParamHalaman(Schema):
    halaman: int = Field(1, ge=1, le=100000, description="nomor halaman, mulai 1")
    per_halaman: int = Field(50, ge=1, le=200, description="baris per halaman (paling banyak 200)")


def _keluar_halaman(jumlah: int, p: ParamHalaman, hasil: list) -> dict:
    return {"jumlah": jumlah, "halaman": p.halaman, "per_halaman": p.per_halaman, "hasil": hasil}


# --- reads --------------------------------------------------------------------------------------


@api.get("/pemda", response={200: skema.Halaman[skema.PemdaKeluar], **GALAT}, tags=["organisasi"])
def daftar_pemda(request, p: Query[ParamHalaman]):
    """Every pemda (public)."""
    jumlah, rows = _halaman(selectors.daftar_pemda(), p.halaman, p.per_halaman)
    return _keluar_halaman(
        jumlah, p, [{"kode": r.kode, "nama": r.nama, "tahun_berjalan": r.tahun_berjalan} for r in rows]
    )


class ParamInstansi(ParamHalaman):
    pemda: str | None = Field(None, max_length=50, description="kode pemda, contoh kota-bekasi")


@api.get("/instansi", response={200: skema.Halaman[skema.InstansiKeluar], **GALAT}, tags=["organisasi"])
def daftar_instansi(request, p: Query[ParamInstansi]):
    """The units, of one pemda with ``pemda``: the active ones (public), plus the inactive ones the
    token's user may see."""
    user = _pengguna(request)
    qs = selectors.daftar_instansi(p.pemda)
    if user.is_authenticated:
        from django.db.models import Q

        qs = qs.filter(Q(aktif=True) | Q(id__in=izin.instansi_boleh(user, "lihat")))
    else:
        qs = qs.filter(aktif=True)
    jumlah, rows = _halaman(qs, p.halaman, p.per_halaman)
    return _keluar_halaman(jumlah, p, [selectors.instansi_dict(i) for i in rows])


@api.get("/instansi/{slug}", response={200: skema.InstansiKeluar, **GALAT}, tags=["organisasi"])
def instansi(request, slug: str):
    """One unit."""
    ins = _unit(slug)
    _boleh_baca(request, ins, lambda: True)
    return selectors.instansi_dict(ins)


@api.get("/instansi/{slug}/renstra", response={200: list[skema.RenstraKeluar], **GALAT}, tags=["perencanaan"])
def renstra(request, slug: str):
    """The unit's Renstra tree: tujuan → sasaran → indikator with its targets per year (token of a
    user who may see the unit; a Renstra being drafted is not public)."""
    ins = _unit(slug)
    _boleh_baca(request, ins, lambda: False)
    return selectors.pohon_renstra(ins)


class ParamIndikator(ParamHalaman):
    iku: bool | None = Field(None, description="true: only the IKU")


@api.get(
    "/instansi/{slug}/indikator/{tahun}",
    response={200: skema.Halaman[skema.IndikatorTahunKeluar], **GALAT},
    tags=["perencanaan"],
)
def indikator(request, slug: str, p: Query[ParamIndikator], tahun: int = Tahun):
    """The unit's indicators planned in the year with that year's target (public once the year's PK
    is signed)."""
    ins = _unit(slug)
    _boleh_baca(request, ins, _tahun_publik(ins, tahun))
    jumlah, rows = _halaman(selectors.indikator_tahun(ins, tahun, p.iku), p.halaman, p.per_halaman)
    return _keluar_halaman(jumlah, p, selectors.indikator_tahun_dict(rows, tahun))


@api.get("/instansi/{slug}/pk/{tahun}", response={200: skema.PKKeluar, **GALAT}, tags=["perencanaan"])
def perjanjian_kinerja(request, slug: str, tahun: int = Tahun):
    """The Perjanjian Kinerja in force (the latest signed versi, else the draft) with its targets;
    public only once signed."""
    ins = _unit(slug)
    data = {}

    def publik():
        data["pk"] = pk_berlaku([ins.id], tahun).get(ins.id)
        return izin.publik_boleh("pk", data["pk"])

    _boleh_baca(request, ins, publik)
    hasil = selectors.pk_tahun(ins, tahun)
    if hasil is None:
        raise Http404
    hasil.pop("pk")
    return hasil


class ParamRealisasi(ParamHalaman):
    periode: Periode | None = Field(None, description="TW1–TW4, S1, S2, TAHUN")


@api.get(
    "/instansi/{slug}/realisasi/{tahun}",
    response={200: skema.Halaman[skema.RealisasiKeluar], **GALAT},
    tags=["pengukuran"],
)
def realisasi(request, slug: str, p: Query[ParamRealisasi], tahun: int = Tahun):
    """The entered realisasi per indicator and period, with the period's workflow status and the
    row's ``versi`` (sent back by a write). Public once the year's PK is signed."""
    ins = _unit(slug)
    _boleh_baca(request, ins, _tahun_publik(ins, tahun))
    jumlah, rows = _halaman(
        selectors.realisasi_tahun(ins, tahun, p.periode.value if p.periode else None),
        p.halaman,
        p.per_halaman,
    )
    return _keluar_halaman(jumlah, p, selectors.realisasi_dict(rows, selectors.status_periode(ins, tahun)))


@api.get(
    "/instansi/{slug}/capaian/{tahun}", response={200: skema.CapaianKeluar, **GALAT}, tags=["pengukuran"]
)
def capaian(request, slug: str, tahun: int = Tahun):
    """Capaian of every indicator of the PK in force: target, realisasi, capaian (%), as
    ``manage.py capaian --format json`` (its list is ``indikator``). Public once the PK is signed."""
    ins = _unit(slug)
    _boleh_baca(request, ins, _tahun_publik(ins, tahun))
    data = capaian_json(ins, tahun, capaian_pk([ins.id], tahun).get(ins.id, []))
    if isinstance(data, dict):  # no row: the reason
        return {"instansi": ins.slug, "tahun": tahun, "indikator": [], "alasan": data["alasan"]}
    return {"instansi": ins.slug, "tahun": tahun, "indikator": data, "alasan": None}


@api.get(
    "/pemda/{kode}/capaian/{tahun}",
    response={200: skema.Halaman[skema.CapaianKeluar], **GALAT},
    tags=["pengukuran"],
)
def capaian_pemda(request, kode: str, p: Query[ParamHalaman], tahun: int = Tahun):
    """Capaian of every unit of a pemda the caller may read (public: active units whose PK of the
    year is signed; with a token, also the units its user may see), paginated by unit (by slug);
    each item as ``/instansi/{slug}/capaian/{tahun}``. A fixed number of queries per page."""
    from organisasi.models import Pemda

    pemda = Pemda.objects.filter(kode=kode).first()
    if pemda is None:
        raise Http404
    user = _pengguna(request)
    units = list(Instansi.objects.filter(pemda=pemda).select_related("pemda").order_by("slug"))
    pks = pk_berlaku([u.id for u in units], tahun)
    terbaca = [
        u
        for u in units
        if (user.is_authenticated and izin.boleh(user, "lihat", u))
        or (izin.publik_boleh("instansi", u) and izin.publik_boleh("tahun", pks.get(u.id)))
    ]
    awal = (p.halaman - 1) * p.per_halaman
    halaman = terbaca[awal : awal + p.per_halaman]
    rows = capaian_pk([u.id for u in halaman], tahun)
    hasil = []
    for u in halaman:
        data = capaian_json(u, tahun, rows.get(u.id, []), pks.get(u.id))
        if isinstance(data, dict):
            hasil.append({"instansi": u.slug, "tahun": tahun, "indikator": [], "alasan": data["alasan"]})
        else:
            hasil.append({"instansi": u.slug, "tahun": tahun, "indikator": data, "alasan": None})
    return _keluar_halaman(len(terbaca), p, hasil)


@api.get(
    "/instansi/{slug}/anggaran/{tahun}", response={200: skema.AnggaranKeluar, **GALAT}, tags=["anggaran"]
)
def anggaran(request, slug: str, tahun: int = Tahun):
    """The budget tree programme → kegiatan → sub-kegiatan with pagu, realisasi, serapan, efisiensi
    and cash plan, as ``manage.py anggaran --format json``. Public once the year's PK is signed."""
    ins = _unit(slug)
    _boleh_baca(request, ins, _tahun_publik(ins, tahun))
    data = anggaran_json(ins, tahun)
    if data is None:
        raise Http404
    return data


@api.get(
    "/instansi/{slug}/anggaran/{tahun}/baris",
    response={200: skema.Halaman[skema.BarisAnggaranKeluar], **GALAT},
    tags=["anggaran"],
)
def baris_anggaran(request, slug: str, p: Query[ParamHalaman], tahun: int = Tahun):
    """The budget lines (DPA) with their ids and realisasi per period: what a budget write names."""
    ins = _unit(slug)
    _boleh_baca(request, ins, _tahun_publik(ins, tahun))
    jumlah, rows = _halaman(selectors.baris_anggaran(ins, tahun), p.halaman, p.per_halaman)
    return _keluar_halaman(jumlah, p, selectors.baris_anggaran_dict(rows))


@api.get("/instansi/{slug}/ikm/{tahun}", response={200: skema.IKMKeluar, **GALAT}, tags=["skm"])
def ikm(request, slug: str, tahun: int = Tahun):
    """IKM per survey period and for the year, as ``manage.py ikm --format json`` (public, as the
    SKM results page)."""
    ins = _unit(slug)
    data = {}

    def publik():
        data["hasil"] = ikm_tahun([ins.id], tahun).get(ins.id)
        return izin.publik_boleh("ikm", data["hasil"])

    _boleh_baca(request, ins, publik)
    hasil = data["hasil"] if "hasil" in data else ikm_tahun([ins.id], tahun).get(ins.id)
    if hasil is None:
        raise Http404
    return ikm_json(hasil)


@api.get("/instansi/{slug}/akip/{tahun}", response={200: skema.AKIPKeluar, **GALAT}, tags=["evaluasi"])
def akip(request, slug: str, tahun: int = Tahun):
    """Nilai AKIP: components, total, predikat, as ``manage.py akip --format json`` (from a final
    LKE or the imported LHE: public)."""
    ins = _unit(slug)
    data = {}

    def publik():
        data["hasil"] = hasil_akip(ins.id, tahun, "akip")
        return izin.publik_boleh("akip", data["hasil"])

    _boleh_baca(request, ins, publik)
    hasil = data["hasil"] if "hasil" in data else hasil_akip(ins.id, tahun, "akip")
    if hasil is None:
        raise Http404
    return akip_json(hasil)


@api.get("/instansi/{slug}/zona/{tahun}", response={200: skema.ZonaKeluar, **GALAT}, tags=["zona"])
def zona(request, slug: str, tahun: int = Tahun):
    """Persentase Wilayah yang Tertib and each zone's latest category of the year (public once the
    year's PK is signed)."""
    ins = _unit(slug)
    _boleh_baca(request, ins, _tahun_publik(ins, tahun))
    return selectors.zona_tahun(ins, tahun)


# --- writes -------------------------------------------------------------------------------------


def _angka(teks, jenis: JenisAngka, kolom: dict, label: str) -> Decimal:
    """A number sent by an integration, read as the web reads typed numbers, and fitting its
    column (else ``Ditolak``: 400)."""
    try:
        nilai = parse_angka(teks, jenis)
    except AngkaError:
        raise Ditolak(f"{label}: {teks!r} bukan angka.") from None
    try:
        DecimalValidator(kolom["max_digits"], kolom["decimal_places"])(nilai)
    except ValidationError:
        raise Ditolak(
            f"{label}: {teks!r} terlalu besar atau terlalu banyak angka di belakang koma "
            f"(paling banyak {kolom['decimal_places']})."
        ) from None
    return nilai


def _triwulan(periode: str) -> str:
    if periode not in TRIWULAN:
        raise Ditolak(f"Periode {periode!r} tidak dikenal: pilih TW1, TW2, TW3 atau TW4.")
    return periode


def _unit_tulis(request, slug: str) -> Instansi:
    ins = _unit(slug)
    if not izin.boleh(request.auth, "isi", ins):
        raise PermissionDenied
    return ins


@api.put(
    "/instansi/{slug}/realisasi/{tahun}/{periode}",
    auth=TokenWajib(),
    response={200: skema.HasilTulisRealisasi, **GALAT_TULIS},
    tags=["pengukuran"],
)
def tulis_realisasi(request, slug: str, periode: str, body: skema.TulisRealisasi, tahun: int = Tahun):
    """Enter the quarter's realisasi of indicators of the PK in force whose values are entered
    (source ``manual``), as the web's quarter page does (``pengukuran.services.simpan_triwulan``):
    the unit's operator only, while the quarter is open (draft or returned) and its entry window
    open; stored in the normal workflow (draft until submitted on the web) and audited. ``versi``:
    the row's versi read before (a stale one: 409, nothing saved)."""
    ins = _unit_tulis(request, slug)
    periode = _triwulan(periode)
    pk = pk_berlaku([ins.id], tahun).get(ins.id)
    manual = {}
    if pk is not None:
        manual = {
            r.indikator.kode: r.indikator
            for r in PKIndikator.objects.filter(pk_dokumen=pk).select_related("indikator")
            if r.indikator.sumber_realisasi == "manual"
        }
    isian, kode = {}, set()
    for i in body.isian:
        if i.kode in kode:
            raise Ditolak(f"Indikator {i.kode} dikirim lebih dari sekali.")
        kode.add(i.kode)
        ind = manual.get(i.kode)
        if ind is None:
            raise Ditolak(
                f"Indikator {i.kode} tidak ada di Perjanjian Kinerja {tahun} unit ini sebagai "
                "indikator yang realisasinya diisi."
            )
        nilai = _angka(i.nilai, JenisAngka.DESIMAL, NILAI, i.kode)
        analisis = {k: getattr(i, k) for k in pengukuran_services.ANALISIS}
        isian[ind] = pengukuran_services.Isian(nilai, analisis, i.versi)
    try:
        with transaction.atomic():
            hasil = pengukuran_services.simpan_triwulan(
                user=request.auth, instansi=ins, tahun=tahun, periode=periode, isian=isian, bukti={}
            )
    except pengukuran_services.KonflikTriwulan as exc:
        kode_ind = {ind.id: ind.kode for ind in isian}
        rincian = [
            f"{kode_ind[iid]}: versi sekarang {r.versi}" if r else f"{kode_ind[iid]}: sudah dihapus"
            for iid, r in sorted(exc.baris.items())
        ]
        raise Konflik(
            f"Realisasi {periode} {tahun} sudah diubah pengguna lain sejak dibaca ({'; '.join(rincian)}). "
            "Tidak ada yang disimpan; baca ulang, lalu kirim lagi dengan versi terbaru."
        ) from None
    status = pengajuan_periode(ins, tahun, periode).status
    return {"disimpan": [ind.kode for ind in hasil.disimpan], "status_periode": status}


@api.put(
    "/instansi/{slug}/anggaran/{tahun}/{periode}",
    auth=TokenWajib(),
    response={200: skema.HasilTulisAnggaran, **GALAT_TULIS},
    tags=["anggaran"],
)
def tulis_anggaran(request, slug: str, periode: str, body: skema.TulisAnggaran, tahun: int = Tahun):
    """Enter the quarter's budget realisasi per line, as the web's budget realisasi page does
    (``anggaran.services.simpan``): the operator, while the budget quarter is open and its window
    open; all lines or none (a value above the pagu refuses the whole request)."""
    from anggaran.models import UANG

    ins = _unit_tulis(request, slug)
    periode = _triwulan(periode)
    nilai = {}
    for i in body.isian:
        if i.baris in nilai:
            raise Ditolak(f"Baris anggaran {i.baris} dikirim lebih dari sekali.")
        nilai[i.baris] = _angka(i.nilai, JenisAngka.RUPIAH, UANG, f"baris {i.baris}")
    berubah = anggaran_services.simpan(
        user=request.auth, instansi=ins, tahun=tahun, periode=periode, nilai_per_baris=nilai
    )
    status = pengajuan_periode(ins, tahun, periode, Alur.ANGGARAN).status
    return {"berubah": berubah, "status_periode": status}
