"""Budget screen: programme → kegiatan → line with pagu, cash plan, realisasi, serapan, efisiensi and
the `periksa` findings next to the rows they concern."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from akun.izin import boleh, perlu
from dasar.galat import Ditolak
from pengukuran.periksa import periksa
from pengukuran.selectors import pengajuan_periode
from rumus.anggaran import roll_up
from rumus.angka import AngkaError, JenisAngka, parse_angka

from . import services
from .models import BarisAnggaran, RealisasiAnggaran
from .selectors import muat_baris, nama_nomenklatur


@perlu("lihat")
def anggaran(request, instansi, tahun):
    lines = muat_baris([instansi.id], tahun).get(instansi.id, [])
    total = roll_up(b.baris() for b in lines)
    codes = {b.program for b in lines} | {b.kegiatan for b in lines} | {b.sub_kegiatan for b in lines}
    nama = nama_nomenklatur(codes)
    temuan = {}
    for t in periksa(instansi, tahun):
        if t.where.startswith("anggaran "):
            temuan.setdefault(t.where, []).append(t)
    rows = []
    for p in sorted(total.anak.values(), key=lambda n: n.kode):
        rows.append(("program", nama.get(p.kode, ""), p, []))
        for k in sorted(p.anak.values(), key=lambda n: n.kode):
            rows.append(("kegiatan", nama.get(k.kode, ""), k, []))
            for s in sorted(k.anak.values(), key=lambda n: (n.kode, n.subunit or "")):
                key = f"anggaran {s.kode}" + (f" [{s.subunit}]" if s.subunit else "")
                rows.append(
                    (
                        "sub",
                        nama.get(s.kode, "") + (f" ({s.subunit})" if s.subunit else ""),
                        s,
                        temuan.get(key, []),
                    )
                )
    return render(
        request,
        "anggaran/anggaran.html",
        {"instansi": instansi, "tahun": tahun, "rows": rows, "total": total if lines else None},
    )


TRIWULAN = ("TW1", "TW2", "TW3", "TW4")


@perlu("lihat")
def realisasi_triwulan(request, instansi, tahun, periode):
    """Entry of the quarter's budget realisasi per line (operator, while the quarter is draft/returned)."""
    if periode not in TRIWULAN:
        raise Http404
    lines = list(
        BarisAnggaran.objects.filter(instansi=instansi, tahun=tahun)
        .select_related("sub_kegiatan", "subunit")
        .order_by("sub_kegiatan__kode", "subunit__kode")
    )
    nilai = dict(
        RealisasiAnggaran.objects.filter(baris__in=lines, periode=periode).values_list("baris_id", "nilai")
    )
    p = pengajuan_periode(instansi, tahun, periode)
    return render(
        request,
        "anggaran/realisasi.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "periode": periode,
            "pengajuan": p,
            "triwulan": TRIWULAN,
            "rows": [(b, getattr(b, f"kas_{periode.lower()}"), nilai.get(b.id)) for b in lines],
            "boleh_isi": boleh(request.user, "isi", instansi) and p.bisa_diisi,
        },
    )


@perlu("isi")
@require_POST
def simpan_realisasi(request, instansi, tahun, periode):
    if periode not in TRIWULAN:
        raise Http404
    data, errors = {}, []
    for key, value in request.POST.items():
        if key.startswith("baris-") and value.strip():
            try:
                data[int(key[6:])] = parse_angka(value, JenisAngka.RUPIAH)
            except (ValueError, AngkaError) as exc:
                errors.append(f"{value}: {exc}")
    if errors:
        messages.error(request, "Nilai tidak valid: " + "; ".join(errors))
    else:
        try:
            n = services.simpan(
                user=request.user, instansi=instansi, tahun=tahun, periode=periode, nilai_per_baris=data
            )
            messages.success(request, f"Realisasi anggaran {periode} disimpan ({n} baris berubah).")
        except Ditolak as exc:
            messages.error(request, str(exc))
    return redirect("anggaran:realisasi", instansi.slug, tahun, periode)
