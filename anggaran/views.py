"""Budget screen: programme → kegiatan → line with pagu, cash plan, realisasi, serapan, efisiensi and
the `periksa` findings next to the rows they concern."""

from django.contrib import messages
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from akun.izin import boleh, perlu
from dasar.galat import Ditolak
from dasar.teks import ambil
from jadwal.selectors import status_entri
from pengukuran import services as pengukuran_services
from pengukuran.models import Alur
from pengukuran.periksa import periksa
from pengukuran.selectors import pengajuan_periode
from rumus.anggaran import roll_up
from rumus.angka import AngkaError, JenisAngka, parse_angka

from . import services
from .models import BarisAnggaran, RealisasiAnggaran
from .selectors import muat_baris, nama_nomenklatur, ringkasan_kunci_tahun


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
    p = pengajuan_periode(instansi, tahun, periode, Alur.ANGGARAN)
    jendela = status_entri(instansi, tahun, "anggaran", periode)
    return render(
        request,
        "anggaran/realisasi.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "periode": periode,
            "pengajuan": p,
            "kinerja": pengajuan_periode(instansi, tahun, periode, Alur.KINERJA),
            "triwulan": TRIWULAN,
            "rows": [(b, getattr(b, f"kas_{periode.lower()}"), nilai.get(b.id)) for b in lines],
            "boleh_isi": boleh(request.user, "isi", instansi) and p.bisa_diisi and jendela.terbuka,
            "boleh_ajukan": boleh(request.user, "isi", instansi)
            and p.bisa_diisi
            and jendela.terbuka
            and bool(lines),
            "boleh_setujui": boleh(request.user, "setujui", instansi),
            "jendela": jendela,
        },
    )


PESAN_STATUS = {
    "ajukan": gettext_lazy("Realisasi anggaran diajukan untuk diverifikasi."),
    "verifikasi": gettext_lazy("Realisasi anggaran diverifikasi."),
    "kembalikan": gettext_lazy("Realisasi anggaran dikembalikan ke operator."),
    "kunci": gettext_lazy("Realisasi anggaran triwulan ini dikunci."),
}


@perlu("lihat")
@require_POST
def status(request, instansi, tahun, periode):
    """The budget workflow of the quarter (its own state, apart from the performance realisasi):
    the operator submits, the pimpinan verifies, returns or locks."""
    if periode not in TRIWULAN:
        raise Http404
    aksi = request.POST.get("aksi", "")
    if aksi not in pengukuran_services.TRANSISI:
        return HttpResponseBadRequest("aksi")
    try:
        pengukuran_services.ubah_status(
            user=request.user,
            instansi=instansi,
            tahun=tahun,
            periode=periode,
            aksi=aksi,
            komentar=ambil(request.POST, "komentar"),
            alur=Alur.ANGGARAN,
        )
        messages.success(request, PESAN_STATUS[aksi])
    except Ditolak as exc:
        messages.error(request, str(exc))
    return redirect("anggaran:realisasi", instansi.slug, tahun, periode)


@perlu("setujui")
def kunci_tahun(request, instansi, tahun):
    """Year end (the pimpinan): GET shows every quarter of the performance and the budget workflow
    with what is not yet verified and what is still empty; POST with the ticked confirmation locks
    them all (``pengukuran.services.kunci_tahun``); without it nothing is locked (400)."""
    galat = ""
    if request.method == "POST":
        try:
            n = pengukuran_services.kunci_tahun(
                user=request.user,
                instansi=instansi,
                tahun=tahun,
                konfirmasi=request.POST.get("konfirmasi") == "ya",
            )
        except Ditolak as exc:
            galat = str(exc)
        else:
            messages.success(
                request, _("Tahun %(tahun)s dikunci (%(n)s triwulan-alur).") % {"tahun": tahun, "n": n}
            )
            return redirect("pengukuran:realisasi", instansi.slug, tahun, "TW4")
    ringkasan = ringkasan_kunci_tahun(instansi, tahun)
    return render(
        request,
        "anggaran/kunci_tahun.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "ringkasan": ringkasan,
            "belum": [k for k in ringkasan if not k.terverifikasi],
            "semua_terkunci": all(k.status == "terkunci" for k in ringkasan),
            "galat": galat,
        },
        status=400 if galat else 200,
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
