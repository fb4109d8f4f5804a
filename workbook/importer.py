"""Import a workbook: read every sheet, validate every cell and reference, then save in one
transaction — or save nothing and report every problem as ``sheet!CELL: message``.

Writes are bulk (one query per sheet to find existing rows, bulk create/update), so a
workbook with hundreds of units imports in seconds; see benchmarks/bench_core.py.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from django.db import transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.db.models import Max
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from anggaran.models import (
    BarisAnggaran,
    Dukungan,
    Kegiatan,
    PaguProgram,
    Program,
    RealisasiAnggaran,
    SubKegiatan,
)
from dasar import teks
from dasar.xlsx import BerkasDitolak, cek_berkas
from evaluasi.models import NilaiKomponen
from laporan.perjanjian import bekukan_banyak
from organisasi.models import Instansi, Layanan, Pegawai, Pejabat, Pemda, SubUnit
from pengukuran.models import NilaiPembanding, Realisasi
from perencanaan import selectors as perencanaan_selectors
from perencanaan.models import (
    Indikator,
    Jenjang,
    LangkahAksi,
    PerjanjianKinerja,
    PKIndikator,
    RencanaHasilKerja,
    Renstra,
    Sasaran,
    Target,
    TargetTriwulan,
    Tujuan,
)
from rumus.rencana_aksi import BULAN, TRIWULAN, cek_target_bulan, cek_target_triwulan, triwulan_dari_bulan
from rumus.skm import baca_kepala
from skm.models import ImporResponden, PengaturanSKM, Responden, RingkasanNRR
from tembolok.services import data_diimpor, tunda, usangkan_semua
from zona.models import PenilaianZona, Zona

from .muat_rpjmd import MuatRpjmd
from .spec import SHEET_MAP, SHEETS, UNSUR_SHEETS, CellError

BATCH = 2000
MAKS_BARIS = 200_000  # rows of one workbook import (docs/workbook.md); larger imports: split them
MAKS_KOLOM = 64  # columns read per sheet (the widest sheet has 22)
# the largest zona.urutan the database stores (a PositiveSmallIntegerField on every backend)
URUTAN_MAKS = BaseDatabaseOperations.integer_field_ranges["PositiveSmallIntegerField"][1]
# the largest urutan of a tujuan, sasaran or indikator (a PositiveIntegerField)
URUTAN_PLANNING_MAKS = BaseDatabaseOperations.integer_field_ranges["PositiveIntegerField"][1]
KLIEN_IMPOR = "impor"  # Responden.klien of answers imported from a workbook
# sheets never read besides those starting with "_": the instructions of the empty template
LEMBAR_CATATAN = {"petunjuk"}


def _pesan_aturan_rencana(ind, tahun: int, s, *, bulanan: bool) -> str:
    """The message of a Rencana Aksi (quarters, or months when ``bulanan``) breaking its
    aggregation rule (``s``: rumus.rencana_aksi's finding)."""
    if bulanan:
        jamak, butuh, akhir, rentang = (
            "months",
            "a monthly Rencana Aksi needs B01–B12",
            "B12 (December)",
            "B01–B12",
        )
    else:
        jamak, butuh, akhir, rentang = "quarters", "a Rencana Aksi needs TW1–TW4", "TW4", "TW1–TW4"
    if s.aturan == "lengkap":
        pesan = f"{jamak} {', '.join(s.kosong)} have no target ({butuh})"
    elif s.aturan == "terakhir":
        pesan = f"the {akhir} target is {s.hasil.normalize():f}"
    elif s.aturan == "jumlah":
        pesan = f"{rentang} add up to {s.hasil.normalize():f}"
    else:
        pesan = f"the mean of {rentang} is {s.hasil.normalize():f}"
    return (
        f"rencana_aksi of {ind.kode} {tahun} breaks the rule '{s.aturan}' of its aggregation: "
        f"{pesan}, the PK's annual target is {s.harapan.normalize():f}"
    )


@dataclass
class Row:
    sheet: str
    nomor: int
    nilai: dict
    huruf: dict  # column name -> column letter
    # SKM sheets: the codes of the schemes whose unsur names the headers use (None: codes only) and
    # the cell of the first header that named one
    skema: frozenset | None = None
    skema_sel: str = "A1"

    def ref(self, kolom: str | None = None) -> str:
        letter = self.huruf.get(kolom) if kolom else None
        return f"{self.sheet}!{letter}{self.nomor}" if letter else f"{self.sheet}!{self.nomor}:{self.nomor}"

    def __getitem__(self, k):
        return self.nilai[k]


@dataclass
class Hasil:
    errors: list[str] = field(default_factory=list)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    impor_responden: list = field(default_factory=list)  # the new paper batches (skm.ImporResponden)

    @property
    def ok(self) -> bool:
        return not self.errors


class _Batal(Exception):
    """Raised inside the transaction to roll everything back."""


def baca(
    path, maks_baris: int = MAKS_BARIS, urutan_unsur: tuple[int, ...] | None = None
) -> tuple[dict[str, list[Row]], list[str]]:
    """Read and type-check every cell. Returns rows per sheet and the errors found.

    The archive is checked first (``dasar.xlsx.cek_berkas``: zip and XML bombs, nested archives);
    a workbook with more than ``maks_baris`` rows (blank ones included) is refused.
    ``urutan_unsur``: the file's explicit unsur order, the unsur held by the SKM columns headed
    u1, u2 … (e.g. (1, 2, 3, 4, 5, 6, 7, 9, 8): its u8 is unsur 9 and its u9 unsur 8)."""
    if urutan_unsur is not None:
        salah = cek_urutan_unsur(urutan_unsur)
        if salah:
            return {}, [f"{Path(str(path)).name}: {salah}"]
    rows, errors = _baca_berkas(path, maks_baris, urutan_unsur)
    return rows, [teks.terlihat(e) for e in errors]  # messages quote cells: no terminal escapes


def cek_urutan_unsur(urutan) -> str | None:
    """Why an explicit unsur order is refused (None when it is a valid one): each of 1..14 at
    most once."""
    from rumus.skm import MAKS_UNSUR

    teks = ",".join(map(str, urutan))
    if not urutan or any(not 1 <= u <= MAKS_UNSUR for u in urutan):
        return f"unsur order {teks}: each must be an unsur number 1..{MAKS_UNSUR}"
    if len(set(urutan)) != len(urutan):
        return f"unsur order {teks}: an unsur is named twice"
    return None


def _baca_berkas(path, maks_baris: int, urutan_unsur=None) -> tuple[dict[str, list[Row]], list[str]]:
    nama = Path(str(path)).name
    try:
        cek_berkas(path)
    except BerkasDitolak as exc:
        return {}, [f"{nama}: {exc}"]
    except Exception as exc:  # no ZIP archive, or a damaged one (BadZipFile, zlib.error …)
        return {}, [f"{nama}: not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})"]
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a non-workbook
        return {}, [f"{nama}: not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})"]
    try:
        return _baca(wb, maks_baris, urutan_unsur)
    except (DefusedXmlException, ParseError) as exc:  # an XML bomb or malformed sheet XML
        return {}, [
            f"{nama}: berkas ditolak: XML lembar kerja tidak sah atau berbahaya ({exc.__class__.__name__})"
        ]
    except Exception as exc:  # openpyxl raises many kinds for a damaged sheet; a message, never a traceback
        return {}, [f"{nama}: not a readable .xlsx workbook ({exc.__class__.__name__}: {exc})"]
    finally:
        wb.close()


def _baca(wb, maks_baris: int, urutan_unsur=None) -> tuple[dict[str, list[Row]], list[str]]:
    errors: list[str] = []
    rows: dict[str, list[Row]] = {}
    dibaca = 0
    for ws in wb.worksheets:
        name = ws.title.strip()
        if name.startswith("_") or name.lower() in LEMBAR_CATATAN:
            continue
        spec = SHEET_MAP.get(name.lower())
        if spec is None:
            errors.append(
                f"{name}!A1: unknown sheet (known: {', '.join(s.nama for s in SHEETS)}; "
                f"start a sheet name with _ for notes; Petunjuk holds the template's instructions)"
            )
            continue
        # the dimension a sheet declares is not trusted: it would pad every row to it
        ws.reset_dimensions()
        header = next(ws.iter_rows(max_row=1, values_only=True), None)
        if header is None:
            rows[spec.nama] = []
            continue
        if len(header) > MAKS_KOLOM and any(h is not None for h in header[MAKS_KOLOM:]):
            errors.append(f"{spec.nama}!1:1: more than {MAKS_KOLOM} columns; this is not a SAKIP sheet")
            continue
        it = ws.iter_rows(min_row=2, max_col=MAKS_KOLOM, values_only=True)
        cols: dict[int, str] = {}
        asli: dict[str, str] = {}  # unsur column -> its header as written
        skema, skema_sel = None, "A1"
        for i, h in enumerate(header):
            if h is None or str(h).strip() == "":
                continue
            letter = get_column_letter(i + 1)
            if spec.nama in UNSUR_SHEETS:
                try:  # against the shipped schemes (migration skm/0008); the loader checks the unit's
                    kepala = baca_kepala(str(h))
                except ValueError as exc:
                    errors.append(f"{spec.nama}!{letter}1: {exc}")
                    continue
                if kepala is not None:
                    nomor = kepala.nomor
                    if urutan_unsur and kepala.skema is None:  # a bare code: the file's explicit order
                        if nomor > len(urutan_unsur):
                            errors.append(
                                f'{spec.nama}!{letter}1: "{str(h).strip()}" has no place in the unsur order '
                                f"given ({','.join(map(str, urutan_unsur))})"
                            )
                            continue
                        nomor = urutan_unsur[nomor - 1]
                    kode = f"u{nomor}"
                    if kode in asli:
                        errors.append(
                            f'{spec.nama}!{letter}1: unsur U{nomor} appears twice ("{asli[kode]}" '
                            f'and "{str(h).strip()}")'
                        )
                        continue
                    if kepala.skema is not None:
                        if skema is not None and not skema & kepala.skema:
                            errors.append(
                                f'{spec.nama}!{letter}1: "{str(h).strip()}" is an unsur of another survey '
                                f"scheme than the names in {skema_sel} and before"
                            )
                            continue
                        if skema is None:
                            skema_sel = f"{letter}1"
                        skema = kepala.skema if skema is None else skema & kepala.skema
                    asli[kode] = str(h).strip()
                    cols[i] = kode
                    continue
            h = str(h).strip().lower()
            if h not in spec.kolom_map:
                lain = (
                    ', or an unsur code or name such as "U8 Sarana dan Prasarana" (docs/workbook.md)'
                    if spec.nama in UNSUR_SHEETS
                    else ""
                )
                errors.append(
                    f'{spec.nama}!{letter}1: unknown column "{h}" (expected: {", ".join(spec.nama_kolom)}{lain})'
                )
            elif h in cols.values():
                errors.append(f'{spec.nama}!{letter}1: column "{h}" appears twice')
            else:
                cols[i] = h
        missing = [k.nama for k in spec.kolom if k.wajib and k.nama not in cols.values()]
        for m in missing:
            errors.append(f'{spec.nama}!A1: missing required column "{m}"')
        huruf = {name_: get_column_letter(i + 1) for i, name_ in cols.items()}
        out: list[Row] = []
        for n, values in enumerate(it, start=2):
            dibaca += 1
            if dibaca > maks_baris:
                errors.append(
                    f"{spec.nama}!A{n}: the workbook has more than {maks_baris:,} rows, the most one import "
                    "takes (docs/workbook.md); split it into several workbooks"
                )
                return rows, errors
            if values is None or all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                continue
            parsed: dict = {}
            bad = False
            for kolom in spec.kolom:
                idx = next((i for i, c in cols.items() if c == kolom.nama), None)
                raw = values[idx] if idx is not None and idx < len(values) else None
                if idx is None and kolom.wajib:
                    bad = True
                    continue
                try:
                    parsed[kolom.nama] = kolom.parse(raw)
                except CellError as exc:
                    errors.append(f"{spec.nama}!{get_column_letter(idx + 1)}{n}: {exc}")
                    bad = True
            if not bad:
                out.append(Row(spec.nama, n, parsed, huruf, skema, skema_sel))
        rows[spec.nama] = out
    return rows, errors


def import_workbook(
    path,
    dry_run: bool = False,
    *,
    oleh: str | None = None,
    pengguna=None,
    maks_baris: int = MAKS_BARIS,
    nama_berkas: str | None = None,
    urutan_unsur: tuple[int, ...] | None = None,
    tolak_baris=None,
    dibaca: dict[str, list[Row]] | None = None,
) -> Hasil:
    """Import a workbook: everything or nothing. With ``oleh`` (who ran it, e.g. "command line")
    a successful import writes audit rows (``catat_impor``) inside the same transaction.
    ``pengguna`` and ``nama_berkas`` (default: the file's name) are recorded on a new batch of
    paper survey answers. ``urutan_unsur``: the file's explicit unsur order (``baca``).
    ``tolak_baris(sheet, values)``: why a row may not be created or changed by this import (a message),
    or None; a refused row is a problem at its cell (the web upload: ``workbook.services``).
    ``dibaca``: the rows ``baca`` already returned for this file without errors (not read again)."""
    if dibaca is not None:
        rows, errors = dibaca, []
    else:
        rows, errors = baca(path, maks_baris, urutan_unsur) if urutan_unsur else baca(path, maks_baris)
    hasil = Hasil(errors=errors)
    if errors:
        return hasil
    try:
        with transaction.atomic(), tunda():
            loader = _Loader(rows, hasil)
            loader.nama_berkas = nama_berkas or Path(path).name
            loader.pengguna = pengguna
            loader.tolak_baris = tolak_baris
            loader.run()
            if hasil.errors or dry_run:
                raise _Batal
            if oleh is not None:
                catat_impor(
                    hasil, path, oleh=oleh, pengguna=pengguna, instansi_ids=loader._ids(), nama=nama_berkas
                )
            usangkan_semua()  # bulk writes send no model signals: every stored dashboard is out of date
            ids, tahun = list(loader._ids()), sorted(_tahun_baris(rows))
            # once committed, the dashboards of what was imported are computed again off the request
            transaction.on_commit(
                lambda: data_diimpor.send(sender=__name__, instansi_ids=ids, tahun=tahun), robust=True
            )
    except _Batal:
        pass
    hasil.errors = [teks.terlihat(e) for e in hasil.errors]
    return hasil


def _tahun_baris(rows: dict[str, list[Row]]) -> set[int]:
    """The years the imported rows belong to (their ``tahun`` column)."""
    return {
        r.nilai["tahun"] for baris in rows.values() for r in baris if isinstance(r.nilai.get("tahun"), int)
    }


def catat_impor(
    hasil: Hasil, path, *, oleh: str, pengguna=None, instansi_ids=(), nama: str | None = None
) -> None:
    """Audit rows of an import: the file name (``nama``, default the file's own), who ran it and
    the counts per sheet; one row per unit in the workbook (so each pemda's audit search shows
    it), or one without a unit."""
    from pathlib import Path

    from audit.models import Aksi, Jejak, baris

    nama = nama or Path(path).name
    isi = f"{nama} (oleh {oleh}): " + "; ".join(ringkas(hasil))
    units = Instansi.objects.filter(id__in=instansi_ids).order_by("id") if instansi_ids else []
    Jejak.objects.bulk_create(
        [
            baris(
                pengguna,
                Aksi.IMPOR,
                keterangan="workbook",
                instansi=ins,
                objek="workbook.Workbook",
                objek_id=nama[:40],
                field="berkas",
                baru=isi,
            )
            for ins in (list(units) or [None])
        ]
    )


def _ada(row: Row, values: dict) -> dict:
    """The values whose column the sheet has: a column added to the format later (renstra.rpjmd,
    zona.urutan, zona.tahun_nonaktif) left out of an older workbook keeps what is stored."""
    return {k: v for k, v in values.items() if k in row.huruf}


def _kode_induk(kode: str, parts: int) -> str:
    return ".".join(kode.split(".")[:parts])


class _Loader(MuatRpjmd):
    def __init__(self, rows: dict[str, list[Row]], hasil: Hasil):
        self.rows = rows
        self.hasil = hasil
        slugs = {r["slug"] for r in rows.get("instansi", [])}
        for sheet_rows in rows.values():
            for r in sheet_rows:
                if "instansi" in r.nilai and r["instansi"]:
                    slugs.add(r["instansi"])
        self.instansi = {i.slug: i for i in Instansi.objects.filter(slug__in=slugs)}
        pemda_codes = {r["kode"] for r in rows.get("pemda", [])} | {
            r["pemda"] for r in rows.get("instansi", [])
        }
        pemda_codes |= {r["pemda"] for r in rows.get("pejabat", [])}
        for sheet in (
            "rpjmd",
            "rpjmd_misi",
            "rpjmd_tujuan",
            "rpjmd_sasaran",
            "rpjmd_indikator",
            "rpjmd_target",
        ):
            pemda_codes |= {r["pemda"] for r in rows.get(sheet, [])}
        self._rpjmd = None  # the pemda-level plans and their items, read once (muat_rpjmd)
        self.pemda = {p.kode: p for p in Pemda.objects.filter(kode__in=pemda_codes)}
        self._maps: dict[str, dict] = {}
        self.nama_berkas, self.pengguna = "", None  # recorded on a new batch of paper survey answers
        self.tolak_baris = None  # (sheet, values) -> why the row may not be written, or None
        self._terakhir = None  # (sheet, id) -> last year of use of stored plan items, read once
        self._baris_gagal: set = set()  # budget lines rejected: rows referring to them add no second error
        self._skema: dict | None = None  # instansi id -> its survey scheme (rumus.skm.Skema)
        self._skema_dilapor: set = set()  # (sheet, instansi, what): header errors reported once

    # -- helpers -------------------------------------------------------------------------------
    def err(self, row: Row, kolom: str | None, message: str) -> None:
        self.hasil.errors.append(f"{row.ref(kolom)}: {message}")

    def _ids(self):
        return [i.id for i in self.instansi.values() if i.id]

    def map(self, name: str) -> dict:
        """Existing objects of the workbook's units, keyed as the sheets refer to them."""
        if name not in self._maps:
            ids = self._ids()
            loaders = {
                "subunit": lambda: {
                    (o.instansi_id, o.kode): o for o in SubUnit.objects.filter(instansi_id__in=ids)
                },
                "pejabat": lambda: {
                    (o.pemda_id, o.instansi_id, o.kode): o
                    for o in Pejabat.objects.filter(
                        pemda_id__in=[p.id for p in self.pemda.values()]
                        + [i.pemda_id for i in self.instansi.values()]
                    )
                },
                "layanan": lambda: {
                    (o.instansi_id, o.kode): o for o in Layanan.objects.filter(instansi_id__in=ids)
                },
                "renstra": lambda: {
                    (o.instansi_id, o.kode): o for o in Renstra.objects.filter(instansi_id__in=ids)
                },
                "tujuan": lambda: {
                    (o.instansi_id, o.kode): o for o in Tujuan.objects.filter(instansi_id__in=ids)
                },
                "sasaran": lambda: {
                    (o.instansi_id, o.kode): o for o in Sasaran.objects.filter(instansi_id__in=ids)
                },
                "indikator": lambda: {
                    (o.instansi_id, o.kode): o for o in Indikator.objects.filter(instansi_id__in=ids)
                },
                "jenjang": lambda: {
                    (o.instansi_id, o.kode): o for o in Jenjang.objects.filter(instansi_id__in=ids)
                },
                "program": lambda: {o.kode: o for o in Program.objects.all()},
                "kegiatan": lambda: {o.kode: o for o in Kegiatan.objects.all()},
                "sub_kegiatan": lambda: {o.kode: o for o in SubKegiatan.objects.all()},
                "pk": lambda: {
                    (o.instansi_id, o.tahun, o.jabatan.kode if o.jabatan_id else "", o.versi): o
                    for o in PerjanjianKinerja.objects.filter(instansi_id__in=ids).select_related("jabatan")
                },
                "anggaran": lambda: {
                    (o.instansi_id, o.tahun, o.sub_kegiatan_id, o.subunit_id): o
                    for o in BarisAnggaran.objects.filter(instansi_id__in=ids)
                },
                "zona": lambda: {
                    (o.instansi_id, o.kode): o for o in Zona.objects.filter(instansi_id__in=ids)
                },
            }
            self._maps[name] = loaders[name]()
        return self._maps[name]

    def get_instansi(self, row: Row, kolom: str = "instansi"):
        slug = row[kolom]
        obj = self.instansi.get(slug)
        if obj is None or obj.id is None:
            self.err(row, kolom, f'unknown instansi "{slug}" (not in sheet instansi nor in the database)')
            return None
        return obj

    def lookup(self, row: Row, kolom: str, name: str, key, label: str | None = None):
        obj = self.map(name).get(key)
        if obj is None:
            value = row[kolom]
            scope = (
                f" of instansi {row['instansi']}"
                if "instansi" in row.nilai and name not in ("program", "kegiatan", "sub_kegiatan")
                else ""
            )
            self.err(row, kolom, f'unknown {label or name} "{value}"{scope}')
        return obj

    def upsert(self, sheet: str, model, items, existing: dict, key_fields: tuple[str, ...] = ()):
        """items: (row, key, values). Creates or updates; records counts; returns key -> object."""
        seen: dict = {}
        new, changed = [], []
        unchanged = 0
        fields: set[str] = set()
        for row, key, values in items:
            if key in seen:
                self.err(row, None, f"duplicate row: same key as row {seen[key].nomor}")
                continue
            seen[key] = row
            obj = existing.get(key)
            if self.tolak_baris is not None:
                beda = None if obj is None else [f for f, v in values.items() if getattr(obj, f) != v]
                alasan = self.tolak_baris(sheet, values) if obj is None or beda else None
                if alasan:
                    kolom = next((f for f in beda or () if f in row.huruf), None)
                    self.err(row, kolom, alasan)
                    continue
            if obj is None:
                obj = model(**values)
                new.append(obj)
                existing[key] = obj
                continue
            diff = [f for f, v in values.items() if getattr(obj, f) != v]
            if diff:
                for f in diff:
                    setattr(obj, f, values[f])
                fields.update(diff)
                changed.append(obj)
            else:
                unchanged += 1
        if new:
            model.objects.bulk_create(new, batch_size=BATCH)
        if changed:
            model.objects.bulk_update(changed, sorted(fields), batch_size=BATCH)
        c = self.hasil.counts.setdefault(sheet, {"created": 0, "updated": 0, "unchanged": 0})
        c["created"] += len(new)
        c["updated"] += len(changed)
        c["unchanged"] += unchanged
        return existing

    # -- sheets --------------------------------------------------------------------------------
    def run(self):
        for spec in SHEETS:
            if spec.nama in self.rows:
                getattr(self, "load_" + spec.nama)(self.rows[spec.nama])
        if "indikator" in self.rows:
            self.tautkan_jenjang(self.rows["indikator"])
        if not self.hasil.errors:
            self.bekukan_pk_ditandatangani()

    def bekukan_pk_ditandatangani(self):
        """A signed PK of the workbook's units without a snapshot gets one now, from the data just
        imported (officials, indicators, budget). A PK already frozen keeps its snapshot: a
        re-import can change the live data (and so later drafts) but never a signed document."""
        signed = PerjanjianKinerja.objects.filter(
            instansi_id__in=self._ids(), status=PerjanjianKinerja.Status.DITANDATANGANI, isi_beku__isnull=True
        ).select_related("pihak_pertama", "pihak_kedua", "instansi__pemda", "jabatan")
        bekukan_banyak(list(signed))

    def load_pemda(self, rows):
        items = []
        for r in rows:
            values = {"kode": r["kode"], "nama": r["nama"]}
            if r["periode_rencana_aksi"]:  # blank keeps the stored setting (a new pemda: per quarter)
                values["periode_rencana_aksi"] = r["periode_rencana_aksi"]
            items.append((r, r["kode"], values))
        self.upsert("pemda", Pemda, items, self.pemda)

    def load_instansi(self, rows):
        items = []
        for r in rows:
            pemda = self.pemda.get(r["pemda"])
            if pemda is None:
                self.err(r, "pemda", f'unknown pemda "{r["pemda"]}"')
                continue
            items.append(
                (
                    r,
                    r["slug"],
                    {
                        "slug": r["slug"],
                        "nama": r["nama"],
                        "pemda": pemda,
                        "jenis": r["jenis"],
                        "kota": r["kota"] or "",
                        "alamat": r["alamat"] or "",
                    },
                )
            )
        existing = {k: v for k, v in self.instansi.items() if v.id}
        self.upsert("instansi", Instansi, items, existing)
        self.instansi.update(existing)

    def load_subunit(self, rows):
        items, induk = [], []
        for r in rows:
            ins = self.get_instansi(r)
            if ins:
                items.append(
                    (
                        r,
                        (ins.id, r["kode"]),
                        {"instansi": ins, "kode": r["kode"], "nama": r["nama"], "jenis": r["jenis"]},
                    )
                )
                induk.append((r, ins))
        m = self.upsert("subunit", SubUnit, items, self.map("subunit"))
        changed = []
        for r, ins in induk:
            obj = m[(ins.id, r["kode"])]
            parent = None
            if r["induk"]:
                parent = self.lookup(r, "induk", "subunit", (ins.id, r["induk"]), "subunit")
                if parent is None:
                    continue
            if obj.induk_id != (parent.id if parent else None):
                obj.induk = parent
                changed.append(obj)
        SubUnit.objects.bulk_update(changed, ["induk"], batch_size=BATCH)

    def load_pejabat(self, rows):
        items = []
        for r in rows:
            pemda = self.pemda.get(r["pemda"])
            if pemda is None:
                self.err(r, "pemda", f'unknown pemda "{r["pemda"]}"')
                continue
            ins = None
            if r["instansi"]:
                ins = self.get_instansi(r)
                if ins is None:
                    continue
                if ins.pemda_id != pemda.id:
                    self.err(r, "instansi", f'instansi "{ins.slug}" does not belong to pemda "{pemda.kode}"')
                    continue
            items.append(
                (
                    r,
                    (pemda.id, ins.id if ins else None, r["kode"]),
                    {
                        "pemda": pemda,
                        "instansi": ins,
                        "kode": r["kode"],
                        "nama": r["nama"] or "",
                        "jabatan": r["jabatan"],
                        "pangkat_golongan": r["pangkat_golongan"] or "",
                        "nip": r["nip"] or "",
                    },
                )
            )
        self.upsert("pejabat", Pejabat, items, self.map("pejabat"))

    def load_pegawai(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            if ins:
                values = {
                    k: r[k]
                    for k in (
                        "tahun",
                        "kategori",
                        "sd",
                        "smp",
                        "sma",
                        "d1",
                        "d2",
                        "d3",
                        "d4",
                        "s1",
                        "s2",
                        "s3",
                    )
                }
                items.append((r, (ins.id, r["tahun"], r["kategori"]), {"instansi": ins, **values}))
        existing = {
            (o.instansi_id, o.tahun, o.kategori): o
            for o in Pegawai.objects.filter(instansi_id__in=self._ids())
        }
        self.upsert("pegawai", Pegawai, items, existing)

    def load_layanan(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            if ins:
                items.append(
                    (r, (ins.id, r["kode"]), {"instansi": ins, "kode": r["kode"], "nama": r["nama"]})
                )
        self.upsert("layanan", Layanan, items, self.map("layanan"))

    def load_renstra(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            if not ins:
                continue
            if r["tahun_akhir"] < r["tahun_awal"]:
                self.err(
                    r, "tahun_akhir", f"tahun_akhir {r['tahun_akhir']} is before tahun_awal {r['tahun_awal']}"
                )
                continue
            values = {
                "instansi": ins,
                "kode": r["kode"],
                "nama": r["nama"],
                "tahun_awal": r["tahun_awal"],
                "tahun_akhir": r["tahun_akhir"],
            }
            values.update(_ada(r, {"rpjmd": r["rpjmd"]}))
            items.append((r, (ins.id, r["kode"]), values))
        self.upsert("renstra", Renstra, items, self.map("renstra"))

    def _arsip(self, r: Row, sheet: str, ins) -> dict | None:
        """The urutan and tahun_nonaktif of a tujuan, sasaran or indikator row (columns added
        later: left out, a stored row keeps its values), or None after reporting a bad cell: an
        urutan beyond the database's range, an archive year not after the item's last use (a
        signed PK, a realisasi or a budget link of an indicator under it; the app's rule,
        ``perencanaan.services.arsipkan``)."""
        if "urutan" in r.huruf and r["urutan"] > URUTAN_PLANNING_MAKS:
            self.err(r, "urutan", f"urutan must be at most {URUTAN_PLANNING_MAKS}, got {r['urutan']}")
            return None
        t = r["tahun_nonaktif"] if "tahun_nonaktif" in r.huruf else None
        ada = self.map(sheet).get((ins.id, r["kode"]))
        if self._terakhir is None:
            self._terakhir = perencanaan_selectors.tahun_terakhir_dipakai(self._ids())
        terakhir = self._terakhir.get((sheet, ada.id)) if ada is not None and ada.id else None
        if t is not None and terakhir is not None and t <= terakhir:
            self.err(
                r,
                "tahun_nonaktif",
                f"{sheet} {r['kode']} is used in {terakhir} (signed PK, realisasi or budget link): "
                f"tahun_nonaktif must be {terakhir + 1} or later (or blank)",
            )
            return None
        return _ada(r, {"urutan": r["urutan"], "tahun_nonaktif": t})

    def load_tujuan(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            renstra = ins and self.lookup(r, "renstra", "renstra", (ins.id, r["renstra"]))
            arsip = renstra and self._arsip(r, "tujuan", ins)
            if arsip is not None and renstra:
                values = {"instansi": ins, "renstra": renstra, "kode": r["kode"], "uraian": r["uraian"]}
                items.append((r, (ins.id, r["kode"]), {**values, **arsip}))
        self.upsert("tujuan", Tujuan, items, self.map("tujuan"))

    def load_sasaran(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            tujuan = ins and self.lookup(r, "tujuan", "tujuan", (ins.id, r["tujuan"]))
            arsip = tujuan and self._arsip(r, "sasaran", ins)
            if arsip is not None and tujuan:
                values = {"instansi": ins, "tujuan": tujuan, "kode": r["kode"], "uraian": r["uraian"]}
                if "pemilik" in r.huruf:
                    pemilik = self.pejabat_unit(r, "pemilik", ins)
                    if pemilik is False:
                        continue
                    values["pemilik"] = pemilik
                items.append((r, (ins.id, r["kode"]), {**values, **arsip}))
        self.upsert("sasaran", Sasaran, items, self.map("sasaran"))

    def pejabat_unit(self, r: Row, kolom: str, ins):
        """The official of the unit a cell names by kode (None for a blank cell), or False after
        reporting an unknown code (the owner of a sasaran or a cascade node is the unit's own)."""
        if not r[kolom]:
            return None
        obj = self.map("pejabat").get((ins.pemda_id, ins.id, r[kolom]))
        if obj is None:
            self.err(r, kolom, f'unknown pejabat "{r[kolom]}" of instansi {ins.slug} (sheet pejabat)')
            return False
        return obj

    def _nomenklatur(self, rows, sheet, model, parts, parent_sheet=None, parent_field=None):
        items = []
        for r in rows:
            kode = r["kode"]
            if len(kode.split(".")) != parts:
                self.err(r, "kode", f'a {sheet} code has {parts} parts separated by ".", got "{kode}"')
                continue
            values = {"kode": kode, "nama": r["nama"]}
            if parent_sheet:
                parent_code = _kode_induk(kode, {5: 3, 6: 5}[parts])
                parent = self.map(parent_sheet).get(parent_code)
                if parent is None:
                    self.err(r, "kode", f'{parent_sheet} "{parent_code}" of {sheet} "{kode}" is not defined')
                    continue
                values[parent_field] = parent
            items.append((r, kode, values))
        self.upsert(sheet, model, items, self.map(sheet))

    def load_program(self, rows):
        self._nomenklatur(rows, "program", Program, 3)

    def load_kegiatan(self, rows):
        self._nomenklatur(rows, "kegiatan", Kegiatan, 5, "program", "program")

    def load_sub_kegiatan(self, rows):
        self._nomenklatur(rows, "sub_kegiatan", SubKegiatan, 6, "kegiatan", "kegiatan")

    def load_indikator(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            if not ins:
                continue
            level = r["level"]
            induk = {"tujuan": None, "sasaran": None, "program": None, "kegiatan": None}
            if level in ("tujuan", "sasaran"):
                induk[level] = self.lookup(r, "induk", level, (ins.id, r["induk"]))
            elif level != "sub_kegiatan":  # a sub-kegiatan output's node is linked after the jenjang sheet
                induk[level] = self.lookup(r, "induk", level, r["induk"])
            if level != "sub_kegiatan" and induk[level] is None:
                continue
            arsip = self._arsip(r, "indikator", ins)
            if arsip is None:
                continue
            arsip.update(
                _ada(
                    r,
                    {"penanggung_jawab": r["penanggung_jawab"] or "", "jenis_hasil": r["jenis_hasil"] or ""},
                )
            )
            items.append(
                (
                    r,
                    (ins.id, r["kode"]),
                    {
                        **arsip,
                        "instansi": ins,
                        "kode": r["kode"],
                        "nama": r["nama"],
                        "level": level,
                        **induk,
                        "satuan": r["satuan"],
                        "formulasi": r["formulasi"] or "",
                        "alasan": r["alasan"] or "",
                        "sumber_data": r["sumber_data"] or "",
                        "polaritas": r["polaritas"],
                        "agregasi": r["agregasi"],
                        "iku": r["iku"],
                        "sumber_realisasi": r["sumber_realisasi"],
                    },
                )
            )
        self.upsert("indikator", Indikator, items, self.map("indikator"))

    def _indikator(self, r):
        ins = self.get_instansi(r)
        return ins, ins and self.lookup(r, "indikator", "indikator", (ins.id, r["indikator"]))

    def load_target(self, rows):
        items = []
        for r in rows:
            ins, ind = self._indikator(r)
            if ind:
                items.append(
                    (
                        r,
                        (ind.id, r["tahun"]),
                        {
                            "indikator": ind,
                            "tahun": r["tahun"],
                            "nilai": r["target"],
                            "nilai_atas": r["target_atas"],
                        },
                    )
                )
        existing = {
            (o.indikator_id, o.tahun): o
            for o in Target.objects.filter(indikator__instansi_id__in=self._ids())
        }
        self.upsert("target", Target, items, existing)

    def pejabat_pk(self, r: Row, kolom: str, ins):
        """The official a PK names by kode: the unit's own, else the pemda's (no instansi)."""
        m = self.map("pejabat")
        obj = m.get((ins.pemda_id, ins.id, r[kolom])) or m.get((ins.pemda_id, None, r[kolom]))
        if obj is None:
            self.err(
                r, kolom, f'unknown pejabat "{r[kolom]}" (neither of instansi {ins.slug} nor of its pemda)'
            )
        return obj

    def load_pk(self, rows):
        m = self.map("pk")
        self._signed_before = {k for k, o in m.items() if o.ditandatangani}
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            if not ins:
                continue
            p1 = self.pejabat_pk(r, "pihak_pertama", ins)
            p2 = None
            if r["pihak_kedua"]:
                p2 = self.pejabat_pk(r, "pihak_kedua", ins)
                if p2 is None:
                    continue
            if p1 is None:
                continue
            jabatan = None
            if r["jabatan"]:  # a position's own PK: an official of the unit
                jabatan = self.map("pejabat").get((ins.pemda_id, ins.id, r["jabatan"]))
                if jabatan is None:
                    self.err(r, "jabatan", f'unknown pejabat "{r["jabatan"]}" of instansi {ins.slug}')
                    continue
            key = (ins.id, r["tahun"], r["jabatan"] or "", r["versi"])
            values = {
                "instansi": ins,
                "tahun": r["tahun"],
                "jabatan": jabatan,
                "versi": r["versi"],
                "tanggal": r["tanggal"],
                "status": r["status"],
                "pihak_pertama": p1,
                "pihak_kedua": p2,
                "keterangan": r["keterangan"] or "",
            }
            old = m.get(key)
            if key in self._signed_before and any(getattr(old, f) != v for f, v in values.items()):
                self.err(
                    r,
                    None,
                    f"Perjanjian Kinerja {r['tahun']} versi {r['versi']} is signed and cannot change; "
                    f"enter the revision as versi {r['versi'] + 1}",
                )
                continue
            items.append((r, key, values))
        self.upsert("pk", PerjanjianKinerja, items, m)

    def load_pk_indikator(self, rows):
        signed_before = getattr(self, "_signed_before", None)
        if signed_before is None:
            signed_before = {k for k, o in self.map("pk").items() if o.ditandatangani}
        pk_ids = [o.id for o in self.map("pk").values() if o.id]
        existing = {
            (o.pk_dokumen_id, o.indikator_id): o for o in PKIndikator.objects.filter(pk_dokumen_id__in=pk_ids)
        }
        items = []
        for r in rows:
            ins, ind = self._indikator(r)
            if not ind:
                continue
            key_pk = (ins.id, r["tahun"], r["jabatan"] or "", r["versi"])
            pk = self.map("pk").get(key_pk)
            if pk is None:
                self.err(r, "versi", f"no Perjanjian Kinerja {r['tahun']} versi {r['versi']} for {ins.slug}")
                continue
            key = (pk.id, ind.id)
            values = {
                "pk_dokumen": pk,
                "indikator": ind,
                "target": r["target"],
                "target_atas": r["target_atas"],
                "no": r["no"],
            }
            old = existing.get(key)
            if key_pk in signed_before and (
                old is None or any(getattr(old, f) != v for f, v in values.items())
            ):
                self.err(
                    r,
                    "target",
                    f"Perjanjian Kinerja {r['tahun']} versi {r['versi']} is signed; its targets "
                    f"cannot change (enter a new versi)",
                )
                continue
            items.append((r, key, values))
        self.upsert("pk_indikator", PKIndikator, items, existing)

    def load_realisasi(self, rows):
        items = []
        for r in rows:
            ins, ind = self._indikator(r)
            if ind:
                items.append(
                    (
                        r,
                        (ind.id, r["tahun"], r["periode"]),
                        {
                            "indikator": ind,
                            "tahun": r["tahun"],
                            "periode": r["periode"],
                            "nilai": r["nilai"],
                            "catatan": r["catatan"] or "",
                            "sumber": r["sumber"] or "",
                        },
                    )
                )
        existing = {
            (o.indikator_id, o.tahun, o.periode): o
            for o in Realisasi.objects.filter(indikator__instansi_id__in=self._ids())
        }
        self.upsert("realisasi", Realisasi, items, existing)

    def load_pembanding(self, rows):
        items = []
        for r in rows:
            ins, ind = self._indikator(r)
            if ind:
                items.append(
                    (
                        r,
                        (ind.id, r["tahun"], r["unit"]),
                        {
                            "indikator": ind,
                            "tahun": r["tahun"],
                            "unit": r["unit"],
                            "realisasi": r["realisasi"],
                            "target": r["target"],
                            "sumber": r["sumber"] or "",
                        },
                    )
                )
        existing = {
            (o.indikator_id, o.tahun, o.unit): o
            for o in NilaiPembanding.objects.filter(indikator__instansi_id__in=self._ids())
        }
        self.upsert("pembanding", NilaiPembanding, items, existing)

    def _baris_key(self, r, ins):
        sub = self.lookup(r, "sub_kegiatan", "sub_kegiatan", r["sub_kegiatan"], "sub_kegiatan")
        if sub is None:
            return None, None
        subunit = None
        if r["subunit"]:
            subunit = self.lookup(r, "subunit", "subunit", (ins.id, r["subunit"]))
            if subunit is None:
                return None, None
        return (ins.id, r["tahun"], sub.id, subunit.id if subunit else None), (sub, subunit)

    def load_anggaran(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            if not ins:
                continue
            key, refs = self._baris_key(r, ins)
            if key is None:
                continue
            if r["pagu"] < 0:
                self.err(r, "pagu", f"pagu must not be negative, got {r['pagu']}")
                self._baris_gagal.add(key)
                continue
            items.append(
                (
                    r,
                    key,
                    {
                        "instansi": ins,
                        "tahun": r["tahun"],
                        "sub_kegiatan": refs[0],
                        "subunit": refs[1],
                        "pagu_murni": r["pagu_murni"],
                        "pagu": r["pagu"],
                        **{f"kas_tw{i}": r[f"kas_tw{i}"] for i in range(1, 5)},
                    },
                )
            )
        self.upsert("anggaran", BarisAnggaran, items, self.map("anggaran"))

    def load_pagu_program(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            prog = ins and self.lookup(r, "program", "program", r["program"])
            if prog:
                items.append(
                    (
                        r,
                        (ins.id, r["tahun"], prog.id),
                        {
                            "instansi": ins,
                            "tahun": r["tahun"],
                            "program": prog,
                            "pagu_murni": r["pagu_murni"],
                        },
                    )
                )
        existing = {
            (o.instansi_id, o.tahun, o.program_id): o
            for o in PaguProgram.objects.filter(instansi_id__in=self._ids())
        }
        self.upsert("pagu_program", PaguProgram, items, existing)

    def load_realisasi_anggaran(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            if not ins:
                continue
            key, _ = self._baris_key(r, ins)
            if key is None:
                continue
            baris = self.map("anggaran").get(key)
            if baris is None and key in self._baris_gagal:
                continue
            if baris is None:
                where = f"subunit {r['subunit']}" if r["subunit"] else "the unit itself"
                self.err(
                    r,
                    "sub_kegiatan",
                    f"no budget line {r['sub_kegiatan']} for {where} in {r['tahun']} "
                    f"(add it to sheet anggaran)",
                )
                continue
            items.append(
                (r, (baris.id, r["periode"]), {"baris": baris, "periode": r["periode"], "nilai": r["nilai"]})
            )
        existing = {
            (o.baris_id, o.periode): o
            for o in RealisasiAnggaran.objects.filter(baris__instansi_id__in=self._ids())
        }
        self.upsert("realisasi_anggaran", RealisasiAnggaran, items, existing)

    def load_dukungan(self, rows):
        codes = set(self.map("program")) | set(self.map("kegiatan")) | set(self.map("sub_kegiatan"))
        items = []
        for r in rows:
            ins, ind = self._indikator(r)
            if not ind:
                continue
            if r["kode"] not in codes:
                self.err(r, "kode", f'unknown programme/kegiatan/sub-kegiatan code "{r["kode"]}"')
                continue
            items.append(
                (
                    r,
                    (ins.id, r["tahun"], r["kode"], ind.id),
                    {"instansi": ins, "tahun": r["tahun"], "kode": r["kode"], "indikator": ind},
                )
            )
        existing = {
            (o.instansi_id, o.tahun, o.kode, o.indikator_id): o
            for o in Dukungan.objects.filter(instansi_id__in=self._ids())
        }
        self.upsert("dukungan", Dukungan, items, existing)

    # the column of the sheet a Jenjang.clean() problem of a field is reported at
    _KOLOM_JENJANG = {
        "sasaran": "induk",
        "induk": "induk",
        "program": "anggaran",
        "kegiatan": "anggaran",
        "sub_kegiatan": "anggaran",
        "pemilik": "pemilik",
        "level": "level",
    }

    def load_jenjang(self, rows):
        """The cascade nodes, level by level (a node's parent first), each checked by the model's
        rules (Jenjang.clean: parent of the level above, budget item held by the unit and within
        the parent's, owner of the unit), reported at the cell of the rule."""
        from django.core.exceptions import ValidationError

        m = self.map("jenjang")
        anggaran = {
            "program": self.map("program"),
            "kegiatan": self.map("kegiatan"),
            "sub_kegiatan": self.map("sub_kegiatan"),
        }
        for level in ("program", "kegiatan", "sub_kegiatan"):
            items = []
            for r in rows:
                if r["level"] != level:
                    continue
                ins = self.get_instansi(r)
                if not ins:
                    continue
                values = {"instansi": ins, "level": level, "kode": r["kode"], "uraian": r["uraian"]}
                if level == "program":
                    values["sasaran"] = self.lookup(r, "induk", "sasaran", (ins.id, r["induk"]))
                    values["induk"] = None
                    atas = values["sasaran"]
                else:
                    values["sasaran"] = None
                    values["induk"] = atas = self.lookup(
                        r, "induk", "jenjang", (ins.id, r["induk"]), "jenjang node"
                    )
                item = anggaran[level].get(r["anggaran"])
                if item is None:
                    self.err(r, "anggaran", f'unknown {level} code "{r["anggaran"]}" for a {level} node')
                    continue
                for bidang in Jenjang.ANGGARAN.values():
                    values[bidang] = item if bidang == level else None
                pemilik = self.pejabat_unit(r, "pemilik", ins) if "pemilik" in r.huruf else None
                arsip = self._arsip(r, "jenjang", ins)
                if atas is None or pemilik is False or arsip is None:
                    continue
                values["pemilik"] = pemilik
                try:
                    Jenjang(**values).clean()
                except ValidationError as exc:
                    for bidang, pesan in exc.message_dict.items():
                        kolom = self._KOLOM_JENJANG.get(bidang)
                        self.err(r, kolom, f"rule of a {level} node: {' '.join(pesan)}")
                    continue
                items.append((r, (ins.id, r["kode"]), {**values, **arsip}))
            self.upsert("jenjang", Jenjang, items, m)

    def tautkan_jenjang(self, rows):
        """Link the indicators to their cascade node: column ``jenjang`` (any level), or ``induk``
        for a sub_kegiatan indicator; the node's level must be the indicator's and, for a
        programme/kegiatan indicator, its budget item the ``induk`` code."""
        m_ind, m_j = self.map("indikator"), self.map("jenjang")
        changed = []
        for r in rows:
            ins = self.instansi.get(r["instansi"])
            ind = ins and m_ind.get((ins.id, r["kode"]))
            if ind is None or ind.id is None:
                continue  # reported by load_indikator
            kolom = "induk" if r["level"] == "sub_kegiatan" else "jenjang"
            if kolom not in r.huruf:
                continue
            kode = r[kolom]
            node = None
            if kode:
                node = m_j.get((ins.id, kode))
                if node is None:
                    self.err(
                        r, kolom, f'unknown jenjang node "{kode}" of instansi {ins.slug} (sheet jenjang)'
                    )
                    continue
                if node.level != r["level"]:
                    self.err(
                        r,
                        kolom,
                        f'jenjang node "{kode}" is a {node.level} node: the indicator\'s level must be {node.level}',
                    )
                    continue
                if r["level"] in ("program", "kegiatan") and node.kode_anggaran != r["induk"]:
                    self.err(
                        r,
                        "induk",
                        f'induk must be {node.kode_anggaran}, the budget code of jenjang node "{kode}"',
                    )
                    continue
            if ind.jenjang_id != (node.id if node else None):
                ind.jenjang = node
                changed.append(ind)
        Indikator.objects.bulk_update(changed, ["jenjang"], batch_size=BATCH)

    def load_rhk(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            ind = ins and self.lookup(r, "indikator_atasan", "indikator", (ins.id, r["indikator_atasan"]))
            if not ind:
                continue
            values = {
                "instansi": ins,
                "tahun": r["tahun"],
                "nama_pegawai": r["nama_pegawai"],
                "nip": r["nip"] or "",
                "jabatan": r["jabatan"],
                "urutan": r["urutan"],
                "uraian": r["uraian"],
                "indikator_atasan": ind,
                "nama_indikator": r["nama_indikator"],
                "aspek": r["aspek"],
                "target": r["target"],
                "satuan": r["satuan"],
            }
            items.append((r, (ins.id, r["tahun"], r["nama_pegawai"], r["urutan"]), values))
        existing = {
            (o.instansi_id, o.tahun, o.nama_pegawai, o.urutan): o
            for o in RencanaHasilKerja.objects.filter(instansi_id__in=self._ids())
        }
        self.upsert("rhk", RencanaHasilKerja, items, existing)

    def _pk_tahun(self, rows):
        """(instansi id, tahun) -> {indikator id: PK row} of the PK in force (the latest signed
        versi, else the draft) of each unit-year the rows name, read after the PK sheets."""
        out: dict = {}
        for tahun in {r["tahun"] for r in rows}:
            pk = perencanaan_selectors.pk_berlaku(self._ids(), tahun)
            for row in PKIndikator.objects.filter(pk_dokumen__in=list(pk.values())).select_related(
                "pk_dokumen"
            ):
                out.setdefault((row.pk_dokumen.instansi_id, tahun), {})[row.indikator_id] = row
        return out

    def _indikator_pk(self, r, pk_tahun):
        """The row's indicator and its PK row in force, or (None, None) with the error recorded."""
        ins, ind = self._indikator(r)
        if not ind:
            return None, None
        row = pk_tahun.get((ins.id, r["tahun"]), {}).get(ind.id)
        if row is None:
            self.err(
                r,
                "indikator",
                f'indikator "{r["indikator"]}" is not in the Perjanjian Kinerja {r["tahun"]} in force '
                f"of {ins.slug} (a Rencana Aksi plans the PK's indicators)",
            )
            return None, None
        return ind, row

    def load_rencana_aksi(self, rows):
        """Quarter targets: the four quarters of an indicator-year (stored values completed by
        the rows) must follow its aggregation of the PK's annual target (rumus.rencana_aksi), and
        a quarter whose performance realisasi is verified or locked keeps its target. For a unit
        whose pemda plans per month (``Pemda.periode_rencana_aksi`` = bulan) the rows give the
        months B01..B12 instead: the twelve months follow the aggregation (``cek_target_bulan``),
        the quarters are derived from them (``triwulan_dari_bulan``) and stored as well, a month
        of a verified quarter keeps its target, and quarter rows of an indicator-year with months
        are refused (its quarters come from the months)."""
        pk_tahun = self._pk_tahun(rows)
        existing = {
            (o.indikator_id, o.tahun, o.periode): o
            for o in TargetTriwulan.objects.filter(indikator__instansi_id__in=self._ids())
        }
        terkunci: dict = {}
        bulanan: dict = {}
        items, per_ind = [], {}
        dikenal = [(r, *self._indikator_pk(r, pk_tahun)) for r in rows]
        dikenal = [(r, ind, pk_row) for r, ind, pk_row in dikenal if ind is not None]
        ada_bulan = {(i, t) for (i, t, p) in existing if p in BULAN}
        ada_bulan |= {(ind.id, r["tahun"]) for r, ind, _pk in dikenal if r["periode"] in BULAN}
        for r, ind, pk_row in dikenal:
            if ind.instansi_id not in bulanan:
                bulanan[ind.instansi_id] = ind.instansi.pemda.periode_rencana_aksi == "bulan"
            per_bulan = bulanan[ind.instansi_id]
            if r["periode"] in BULAN and not per_bulan:
                self.err(
                    r,
                    "periode",
                    f"{r['periode']} is a month: the pemda of {ind.instansi.slug} plans its Rencana Aksi "
                    "per quarter (TW1..TW4; the pemda's setting periode_rencana_aksi)",
                )
                continue
            if r["periode"] in TRIWULAN and per_bulan and (ind.id, r["tahun"]) in ada_bulan:
                self.err(
                    r,
                    "periode",
                    f"the pemda of {ind.instansi.slug} plans its Rencana Aksi per month: the "
                    f"{r['periode']} target of {ind.kode} {r['tahun']} is derived from its months "
                    "B01..B12, give the months instead",
                )
                continue
            kunci_ins = (ind.instansi_id, r["tahun"])
            if kunci_ins not in terkunci:
                terkunci[kunci_ins] = perencanaan_selectors.periode_terverifikasi(ind.instansi, r["tahun"])
            tw = r["periode"] if r["periode"] in TRIWULAN else TRIWULAN[BULAN.index(r["periode"]) // 3]
            old = existing.get((ind.id, r["tahun"], r["periode"]))
            ada_bulan_ini = any(existing.get((ind.id, r["tahun"], b)) for b in BULAN)
            if (
                tw in terkunci[kunci_ins]
                and (r["periode"] in TRIWULAN or ada_bulan_ini)
                and (old is None or old.nilai != r["target"])
            ):
                lama = "-" if old is None else f"{old.nilai.normalize():f}"
                self.err(
                    r,
                    "target",
                    f"the {r['periode']} target of {ind.kode} {r['tahun']} cannot change: the "
                    f"{tw} realisasi is verified (stored target: {lama})",
                )
                continue
            items.append(
                (
                    r,
                    (ind.id, r["tahun"], r["periode"]),
                    {"indikator": ind, "tahun": r["tahun"], "periode": r["periode"], "nilai": r["target"]},
                )
            )
            per_ind.setdefault((ind.id, r["tahun"]), (ind, pk_row, []))[2].append(r)
        for (iid, tahun), (ind, pk_row, baris) in per_ind.items():
            nilai = {p: o.nilai for (i, t, p), o in existing.items() if i == iid and t == tahun}
            nilai.update({r["periode"]: r["target"] for r in baris})
            akhir = max(baris, key=lambda r: r.nomor)
            if (iid, tahun) in ada_bulan and bulanan[ind.instansi_id]:
                self._bulan_ke_triwulan(ind, pk_row, tahun, nilai, akhir, terkunci, existing, items)
                continue
            s = cek_target_triwulan(pk_row.target, [nilai.get(tw) for tw in TRIWULAN], ind.agregasi)
            if s is None:
                continue
            self.err(akhir, "target", _pesan_aturan_rencana(ind, tahun, s, bulanan=False))
        self.upsert("rencana_aksi", TargetTriwulan, items, existing)

    def _bulan_ke_triwulan(self, ind, pk_row, tahun, nilai, akhir, terkunci, existing, items):
        """A monthly plan of one indicator-year (the stored months completed by the rows): check
        the twelve months, then add the derived quarters to ``items`` (errors at the indicator's
        last row, column target)."""
        s = cek_target_bulan(pk_row.target, [nilai.get(b) for b in BULAN], ind.agregasi)
        if s is not None:
            self.err(akhir, "target", _pesan_aturan_rencana(ind, tahun, s, bulanan=True))
            return
        desimal = TargetTriwulan._meta.get_field("nilai").decimal_places
        kunci = terkunci.get((ind.instansi_id, tahun), set())
        for tw, v in zip(
            TRIWULAN, triwulan_dari_bulan([nilai.get(b) for b in BULAN], ind.agregasi), strict=True
        ):
            if v != round(v, desimal):
                self.err(
                    akhir,
                    "target",
                    f"rencana_aksi of {ind.kode} {tahun}: the mean of the months of {tw} has more than "
                    f"{desimal} decimals and cannot be stored exactly as the {tw} target",
                )
                continue
            old = existing.get((ind.id, tahun, tw))
            if tw in kunci and (old is None or old.nilai != v):
                lama = "-" if old is None else f"{old.nilai.normalize():f}"
                self.err(
                    akhir,
                    "target",
                    f"the months of {tw} of {ind.kode} {tahun} give a {tw} target of {v.normalize():f}: "
                    f"the {tw} realisasi is verified (stored target: {lama})",
                )
                continue
            items.append(
                (akhir, (ind.id, tahun, tw), {"indikator": ind, "tahun": tahun, "periode": tw, "nilai": v})
            )

    def load_langkah_aksi(self, rows):
        pk_tahun = self._pk_tahun(rows)
        dpa = {(k[0], k[1], k[2]) for k in self.map("anggaran")}
        existing = {
            (o.indikator_id, o.tahun, o.urutan): o
            for o in LangkahAksi.objects.filter(indikator__instansi_id__in=self._ids())
        }
        items = []
        for r in rows:
            ind, _pk_row = self._indikator_pk(r, pk_tahun)
            if ind is None:
                continue
            sub = None
            if r["sub_kegiatan"]:
                sub = self.lookup(r, "sub_kegiatan", "sub_kegiatan", r["sub_kegiatan"], "sub_kegiatan")
                if sub is None:
                    continue
                if (ind.instansi_id, r["tahun"], sub.id) not in dpa:
                    self.err(
                        r,
                        "sub_kegiatan",
                        f"sub_kegiatan {r['sub_kegiatan']} is not in the DPA of {r['instansi']} in "
                        f"{r['tahun']} (add it to sheet anggaran)",
                    )
                    continue
            items.append(
                (
                    r,
                    (ind.id, r["tahun"], r["urutan"]),
                    {
                        "indikator": ind,
                        "tahun": r["tahun"],
                        "urutan": r["urutan"],
                        "periode": r["periode"],
                        "uraian": r["uraian"],
                        "penanggung_jawab": r["penanggung_jawab"] or "",
                        "sub_kegiatan": sub,
                    },
                )
            )
        self.upsert("langkah_aksi", LangkahAksi, items, existing)

    def load_zona(self, rows):
        items = []
        # the last year each stored zone was assessed in: a zone is retired only after it
        terakhir = dict(
            PenilaianZona.objects.filter(zona__instansi_id__in=self._ids())
            .values("zona_id")
            .annotate(t=Max("tahun"))
            .values_list("zona_id", "t")
        )
        for r in rows:
            ins = self.get_instansi(r)
            if not ins:
                continue
            subunit = None
            if r["subunit"]:
                subunit = self.lookup(r, "subunit", "subunit", (ins.id, r["subunit"]))
                if subunit is None:
                    continue
            if r["urutan"] > URUTAN_MAKS:
                self.err(r, "urutan", f"urutan must be at most {URUTAN_MAKS}, got {r['urutan']}")
                continue
            ada = self.map("zona").get((ins.id, r["kode"]))
            t = r["tahun_nonaktif"]
            if t is not None and ada is not None and ada.id in terakhir and t <= terakhir[ada.id]:
                self.err(
                    r,
                    "tahun_nonaktif",
                    f"zona {r['kode']} was assessed in {terakhir[ada.id]}: tahun_nonaktif must be "
                    f"{terakhir[ada.id] + 1} or later (or blank)",
                )
                continue
            values = {"instansi": ins, "kode": r["kode"], "nama": r["nama"], "subunit": subunit}
            values.update(_ada(r, {"urutan": r["urutan"], "tahun_nonaktif": t}))
            items.append((r, (ins.id, r["kode"]), values))
        self.upsert("zona", Zona, items, self.map("zona"))

    def load_zona_penilaian(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            zona = ins and self.lookup(r, "zona", "zona", (ins.id, r["zona"]))
            if not zona:
                continue
            if zona.tahun_nonaktif is not None and r["tahun"] >= zona.tahun_nonaktif:
                self.err(
                    r,
                    "tahun",
                    f"zona {zona.kode} is retired from {zona.tahun_nonaktif} (tahun_nonaktif): it has no "
                    f"assessment in {r['tahun']}",
                )
                continue
            if r["bulan"] is not None and not 1 <= r["bulan"] <= 12:
                self.err(
                    r,
                    "bulan",
                    f"bulan must be 1–12 (or blank for the year's recapitulation), got {r['bulan']}",
                )
                continue
            items.append(
                (
                    r,
                    (zona.id, r["tahun"], r["bulan"]),
                    {
                        "zona": zona,
                        "tahun": r["tahun"],
                        "bulan": r["bulan"],
                        "kategori": r["kategori"] or "",
                        "catatan": r["catatan"] or "",
                    },
                )
            )
        existing = {
            (o.zona_id, o.tahun, o.bulan): o
            for o in PenilaianZona.objects.filter(zona__instansi_id__in=self._ids())
        }
        self.upsert("zona_penilaian", PenilaianZona, items, existing)

    def skema_unit(self, ins):
        """The survey scheme of a unit (its SKM settings; none chosen: the default one)."""
        if self._skema is None:
            from skm.skema import skema_unit

            self._skema = skema_unit(self._ids())
        return self._skema[ins.id]

    def cek_unsur(self, r: Row, ins, arti: str) -> bool:
        """Check a row's unsur columns against the unit's scheme: the headers' names are its
        unsur, each of its unsur has a value and no other does. True when the row is bad."""
        sk = self.skema_unit(ins)
        if r.skema is not None and sk.kode not in r.skema:
            kunci = (r.sheet, ins.id, "skema")
            if kunci not in self._skema_dilapor:
                self._skema_dilapor.add(kunci)
                self.hasil.errors.append(
                    f"{r.sheet}!{r.skema_sel}: the headers name the unsur of another survey scheme, but "
                    f"instansi {r['instansi']} surveys with {sk.nama} ({sk.jumlah} unsur; its SKM settings)"
                )
            return True
        bad = False
        for i in range(10, 15):
            v = r[f"u{i}"]
            if i <= sk.jumlah and v is None:
                if f"u{i}" not in r.huruf:
                    kunci = (r.sheet, ins.id, i)
                    if kunci not in self._skema_dilapor:
                        self._skema_dilapor.add(kunci)
                        self.hasil.errors.append(
                            f'{r.sheet}!A1: missing required column "u{i}" ({sk.unsur[i - 1]}): instansi '
                            f"{r['instansi']} surveys with {sk.nama} ({sk.jumlah} unsur)"
                        )
                else:
                    self.err(r, f"u{i}", f"u{i} is required ({sk.nama} has {sk.jumlah} unsur)")
                bad = True
            elif i > sk.jumlah and v is not None:
                self.err(
                    r,
                    f"u{i}",
                    f"u{i} must be blank: instansi {r['instansi']} surveys with {sk.nama} "
                    f"({sk.jumlah} unsur; its SKM settings choose the scheme)",
                )
                bad = True
        if bad:
            return True
        for i in range(1, sk.jumlah + 1):
            v = r[f"u{i}"]
            if arti == "nrr" and not Decimal(1) <= v <= Decimal(4):
                self.err(r, f"u{i}", f"NRR u{i} must be between 1 and 4, got {v}")
                bad = True
            elif arti == "jawaban" and not 1 <= v <= 4:
                self.err(r, f"u{i}", f"answer u{i} must be 1, 2, 3 or 4, got {v}")
                bad = True
        return bad

    def load_skm_nrr(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            if not ins:
                continue
            layanan = None
            if r["layanan"]:
                layanan = self.lookup(r, "layanan", "layanan", (ins.id, r["layanan"]))
                if layanan is None:
                    continue
            if self.cek_unsur(r, ins, "nrr"):
                continue
            items.append(
                (
                    r,
                    (ins.id, r["tahun"], r["periode"], layanan.id if layanan else None),
                    {
                        "instansi": ins,
                        "tahun": r["tahun"],
                        "periode": r["periode"],
                        "layanan": layanan,
                        **{f"u{i}": r[f"u{i}"] for i in range(1, 15)},
                        "responden": r["responden"],
                    },
                )
            )
        existing = {
            (o.instansi_id, o.tahun, o.periode, o.layanan_id): o
            for o in RingkasanNRR.objects.filter(instansi_id__in=self._ids())
        }
        self.upsert("skm_nrr", RingkasanNRR, items, existing)

    def load_skm_responden(self, rows):
        """Raw SKM answers. Every row is checked first; then each unit's rows become one new
        batch (``ImporResponden``) added to the earlier ones. Unchanged instead: the same rows as
        an earlier batch of the unit (the same file imported again: ``sidik``, a SHA-256 of the
        rows), or exactly the answers stored for the unit in those years (an exported workbook
        imported again). No single row is matched against stored ones: two paper answers that
        look alike are two people."""
        from rumus.skm import periode_untuk

        jenis = dict(
            PengaturanSKM.objects.filter(instansi_id__in=self._ids()).values_list(
                "instansi_id", "jenis_periode"
            )
        )
        baru = []
        for r in rows:
            ins = self.get_instansi(r)
            if not ins:
                continue
            bad = False
            layanan = None
            if r["layanan"]:
                layanan = self.lookup(r, "layanan", "layanan", (ins.id, r["layanan"]))
                bad = layanan is None
            tanggal, periode = r["tanggal_layanan"], r["periode"]
            if tanggal is not None and tanggal.year != r["tahun"]:
                self.err(
                    r,
                    "tanggal_layanan",
                    f"tanggal_layanan {tanggal.isoformat()} is not in tahun {r['tahun']}",
                )
                bad = True
            elif periode is None and tanggal is None:
                self.err(r, "periode", "periode is required when tanggal_layanan is blank")
                bad = True
            elif tanggal is not None:
                jenis_unit = jenis.get(ins.id, PengaturanSKM.JenisPeriode.TRIWULAN)
                if periode is None:
                    periode = periode_untuk(tanggal, jenis_unit)
                elif periode != "TAHUN" and periode_untuk(tanggal, periode.rstrip("1234")) != periode:
                    self.err(
                        r,
                        "tanggal_layanan",
                        f"tanggal_layanan {tanggal.isoformat()} is not in periode {periode}",
                    )
                    bad = True
            bad = self.cek_unsur(r, ins, "jawaban") or bad
            if r["umur"] is not None and not 10 <= r["umur"] <= 120:
                self.err(r, "umur", f"umur must be between 10 and 120, got {r['umur']}")
                bad = True
            for kolom, maks in (("pendidikan", 40), ("pekerjaan", 60)):
                if len(r[kolom] or "") > maks:
                    self.err(r, kolom, f"{kolom} has more than {maks} characters")
                    bad = True
            if bad:
                continue
            baru.append(
                Responden(
                    instansi=ins,
                    layanan=layanan,
                    tahun=r["tahun"],
                    periode=periode,
                    tanggal_layanan=tanggal,
                    jenis_kelamin=r["jenis_kelamin"] or "",
                    umur=r["umur"],
                    pendidikan=r["pendidikan"] or "",
                    pekerjaan=r["pekerjaan"] or "",
                    saran=r["saran"] or "",
                    klien=KLIEN_IMPOR,
                    **{f"u{i}": r[f"u{i}"] for i in range(1, 15)},
                )
            )
        if self.hasil.errors:
            return
        from collections import Counter

        def sidik(o):
            return (
                o.instansi_id,
                o.layanan_id,
                o.tahun,
                o.periode,
                o.tanggal_layanan,
                o.jenis_kelamin,
                o.umur,
                o.pendidikan,
                o.pekerjaan,
                o.saran,
                *(getattr(o, f"u{i}") for i in range(1, 15)),
            )

        per_unit: dict[int, list] = {}
        for o in baru:
            per_unit.setdefault(o.instansi_id, []).append(o)
        simpan, batch = [], {}
        for iid, daftar in sorted(per_unit.items()):
            masuk = Counter(sidik(o) for o in daftar)
            isi = hashlib.sha256(repr(sorted(masuk.items(), key=repr)).encode()).hexdigest()
            ada = Responden.objects.filter(instansi_id=iid, tahun__in={o.tahun for o in daftar})
            if Counter(sidik(o) for o in ada) == masuk:  # an export of what is stored, imported again
                continue
            if ImporResponden.objects.filter(instansi_id=iid, sidik=isi).exists():  # the same file again
                continue
            batch[iid] = b = ImporResponden.objects.create(
                instansi_id=iid, nama_berkas=self.nama_berkas[:200], oleh=self.pengguna, sidik=isi
            )
            for o in daftar:
                o.impor = b
            simpan.extend(daftar)
        Responden.objects.bulk_create(simpan, batch_size=BATCH)
        c = self.hasil.counts.setdefault("skm_responden", {"created": 0, "updated": 0, "unchanged": 0})
        c["created"] += len(simpan)
        c["unchanged"] += len(baru) - len(simpan)
        self.hasil.impor_responden = list(batch.values())

    def load_evaluasi_nilai(self, rows):
        items = []
        for r in rows:
            ins = self.get_instansi(r)
            if not ins:
                continue
            if r["bobot"] <= 0:
                self.err(r, "bobot", f"bobot must be positive, got {r['bobot']}")
                continue
            if not Decimal(0) <= r["nilai"] <= r["bobot"]:
                self.err(r, "nilai", f"nilai must be between 0 and the bobot {r['bobot']}, got {r['nilai']}")
                continue
            items.append(
                (
                    r,
                    (ins.id, r["tahun"], r["jenis"], r["komponen"]),
                    {
                        "instansi": ins,
                        "tahun": r["tahun"],
                        "jenis": r["jenis"],
                        "komponen": r["komponen"],
                        "bobot": r["bobot"],
                        "nilai": r["nilai"],
                        "no": r["no"],
                    },
                )
            )
        existing = {
            (o.instansi_id, o.tahun, o.jenis, o.komponen): o
            for o in NilaiKomponen.objects.filter(instansi_id__in=self._ids())
        }
        self.upsert("evaluasi_nilai", NilaiKomponen, items, existing)


def ringkas(hasil: Hasil) -> list[str]:
    lines = []
    for sheet, c in hasil.counts.items():
        line = f"{sheet}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
        if "replaced" in c:  # skm_responden: rows of an earlier import of the same periods, replaced
            line += f", {c['replaced']} replaced"
        lines.append(line)
    return lines


__all__ = ["Hasil", "baca", "import_workbook", "ringkas"]
