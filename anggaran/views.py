"""Budget screens: programme → kegiatan → line with pagu, cash plan, realisasi, serapan, efisiensi and
the `periksa` findings next to the rows they concern."""

from decimal import Decimal

from django.contrib import messages
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from akun.izin import boleh, perlu
from dasar.formulir import pesan_angka
from dasar.galat import Ditolak
from dasar.teks import ambil, bersihkan
from jadwal.selectors import status_entri
from pengukuran import services as pengukuran_services
from pengukuran.models import Alur
from pengukuran.periksa import periksa
from pengukuran.selectors import pengajuan_periode
from rumus.anggaran import roll_up
from rumus.angka import AngkaError, JenisAngka, parse_angka

from . import services
from .forms import BarisForm, BarisFormSet, awal_baris
from .models import BarisAnggaran, RealisasiAnggaran
from .selectors import (
    baris_dpa,
    cari_sub_kegiatan,
    dukungan_tahun,
    muat_baris,
    nama_nomenklatur,
    pilihan_awal,
    ringkasan_kunci_tahun,
    sidik_baris,
)


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
        {
            "instansi": instansi,
            "tahun": tahun,
            "rows": rows,
            "total": total if lines else None,
            "boleh_isi": boleh(request.user, "isi", instansi),
        },
    )


TRIWULAN = ("TW1", "TW2", "TW3", "TW4")


@perlu("lihat")
def realisasi_triwulan(request, instansi, tahun, periode):
    """Entry of the quarter's budget realisasi per line (operator, while the quarter is draft/returned)."""
    if periode not in TRIWULAN:
        raise Http404
    return _halaman_realisasi(request, instansi, tahun, periode)


def _halaman_realisasi(request, instansi, tahun, periode, ketikan=None, salah=None, galat="", status=200):
    """The budget realisasi page; after a refused save ``ketikan`` (line id -> typed text) and
    ``salah`` (line id -> message) keep every typed value and mark the wrong cells."""
    ketikan, salah = ketikan or {}, salah or {}
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
            "rows": [
                (b, getattr(b, f"kas_{periode.lower()}"), nilai.get(b.id), ketikan.get(b.id), salah.get(b.id))
                for b in lines
            ],
            "galat": galat,
            "tampil_form": bool(ketikan),
            "boleh_isi": boleh(request.user, "isi", instansi) and p.bisa_diisi and jendela.terbuka,
            "boleh_ajukan": boleh(request.user, "isi", instansi)
            and p.bisa_diisi
            and jendela.terbuka
            and bool(lines),
            "boleh_setujui": boleh(request.user, "setujui", instansi),
            "jendela": jendela,
        },
        status=status,
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
    data, errors, ketikan, salah = {}, [], {}, {}
    for key, value in request.POST.items():
        if not key.startswith("baris-") or not key[6:].isdigit():
            continue
        ketikan[int(key[6:])] = ambil(request.POST, key)
        if value.strip():
            try:
                data[int(key[6:])] = parse_angka(value, JenisAngka.RUPIAH)
            except AngkaError as exc:
                salah[int(key[6:])] = pesan_angka(value, exc)
                errors.append(salah[int(key[6:])])
            except ValueError as exc:
                salah[int(key[6:])] = f"{value}: {exc}"
                errors.append(salah[int(key[6:])])
    galat = ""
    if errors:
        galat = _("Nilai tidak valid: %(e)s. Belum ada yang disimpan.") % {"e": "; ".join(errors)}
    else:
        try:
            n = services.simpan(
                user=request.user, instansi=instansi, tahun=tahun, periode=periode, nilai_per_baris=data
            )
        except Ditolak as exc:
            galat = str(exc) + " " + _("Belum ada yang disimpan.")
        else:
            messages.success(request, f"Realisasi anggaran {periode} disimpan ({n} baris berubah).")
            return redirect("anggaran:realisasi", instansi.slug, tahun, periode)
    # refused: the page again with every typed value, the wrong cells marked (nothing saved)
    return _halaman_realisasi(request, instansi, tahun, periode, ketikan, salah, galat, status=400)


# --- DPA: budget lines, cash plan, links to indicators -------------------------------------------


def _dpa_konteks(instansi, tahun, formset, lines):
    """The grid's rows with each one's Σ cash plan and selisih (pagu − Σ kas, ``rumus.anggaran``)
    and the column totals, computed from what the cells hold; the browser updates them as one
    types (static/dpa.js)."""
    from organisasi.models import SubUnit
    from rumus.anggaran import cek_kas

    from .selectors import periode_tertutup

    tutup = periode_tertutup(instansi, tahun)
    rows, total = [], dict.fromkeys(BarisForm.ANGKA, Decimal(0))
    per_id = {b.id: b for b in lines}
    for f in formset.forms:
        a = {k: v or Decimal(0) for k, v in f.angka().items()}
        kas = [a[f"kas_tw{i}"] for i in range(1, 5)]
        pagu = a["pagu"] or a["pagu_murni"]
        for k in BarisForm.ANGKA:
            total[k] += a[k]
        ada = any(f.angka().values())
        bid = f["id"].value()
        b = per_id.get(int(bid)) if str(bid or "").isdigit() else None
        rows.append((f, b, sum(kas) if ada else None, cek_kas(pagu, kas) if ada else None))
    jumlah_kas = sum(total[f"kas_tw{i}"] for i in range(1, 5))
    pagu_total = sum((v["pagu"] or v["pagu_murni"] or Decimal(0)) for v in (f.angka() for f in formset.forms))
    return {
        "instansi": instansi,
        "tahun": tahun,
        "formset": formset,
        "baris_form": rows,
        "kosong": formset.empty_form,
        "tutup": sorted(tutup),
        "tahun_tutup": "TW4" in tutup,
        # under "pagu perubahan": the pagu in force (revised, else original) of every line
        "total": [pagu_total if k == "pagu" else total[k] for k in BarisForm.ANGKA],
        "total_kas": jumlah_kas,
        "total_selisih": cek_kas(pagu_total, [jumlah_kas]),
        "ada_subunit": SubUnit.objects.filter(instansi=instansi).exists(),
        "daftar_awal": pilihan_awal(instansi),
    }


@perlu("isi")
def dpa(request, instansi, tahun):
    """The DPA of a unit-year on one page: every budget line (sub-kegiatan, sub-unit, pagu murni,
    pagu perubahan, cash plan TW1–TW4) with running totals; one save (``services.simpan_dpa``)."""
    from organisasi.models import SubUnit

    lines = baris_dpa(instansi, tahun)
    # a deactivated sub-unit (the pemda console) is offered no more, except to the lines naming it
    dipakai = {b.subunit_id for b in lines}
    subunits = [
        s for s in SubUnit.objects.filter(instansi=instansi).order_by("kode") if s.aktif or s.id in dipakai
    ]
    kw = {
        "form_kwargs": {
            "subunit_pilihan": subunits,
            "cari_url": reverse("anggaran:cari_sub_kegiatan", args=[instansi.slug]),
        },
        "prefix": "baris",
    }
    if request.method == "POST":
        formset = BarisFormSet(request.POST, **kw)
        if formset.is_valid():
            try:
                n = services.simpan_dpa(
                    user=request.user, instansi=instansi, tahun=tahun, isian=formset.isian()
                )
            except services.DPATidakValid as exc:
                formset.tandai(exc.per_sel)
                messages.error(
                    request, _("Belum disimpan: periksa sel yang ditandai. Isian Anda tetap di tempatnya.")
                )
            except Ditolak as exc:
                messages.error(request, str(exc))
            else:
                messages.success(
                    request,
                    _("DPA %(tahun)s disimpan: %(baru)s baris baru, %(ubah)s baris diubah.")
                    % {"tahun": tahun, "baru": n["created"], "ubah": n["updated"]},
                )
                return redirect("anggaran:dpa", instansi.slug, tahun)
        else:
            messages.error(
                request, _("Belum disimpan: periksa sel yang ditandai. Isian Anda tetap di tempatnya.")
            )
        status = 400
    else:
        formset = BarisFormSet(initial=awal_baris(lines, sidik_baris), **kw)
        status = 200
    konteks = _dpa_konteks(instansi, tahun, formset, lines)
    _tandai_tertutup([*formset.forms, konteks["kosong"]], konteks["tutup"])
    return render(request, "anggaran/dpa.html", konteks, status=status)


def _tandai_tertutup(forms, tutup) -> None:
    """Cells of a closed quarter (all number cells and the code once TW4 is closed) are read-only
    in the browser; they still post their value, and the service refuses any change."""
    kolom = [f"kas_{p.lower()}" for p in tutup]
    if "TW4" in tutup:
        kolom += ["sub_kegiatan", "pagu_murni", "pagu"]
    for f in forms:
        for k in kolom:
            f.fields[k].widget.attrs["readonly"] = True


@perlu("isi")
@require_GET
def cari_sub(request, instansi):
    """htmx fragment: the <option>s of the sub-kegiatan list for what is typed (code or name)."""
    q = ambil(request.GET, "q") or next(
        (bersihkan(v) for v in request.GET.values()), ""
    )  # htmx: the input's own name
    q = q[:100]
    return render(request, "anggaran/_pilihan_sub_kegiatan.html", {"pilihan": cari_sub_kegiatan(q)})


@perlu("isi")
def hapus_baris(request, instansi, tahun, pk):
    """Confirm, then delete one budget line (refused with the reason when it has realisasi)."""
    b = get_object_or_404(
        BarisAnggaran.objects.select_related("sub_kegiatan", "subunit"), pk=pk, instansi=instansi, tahun=tahun
    )
    real = list(RealisasiAnggaran.objects.filter(baris=b).order_by("periode"))
    if request.method == "POST":
        try:
            services.hapus_baris(user=request.user, baris_anggaran=b)
        except Ditolak as exc:
            messages.error(request, str(exc))
            return redirect("anggaran:hapus_baris", instansi.slug, tahun, pk)
        messages.success(
            request, _("Baris %(kode)s dihapus.") % {"kode": f"{b.sub_kegiatan.kode} {b.sub_kegiatan.nama}"}
        )
        return redirect("anggaran:dpa", instansi.slug, tahun)
    return render(
        request,
        "anggaran/hapus_baris.html",
        {"instansi": instansi, "tahun": tahun, "b": b, "realisasi": real},
    )


@perlu("isi")
def dukungan(request, instansi, tahun):
    """Which budget (programme, kegiatan, sub-kegiatan of the year's lines) supports which
    indicator: one grid of checkboxes, one save (``services.simpan_dukungan``)."""
    from perencanaan.models import Indikator

    lines = baris_dpa(instansi, tahun)
    kode = {}
    for b in lines:
        s = b.sub_kegiatan
        kode[s.kegiatan.program.kode] = ("program", s.kegiatan.program.nama)
        kode[s.kegiatan.kode] = ("kegiatan", s.kegiatan.nama)
        kode[s.kode] = ("sub", s.nama)
    indikator = [
        i
        for i in Indikator.objects.filter(instansi=instansi, level__in=("tujuan", "sasaran"))
        .select_related("sasaran__tujuan", "tujuan")
        .order_by("level", "kode")
        if i.direncanakan_pada(tahun)  # an archived one is not offered (its links are left alone)
    ]
    if request.method == "POST":
        pilihan = set()
        for key in request.POST.getlist("dukung"):
            k, _sep, iid = key.rpartition("|")
            if k in kode and iid.isdigit():
                pilihan.add((k, int(iid)))
        try:
            n = services.simpan_dukungan(
                user=request.user,
                instansi=instansi,
                tahun=tahun,
                kode_tampil=set(kode),
                indikator_ids={i.id for i in indikator},
                pilihan=pilihan,
            )
        except Ditolak as exc:
            messages.error(request, str(exc))
            terpilih = pilihan
        else:
            messages.success(
                request,
                _("Dukungan anggaran %(tahun)s disimpan: %(tambah)s ditambah, %(hapus)s dihapus.")
                % {"tahun": tahun, "tambah": n["tambah"], "hapus": n["hapus"]},
            )
            return redirect("anggaran:dukungan", instansi.slug, tahun)
    else:
        terpilih = dukungan_tahun(instansi, tahun)
    rows = [
        (k, tingkat, nama, [(i, f"{k}|{i.id}", (k, i.id) in terpilih) for i in indikator])
        for k, (tingkat, nama) in sorted(kode.items())
    ]
    from .selectors import periode_tertutup

    return render(
        request,
        "anggaran/dukungan.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "indikator": indikator,
            "rows": rows,
            "tahun_tutup": "TW4" in periode_tertutup(instansi, tahun),
        },
    )
