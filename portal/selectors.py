"""Reads of the public portal: what a pemda and its units publish (docs/portal.md).

Every figure comes from the selectors the query commands use (``capaian``: ``capaian_pk``;
``anggaran``: ``roll_up_instansi``; ``ikm``: ``ikm_tahun``; ``akip``: ``sumber_evaluasi``, the
scores of ``hasil_akip``), rounded as the commands print them (``sakip.cli.angka_json``), and is
kept only where ``akun.izin.publik_boleh`` allows it. The result is plain JSON data (the open
data downloads are written from it as they are, the pages render it), computed in a fixed number
of queries for any number of units, indicators, budget lines or answers (a fixed number per year
of the window), and stored under the data's token (``tembolok``) so a new issue, signature,
realisasi or survey answer is seen at once.
"""

from __future__ import annotations

import json
from decimal import Decimal

from django.utils import timezone

import tembolok.selectors
from akun.izin import instansi_publik, publik_boleh
from anggaran.selectors import nama_nomenklatur, roll_up_instansi
from evaluasi.selectors import sumber_evaluasi
from laporan.models import TerbitanLKIP
from pengukuran.selectors import Pengukuran, capaian_pk
from perencanaan.models import PerjanjianKinerja
from perencanaan.selectors import pk_berlaku
from sakip.cli import angka_json
from tembolok.services import cuplikan

# how many years a unit's page looks back (the selected year and the four before it)
RENTANG_TAHUN = 5
FORMAT_DATA = 1  # the version of the open data's layout (kamus.json, "format")


def tahun_bawaan(instansi_ids) -> int:
    """The year a portal page opens on: the latest year with a signed PK or an issued LKIP of
    these units, else the current year. Two queries."""
    tahun = [
        *PerjanjianKinerja.objects.filter(
            instansi_id__in=instansi_ids, status=PerjanjianKinerja.Status.DITANDATANGANI
        )
        .order_by("-tahun")
        .values_list("tahun", flat=True)[:1],
        *TerbitanLKIP.objects.filter(instansi_id__in=instansi_ids)
        .order_by("-tahun")
        .values_list("tahun", flat=True)[:1],
    ]
    return max(tahun) if tahun else timezone.localdate().year


def rentang(tahun: int) -> list[int]:
    """The years of a unit's page: ``tahun`` and the ones before it (RENTANG_TAHUN in all)."""
    return list(range(tahun - RENTANG_TAHUN + 1, tahun + 1))


def _dokumen(instansi_list) -> list[dict]:
    """Issued LKIP versions and signed PK versions of the units, newest first. Two queries."""
    slug = {i.id: i.slug for i in instansi_list}
    out = []
    for t in (
        TerbitanLKIP.objects.filter(instansi_id__in=slug)
        .only("id", "instansi_id", "tahun", "nomor", "waktu", "sha256")
        .order_by("-tahun", "-nomor")
    ):
        if publik_boleh("lkip", t):
            out.append(
                {
                    "instansi": slug[t.instansi_id],
                    "jenis": "LKIP",
                    "tahun": t.tahun,
                    "versi": t.nomor,
                    "tanggal": t.tanggal.isoformat(),
                    "sha256": t.sha256,
                    "format": ["pdf", "docx"],
                }
            )
    for p in (
        PerjanjianKinerja.objects.filter(instansi_id__in=slug, jabatan__isnull=True)  # the unit's PK
        .only("id", "instansi_id", "tahun", "versi", "tanggal", "status", "sha256")
        .order_by("-tahun", "-versi")
    ):
        if publik_boleh("pk", p):
            out.append(
                {
                    "instansi": slug[p.instansi_id],
                    "jenis": "PK",
                    "tahun": p.tahun,
                    "versi": p.versi,
                    "tanggal": p.tanggal.isoformat() if p.tanggal else None,
                    "sha256": p.sha256,
                    "format": ["docx"],
                }
            )
    out.sort(key=lambda d: (-d["tahun"], d["instansi"], d["jenis"], -d["versi"]))
    return out


def kumpulkan(instansi_list, tahun_list) -> dict:
    """The public data of these units for these years, as JSON-ready tables (docs/portal.md,
    "Open data"; the columns are described by ``kamus``)."""
    ids = [i.id for i in instansi_list]
    slug = {i.id: i.slug for i in instansi_list}
    peng = Pengukuran(ids, tahun_list)
    capaian, ikm, akip, anggaran = [], [], [], []
    for tahun in tahun_list:
        pks = pk_berlaku(ids, tahun)
        baris = capaian_pk(ids, tahun, peng)
        rollup = roll_up_instansi(ids, tahun)
        nama = nama_nomenklatur({k for r in rollup.values() for k in r.anak})
        evaluasi = sumber_evaluasi(ids, tahun, "akip")
        for iid in ids:
            terbit = publik_boleh("tahun", pks.get(iid))
            for r in baris.get(iid, []) if terbit else []:
                capaian.append(
                    {
                        "instansi": slug[iid],
                        "tahun": tahun,
                        "no": r.no,
                        "kode": r.indikator.kode,
                        "indikator": r.indikator.nama,
                        "iku": r.indikator.iku,
                        "satuan": r.satuan,
                        "target": angka_json(r.target),
                        "realisasi": angka_json(r.realisasi.nilai, 2),
                        "capaian": angka_json(r.capaian, 1),
                        "kategori": r.kategori,
                        "status": r.status,
                        "sumber_realisasi": r.realisasi.sumber,
                    }
                )
            hasil = peng.skm.get(tahun, {}).get(iid)
            if publik_boleh("ikm", hasil):
                for p in hasil.periode:
                    ikm.append(
                        {
                            "instansi": slug[iid],
                            "tahun": tahun,
                            "periode": p.periode,
                            "ikm": angka_json(p.ikm, 2),
                            "mutu": p.mutu,
                            "responden": p.responden,
                        }
                    )
                jumlah = [p.responden for p in hasil.periode]
                ikm.append(
                    {
                        "instansi": slug[iid],
                        "tahun": tahun,
                        "periode": "TAHUN",
                        "ikm": angka_json(hasil.ikm, 2),
                        "mutu": hasil.mutu,
                        "responden": sum(jumlah) if None not in jumlah else None,
                    }
                )
            skor = evaluasi.get(iid)
            if skor is not None and publik_boleh("akip", {"source": skor.sumber}):
                predikat, arti = skor.predikat
                akip.append(
                    {
                        "instansi": slug[iid],
                        "tahun": tahun,
                        "nilai": angka_json(skor.nilai, 2),
                        "predikat": predikat,
                        "interpretasi": arti,
                        "sumber": skor.sumber,
                    }
                )
            total = rollup.get(iid)
            if terbit and total is not None:
                for kode, p in sorted(total.anak.items()):
                    anggaran.append(
                        {
                            "instansi": slug[iid],
                            "tahun": tahun,
                            "kode": kode,
                            "program": nama.get(kode, ""),
                            "pagu": angka_json(p.pagu),
                            "realisasi": angka_json(p.realisasi),
                            "serapan": angka_json(p.serapan, 2),
                        }
                    )
                anggaran.append(
                    {
                        "instansi": slug[iid],
                        "tahun": tahun,
                        "kode": "",
                        "program": "TOTAL",
                        "pagu": angka_json(total.pagu),
                        "realisasi": angka_json(total.realisasi),
                        "serapan": angka_json(total.serapan, 2),
                    }
                )
    return {
        "dokumen": _dokumen(instansi_list),
        "capaian": capaian,
        "ikm": ikm,
        "akip": akip,
        "anggaran": anggaran,
    }


def _pangkas(simpul):
    """The public part of a pohon kinerja: the nodes ``publik_boleh("simpul_pohon")`` allows,
    copied with their allowed children (the tree itself is not changed)."""
    from dataclasses import replace

    return [replace(s, anak=_pangkas(s.anak)) for s in simpul if publik_boleh("simpul_pohon", s)]


def pohon_unit_html(instansi, tahun: int) -> str | None:
    """The unit-year's pohon kinerja (``pohon.selectors.pohon_unit``, drawn as nested lists by
    ``pohon.tampilan.html_pohon``) for the portal: only when the year's PK is signed, without
    the staff's RHK nodes; stored under the unit's token. None when there is no tree to show."""
    from django.utils.translation import get_language

    from pohon.selectors import pohon_unit
    from pohon.tampilan import html_pohon

    def buat() -> str:
        if not publik_boleh("tahun", pk_berlaku([instansi.id], tahun).get(instansi.id)):
            return ""
        p = pohon_unit(instansi, tahun)
        akar = _pangkas(p.akar)
        return html_pohon(akar, p.nama_instansi) if akar else ""

    html = cuplikan(
        f"portal:pohon:i:{instansi.id}:{tahun}:{get_language()}", "i", instansi.id, buat, _syarat()
    )
    return html or None


def _syarat() -> str:
    return tembolok.selectors.sidik_kode()


def data_unit(instansi, tahun: int) -> dict:
    """The unit's public data for ``tahun`` and the years before it (``rentang``), stored under
    the unit's token: a change of its data (an issued LKIP, a signed PK, a realisasi, an SKM
    answer, a budget line) drops it (``tembolok``)."""
    teks = cuplikan(
        f"portal:data:i:{instansi.id}:{tahun}",
        "i",
        instansi.id,
        lambda: json.dumps(
            {
                "format": FORMAT_DATA,
                "pemda": instansi.pemda.kode,
                "instansi": instansi.slug,
                "nama": instansi.nama,
                "tahun": rentang(tahun),
                **kumpulkan([instansi], rentang(tahun)),
            },
            ensure_ascii=False,
        ),
        _syarat(),
    )
    return json.loads(teks, parse_float=Decimal)


def data_pemda(pemda, tahun: int) -> dict:
    """The public data of every active unit of the pemda for ``tahun``, stored under the
    pemda's token (any change of one of its units drops it)."""

    def buat() -> str:
        units = list(instansi_publik(pemda).order_by("nama"))
        return json.dumps(
            {
                "format": FORMAT_DATA,
                "pemda": pemda.kode,
                "nama": pemda.nama,
                "tahun": [tahun],
                "unit": [{"instansi": i.slug, "nama": i.nama} for i in units],
                **kumpulkan(units, [tahun]),
            },
            ensure_ascii=False,
        )

    return json.loads(
        cuplikan(f"portal:data:p:{pemda.id}:{tahun}", "p", pemda.id, buat, _syarat()), parse_float=Decimal
    )
