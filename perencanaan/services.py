"""Write services for planning: build, edit, sign and revise the Perjanjian Kinerja."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from akun.izin import boleh
from audit.models import Aksi, catat
from dasar.galat import Ditolak
from dasar.teks import tolak_jika_panjang
from laporan.perjanjian import isi_beku_pk
from rumus.format import format_angka
from rumus.rencana_aksi import (
    BULAN,
    TRIWULAN,
    Selisih,
    cek_target_bulan,
    cek_target_triwulan,
    triwulan_dari_bulan,
)
from tembolok.services import usangkan

from . import selectors
from .models import (
    Indikator,
    LangkahAksi,
    PerjanjianKinerja,
    PKIndikator,
    Renstra,
    Sasaran,
    Target,
    TargetTriwulan,
    Tujuan,
)
from .selectors import kurang_untuk_tandatangan, pejabat_pilihan, target_renstra

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


SUMBER_REVISI = ("renstra", "pk")  # a revision starts from the Renstra targets or the previous PK


@transaction.atomic
def buat_pk(
    *,
    user,
    instansi,
    tahun: int,
    pihak_pertama=None,
    pihak_kedua=None,
    sumber: str | None = None,
    jabatan=None,
) -> PerjanjianKinerja:
    """A new PK (or the next versi) of the unit head (``jabatan`` None) or of a lower position
    (``jabatan``: an official of the unit who owns indicators, ``selectors.indikator_jabatan``).
    The first versi takes the year's Renstra targets of the IKU (the head's) or of the indicators
    the position owns; a revision (PK Perubahan) starts, as chosen explicitly by ``sumber``, from
    the Renstra targets of today ("renstra") or from the previous versi's indicators and targets
    ("pk"), and keeps the previous versi's signatories and place (its date is chosen again). A
    position's PK is signed by the position (PIHAK PERTAMA) and, unless chosen otherwise, the
    unit head (PIHAK KEDUA)."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    if jabatan is not None:
        if jabatan.instansi_id != instansi.id or not jabatan.aktif:
            raise Ditolak(bidang={"jabatan": [_("Pilih jabatan dari pejabat aktif unit ini.")]})
        kepala = selectors.kepala_unit(instansi)
        if kepala is not None and jabatan.id == kepala.id:
            jabatan = None  # the head's PK is the unit's PK
    terakhir = (
        PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun, jabatan=jabatan)
        .order_by("-versi")
        .first()
    )
    if terakhir and not terakhir.ditandatangani:
        raise Ditolak(f"{terakhir} masih draf: ubah draf itu, jangan buat versi baru.")
    if terakhir and sumber not in SUMBER_REVISI:
        raise Ditolak(_("Pilih dasar PK Perubahan: target Renstra atau PK sebelumnya."))
    if terakhir and sumber == "pk":
        rows = [
            (r.indikator, r.target, r.target_atas)
            for r in PKIndikator.objects.filter(pk_dokumen=terakhir).select_related("indikator")
        ]
    elif jabatan is not None:
        rows = selectors.indikator_jabatan(jabatan, tahun)
        if not rows:
            raise Ditolak(
                bidang={
                    "jabatan": [
                        _("%(j)s belum memiliki indikator dengan target tahun %(t)s.")
                        % {"j": jabatan.jabatan, "t": tahun}
                    ]
                }
            )
    else:
        rows = target_renstra(instansi, tahun)
    if terakhir:
        pertama, kedua = terakhir.pihak_pertama, terakhir.pihak_kedua
    elif jabatan is not None:
        pertama, kedua = jabatan, pihak_kedua or selectors.atasan_bawaan(instansi, jabatan)
    else:
        pertama, kedua = pihak_pertama, pihak_kedua
    pk = PerjanjianKinerja.objects.create(
        instansi=instansi,
        tahun=tahun,
        jabatan=jabatan,
        versi=(terakhir.versi + 1) if terakhir else 1,
        pihak_pertama=pertama,
        pihak_kedua=kedua,
        tempat=terakhir.tempat if terakhir else "",
    )
    for no, (ind, target, atas) in enumerate(rows, start=1):
        PKIndikator.objects.create(pk_dokumen=pk, indikator=ind, target=target, target_atas=atas, no=no)
    catat(
        user,
        pk,
        Aksi.BUAT,
        {
            "versi": (None, pk.versi),
            **({"jabatan": (None, jabatan.jabatan)} if jabatan is not None else {}),
            **({"sumber": (None, sumber)} if terakhir else {}),
        },
        instansi,
    )
    return pk


@transaction.atomic
def ubah_penandatangan(*, user, pk: PerjanjianKinerja, pihak_pertama, pihak_kedua, tempat: str, tanggal):
    """Choose the draft's PIHAK PERTAMA (an official of the unit) and PIHAK KEDUA (the unit's or
    the pemda's), and the place and date of signing printed on it (the year of the PK or the one
    before; never the day it is signed). A refusal names the field."""
    instansi = pk.instansi
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    if pk.ditandatangani:
        raise Ditolak(f"{pk} sudah ditandatangani dan tidak dapat diubah; buat versi baru.")
    bidang: dict[str, list[str]] = {}
    boleh_pilih = set(pejabat_pilihan(instansi).values_list("id", flat=True))
    if (
        pihak_pertama is None
        or pihak_pertama.id not in boleh_pilih
        or pihak_pertama.instansi_id != instansi.id
    ):
        bidang["pihak_pertama"] = [_("Pilih pejabat unit ini sebagai PIHAK PERTAMA.")]
    elif pk.jabatan_id and pihak_pertama.id != pk.jabatan_id:
        bidang["pihak_pertama"] = [
            _("PIHAK PERTAMA PK jabatan ini adalah %(j)s sendiri.") % {"j": pk.jabatan.jabatan}
        ]
    if pihak_kedua is not None and pihak_kedua.id not in boleh_pilih:
        bidang["pihak_kedua"] = [_("Pilih PIHAK KEDUA dari pejabat unit ini atau pemda.")]
    elif pihak_kedua is not None and pihak_pertama is not None and pihak_kedua.id == pihak_pertama.id:
        bidang["pihak_kedua"] = [_("PIHAK KEDUA harus pejabat lain (atasan PIHAK PERTAMA).")]
    tempat = (tempat or "").strip()
    tolak_jika_panjang(PerjanjianKinerja, tempat=tempat)
    if tanggal is not None and tanggal.year not in (pk.tahun - 1, pk.tahun):
        bidang["tanggal"] = [
            _("Tanggal penandatanganan PK %(t)s harus pada tahun %(a)s atau %(t)s.")
            % {"t": pk.tahun, "a": pk.tahun - 1}
        ]
    if bidang:
        raise Ditolak(bidang=bidang)
    baru = {"pihak_pertama_id": pihak_pertama.id, "pihak_kedua_id": getattr(pihak_kedua, "id", None)}
    baru |= {"tempat": tempat, "tanggal": tanggal}
    perubahan = {k: (getattr(pk, k), v) for k, v in baru.items() if getattr(pk, k) != v}
    if perubahan:
        for k, v in baru.items():
            setattr(pk, k, v)
        pk.save()
        catat(user, pk, Aksi.UBAH, perubahan, instansi)
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
def tandatangani(*, user, pk: PerjanjianKinerja, sha256: str | None = None) -> None:
    """Sign the draft: refused while a signatory, the date or the place is missing; ``sha256``,
    the code of the content shown on the confirmation page, must still be the content's (else
    something changed since and the signer has not seen it). The content is frozen with the
    chosen signatories, place and date."""
    if not boleh(user, "tandatangani", pk.instansi):
        raise PermissionDenied
    # one signer at a time: the PK's row locked (``of``: not the officials, an outer join on PostgreSQL)
    pk = (
        PerjanjianKinerja.objects.select_for_update(of=("self",))
        .select_related("instansi__pemda", "pihak_pertama", "pihak_kedua")
        .get(pk=pk.pk)
    )
    if pk.ditandatangani:
        raise Ditolak(f"{pk} sudah ditandatangani.")
    kurang = kurang_untuk_tandatangan(pk)
    if kurang:
        raise Ditolak(_("Belum dapat ditandatangani: %(k)s.") % {"k": "; ".join(kurang)})
    isi, sha = isi_beku_pk(pk)  # the document as signed; it renders from this only
    if sha256 is not None and sha256 != sha:
        raise Ditolak(
            _(
                "Isi Perjanjian Kinerja berubah sejak halaman konfirmasi dibuka; periksa lagi sebelum menandatangani."
            )
        )
    pk.status = PerjanjianKinerja.Status.DITANDATANGANI
    pk.isi_beku, pk.sha256 = isi, sha
    pk.save()
    catat(
        user,
        pk,
        Aksi.TANDATANGANI,
        {"status": ("draft", "ditandatangani"), "sha256": ("", pk.sha256)},
        pk.instansi,
    )


def _cek_atur(user, instansi) -> None:
    """Building the Renstra (tujuan, sasaran, indikator, targets, IKU sheet) is setting the unit
    up: its operator, or the pemda's admin preparing a new unit (``atur``)."""
    if not boleh(user, "atur", instansi):
        raise PermissionDenied


def _saudara(obj):
    """The items ``obj`` is ordered among: a Renstra's tujuan, a tujuan's sasaran, the indicators
    of one tujuan or sasaran."""
    if isinstance(obj, Tujuan):
        return Tujuan.objects.filter(renstra_id=obj.renstra_id)
    if isinstance(obj, Sasaran):
        return Sasaran.objects.filter(tujuan_id=obj.tujuan_id)
    return Indikator.objects.filter(
        instansi_id=obj.instansi_id, tujuan_id=obj.tujuan_id, sasaran_id=obj.sasaran_id
    )


def _nilai_bidang(obj) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


@transaction.atomic
def simpan_objek(*, user, instansi, obj, aksi: Aksi = Aksi.UBAH):
    """Create or update a Tujuan/Sasaran/Indikator of the unit from a validated form instance,
    audited field by field. A new item, or one moved under another parent, goes last among its
    new siblings."""
    _cek_atur(user, instansi)
    if obj.instansi_id != instansi.id:
        raise PermissionDenied
    baru = obj.pk is None
    lama = {} if baru else _nilai_bidang(type(obj).objects.select_for_update().get(pk=obj.pk))
    induk = ("renstra_id", "tujuan_id", "sasaran_id")
    if baru or any(k in lama and lama[k] != getattr(obj, k) for k in induk):
        akhir = _saudara(obj).exclude(pk=obj.pk).order_by("-urutan").values_list("urutan", flat=True).first()
        obj.urutan = (akhir or 0) + 1
    obj.save()
    perubahan = {k: (lama.get(k), v) for k, v in _nilai_bidang(obj).items() if lama.get(k) != v and k != "id"}
    catat(user, obj, Aksi.BUAT if baru else aksi, perubahan, instansi)
    return obj


@transaction.atomic
def geser(*, user, obj, arah: str) -> bool:
    """Move an item one place up (``naik``) or down (``turun``) among its siblings; the
    siblings are renumbered 1..n. Returns False when it already is first or last."""
    _cek_atur(user, obj.instansi)
    if arah not in ("naik", "turun"):
        raise Ditolak(_("Arah geser harus naik atau turun."))
    urut = list(_saudara(obj).select_for_update().order_by("urutan", "kode", "id"))
    i = next(n for n, x in enumerate(urut) if x.pk == obj.pk)
    j = i - 1 if arah == "naik" else i + 1
    if not 0 <= j < len(urut):
        return False
    urut[i], urut[j] = urut[j], urut[i]
    for n, x in enumerate(urut, start=1):
        if x.urutan != n:
            catat(user, x, Aksi.UBAH, {"urutan": (x.urutan, n)}, obj.instansi)
            x.urutan = n
            type(x).objects.filter(pk=x.pk).update(urutan=n)
    usangkan([obj.instansi_id])  # update() sends no signal
    return True


@transaction.atomic
def hapus(*, user, obj) -> None:
    """Delete a tujuan (with its sasaran and indicators), a sasaran (with its indicators) or an
    indicator, with their targets; an indicator in a draft PK leaves that draft. Refused, with
    every reason, when something under it is used: a signed PK, a realisasi, a budget link or
    any other data referring to it (archive it instead: ``arsipkan``)."""
    instansi = obj.instansi
    _cek_atur(user, instansi)
    type(obj).objects.select_for_update().filter(pk=obj.pk).first()
    r = selectors.ringkasan_hapus(obj)
    if not r.boleh_hapus:
        raise Ditolak(
            _("%(objek)s tidak dapat dihapus: %(alasan)s. Arsipkan saja (isi tahun mulai diarsipkan).")
            % {"objek": selectors.label_objek(obj), "alasan": "; ".join(r.alasan)}
        )
    ids = [i.id for i in r.indikator]
    for row in PKIndikator.objects.filter(indikator_id__in=ids).select_related("pk_dokumen", "indikator"):
        catat(
            user, row, Aksi.HAPUS, {"indikator": (row.indikator.kode, None)}, instansi, keterangan="draf PK"
        )
        row.delete()  # a draft's row (a signed one was refused above)
    target: dict[int, list[str]] = {}
    for t in Target.objects.filter(indikator_id__in=ids).order_by("tahun"):
        target.setdefault(t.indikator_id, []).append(f"{t.tahun}: {t.nilai.normalize():f}")
    for i in r.indikator:
        catat(
            user,
            i,
            Aksi.HAPUS,
            {
                "kode": (i.kode, None),
                "nama": (i.nama, None),
                "target": ("; ".join(target.get(i.id, [])), None),
            },
            instansi,
        )
    for s in r.sasaran:
        catat(user, s, Aksi.HAPUS, {"kode": (s.kode, None), "uraian": (s.uraian, None)}, instansi)
    if not isinstance(obj, Indikator):
        catat(user, obj, Aksi.HAPUS, {"kode": (obj.kode, None), "uraian": (obj.uraian, None)}, instansi)
    obj.delete()  # cascades to its sasaran, indicators and targets


@transaction.atomic
def arsipkan(*, user, obj, tahun: int | None) -> None:
    """Archive an item from ``tahun`` on (None: active again): from that year it leaves the
    targets grid and new Perjanjian Kinerja; earlier years keep it. The year must come after
    the last year it (or an indicator under it) was used: a signed PK, a realisasi, a budget
    link. Audited."""
    instansi = obj.instansi
    _cek_atur(user, instansi)
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if tahun is not None:
        if not TAHUN_MIN <= tahun <= TAHUN_MAKS:
            raise Ditolak(
                bidang={
                    "tahun_nonaktif": [
                        _("Tahun harus antara %(min)d dan %(maks)d.") % {"min": TAHUN_MIN, "maks": TAHUN_MAKS}
                    ]
                }
            )
        terakhir = selectors.ringkasan_hapus(obj).tahun_terakhir
        if terakhir is not None and tahun <= terakhir:
            raise Ditolak(
                bidang={
                    "tahun_nonaktif": [
                        _(
                            "%(objek)s masih dipakai pada tahun %(tahun)d: arsipkan mulai %(berikut)d "
                            "atau sesudahnya."
                        )
                        % {"objek": selectors.label_objek(obj), "tahun": terakhir, "berikut": terakhir + 1}
                    ]
                }
            )
    if obj.tahun_nonaktif == tahun:
        return
    catat(user, obj, Aksi.UBAH, {"tahun_nonaktif": (obj.tahun_nonaktif, tahun)}, instansi)
    obj.tahun_nonaktif = tahun
    obj.save(update_fields=["tahun_nonaktif"])


@transaction.atomic
def simpan_target_renstra(*, user, renstra: Renstra, isian: dict) -> int:
    """Save the targets grid of a Renstra in one go (all or nothing).

    ``isian`` maps (indikator id, tahun) to (nilai, nilai_atas), each a Decimal or None; a cell
    left out is not changed, a cell with both None removes the target. The indicators must be of
    the Renstra and planned that year, the years in the period, a batas atas only for a
    rentang indicator and not below its target. Returns the number of changed targets; every
    change is audited."""
    instansi = renstra.instansi
    _cek_atur(user, instansi)
    tahun_ok = set(renstra.tahun())
    indikator = {
        i.id: i
        for i in selectors.indikator_di_bawah_renstra(renstra).select_related("tujuan", "sasaran__tujuan")
    }
    salah: list[str] = []
    for (iid, tahun), (nilai, atas) in isian.items():
        ind = indikator.get(iid)
        if ind is None or tahun not in tahun_ok:
            raise Ditolak(_("Daftar indikator atau periode sudah berubah: muat ulang halaman ini."))
        if (nilai is not None or atas is not None) and not ind.direncanakan_pada(tahun):
            salah.append(_("%(kode)s diarsipkan untuk tahun %(tahun)d.") % {"kode": ind.kode, "tahun": tahun})
        if atas is not None and ind.polaritas != "rentang":
            salah.append(
                _("%(kode)s %(tahun)d: batas atas hanya untuk indikator berpolaritas rentang.")
                % {"kode": ind.kode, "tahun": tahun}
            )
        if atas is not None and nilai is None:
            salah.append(_("%(kode)s %(tahun)d: isi targetnya juga.") % {"kode": ind.kode, "tahun": tahun})
        if atas is not None and nilai is not None and atas < nilai:
            salah.append(
                _("%(kode)s %(tahun)d: batas atas tidak boleh di bawah target.")
                % {"kode": ind.kode, "tahun": tahun}
            )
    if salah:
        raise Ditolak(" ".join(salah))
    ada = {
        (t.indikator_id, t.tahun): t
        for t in Target.objects.select_for_update().filter(
            indikator_id__in=list(indikator), tahun__in=tahun_ok
        )
    }
    berubah = 0
    for (iid, tahun), (nilai, atas) in sorted(isian.items()):
        t = ada.get((iid, tahun))
        if t is None and nilai is None:
            continue
        if t is not None and nilai is None:
            catat(user, t, Aksi.HAPUS, {f"target {tahun}": (t.nilai, None)}, instansi)
            t.delete()
        elif t is None:
            t = Target.objects.create(indikator_id=iid, tahun=tahun, nilai=nilai, nilai_atas=atas)
            catat(
                user, t, Aksi.BUAT, {f"target {tahun}": (None, nilai), **_atas(tahun, None, atas)}, instansi
            )
        elif t.nilai != nilai or t.nilai_atas != atas:
            perubahan = {f"target {tahun}": (t.nilai, nilai)} if t.nilai != nilai else {}
            perubahan.update(_atas(tahun, t.nilai_atas, atas))
            t.nilai, t.nilai_atas = nilai, atas
            t.save(update_fields=["nilai", "nilai_atas"])
            catat(user, t, Aksi.UBAH, perubahan, instansi)
        else:
            continue
        berubah += 1
    return berubah


def _atas(tahun, lama, baru) -> dict:
    return {f"batas atas {tahun}": (lama, baru)} if lama != baru else {}


BIDANG_IKU = ("alasan", "formulasi", "sumber_data", "penanggung_jawab")


@transaction.atomic
def simpan_lembar_iku(*, user, instansi, isian: dict[int, dict[str, str]]) -> int:
    """Save the IKU sheet's texts (alasan, formulasi, sumber data, penanggung jawab) of every IKU
    of the unit in one go; ``isian`` maps an indicator id to its texts. Returns the number of
    changed indicators; every changed field is audited."""
    _cek_atur(user, instansi)
    rows = {i.id: i for i in Indikator.objects.select_for_update().filter(instansi=instansi, iku=True)}
    if set(isian) - set(rows):
        raise Ditolak(_("Daftar IKU sudah berubah: muat ulang halaman ini."))
    for teks in isian.values():
        tolak_jika_panjang(Indikator, **{k: teks.get(k, "").strip() for k in BIDANG_IKU})
    berubah = 0
    for iid, teks in isian.items():
        ind = rows[iid]
        perubahan = {}
        for k in BIDANG_IKU:
            baru = teks.get(k, "").strip()
            if getattr(ind, k) != baru:
                perubahan[k] = (getattr(ind, k), baru)
                setattr(ind, k, baru)
        if perubahan:
            ind.save(update_fields=list(perubahan))
            catat(user, ind, Aksi.UBAH, perubahan, instansi)
            berubah += 1
    return berubah


# --- Rencana Aksi ------------------------------------------------------------------------------


def _angka(v: Decimal) -> str:
    """A value exactly as typed, the Indonesian way (97,8; 1.250)."""
    eksponen = v.normalize().as_tuple().exponent
    return format_angka(v, max(0, -int(eksponen)) if isinstance(eksponen, int) else 0)


def pesan_selisih(s: Selisih, satuan: str = "") -> str:
    """Why quarter targets do not follow the aggregation, naming the rule and the numbers."""
    sat = f" {satuan}" if satuan else ""
    if s.aturan == "lengkap":
        return _(
            "Isi target keempat triwulan (belum diisi: %(tw)s), atau kosongkan semuanya bila indikator "
            "ini belum punya rencana aksi."
        ) % {"tw": ", ".join(s.kosong)}
    isi = {"tahunan": _angka(s.harapan) + sat, "hasil": _angka(s.hasil) + sat}
    if s.aturan == "terakhir":
        return (
            _(
                "Agregasi indikator ini 'terakhir': target TW4 harus sama dengan target tahunan PK "
                "%(tahunan)s, bukan %(hasil)s."
            )
            % isi
        )
    if s.aturan == "jumlah":
        return (
            _(
                "Agregasi indikator ini 'jumlah': jumlah target TW1–TW4 harus sama dengan target "
                "tahunan PK %(tahunan)s, sekarang %(hasil)s."
            )
            % isi
        )
    return (
        _(
            "Agregasi indikator ini 'rata-rata': rata-rata target TW1–TW4 harus sama dengan target "
            "tahunan PK %(tahunan)s, sekarang %(hasil)s."
        )
        % isi
    )


NAMA_BULAN = (
    gettext_lazy("Januari"),
    gettext_lazy("Februari"),
    gettext_lazy("Maret"),
    gettext_lazy("April"),
    gettext_lazy("Mei"),
    gettext_lazy("Juni"),
    gettext_lazy("Juli"),
    gettext_lazy("Agustus"),
    gettext_lazy("September"),
    gettext_lazy("Oktober"),
    gettext_lazy("November"),
    gettext_lazy("Desember"),
)
DESIMAL_TARGET = TargetTriwulan._meta.get_field("nilai").decimal_places


def per_bulan(instansi) -> bool:
    """Whether the unit's pemda plans its Rencana Aksi per month (``Pemda.periode_rencana_aksi``)."""
    return instansi.pemda.periode_rencana_aksi == "bulan"


def nama_bulan(kode: str) -> str:
    """B01 -> Januari."""
    return str(NAMA_BULAN[BULAN.index(kode)])


def pesan_selisih_bulan(s: Selisih, satuan: str = "") -> str:
    """Why twelve month targets do not follow the aggregation, naming the rule and the numbers."""
    sat = f" {satuan}" if satuan else ""
    if s.aturan == "lengkap":
        return _(
            "Isi target kedua belas bulan (belum diisi: %(bulan)s), atau kosongkan semuanya bila "
            "indikator ini belum punya rencana aksi."
        ) % {"bulan": ", ".join(nama_bulan(b) for b in s.kosong)}
    isi = {"tahunan": _angka(s.harapan) + sat, "hasil": _angka(s.hasil) + sat}
    if s.aturan == "terakhir":
        return (
            _(
                "Agregasi indikator ini 'terakhir': target Desember harus sama dengan target tahunan PK "
                "%(tahunan)s, bukan %(hasil)s."
            )
            % isi
        )
    if s.aturan == "jumlah":
        return (
            _(
                "Agregasi indikator ini 'jumlah': jumlah target Januari–Desember harus sama dengan target "
                "tahunan PK %(tahunan)s, sekarang %(hasil)s."
            )
            % isi
        )
    return (
        _(
            "Agregasi indikator ini 'rata-rata': rata-rata target Januari–Desember harus sama dengan "
            "target tahunan PK %(tahunan)s, sekarang %(hasil)s."
        )
        % isi
    )


def _cek_bulan(per_id, target_bulan, terkunci, bidang) -> dict[int, list]:
    """Check a monthly plan (per indicator id the twelve month targets B01..B12) and return the
    quarter targets it gives ({id: [TW1..TW4]}, all None for an emptied plan). Errors go to
    ``bidang`` at ``b-<id>-<Bxx>``: the aggregation (``cek_target_bulan``), a quarter of a
    "rata-rata" indicator whose mean of three months has more decimals than a target can keep, and
    a month of a verified quarter that changes (when the plan was quarterly, with no months stored,
    the months must give the kept quarter target; checked with the quarters)."""
    turunan: dict[int, list] = {}
    for iid, nilai in target_bulan.items():
        b = per_id[iid]
        nilai = list(nilai)
        if len(nilai) != 12:
            raise Ditolak(_("Target bulan harus dua belas (Januari–Desember)."))
        kode = b.indikator.kode
        if all(v is None for v in nilai):
            if b.target_bulan:  # the months emptied: the plan removed
                turunan[iid] = [None] * 4
            # else no months typed for a plan made per quarter (or none): left as it is
        else:
            s = cek_target_bulan(b.pk_row.target, nilai, b.indikator.agregasi)
            if s is not None:
                bl = s.kosong[0] if s.kosong else "B12"
                bidang[f"b-{iid}-{bl}"] = [f"{kode}: {pesan_selisih_bulan(s, b.indikator.satuan)}"]
                continue
            tw = triwulan_dari_bulan(nilai, b.indikator.agregasi)
            for q, v in enumerate(tw):
                if v is not None and v != round(v, DESIMAL_TARGET):
                    bl = BULAN[3 * q + 2]
                    bidang.setdefault(f"b-{iid}-{bl}", []).append(
                        _(
                            "%(kode)s: rata-rata target bulan %(tw)s tidak dapat disimpan tepat "
                            "(lebih dari %(n)d desimal); sesuaikan target bulannya."
                        )
                        % {"kode": kode, "tw": TRIWULAN[q], "n": DESIMAL_TARGET}
                    )
            turunan[iid] = tw
        ada = b.target_bulan
        if ada:
            for n, (bl, v) in enumerate(zip(BULAN, nilai, strict=True)):
                tw = TRIWULAN[n // 3]
                if tw in terkunci and ada.get(bl) != v:
                    bidang.setdefault(f"b-{iid}-{bl}", []).append(
                        _(
                            "%(kode)s: target %(bulan)s tidak dapat diubah lagi karena realisasi %(tw)s "
                            "sudah diverifikasi (tetap %(lama)s)."
                        )
                        % {
                            "kode": kode,
                            "bulan": nama_bulan(bl),
                            "tw": tw,
                            "lama": _angka(ada[bl]) if ada.get(bl) is not None else _("kosong"),
                        }
                    )
    return turunan


def _simpan_target(user, instansi, b, tahun, periode, nilai, ada) -> int:
    """Create, change or remove the stored targets of one indicator for ``periode`` (audited);
    how many changed."""
    n = 0
    for p, v in zip(periode, nilai, strict=True):
        lama = ada.get(p)
        if v is None:
            if lama is not None:
                catat(user, lama, Aksi.HAPUS, {"nilai": (lama.nilai, None)}, instansi, keterangan=p)
                lama.delete()
                n += 1
        elif lama is None:
            baru = TargetTriwulan.objects.create(indikator=b.indikator, tahun=tahun, periode=p, nilai=v)
            catat(user, baru, Aksi.BUAT, {"nilai": (None, v)}, instansi, keterangan=p)
            n += 1
        elif lama.nilai != v:
            catat(user, lama, Aksi.UBAH, {"nilai": (lama.nilai, v)}, instansi, keterangan=p)
            lama.nilai = v
            lama.save(update_fields=["nilai"])
            n += 1
    return n


@dataclass(frozen=True)
class IsianLangkah:
    """One action step as typed: its quarter, description, who is responsible, and the id of the
    budget sub-kegiatan it rests on (None: no budget link)."""

    periode: str
    uraian: str
    penanggung_jawab: str = ""
    sub_kegiatan_id: int | None = None


@dataclass
class HasilRencana:
    target: int = 0  # quarter targets created, changed or removed (derived ones included)
    bulan: int = 0  # month targets created, changed or removed
    langkah: int = 0  # action steps created, changed or removed


@transaction.atomic
def simpan_rencana_aksi(
    *,
    user,
    instansi,
    tahun: int,
    target: dict[int, list[Decimal | None]],
    langkah: dict[int, list[IsianLangkah]],
    target_bulan: dict[int, list[Decimal | None]] | None = None,
) -> HasilRencana:
    """Save the whole Rencana Aksi of a unit-year in one transaction: per PK indicator (by id) the
    four quarter targets (TW1..TW4; all four empty removes the plan) and its action steps (the
    list replaces the stored ones, in order). The operator only. Refused, with nothing saved, when
    an indicator is not in the PK in force, quarter targets do not follow the indicator's
    aggregation of the PK's annual target (rumus.rencana_aksi), a step has no description or names
    a sub-kegiatan that is not in the unit's DPA of the year, or a quarter target changes after
    that quarter's realisasi was verified (or locked); ``Ditolak.bidang`` names the fields
    (``t-<id>-<TW>``, ``l-<id>-<n>-<bidang>``). Every change audited.

    When the unit's pemda plans per month (``per_bulan``) the targets come as ``target_bulan``
    (per indicator the twelve months B01..B12; ``target`` must be empty): the months are checked
    with ``rumus.rencana_aksi.cek_target_bulan``, the quarters derived with
    ``triwulan_dari_bulan`` are then checked and stored exactly like typed quarters, and the months
    are stored beside them; a month of a verified quarter is locked like its quarter (fields
    ``b-<id>-<Bxx>``). A quarterly pemda's save removes any month targets left from a monthly
    plan of the indicators it saves."""
    if not boleh(user, "isi", instansi):
        raise PermissionDenied
    pk, rows = selectors.rencana_aksi(instansi, tahun)
    if pk is None:
        raise Ditolak(_("Belum ada Perjanjian Kinerja %(tahun)s: buat PK dulu.") % {"tahun": tahun})
    per_id = {b.indikator.id: b for b in rows}
    asing = (set(target) | set(langkah)) - set(per_id)
    if asing:
        raise Ditolak(_("Indikator yang diisi tidak ada di PK yang berlaku; muat ulang halaman ini."))
    bulanan = per_bulan(instansi)
    target_bulan = dict(target_bulan or {})
    if bulanan and target:
        raise Ditolak(_("Pemda ini menyusun Rencana Aksi per bulan: isi target bulan, bukan triwulan."))
    if not bulanan and target_bulan:
        raise Ditolak(_("Pemda ini menyusun Rencana Aksi per triwulan: isi target triwulan, bukan bulan."))
    asing = set(target_bulan) - set(per_id)
    if asing:
        raise Ditolak(_("Indikator yang diisi tidak ada di PK yang berlaku; muat ulang halaman ini."))
    sk_boleh = {sk.id for sk in selectors.sub_kegiatan_dpa(instansi, tahun)}
    terkunci = selectors.periode_terverifikasi(instansi, tahun)
    bidang: dict[str, list[str]] = {}
    if bulanan:
        target = _cek_bulan(per_id, target_bulan, terkunci, bidang)
    for iid, nilai in target.items():
        b = per_id[iid]
        nilai = list(nilai)
        if len(nilai) != 4:
            raise Ditolak(_("Target triwulan harus empat (TW1–TW4)."))
        if all(v is None for v in nilai):
            continue
        if any(k.startswith(f"b-{iid}-") for k in bidang):
            continue  # the months are already refused
        s = cek_target_triwulan(b.pk_row.target, nilai, b.indikator.agregasi)
        if s is not None:
            tw = s.kosong[0] if s.kosong else "TW4"
            bidang[f"{'b' if bulanan else 't'}-{iid}-{BULAN[-1] if bulanan else tw}"] = [
                f"{b.indikator.kode}: {pesan_selisih(s, b.indikator.satuan)}"
            ]
    for iid, daftar in langkah.items():
        for n, lk in enumerate(daftar):
            awal = f"l-{iid}-{n}"
            if lk.periode not in TRIWULAN:
                bidang[f"{awal}-periode"] = [_("Pilih triwulan langkah ini (TW1–TW4).")]
            if not lk.uraian.strip():
                bidang[f"{awal}-uraian"] = [_("Tulis uraian langkah ini, atau kosongkan seluruh barisnya.")]
            if lk.sub_kegiatan_id is not None and lk.sub_kegiatan_id not in sk_boleh:
                bidang[f"{awal}-sub_kegiatan"] = [
                    _("Sub kegiatan ini tidak ada di DPA unit tahun %(tahun)s.") % {"tahun": tahun}
                ]
            tolak_jika_panjang(LangkahAksi, uraian=lk.uraian, penanggung_jawab=lk.penanggung_jawab)
    if terkunci:
        for iid, nilai in target.items():
            ada = per_id[iid].target_tw
            if bulanan and per_id[iid].target_bulan:
                continue  # stored months of a verified quarter are locked month by month above
            for tw, v in zip(TRIWULAN, list(nilai), strict=True):
                if tw in terkunci and ada.get(tw) != v:
                    medan = f"b-{iid}-{BULAN[TRIWULAN.index(tw) * 3 + 2]}" if bulanan else f"t-{iid}-{tw}"
                    bidang.setdefault(medan, []).append(
                        _(
                            "%(kode)s: target %(tw)s tidak dapat diubah lagi karena realisasi %(tw)s "
                            "sudah diverifikasi (tetap %(lama)s)."
                        )
                        % {
                            "kode": per_id[iid].indikator.kode,
                            "tw": tw,
                            "lama": _angka(ada[tw]) if ada.get(tw) is not None else _("kosong"),
                        }
                    )
    if bidang:
        raise Ditolak(bidang=bidang)

    hasil = HasilRencana()
    for iid, nilai in target.items():
        b = per_id[iid]
        ada = {t.periode: t for t in TargetTriwulan.objects.filter(indikator_id=iid, tahun=tahun)}
        hasil.target += _simpan_target(user, instansi, b, tahun, TRIWULAN, nilai, ada)
        bulan = list(target_bulan[iid]) if bulanan else [None] * 12
        hasil.bulan += _simpan_target(user, instansi, b, tahun, BULAN, bulan, ada)
    for iid, daftar in langkah.items():
        b = per_id[iid]
        ada = list(b.langkah)
        for n, lk in enumerate(daftar):
            isi = {
                "periode": lk.periode,
                "urutan": n,
                "uraian": lk.uraian.strip(),
                "penanggung_jawab": lk.penanggung_jawab.strip(),
                "sub_kegiatan_id": lk.sub_kegiatan_id,
            }
            if n < len(ada):
                lama = ada[n]
                ubah = {k: (getattr(lama, k), v) for k, v in isi.items() if getattr(lama, k) != v}
                if ubah:
                    for k, v in isi.items():
                        setattr(lama, k, v)
                    lama.save()
                    catat(user, lama, Aksi.UBAH, ubah, instansi)
                    hasil.langkah += 1
            else:
                baru = LangkahAksi.objects.create(indikator=b.indikator, tahun=tahun, **isi)
                catat(user, baru, Aksi.BUAT, {k: (None, v) for k, v in isi.items()}, instansi)
                hasil.langkah += 1
        for lama in ada[len(daftar) :]:
            catat(user, lama, Aksi.HAPUS, {"uraian": (lama.uraian, None)}, instansi)
            lama.delete()
            hasil.langkah += 1
    return hasil


# --- the cascade inside a unit (Jenjang) and the staff RHK ------------------------------------


class JenjangDitolak(Ditolak):
    """A save of the cascade or of the RHK refused: ``galat`` maps (row key, field) to the
    message shown at that field; nothing was written."""

    def __init__(self, galat: dict[tuple[str, str], str]):
        self.galat = galat
        super().__init__(_("Ada isian yang belum benar; tidak ada yang disimpan."))


@dataclass
class IsianSimpul:
    """One row of the cascade form: an existing node (``jenjang``) or a new one, with its first
    indicator and that indicator's target per Renstra year (None: no target)."""

    kunci: str
    jenjang: object | None
    kode: str
    level: str
    induk: str  # "s": the sasaran itself; "j<id>": an existing node
    uraian: str
    pemilik: object | None
    anggaran: str  # the budget code
    hapus: bool = False
    ind_kode: str = ""
    ind_nama: str = ""
    ind_satuan: str = ""
    target: dict = None
    indikator_lain: list = field(default_factory=list)  # IsianIndikator: the node's further indicators

    @property
    def kosong(self) -> bool:
        return self.jenjang is None and not any(
            (self.kode, self.uraian, self.anggaran, self.ind_kode, self.ind_nama)
        )


@dataclass
class IsianIndikator:
    """A further indicator of a cascade node (after its first, which is in IsianSimpul): a stored
    one (``indikator``) changed or deleted (``hapus``), or a new one (``indikator`` None)."""

    kunci: str
    indikator: object | None
    kode: str
    nama: str
    satuan: str
    target: dict
    hapus: bool = False


def _galat_validasi(exc, kunci: str, peta: dict[str, str], umum: str = "kode") -> dict[tuple[str, str], str]:
    """A model's ValidationError as problems at the form's fields (``umum``: where a problem of
    no field is shown)."""
    from django.core.exceptions import NON_FIELD_ERRORS

    out = {}
    for bidang, pesan in exc.message_dict.items():
        b = peta.get(bidang, bidang if bidang != NON_FIELD_ERRORS else umum)
        out[(kunci, b)] = " ".join(pesan)
    return out


# model field of a node -> the form field its problem is shown at
_BIDANG_SIMPUL = {
    "sasaran": "induk",
    "induk": "induk",
    "program": "anggaran",
    "kegiatan": "anggaran",
    "sub_kegiatan": "anggaran",
}
_BIDANG_INDIKATOR = {"kode": "ind_kode", "nama": "ind_nama", "satuan": "ind_satuan", "level": "ind_nama"}
_URUT_LEVEL = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}


@transaction.atomic
def simpan_jenjang(*, user, sasaran: Sasaran, pemilik_sasaran, isian: list[IsianSimpul], tahun) -> int:
    """Save the whole cascade under one sasaran strategis in one go: the sasaran's owner, every
    node row (created, changed or — ``hapus`` — deleted with what is below it) and each row's
    indicator with its targets for ``tahun``. Every rule of Jenjang.clean and Indikator.clean is
    checked; any problem raises JenjangDitolak with every problem at its field and writes nothing.
    Returns the number of items changed. Audited item by item."""
    from django.core.exceptions import ValidationError

    from .models import Jenjang

    instansi = sasaran.instansi
    _cek_atur(user, instansi)
    galat: dict[tuple[str, str], str] = {}
    n = 0
    # the sasaran's owner
    if pemilik_sasaran is not None and pemilik_sasaran.instansi_id != instansi.id:
        galat[("sasaran", "pemilik")] = _("Pemilik harus pejabat unit ini.")
    elif sasaran.pemilik_id != getattr(pemilik_sasaran, "id", None):
        lama = sasaran.pemilik_id
        sasaran.pemilik = pemilik_sasaran
        sasaran.save(update_fields=["pemilik"])
        catat(user, sasaran, Aksi.UBAH, {"pemilik_id": (lama, sasaran.pemilik_id)}, instansi)
        n += 1
    ada = {f"j{x.jenjang.id}": x.jenjang for x in isian if x.jenjang is not None}
    model_anggaran = {b: Jenjang._meta.get_field(b).related_model for b in Jenjang.ANGGARAN.values()}
    # deletions first (a refused one is a problem at its row), then the rows parents first
    terhapus: set[int] = set()  # the nodes deleted, with those below them
    for x in isian:
        if x.hapus and x.jenjang is not None and x.jenjang.id not in terhapus:
            alasan = selectors.alasan_tidak_hapus_jenjang(x.jenjang)
            if alasan:
                galat[(x.kunci, "hapus")] = alasan
                continue
            for bawah in selectors.di_bawah_jenjang(x.jenjang):
                terhapus.add(bawah.id)
                catat(user, bawah, Aksi.HAPUS, {"kode": (bawah.kode, None)}, instansi)
                ada.pop(f"j{bawah.id}", None)
            x.jenjang.delete()
            n += 1
    urut = sorted(
        (
            x
            for x in isian
            if not x.hapus and not x.kosong and not (x.jenjang is not None and x.jenjang.id in terhapus)
        ),
        key=lambda x: (_URUT_LEVEL.get(x.level, 9), x.kunci),
    )
    for x in urut:
        obj = x.jenjang or Jenjang(instansi=instansi)
        baru = obj.pk is None
        lama = {} if baru else _nilai_bidang(obj)
        obj.kode, obj.level, obj.uraian, obj.pemilik = x.kode, x.level, x.uraian, x.pemilik
        obj.sasaran = sasaran if x.induk == "s" else None
        obj.induk = ada.get(x.induk) if x.induk != "s" else None
        if x.induk not in ("s", "") and obj.induk is None:
            galat[(x.kunci, "induk")] = _("Induk ini tidak ada lagi (dihapus); pilih induk lain.")
            continue
        for bidang in model_anggaran:
            setattr(obj, bidang, None)
        if x.level in model_anggaran and x.anggaran:
            item = model_anggaran[x.level].objects.filter(kode=x.anggaran).first()
            if item is None:
                galat[(x.kunci, "anggaran")] = _("%(k)s bukan kode %(l)s anggaran.") % {
                    "k": x.anggaran,
                    "l": Jenjang._meta.get_field(x.level).verbose_name,
                }
                continue
            setattr(obj, x.level, item)
        try:
            obj.full_clean(exclude=["urutan", "tahun_nonaktif"])
        except ValidationError as exc:
            galat.update(_galat_validasi(exc, x.kunci, _BIDANG_SIMPUL))
            continue
        if baru:
            saudara = Jenjang.objects.filter(instansi=instansi, sasaran=obj.sasaran, induk=obj.induk)
            obj.urutan = (saudara.aggregate(m=models.Max("urutan"))["m"] or 0) + 1
        obj.save()
        ada[f"j{obj.id}"] = obj
        perubahan = {
            k: (lama.get(k), v) for k, v in _nilai_bidang(obj).items() if lama.get(k) != v and k != "id"
        }
        if perubahan:
            catat(user, obj, Aksi.BUAT if baru else Aksi.UBAH, perubahan, instansi)
            n += 1
        n += _simpan_indikator_simpul(user, obj, x, tahun, galat)
        for y in x.indikator_lain:
            n += _simpan_indikator_lain(user, obj, y, tahun, galat)
    if galat:
        raise JenjangDitolak(galat)
    usangkan([instansi.id])
    return n


def _simpan_indikator_simpul(user, node, x: IsianSimpul, tahun, galat) -> int:
    """The row's indicator of ``node`` (its first one) and its targets; problems into ``galat``."""
    ind = node.indikator.order_by("urutan", "kode").first() if node.pk else None
    if ind is None and not (x.ind_kode or x.ind_nama or x.ind_satuan or any((x.target or {}).values())):
        return 0
    isi = IsianIndikator(x.kunci, ind, x.ind_kode, x.ind_nama, x.ind_satuan, x.target or {})
    return _simpan_indikator(user, node, isi, tahun, galat)


def _simpan_indikator_lain(user, node, x: IsianIndikator, tahun, galat) -> int:
    """A further indicator of ``node``: deleted (refused while it is used), changed or added."""
    ind = x.indikator
    if ind is not None and ind.jenjang_id != node.id:
        galat[(x.kunci, "ind_kode")] = _(
            "Indikator ini bukan indikator jenjang ini lagi; muat ulang halaman."
        )
        return 0
    if x.hapus and ind is not None:
        alasan = selectors.alasan_tidak_hapus_indikator(ind)
        if alasan:
            galat[(x.kunci, "hapus")] = alasan
            return 0
        catat(user, ind, Aksi.HAPUS, {"kode": (ind.kode, None)}, node.instansi)
        ind.delete()
        return 1
    if x.hapus:
        return 0
    if ind is None:
        ind = Indikator(
            instansi=node.instansi,
            jenjang=node,
            urutan=(node.indikator.aggregate(m=models.Max("urutan"))["m"] or 0) + 1,
        )
    return _simpan_indikator(user, node, x, tahun, galat, ind=ind)


def _simpan_indikator(user, node, x: IsianIndikator, tahun, galat, ind=None) -> int:
    """One indicator of ``node`` (``x.indikator``, or ``ind``, or a new one) and its targets for
    ``tahun``; problems into ``galat`` under ``x.kunci``."""
    from django.core.exceptions import ValidationError

    ind = ind or x.indikator or Indikator(instansi=node.instansi, jenjang=node)
    baru = ind.pk is None
    lama = {} if baru else _nilai_bidang(ind)
    ind.kode, ind.nama, ind.satuan = x.kode, x.nama, x.satuan
    if x.kode and Indikator.objects.filter(instansi=node.instansi, kode=x.kode).exclude(pk=ind.pk).exists():
        galat[(x.kunci, "ind_kode")] = _("Kode %(kode)s sudah dipakai indikator lain di unit ini.") % {
            "kode": x.kode
        }
        return 0
    ind.level = node.level
    ind.jenjang = node
    ind.program = node.program if node.level == "program" else None
    ind.kegiatan = node.kegiatan if node.level == "kegiatan" else None
    try:
        ind.full_clean(exclude=["urutan", "tahun_nonaktif"])
    except ValidationError as exc:
        galat.update(_galat_validasi(exc, x.kunci, _BIDANG_INDIKATOR, umum="ind_kode"))
        return 0
    ind.save()
    n = 0
    perubahan = {k: (lama.get(k), v) for k, v in _nilai_bidang(ind).items() if lama.get(k) != v and k != "id"}
    if perubahan:
        catat(user, ind, Aksi.BUAT if baru else Aksi.UBAH, perubahan, node.instansi)
        n += 1
    tersimpan = {t.tahun: t for t in Target.objects.filter(indikator=ind)}
    for y in tahun:
        nilai = (x.target or {}).get(y)
        t = tersimpan.get(y)
        if nilai is None and t is not None:
            catat(user, t, Aksi.HAPUS, {f"target {y}": (t.nilai, None)}, node.instansi)
            t.delete()
            n += 1
        elif nilai is not None and (t is None or t.nilai != nilai):
            sebelum = t.nilai if t else None
            t = t or Target(indikator=ind, tahun=y)
            t.nilai = nilai
            t.save()
            catat(
                user,
                t,
                Aksi.BUAT if sebelum is None else Aksi.UBAH,
                {"nilai": (sebelum, nilai)},
                node.instansi,
            )
            n += 1
    return n


@dataclass
class IsianRHK:
    kunci: str
    rhk: object | None
    nama_pegawai: str
    nip: str
    jabatan: str
    urutan: int | None
    uraian: str
    indikator_atasan: object | None
    nama_indikator: str
    aspek: str
    target: Decimal | None
    satuan: str
    hapus: bool = False

    @property
    def kosong(self) -> bool:
        return self.rhk is None and not any((self.nama_pegawai, self.uraian, self.nama_indikator))


@transaction.atomic
def simpan_rhk(*, user, instansi, tahun: int, isian: list[IsianRHK]) -> int:
    """Save the staff RHK of the unit-year in one go (created, changed, ``hapus`` deleted); any
    problem raises JenjangDitolak with every problem at its field, nothing written. Audited."""
    from django.core.exceptions import ValidationError

    from .models import RencanaHasilKerja

    _cek_atur(user, instansi)
    galat: dict[tuple[str, str], str] = {}
    n = 0
    for x in isian:
        if x.hapus and x.rhk is not None:
            catat(user, x.rhk, Aksi.HAPUS, {"uraian": (x.rhk.uraian, None)}, instansi)
            x.rhk.delete()
            n += 1
            continue
        if x.hapus or x.kosong:
            continue
        obj = x.rhk or RencanaHasilKerja(instansi=instansi, tahun=tahun)
        baru = obj.pk is None
        lama = {} if baru else _nilai_bidang(obj)
        for f in (
            "nama_pegawai",
            "nip",
            "jabatan",
            "uraian",
            "indikator_atasan",
            "nama_indikator",
            "aspek",
            "target",
            "satuan",
        ):
            setattr(obj, f, getattr(x, f))
        obj.urutan = x.urutan or 0
        if obj.urutan == 0:
            obj.urutan = (
                RencanaHasilKerja.objects.filter(instansi=instansi, tahun=tahun, nama_pegawai=x.nama_pegawai)
                .exclude(pk=obj.pk)
                .aggregate(m=models.Max("urutan"))["m"]
                or 0
            ) + 1
        try:
            obj.full_clean()
        except ValidationError as exc:
            galat.update(_galat_validasi(exc, x.kunci, {}))
            continue
        obj.save()
        perubahan = {
            k: (lama.get(k), v) for k, v in _nilai_bidang(obj).items() if lama.get(k) != v and k != "id"
        }
        if perubahan:
            catat(user, obj, Aksi.BUAT if baru else Aksi.UBAH, perubahan, instansi)
            n += 1
    if galat:
        raise JenjangDitolak(galat)
    usangkan([instansi.id])
    return n


def catat_unduhan_rhk(*, user, instansi, tahun: int, format: str, jumlah: int) -> None:
    """A download of the staff RHK (names, NIP) is in the audit trail: who, unit, year, rows."""
    if not boleh(user, "unduh_rhk", instansi):
        raise PermissionDenied
    catat(
        user,
        instansi,
        Aksi.UNDUH,
        {f"rhk.{format}": (None, f"{tahun}: {jumlah} RHK")},
        instansi,
        keterangan="RHK pegawai",
    )
