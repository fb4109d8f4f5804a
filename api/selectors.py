"""Reads of the API that no domain app has in this shape: the lists of pemda and units, the
Renstra tree, the indicators of a year with their targets, the PK, the entered realisasi, the
zones and the budget lines. Each a fixed number of queries (tests/test_api_kueri.py). The
figures (capaian, budget tree and serapan, IKM, AKIP) are not read here: the API calls the query
commands' own JSON builders (``data_json``), which call the domain selectors."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q

from anggaran.models import BarisAnggaran, RealisasiAnggaran
from organisasi.models import Instansi, Pemda
from pengukuran.models import Alur, PengajuanRealisasi, Realisasi, StatusPeriode
from perencanaan.models import Indikator, PKIndikator, Renstra, Sasaran, Target, Tujuan
from perencanaan.selectors import pk_berlaku
from sakip.cli import angka_json
from zona.models import Zona, aktif_pada
from zona.selectors import persentase_tertib


def daftar_pemda():
    return Pemda.objects.order_by("kode")


def daftar_instansi(pemda: str | None = None):
    qs = Instansi.objects.select_related("pemda").order_by("pemda__kode", "slug")
    if pemda:
        qs = qs.filter(pemda__kode=pemda)
    return qs


def instansi_dict(i: Instansi) -> dict:
    return {"slug": i.slug, "nama": i.nama, "jenis": i.jenis, "pemda": i.pemda.kode, "aktif": i.aktif}


def _indikator_dict(ind: Indikator, target: list[Target]) -> dict:
    return {
        "kode": ind.kode,
        "nama": ind.nama,
        "level": ind.level,
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "agregasi": ind.agregasi,
        "iku": ind.iku,
        "sumber_realisasi": ind.sumber_realisasi,
        "formulasi": ind.formulasi,
        "target": [
            {"tahun": t.tahun, "nilai": angka_json(t.nilai), "nilai_atas": angka_json(t.nilai_atas)}
            for t in sorted(target, key=lambda t: t.tahun)
        ],
    }


def pohon_renstra(instansi: Instansi) -> list[dict]:
    """Every Renstra of the unit → tujuan → sasaran → indikator with its targets per year (five
    queries whatever the size)."""
    renstra = list(Renstra.objects.filter(instansi=instansi).order_by("tahun_awal", "id"))
    tujuan = list(Tujuan.objects.filter(instansi=instansi).order_by("urutan", "kode", "id"))
    sasaran = list(Sasaran.objects.filter(instansi=instansi).order_by("urutan", "kode", "id"))
    indikator = list(
        Indikator.objects.filter(instansi=instansi)
        .filter(Q(tujuan__isnull=False) | Q(sasaran__isnull=False))
        .order_by("urutan", "kode", "id")
    )
    target = defaultdict(list)
    for t in Target.objects.filter(indikator__instansi=instansi):
        target[t.indikator_id].append(t)
    ind_tujuan, ind_sasaran = defaultdict(list), defaultdict(list)
    for ind in indikator:
        d = _indikator_dict(ind, target[ind.id])
        if ind.sasaran_id:
            ind_sasaran[ind.sasaran_id].append(d)
        else:
            ind_tujuan[ind.tujuan_id].append(d)
    sas_tujuan = defaultdict(list)
    for s in sasaran:
        sas_tujuan[s.tujuan_id].append({"kode": s.kode, "uraian": s.uraian, "indikator": ind_sasaran[s.id]})
    tuj_renstra = defaultdict(list)
    for t in tujuan:
        tuj_renstra[t.renstra_id].append(
            {"kode": t.kode, "uraian": t.uraian, "indikator": ind_tujuan[t.id], "sasaran": sas_tujuan[t.id]}
        )
    return [
        {
            "kode": r.kode,
            "nama": r.nama,
            "tahun_awal": r.tahun_awal,
            "tahun_akhir": r.tahun_akhir,
            "tujuan": tuj_renstra[r.id],
        }
        for r in renstra
    ]


def indikator_tahun(instansi: Instansi, tahun: int, iku: bool | None = None):
    """The unit's indicators planned in ``tahun`` (not archived) with that year's target: a
    queryset of dicts (one query; paginated by the caller)."""
    qs = Indikator.objects.filter(instansi=instansi).filter(
        Q(tahun_nonaktif__isnull=True) | Q(tahun_nonaktif__gt=tahun)
    )
    if iku is not None:
        qs = qs.filter(iku=iku)
    return qs.order_by("urutan", "kode", "id")


def indikator_tahun_dict(rows, tahun: int) -> list[dict]:
    """The page's rows with their target of ``tahun`` (one query)."""
    rows = list(rows)
    target = {
        t.indikator_id: t for t in Target.objects.filter(indikator_id__in=[r.id for r in rows], tahun=tahun)
    }
    out = []
    for ind in rows:
        t = target.get(ind.id)
        out.append(
            {
                "kode": ind.kode,
                "nama": ind.nama,
                "level": ind.level,
                "satuan": ind.satuan,
                "iku": ind.iku,
                "sumber_realisasi": ind.sumber_realisasi,
                "target": angka_json(t.nilai) if t else None,
                "target_atas": angka_json(t.nilai_atas) if t else None,
            }
        )
    return out


def pk_tahun(instansi: Instansi, tahun: int) -> dict | None:
    """The PK in force of the unit-year (the latest signed versi, else the latest draft) with its
    indicators and targets (two queries), or None."""
    pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    if pk is None:
        return None
    rows = PKIndikator.objects.filter(pk_dokumen=pk).select_related("indikator").order_by("no", "id")
    return {
        "pk": pk,
        "instansi": instansi.slug,
        "tahun": tahun,
        "versi": pk.versi,
        "status": pk.status,
        "tanggal": pk.tanggal.isoformat() if pk.tanggal else None,
        "sha256": pk.sha256,
        "indikator": [
            {
                "no": r.no,
                "kode": r.indikator.kode,
                "indikator": r.indikator.nama,
                "satuan": r.indikator.satuan,
                "target": angka_json(r.target),
                "target_atas": angka_json(r.target_atas),
            }
            for r in rows
        ],
    }


def realisasi_tahun(instansi: Instansi, tahun: int, periode: str | None = None):
    """The entered realisasi of the unit-year (a queryset, paginated by the caller)."""
    qs = Realisasi.objects.filter(indikator__instansi=instansi, tahun=tahun).select_related("indikator")
    if periode:
        qs = qs.filter(periode=periode)
    return qs.order_by("indikator__urutan", "indikator__kode", "periode", "id")


def status_periode(instansi: Instansi, tahun: int, alur: str = Alur.KINERJA) -> dict[str, str]:
    """Period → workflow status of the unit-year (one query; a period never written: draft)."""
    return dict(
        PengajuanRealisasi.objects.filter(instansi=instansi, tahun=tahun, alur=alur).values_list(
            "periode", "status"
        )
    )


def realisasi_dict(rows, status: dict[str, str]) -> list[dict]:
    return [
        {
            "kode": r.indikator.kode,
            "periode": r.periode,
            "nilai": angka_json(r.nilai),
            "status_periode": status.get(r.periode, StatusPeriode.DRAFT),
            "versi": r.versi,
        }
        for r in rows
    ]


def zona_tahun(instansi: Instansi, tahun: int) -> dict:
    """The year's Persentase Wilayah yang Tertib (``zona.selectors.persentase_tertib``) with each
    zone's latest category."""
    hasil = persentase_tertib([instansi.id], tahun).get(instansi.id)
    zones = list(Zona.objects.filter(aktif_pada(tahun), instansi=instansi).order_by("urutan", "kode"))
    kategori = hasil.kategori if hasil else {}
    return {
        "instansi": instansi.slug,
        "tahun": tahun,
        "persentase": angka_json(hasil.persentase, 2) if hasil else None,
        "tertib": hasil.tertib if hasil else 0,
        "jumlah": hasil.jumlah if hasil else len(zones),
        "zona": [{"kode": z.kode, "nama": z.nama, "kategori": kategori.get(z.kode, "")} for z in zones],
    }


def baris_anggaran(instansi: Instansi, tahun: int):
    """The unit-year's budget lines (a queryset, paginated by the caller)."""
    return (
        BarisAnggaran.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("sub_kegiatan", "subunit")
        .order_by("sub_kegiatan__kode", "subunit__kode", "id")
    )


def baris_anggaran_dict(rows) -> list[dict]:
    rows = list(rows)
    nilai = defaultdict(dict)
    for bid, periode, v in RealisasiAnggaran.objects.filter(baris__in=rows).values_list(
        "baris_id", "periode", "nilai"
    ):
        nilai[bid][periode] = angka_json(v)
    return [
        {
            "id": b.id,
            "kode": b.sub_kegiatan.kode,
            "sub_kegiatan": b.sub_kegiatan.nama,
            "subunit": b.subunit.kode if b.subunit_id else None,
            "pagu": angka_json(b.pagu),
            "realisasi": nilai[b.id],
        }
        for b in rows
    ]
