"""Quarterly realisasi entry and its verification workflow (thin views over pengukuran.services)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from akun.izin import boleh, perlu
from dasar.formulir import pesan_angka
from dasar.galat import Ditolak
from dasar.teks import ambil
from dasar.unggahan import sajikan
from jadwal.selectors import status_entri
from perencanaan.models import Indikator, PKIndikator
from perencanaan.selectors import target_triwulan
from rumus.angka import AngkaError, JenisAngka, parse_angka
from rumus.capaian import kategori_capaian, status_target
from rumus.format import format_angka

from . import services
from .forms import ANALISIS, LABEL, FormTriwulan, awalan
from .models import Bukti, Periode, Realisasi
from .selectors import Pengukuran, capaian_triwulan, pengajuan_periode, pk_berlaku

PERIODE_ENTRI = ["TW1", "TW2", "TW3", "TW4"]


def _periode(periode):
    if periode not in PERIODE_ENTRI:
        raise Http404
    return periode


def _baris_pk(instansi, tahun):
    pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    if pk is None:
        return None, []
    return pk, list(
        PKIndikator.objects.filter(pk_dokumen=pk).select_related("indikator").order_by("no", "id")
    )


def _pesan_hasil(periode, hasil) -> tuple[str, str]:
    """(what was saved, what was not) of one Simpan, naming indicators and files."""
    simpan = []
    if hasil.disimpan:
        simpan.append(
            _("realisasi %(p)s %(daftar)s")
            % {"p": periode, "daftar": ", ".join(i.nama for i in hasil.disimpan)}
        )
    if hasil.bukti:
        simpan.append(
            _("bukti %(daftar)s") % {"daftar": ", ".join(f"{n} ({i.nama})" for i, n in hasil.bukti)}
        )
    tolak = "; ".join(f"{n} ({i.nama}): {alasan}" for i, n, alasan in hasil.bukti_ditolak)
    return (
        (_("Disimpan: %(isi)s.") % {"isi": "; ".join(simpan)}) if simpan else "",
        (_("Tidak disimpan: bukti %(isi)s. Pilih berkas yang benar, lalu simpan lagi.") % {"isi": tolak})
        if tolak
        else "",
    )


def _pembanding_konflik(instansi, form, konflik):
    """Per conflicting indicator: the stored version (with who changed it last and when) beside
    what the user typed, field by field."""
    from audit.models import Jejak

    terakhir = {}
    ids = [str(r.pk) for r in konflik.values() if r is not None]
    for j in (
        Jejak.objects.filter(instansi=instansi, objek="pengukuran.Realisasi", objek_id__in=ids)
        .select_related("user")
        .order_by("-waktu", "-id")
    ):
        terakhir.setdefault(j.objek_id, j)
    out = {}
    for ind in form.indikator:
        if ind.id not in konflik:
            continue
        r = konflik[ind.id]
        baris = [
            (
                LABEL["nilai"],
                format_angka(r.nilai, 2) if r else "",
                form.bidang(ind, "nilai").value() or "",
            )
        ]
        baris += [(LABEL[k], getattr(r, k) if r else "", form.bidang(ind, k).value() or "") for k in ANALISIS]
        out[ind.id] = {"baris": baris, "jejak": terakhir.get(str(r.pk)) if r else None, "ada": r is not None}
    return out


@perlu("lihat")
@require_http_methods(["GET", "POST"])
def halaman(request, instansi, tahun, periode):
    """The quarter's realisasi of every indicator in ONE form with one Simpan (the operator, while
    the performance quarter is open). A POST that fails (a bad value, a conflict) renders the page
    again with every typed value and the fields marked; a refused evidence file is named, the
    values and other files are saved and said so."""
    periode = _periode(periode)
    pk, rows = _baris_pk(instansi, tahun)
    real = {
        r.indikator_id: r
        for r in Realisasi.objects.filter(
            indikator__instansi=instansi, tahun=tahun, periode=periode
        ).prefetch_related("bukti")
    }
    p = pengajuan_periode(instansi, tahun, periode)
    jendela = status_entri(instansi, tahun, "kinerja", periode)
    boleh_isi = boleh(request.user, "isi", instansi) and p.bisa_diisi and jendela.terbuka
    manual = [row.indikator for row in rows if row.indikator.sumber_realisasi == "manual"]
    status, galat, konflik = 200, "", {}
    if request.method == "POST":
        if not boleh(request.user, "isi", instansi):
            raise PermissionDenied
        form = FormTriwulan(request.POST, indikator=manual, tersimpan=real)
        berkas = {
            ind: request.FILES.getlist(f"{awalan(ind)}-bukti")
            for ind in manual
            if request.FILES.getlist(f"{awalan(ind)}-bukti")
        }
        if form.is_valid():
            per_id = {ind.id: ind for ind in manual}
            try:
                hasil = services.simpan_triwulan(
                    user=request.user,
                    instansi=instansi,
                    tahun=tahun,
                    periode=periode,
                    isian={per_id[i]: services.Isian(*v) for i, v in form.isian().items()},
                    bukti=berkas,
                )
            except services.KonflikTriwulan as exc:
                for ind in manual:
                    if ind.id in exc.baris:
                        form.tawarkan_ulang(ind, exc.baris[ind.id])
                konflik = _pembanding_konflik(instansi, form, exc.baris)
                galat, status = str(exc), 409
            except Ditolak as exc:
                galat, status = str(exc), 400
            else:
                disimpan, ditolak = _pesan_hasil(periode, hasil)
                if disimpan:
                    messages.success(request, disimpan)
                if ditolak:
                    messages.error(request, ditolak)
                if not disimpan and not ditolak:
                    messages.info(request, _("Tidak ada perubahan untuk disimpan."))
                return redirect("pengukuran:realisasi", instansi.slug, tahun, periode)
        else:
            galat, status = _("Periksa isian yang ditandai; belum ada yang disimpan."), 400
        if berkas and status != 200:
            galat += " " + _("Berkas bukti yang dipilih belum diunggah: pilih lagi sebelum menyimpan.")
    else:
        form = FormTriwulan(indikator=manual, tersimpan=real)
    peng = Pengukuran([instansi.id], [tahun])
    rencana = target_triwulan([row.indikator_id for row in rows], tahun)
    items = []
    for row in rows:
        ind = row.indikator
        r = real.get(ind.id)
        item = {"pk": row, "ind": ind, "real": r, "manual": ind.sumber_realisasi == "manual"}
        if not item["manual"]:
            item["otomatis"] = peng.realisasi(ind, tahun)
        else:
            item["bidang"] = [form.bidang(ind, k) for k in ("nilai", *ANALISIS)]
            item["tersembunyi"] = [form.bidang(ind, "versi"), form.bidang(ind, "asal")]
            item["awalan"] = awalan(ind)
            item["konflik"] = konflik.get(ind.id)
            item["galat"] = any(f.errors for f in item["bidang"])
        item["capaian"], item["pembanding"] = capaian_triwulan(row, periode, r.nilai if r else None, rencana)
        item["kategori"] = kategori_capaian(item["capaian"])
        items.append(item)
    from audit.models import Jejak
    from audit.selectors import riwayat_terbaca

    ids = [str(r.pk) for r in real.values()]
    jejak = Q(objek="pengukuran.Realisasi", objek_id__in=ids)
    if p.pk is not None:
        jejak |= Q(objek="pengukuran.PengajuanRealisasi", objek_id=str(p.pk))
    riwayat = riwayat_terbaca(
        Jejak.objects.filter(instansi=instansi).filter(jejak).select_related("user", "instansi")[:100]
    )
    return render(
        request,
        "pengukuran/realisasi.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "periode": periode,
            "periode_label": Periode(periode).label,
            "pk": pk,
            "items": items,
            "form": form,
            "galat": galat,
            "ada_manual": bool(manual),
            "pengajuan": p,
            "periode_list": PERIODE_ENTRI,
            "boleh_isi": boleh_isi,
            # a refused POST keeps the form (and every typed value) even if the quarter closed
            "tampil_form": boleh_isi or request.method == "POST",
            "jendela": jendela,
            "boleh_setujui": boleh(request.user, "setujui", instansi),
            "riwayat": riwayat,
        },
        status=status,
    )


def _indikator_pk(instansi, tahun, kode):
    pk, rows = _baris_pk(instansi, tahun)
    for row in rows:
        if row.indikator.kode == kode:
            return row
    raise Http404


@perlu("lihat")
@require_GET
def pratinjau(request, instansi, tahun, periode, kode):
    """htmx fragment: capaian and its colour for the value being typed (rules engine)."""
    periode = _periode(periode)
    row = _indikator_pk(instansi, tahun, kode)
    teks = (request.GET.get(f"{awalan(row.indikator)}-nilai") or request.GET.get("nilai", "")).strip()
    ctx = {"capaian": None, "pesan": ""}
    if teks:
        try:
            nilai = parse_angka(teks, JenisAngka.DESIMAL)
            c, banding = capaian_triwulan(row, periode, nilai, target_triwulan([row.indikator_id], tahun))
            ctx.update(capaian=c, kategori=kategori_capaian(c), status=status_target(c), pembanding=banding)
        except AngkaError as exc:
            ctx["pesan"] = pesan_angka(teks, exc)
    return render(request, "pengukuran/_capaian.html", ctx)


@perlu("lihat")
@require_POST
def status(request, instansi, tahun, periode):
    periode = _periode(periode)
    aksi = request.POST.get("aksi", "")
    if aksi not in services.TRANSISI:
        return HttpResponseBadRequest("aksi")
    try:
        services.ubah_status(
            user=request.user,
            instansi=instansi,
            tahun=tahun,
            periode=periode,
            aksi=aksi,
            komentar=ambil(request.POST, "komentar"),
        )
        messages.success(
            request,
            {
                "ajukan": "Realisasi diajukan untuk diverifikasi.",
                "verifikasi": "Realisasi diverifikasi.",
                "kembalikan": "Realisasi dikembalikan ke operator.",
                "kunci": "Realisasi dikunci.",
            }[aksi],
        )
    except PermissionDenied:
        raise
    except Ditolak as exc:
        messages.error(request, str(exc))
    return redirect("pengukuran:realisasi", instansi.slug, tahun, periode)


@perlu("lihat")
@require_GET
def unduh_bukti(request, instansi, pk):
    b = get_object_or_404(
        Bukti.objects.select_related("realisasi__indikator"), pk=pk, realisasi__indikator__instansi=instansi
    )
    return sajikan(b.berkas, nama=b.nama_asli, jenis=b.jenis)


__all__ = ["halaman", "pratinjau", "status", "unduh_bukti", "Indikator"]
