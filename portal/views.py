"""The public portal's pages and downloads (no login; docs/portal.md). Thin: ``akun.izin``
finds the pemda and unit (404 for an unknown or inactive one, or a unit of another pemda) and
decides what is public, ``portal.selectors`` reads, the templates and ``portal.ekspor`` render."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from akun.izin import publik_atau_404
from dasar.tahun import dari_teks
from laporan.models import TerbitanLKIP
from laporan.perjanjian import bangun_perjanjian
from laporan.selectors import berkas_terbitan
from laporan.unduhan import unduh_publik
from perencanaan.models import PerjanjianKinerja

from . import ekspor, grafik, selectors

JENIS_DATA = {
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def _tahun(request, ids) -> int:
    teks = request.GET.get("tahun")
    return dari_teks(teks, 0) or selectors.tahun_bawaan(ids)


def _pilihan_tahun(tahun: int) -> list[int]:
    return list(range(tahun - selectors.RENTANG_TAHUN + 1, tahun + 2))


def _tanggal(teks: str | None):
    from datetime import date

    return date.fromisoformat(teks) if teks else None


def _pohon(instansi, tahun: int):
    """The unit-year's public pohon kinerja (HTML, escaped by ``pohon.tampilan.html_pohon``), or
    None (docs/portal.md, "Pohon kinerja")."""
    from django.utils.safestring import mark_safe

    html = selectors.pohon_unit_html(instansi, tahun)
    return mark_safe(html) if html else None  # noqa: S308 - escaped by html_pohon


def _iku(data: dict, tahun: int) -> list[dict]:
    """The IKU of the selected year's signed PK, each with its years (target, realisasi,
    capaian) and its chart."""
    kini = [r for r in data["capaian"] if r["tahun"] == tahun and r["iku"]]
    out = []
    for r in kini:
        deret = [(x["tahun"], x) for x in data["capaian"] if x["kode"] == r["kode"]]
        deret.sort(key=lambda d: d[0])
        titik = [(t, x["target"], x["realisasi"]) for t, x in deret]
        out.append(
            {
                **r,
                "deret": deret,
                "grafik": grafik.iku_tahunan(r["indikator"], titik) if len(deret) > 1 else None,
            }
        )
    return out


@require_GET
def pemda(request, pemda):
    p, _ins = publik_atau_404(pemda)
    from akun.izin import instansi_publik

    ids = list(instansi_publik(p).values_list("id", flat=True))
    tahun = _tahun(request, ids)
    data = selectors.data_pemda(p, tahun)
    per_unit: dict[str, dict[str, list]] = {}
    for tabel in ("capaian", "ikm", "akip", "anggaran", "dokumen"):
        for r in data[tabel]:
            per_unit.setdefault(r["instansi"], {}).setdefault(tabel, []).append(r)
    ringkas = []
    for u in data["unit"]:
        d = per_unit.get(u["instansi"], {})
        total = next((r for r in d.get("anggaran", []) if r["program"] == "TOTAL"), None)
        ringkas.append(
            {
                **u,
                "jumlah_iku": sum(1 for r in d.get("capaian", []) if r["capaian"] is not None),
                "ikm": next((r for r in d.get("ikm", []) if r["periode"] == "TAHUN"), None),
                "akip": next(iter(d.get("akip", [])), None),
                "serapan": total["serapan"] if total else None,
                "dokumen": len(d.get("dokumen", [])),
            }
        )
    return render(
        request,
        "portal/pemda.html",
        {
            "kerangka": None,  # the public layout, never the app shell
            "pemda": p,
            "tahun": tahun,
            "pilihan_tahun": _pilihan_tahun(tahun),
            "unit": ringkas,
            "tabel": ekspor.TABEL,
        },
    )


@require_GET
def unit(request, pemda, unit):
    p, ins = publik_atau_404(pemda, unit)
    tahun = _tahun(request, [ins.id])
    data = selectors.data_unit(ins, tahun)
    anggaran = [r for r in data["anggaran"] if r["tahun"] == tahun]
    program = [r for r in anggaran if r["program"] != "TOTAL"]
    return render(
        request,
        "portal/unit.html",
        {
            "kerangka": None,
            "pemda": p,
            "instansi": ins,
            "tahun": tahun,
            "pilihan_tahun": _pilihan_tahun(tahun),
            "dokumen": [{**d, "tanggal": _tanggal(d["tanggal"])} for d in data["dokumen"]],
            "iku": _iku(data, tahun),
            "tahun_deret": data["tahun"],
            "ikm": [r for r in data["ikm"] if r["tahun"] == tahun],
            "akip": data["akip"],
            "program": program,
            "total": next((r for r in anggaran if r["program"] == "TOTAL"), None),
            "grafik_serapan": grafik.serapan_program([(r["program"], r["serapan"]) for r in program]),
            "pohon": _pohon(ins, tahun),
            "tabel": ekspor.TABEL,
        },
    )


def _data(request, pemda, unit):
    p, ins = publik_atau_404(pemda, unit)
    if ins is None:
        from akun.izin import instansi_publik

        tahun = _tahun(request, list(instansi_publik(p).values_list("id", flat=True)))
        return selectors.data_pemda(p, tahun), p.kode, tahun
    tahun = _tahun(request, [ins.id])
    return selectors.data_unit(ins, tahun), ins.slug, tahun


def _berkas(isi: bytes, fmt: str, nama: str) -> HttpResponse:
    resp = HttpResponse(isi, content_type=JENIS_DATA[fmt])
    resp["Content-Disposition"] = f'attachment; filename="{nama}"'
    return resp


@require_GET
def data(request, pemda, fmt, unit=None):
    """The open data of the unit (or of the pemda's units) as JSON or XLSX."""
    isi, nama, tahun = _data(request, pemda, unit)
    berkas = ekspor.ke_json(isi) if fmt == "json" else ekspor.ke_xlsx(isi)
    return _berkas(berkas, fmt, f"sakip-{nama}-{tahun}.{fmt}")


@require_GET
def data_csv(request, pemda, tabel, unit=None):
    """One table of the open data as CSV; its dictionary is ``kamus.json`` beside it."""
    if tabel not in ekspor.TABEL:
        raise Http404
    isi, nama, tahun = _data(request, pemda, unit)
    return _berkas(ekspor.ke_csv(isi, tabel), "csv", f"sakip-{nama}-{tahun}-{tabel}.csv")


@require_GET
def kamus(request, pemda, unit=None):
    """The data dictionary of the CSV files (what each table and column holds)."""
    publik_atau_404(pemda, unit)
    return _berkas(ekspor.kamus_json({"format": selectors.FORMAT_DATA}), "json", "kamus.json")


@require_GET
def lkip(request, pemda, unit, tahun, nomor, fmt):
    """A stored file of an issued LKIP version; a year or version never issued: 404."""
    _p, ins = publik_atau_404(pemda, unit)
    t = get_object_or_404(TerbitanLKIP.objects.defer("isi_beku"), instansi=ins, tahun=tahun, nomor=nomor)
    return unduh_publik(
        "lkip", t, ins, tahun, awalan=f"lkip-v{nomor}", fmt=fmt, isi=lambda: berkas_terbitan(t, fmt)
    )


@require_GET
def pk(request, pemda, unit, tahun, versi):
    """A signed PK version's document (DOCX) from its frozen content; a draft: 404."""
    _p, ins = publik_atau_404(pemda, unit)
    p = get_object_or_404(PerjanjianKinerja, instansi=ins, tahun=tahun, versi=versi)
    return unduh_publik(
        "pk",
        p,
        ins,
        tahun,
        awalan=f"perjanjian-kinerja-v{versi}",
        fmt="docx",
        isi=lambda: bangun_perjanjian(ins, tahun, versi),
    )
