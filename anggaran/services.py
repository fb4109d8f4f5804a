"""Budget writes: the quarter's realisasi, under its own quarterly workflow (the ``anggaran`` alur
of ``pengukuran.PengajuanRealisasi``: submitted, verified and locked apart from the performance
realisasi of the same quarter); the DPA lines of a unit-year
(pagu murni, pagu, cash plan), their links to the indicators they support (Dukungan), and the
national nomenclature loaded from a CSV (docs/nomenklatur.md)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Sum

from akun.izin import boleh
from audit.models import Aksi, Jejak, baris, catat
from dasar.galat import Ditolak, Konflik
from jadwal.services import tolak_jika_tutup
from organisasi.models import SubUnit
from pengukuran.models import Alur
from pengukuran.services import cek_bisa_diisi
from rumus.format import format_rupiah

from . import nomenklatur
from .models import BarisAnggaran, Dukungan, Kegiatan, Program, RealisasiAnggaran, SubKegiatan
from .selectors import kode_dari_teks, periode_tertutup, sidik_baris


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


# --- nomenclature ---------------------------------------------------------------------------------


@transaction.atomic
def muat_nomenklatur(*, teks: str, sumber: str, pengguna=None) -> dict[str, dict[str, int]]:
    """Load a nomenclature CSV (``anggaran.nomenklatur``): create the codes that are new, rename
    the stored ones whose name differs, all or nothing; idempotent. Run from the command line
    (``manage.py muat_nomenklatur``: whoever may run it manages the installation, so there is no
    role to check); one audit row names the file and the counts. Raises
    ``nomenklatur.NomenklaturError`` naming every bad row and column."""
    tersimpan = set(Program.objects.values_list("kode", flat=True)) | set(
        Kegiatan.objects.values_list("kode", flat=True)
    )
    rows = nomenklatur.baca_csv(teks, kode_tersimpan=tersimpan)
    counts = nomenklatur.tulis(rows, Program, Kegiatan, SubKegiatan)
    ringkas = ", ".join(
        f"{t}: {c['created']} baru, {c['updated']} diubah, {c['unchanged']} tetap" for t, c in counts.items()
    )
    Jejak.objects.bulk_create(
        [
            baris(
                pengguna,
                Aksi.IMPOR,
                keterangan="nomenklatur",
                objek="anggaran.SubKegiatan",
                objek_id=sumber[-40:],
                field="berkas",
                baru=f"{sumber}: {ringkas}",
            )
        ]
    )
    return counts


def _sub_kegiatan(kode: str) -> SubKegiatan | None:
    """The stored sub-kegiatan of ``kode``; one of the shipped kecamatan list is stored on first
    use (with its programme and kegiatan) when a flushed or older database lacks it."""
    sub = SubKegiatan.objects.filter(kode=kode).first()
    if sub is not None:
        return sub
    rows = {r.kode: r for r in nomenklatur.bawaan()}
    r = rows.get(kode)
    if r is None or r.tingkat != "sub_kegiatan":
        return None
    keg = rows[r.kode_induk]
    nomenklatur.tulis([rows[keg.kode_induk], keg, r], Program, Kegiatan, SubKegiatan, timpa_nama=False)
    return SubKegiatan.objects.get(kode=kode)


# --- the DPA: budget lines of a unit-year ------------------------------------------------------------


@dataclass
class IsianBaris:
    """One row of the DPA grid as typed (numbers already read by the number rule)."""

    nomor: int  # the row's number in the grid (1-based), for messages
    id: int | None  # the stored line, or None for a new one
    sidik: str  # the stored line's fingerprint when the form was opened
    sub_kegiatan: str  # "7.01.01.2.01.0006", "7.01.01.2.01.0006 Koordinasi …" or an exact name
    subunit_id: int | None
    pagu_murni: Decimal | None
    pagu: Decimal | None
    kas: tuple[Decimal | None, Decimal | None, Decimal | None, Decimal | None]


class DPATidakValid(Ditolak):
    """The grid cannot be saved; ``per_sel`` maps (row number, column) to its message."""

    def __init__(self, per_sel: dict[tuple[int, str], str]):
        self.per_sel = per_sel
        super().__init__(
            "Belum disimpan: "
            + "; ".join(f"baris {n}, {KOLOM[k]}: {m}" for (n, k), m in sorted(per_sel.items()))
        )


KOLOM = {
    "sub_kegiatan": "sub kegiatan",
    "subunit": "sub unit",
    "pagu_murni": "pagu murni",
    "pagu": "pagu perubahan",
    "kas_tw1": "TW1",
    "kas_tw2": "TW2",
    "kas_tw3": "TW3",
    "kas_tw4": "TW4",
}


def cek_boleh_isi(user, instansi) -> None:
    if not boleh(user, "isi", instansi):
        raise PermissionDenied


def _cari_kode(teks: str) -> tuple[SubKegiatan | None, str | None]:
    """The sub-kegiatan a typed text names (its code, a picked "code name" option, or its exact
    name), or None and why."""
    kode = kode_dari_teks(teks)
    if kode[:1].isdigit():
        sub = _sub_kegiatan(kode)
        if sub is None and len(kode.split(".")) in (3, 5):
            jenis = "program" if len(kode.split(".")) == 3 else "kegiatan"
            return None, f"{kode} adalah kode {jenis}; pilih salah satu sub kegiatannya dari daftar"
        if sub is None:
            return None, f"kode {kode} tidak ada di nomenklatur; pilih dari daftar (ketik kode atau nama)"
        return sub, None
    cocok = list(SubKegiatan.objects.filter(nama__iexact=teks.strip())[:2])
    if len(cocok) == 1:
        return cocok[0], None
    if cocok:
        return None, "nama ini dipakai lebih dari satu sub kegiatan; pilih dengan kodenya"
    return None, "tidak ditemukan; ketik kode atau sebagian nama lalu pilih dari daftar"


@transaction.atomic
def simpan_dpa(*, user, instansi, tahun: int, isian: list[IsianBaris]) -> dict[str, int]:
    """Save the DPA grid of a unit-year in one go: new lines created, stored ones changed; all or
    nothing. Refused (``DPATidakValid``, every problem by row and column) on a missing or unknown
    sub-kegiatan, a sub-unit of another unit, a missing or negative pagu, a sub-kegiatan twice at
    one sub-unit, a changed line of a closed quarter (``selectors.periode_tertutup``: a cash plan
    quarter whose realisasi is submitted, verified or locked; TW4 closed closes the year), or a new
    code on a line that has realisasi. A line changed by someone else since the page was opened
    raises ``Konflik``. Returns counts: created, updated."""
    cek_boleh_isi(user, instansi)
    tutup = periode_tertutup(instansi, tahun)
    tahun_tutup = "TW4" in tutup
    stored = {
        b.id: b
        for b in BarisAnggaran.objects.select_for_update(of=("self",))
        .filter(instansi=instansi, tahun=tahun)
        .select_related("sub_kegiatan", "subunit")
        .order_by("id")
    }
    ada_realisasi = set(
        RealisasiAnggaran.objects.filter(baris_id__in=list(stored)).values_list("baris_id", flat=True)
    )
    subunits = set(SubUnit.objects.filter(instansi=instansi).values_list("id", flat=True))
    galat: dict[tuple[int, str], str] = {}
    rencana = []  # (isian, line or None, sub_kegiatan, changes)
    kunci: dict[tuple[int, int | None], int] = {}
    for r in isian:
        b = stored.get(r.id) if r.id is not None else None
        if r.id is not None and b is None:
            raise Konflik(f"Baris {r.nomor} telah dihapus oleh pengguna lain; muat ulang halaman.")
        if b is not None and r.sidik != sidik_baris(b):
            raise Konflik(
                f"Baris {r.nomor} ({b.sub_kegiatan.kode}) telah diubah oleh pengguna lain sejak halaman dibuka; "
                "muat ulang halaman (isian Anda belum disimpan)."
            )
        sub, pesan = _cari_kode(r.sub_kegiatan) if r.sub_kegiatan.strip() else (None, "wajib diisi")
        if pesan:
            galat[(r.nomor, "sub_kegiatan")] = pesan
        if r.subunit_id is not None and r.subunit_id not in subunits:
            galat[(r.nomor, "subunit")] = "sub unit bukan milik unit ini"
        if r.pagu is None and r.pagu_murni is None:
            galat[(r.nomor, "pagu")] = "isi pagu (pagu murni, dan pagu perubahan bila ada perubahan)"
        for kolom, nilai in (("pagu_murni", r.pagu_murni), ("pagu", r.pagu)):
            if nilai is not None and nilai < 0:
                galat[(r.nomor, kolom)] = "tidak boleh negatif"
        if sub is not None:
            k = (sub.id, r.subunit_id)
            if k in kunci:
                galat[(r.nomor, "sub_kegiatan")] = (
                    f"{sub.kode} untuk sub unit yang sama sudah ada di baris {kunci[k]}"
                )
            kunci[k] = r.nomor
        if (r.nomor, "sub_kegiatan") in galat or sub is None:
            continue
        nilai = {
            "sub_kegiatan": sub,
            "subunit_id": r.subunit_id,
            "pagu_murni": r.pagu_murni,
            "pagu": r.pagu if r.pagu is not None else r.pagu_murni,
            **{f"kas_tw{i + 1}": (r.kas[i] if r.kas[i] is not None else Decimal(0)) for i in range(4)},
        }
        if b is None:
            ubah = {f: (None, v) for f, v in nilai.items()}
            if tahun_tutup:
                galat[(r.nomor, "sub_kegiatan")] = (
                    f"anggaran {tahun} sudah ditutup (TW4 diajukan atau dikunci)"
                )
        else:
            lama = {f: getattr(b, f) for f in nilai}
            ubah = {f: (lama[f], v) for f, v in nilai.items() if _beda(lama[f], v)}
            for f in ubah:
                per = f"TW{f[-1]}" if f.startswith("kas_tw") else "TW4"
                if per in tutup:
                    kolom = f if f in KOLOM else "sub_kegiatan"
                    galat[(r.nomor, kolom)] = (
                        f"{per} {tahun} sudah diajukan atau dikunci; nilai ini tidak dapat diubah lagi"
                        if f.startswith("kas_tw")
                        else f"anggaran {tahun} sudah ditutup (TW4 diajukan atau dikunci)"
                    )
            if "sub_kegiatan" in ubah and b.id in ada_realisasi:
                galat[(r.nomor, "sub_kegiatan")] = (
                    "baris ini sudah punya realisasi anggaran; sub kegiatannya tidak dapat diganti"
                )
        rencana.append((r, b, ubah, nilai))
    kunci_tersimpan = {(b.sub_kegiatan_id, b.subunit_id): b.id for b in stored.values()}
    dikirim = {r.id for r in isian if r.id is not None}
    for r, b, _ubah, nilai in rencana:
        k = (nilai["sub_kegiatan"].id, nilai["subunit_id"])
        lain = kunci_tersimpan.get(k)
        if lain is not None and lain != (b.id if b else None) and lain not in dikirim:
            galat[(r.nomor, "sub_kegiatan")] = f"{nilai['sub_kegiatan'].kode} untuk sub unit ini sudah ada"
    if galat:
        raise DPATidakValid(galat)
    hasil = {"created": 0, "updated": 0}
    try:
        with transaction.atomic():
            for _r, b, ubah, nilai in sorted(rencana, key=lambda x: x[1] is None):  # stored lines first
                if not ubah:
                    continue
                if b is None:
                    b = BarisAnggaran.objects.create(instansi=instansi, tahun=tahun, **nilai)
                    hasil["created"] += 1
                    catat(user, b, Aksi.BUAT, _teks_ubah(ubah), instansi, keterangan="baris anggaran")
                else:
                    for f, (_a, v) in ubah.items():
                        setattr(b, f, v)
                    b.save()
                    hasil["updated"] += 1
                    catat(user, b, Aksi.UBAH, _teks_ubah(ubah), instansi, keterangan="baris anggaran")
    except IntegrityError:
        raise Ditolak(
            "Belum disimpan: dua baris bertukar sub kegiatan dalam satu simpan. Ubah satu baris dulu, "
            "simpan, lalu ubah yang lain."
        ) from None
    return hasil


def _beda(a, b) -> bool:
    if isinstance(a, SubKegiatan) or isinstance(b, SubKegiatan):
        return getattr(a, "id", None) != getattr(b, "id", None)
    return a != b


def _teks_ubah(ubah: dict) -> dict:
    return {f: (getattr(a, "kode", a), getattr(v, "kode", v)) for f, (a, v) in ubah.items()}


@transaction.atomic
def hapus_baris(*, user, baris_anggaran: BarisAnggaran) -> None:
    """Delete a budget line. Refused with the reason when it has any budget realisasi (the money
    spent stays with its line) or its year is closed (TW4 submitted or locked). Its Dukungan links
    by its exact code go with it when no other line of the year has that code."""
    b = (
        BarisAnggaran.objects.select_for_update(of=("self",))
        .select_related("sub_kegiatan", "instansi")
        .get(pk=baris_anggaran.pk)
    )
    instansi = b.instansi
    cek_boleh_isi(user, instansi)
    real = list(RealisasiAnggaran.objects.filter(baris=b).order_by("periode"))
    if real:
        rincian = ", ".join(f"{r.periode} {format_rupiah(r.nilai)}" for r in real)
        raise Ditolak(
            f"Baris {b.sub_kegiatan.kode} {b.sub_kegiatan.nama} tidak dapat dihapus: sudah ada realisasi "
            f"anggaran ({rincian}). Ubah pagunya bila perlu; realisasi yang sudah dicatat tetap pada barisnya."
        )
    if "TW4" in periode_tertutup(instansi, b.tahun):
        raise Ditolak(
            f"Anggaran {b.tahun} sudah ditutup (TW4 diajukan atau dikunci); baris tidak dapat dihapus."
        )
    catat(
        user,
        b,
        Aksi.HAPUS,
        {"sub_kegiatan": (b.sub_kegiatan.kode, None), "pagu": (b.pagu, None)},
        instansi,
        keterangan="baris anggaran",
    )
    kode = b.sub_kegiatan.kode
    b.delete()
    if not BarisAnggaran.objects.filter(instansi=instansi, tahun=b.tahun, sub_kegiatan__kode=kode).exists():
        for d in Dukungan.objects.filter(instansi=instansi, tahun=b.tahun, kode=kode):
            catat(
                user,
                d,
                Aksi.HAPUS,
                {"indikator": (d.indikator_id, None)},
                instansi,
                keterangan="dukungan anggaran",
            )
            d.delete()


# --- Dukungan: which budget supports which indicator ---------------------------------------------------


@transaction.atomic
def simpan_dukungan(
    *,
    user,
    instansi,
    tahun: int,
    kode_tampil: set[str],
    indikator_ids: set[int],
    pilihan: set[tuple[str, int]],
) -> dict[str, int]:
    """Set the links of the codes and indicators shown on the page to exactly ``pilihan``
    ((kode, indikator id) pairs): new ones added, unticked ones removed; links of codes or
    indicators not shown are left alone. Refused when an indicator is not the unit's, a code is not
    one of the page's, or the year is closed (TW4 submitted or locked)."""
    from perencanaan.models import Indikator

    cek_boleh_isi(user, instansi)
    if "TW4" in periode_tertutup(instansi, tahun):
        raise Ditolak(
            f"Anggaran {tahun} sudah ditutup (TW4 diajukan atau dikunci); dukungan tidak dapat diubah."
        )
    milik = set(
        Indikator.objects.filter(instansi=instansi, id__in=indikator_ids).values_list("id", flat=True)
    )
    if milik != set(indikator_ids):
        raise Ditolak("Indikator bukan milik unit ini.")
    for kode, iid in pilihan:
        if kode not in kode_tampil or iid not in milik:
            raise Ditolak(f"Pasangan {kode} – indikator {iid} tidak ada di halaman ini.")
    ada = {
        (d.kode, d.indikator_id): d
        for d in Dukungan.objects.select_for_update().filter(
            instansi=instansi, tahun=tahun, kode__in=kode_tampil, indikator_id__in=milik
        )
    }
    hasil = {"tambah": 0, "hapus": 0}
    for k in sorted(pilihan - set(ada)):
        d = Dukungan.objects.create(instansi=instansi, tahun=tahun, kode=k[0], indikator_id=k[1])
        catat(
            user,
            d,
            Aksi.TAMBAH,
            {"kode": (None, k[0]), "indikator": (None, k[1])},
            instansi,
            keterangan="dukungan anggaran",
        )
        hasil["tambah"] += 1
    for k in sorted(set(ada) - pilihan):
        d = ada[k]
        catat(
            user,
            d,
            Aksi.HAPUS,
            {"kode": (k[0], None), "indikator": (k[1], None)},
            instansi,
            keterangan="dukungan anggaran",
        )
        d.delete()
        hasil["hapus"] += 1
    return hasil
