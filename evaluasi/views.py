"""LKE worksheet, workflow, LHE download, follow-up and templates (thin views over evaluasi.selectors and evaluasi.services)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from akun.izin import adalah_admin_pemda, boleh, boleh_kelola_templat, boleh_pemda, pemda_anggota, perlu
from dasar.galat import Ditolak
from dasar.tahun import dari_teks as tahun_dari_teks
from dasar.teks import ambil
from dasar.unggahan import sajikan
from organisasi.models import Pemda
from rumus.angka import AngkaError, JenisAngka, parse_angka

from . import selectors, services
from .models import (
    BuktiEvaluasi,
    Evaluasi,
    JenisEvaluasi,
    JenisJawaban,
    JenisTautan,
    Kriteria,
    Rekomendasi,
    StatusTindakLanjut,
    TemplatEvaluasi,
)


def _evaluasi(instansi, pk) -> Evaluasi:
    return get_object_or_404(Evaluasi.objects.select_related("templat", "instansi"), pk=pk, instansi=instansi)


def _kriteria(ev, kriteria_id) -> Kriteria:
    return get_object_or_404(Kriteria, pk=kriteria_id, sub__komponen__templat_id=ev.templat_id)


def _evaluasi_terbuka(instansi, pk) -> Evaluasi:
    """The evaluation to change: a final one is locked for every role."""
    ev = _evaluasi(instansi, pk)
    if ev.final:
        raise PermissionDenied
    return ev


def _jalankan(request, aksi, berhasil: str = "") -> bool:
    """Run a service call; its refusal becomes an error message, success the ``berhasil`` message."""
    try:
        aksi()
    except Ditolak as e:  # includes EvaluasiFinal and TemplatBeku
        messages.error(request, str(e))
        return False
    if berhasil:
        messages.success(request, berhasil)
    return True


def _ke_lke(ev, anchor=""):
    return redirect(reverse("evaluasi:lke", args=[ev.instansi.slug, ev.pk]) + anchor)


def _tahun(request, default):
    return tahun_dari_teks(request.GET.get("tahun"), default)


@perlu("lihat")
@require_GET
def daftar(request, instansi):
    tahun = _tahun(request, datetime.date.today().year)
    evs = list(
        Evaluasi.objects.filter(instansi=instansi).select_related("templat").order_by("-tahun", "jenis")
    )
    return render(
        request,
        "evaluasi/daftar.html",
        {
            "instansi": instansi,
            "evaluasi": evs,
            "tahun": tahun,
            "jenis": JenisEvaluasi.choices,
            "boleh_buat": boleh(request.user, "isi", instansi) or boleh(request.user, "evaluasi", instansi),
            "tindak_lanjut": selectors.tindak_lanjut_terbuka(instansi),
        },
    )


def _op_atau_evaluator(view):
    """Operator or evaluator of the unit (403 to readers before the method check)."""
    from functools import wraps

    @wraps(view)
    def wrapper(request, instansi, *args, **kwargs):
        if not (boleh(request.user, "isi", instansi) or boleh(request.user, "evaluasi", instansi)):
            raise PermissionDenied
        return require_POST(view)(request, instansi, *args, **kwargs)

    return wrapper


@perlu("lihat")
@_op_atau_evaluator
def buat(request, instansi):
    try:
        ev = services.buat_evaluasi(
            user=request.user,
            instansi=instansi,
            tahun=int(request.POST.get("tahun", "")),
            jenis=request.POST.get("jenis", ""),
        )
    except ValueError:
        messages.error(request, _("Tahun tidak sah."))
        return redirect("evaluasi:daftar", instansi.slug)
    except Ditolak as e:  # includes EvaluasiFinal and TemplatBeku
        messages.error(request, str(e))
        return redirect("evaluasi:daftar", instansi.slug)
    return _ke_lke(ev)


def _dokumen_unit(instansi):
    from pengukuran.models import Bukti
    from perencanaan.models import PerjanjianKinerja, Renstra

    return {
        "renstra": list(Renstra.objects.filter(instansi=instansi)),
        "pk": list(PerjanjianKinerja.objects.filter(instansi=instansi).order_by("-tahun", "-versi")),
        "bukti": list(
            Bukti.objects.filter(realisasi__indikator__instansi=instansi)
            .select_related("realisasi__indikator")
            .order_by("-diunggah_pada")[:50]
        ),
    }


def tautan_bukti(b: BuktiEvaluasi, slug: str) -> str:
    """URL of an evidence item (the linked document's page, or the upload's download)."""
    if b.jenis == JenisTautan.UNGGAH:
        return reverse("evaluasi:bukti", args=[slug, b.pk])
    if b.jenis == JenisTautan.RENSTRA:
        return reverse("perencanaan:renstra", args=[slug])
    if b.jenis == JenisTautan.PK:
        from perencanaan.models import PerjanjianKinerja

        pk = PerjanjianKinerja.objects.filter(pk=b.objek_id).values_list("tahun", flat=True).first()
        return reverse("perencanaan:pk", args=[slug, pk]) if pk else ""
    if b.jenis == JenisTautan.BUKTI:
        return reverse("pengukuran:bukti", args=[slug, b.objek_id])
    if b.jenis == JenisTautan.LKIP:
        try:
            return reverse("laporan:lkip", args=[slug, b.tahun])
        except Exception:  # noqa: BLE001 - the LKIP download may not be routed yet
            return ""
    return ""


@perlu("lihat")
@require_GET
def lke(request, instansi, pk):
    ev = _evaluasi(instansi, pk)
    komps = selectors.struktur_templat(ev.templat_id)
    jawaban = {j.kriteria_id: j for j in ev.jawaban.prefetch_related("bukti")}
    hasil = selectors.hitung_lke(ev, komps, jawaban)
    for k in komps:
        for s in k.sub_list:
            for c in s.kriteria_list:
                c.jawaban = jawaban.get(c.id)
                c.bukti = (
                    [(b, tautan_bukti(b, instansi.slug)) for b in c.jawaban.bukti.all()] if c.jawaban else []
                )
    u = request.user
    boleh_isi = boleh(u, "isi", instansi) and ev.status == "draft"
    boleh_nilai = boleh(u, "evaluasi", instansi) and ev.status == "dievaluasi"
    aksi = [
        a
        for a, (izin, dari, _ke) in services.TRANSISI.items()
        if ev.status in dari and boleh(u, izin, instansi)
    ]
    sebelumnya = [r for r in selectors.tindak_lanjut_terbuka(instansi) if r.evaluasi.tahun < ev.tahun]
    return render(
        request,
        "evaluasi/lke.html",
        {
            "instansi": instansi,
            "ev": ev,
            "komponen": hasil.komponen,
            "hasil": hasil,
            "boleh_isi": boleh_isi,
            "boleh_nilai": boleh_nilai,
            "aksi": aksi,
            "jenis_tautan": JenisTautan.choices,
            "dokumen": _dokumen_unit(instansi) if boleh_isi else None,
            "rekomendasi": list(ev.rekomendasi.all()),
            "tindak_lanjut_lalu": sebelumnya,
            "status_tl": StatusTindakLanjut,
            "boleh_tl_isi": boleh(u, "isi", instansi),
            "boleh_tl_terima": boleh(u, "evaluasi", instansi),
            "hari_ini": datetime.date.today(),
        },
    )


@perlu("isi")
@require_POST
def jawab(request, instansi, pk, kriteria_id):
    ev = _evaluasi_terbuka(instansi, pk)
    c = _kriteria(ev, kriteria_id)
    _jalankan(
        request,
        lambda: _jawab(request, ev, c),
        _("Jawaban kriteria %(no)s disimpan.") % {"no": f"{c.sub.komponen.no}.{c.sub.no}.{c.no}"},
    )
    return _ke_lke(ev, f"#k{c.pk}")


@transaction.atomic  # answer and evidence together, or nothing
def _jawab(request, ev, c):
    services.simpan_usulan(
        user=request.user,
        ev=ev,
        kriteria=c,
        usulan=ambil(request.POST, "usulan"),
        catatan=ambil(request.POST, "catatan"),
    )
    berkas = request.FILES.get("berkas")
    if berkas is not None:
        services.tambah_bukti(user=request.user, ev=ev, kriteria=c, jenis=JenisTautan.UNGGAH, berkas=berkas)
    jenis, _sep, nomor = request.POST.get("tautan", "").partition(":")
    if jenis in (JenisTautan.RENSTRA, JenisTautan.PK, JenisTautan.BUKTI):
        services.tambah_bukti(user=request.user, ev=ev, kriteria=c, jenis=jenis, objek_id=_int(nomor))
    elif jenis == JenisTautan.LKIP:
        services.tambah_bukti(user=request.user, ev=ev, kriteria=c, jenis=jenis, tahun=_int(nomor))
    elif jenis:
        raise Ditolak(_("Jenis dokumen tidak dikenal."))


def _int(v):
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


@perlu("evaluasi")
@require_POST
def nilai(request, instansi, pk, kriteria_id):
    ev = _evaluasi_terbuka(instansi, pk)
    c = _kriteria(ev, kriteria_id)
    _jalankan(
        request,
        lambda: services.simpan_penetapan(
            user=request.user,
            ev=ev,
            kriteria=c,
            penetapan=ambil(request.POST, "penetapan"),
            komentar=ambil(request.POST, "komentar"),
        ),
        _("Nilai penetapan disimpan."),
    )
    return _ke_lke(ev, f"#k{c.pk}")


@perlu("lihat")
@require_POST
def status(request, instansi, pk):
    ev = _evaluasi_terbuka(instansi, pk)
    _jalankan(
        request, lambda: services.ubah_status(user=request.user, ev=ev, aksi=request.POST.get("aksi", ""))
    )
    return _ke_lke(ev)


@perlu("evaluasi")
@require_POST
def lhe(request, instansi, pk):
    ev = _evaluasi_terbuka(instansi, pk)
    _jalankan(
        request,
        lambda: services.simpan_lhe(
            user=request.user,
            ev=ev,
            kekuatan=ambil(request.POST, "kekuatan"),
            kelemahan=ambil(request.POST, "kelemahan"),
        ),
        _("Kekuatan dan kelemahan disimpan."),
    )
    return _ke_lke(ev, "#lhe")


@perlu("evaluasi")
@require_POST
def rekomendasi(request, instansi, pk):
    ev = _evaluasi_terbuka(instansi, pk)
    try:
        batas = datetime.date.fromisoformat(request.POST.get("batas_waktu", ""))
    except ValueError:
        batas = None
    _jalankan(
        request,
        lambda: services.tambah_rekomendasi(
            user=request.user,
            ev=ev,
            uraian=ambil(request.POST, "uraian"),
            penanggung_jawab=ambil(request.POST, "penanggung_jawab"),
            batas_waktu=batas,
        ),
        _("Rekomendasi ditambahkan."),
    )
    return _ke_lke(ev, "#lhe")


@perlu("lihat")
@require_GET
def unduh_bukti(request, instansi, pk):
    b = get_object_or_404(
        BuktiEvaluasi, pk=pk, jawaban__evaluasi__instansi=instansi, jenis=JenisTautan.UNGGAH
    )
    return sajikan(b.berkas, nama=b.nama_asli, jenis=b.jenis_berkas)


@perlu("lihat")
@_op_atau_evaluator
def tindak_lanjut(request, instansi, pk):
    rek = get_object_or_404(Rekomendasi, pk=pk, evaluasi__instansi=instansi)
    _jalankan(
        request,
        lambda: services.ubah_tindak_lanjut(
            user=request.user,
            rek=rek,
            status=request.POST.get("status", ""),
            tindak_lanjut=ambil(request.POST, "tindak_lanjut"),
            berkas=request.FILES.get("berkas"),
        ),
        _("Tindak lanjut disimpan."),
    )
    return _ke_lke(rek.evaluasi, "#rekomendasi")


@perlu("lihat")
@require_GET
def unduh_tindak_lanjut(request, instansi, pk):
    rek = get_object_or_404(Rekomendasi, pk=pk, evaluasi__instansi=instansi)
    return sajikan(rek.berkas, nama=rek.nama_berkas, jenis=rek.jenis_berkas)


@login_required
@require_GET
def perbandingan(request, kode, tahun):
    pemda = get_object_or_404(Pemda, kode=kode)
    if not boleh_pemda(request.user, "lihat", pemda):
        raise Http404
    rows = selectors.perbandingan(list(pemda.instansi.order_by("nama")), tahun)
    return render(
        request,
        "evaluasi/perbandingan.html",
        {"pemda": pemda, "tahun": tahun, "lalu": tahun - 1, "rows": rows},
    )


# --- Templates ------------------------------------------------------------------------------


def _templat_terlihat(user):
    from django.db.models import Q

    return TemplatEvaluasi.objects.filter(Q(pemda=None) | Q(pemda_id__in=pemda_anggota(user)))


@login_required
@require_GET
def templat_daftar(request):
    return render(
        request,
        "evaluasi/templat_daftar.html",
        {
            "templat": list(_templat_terlihat(request.user).select_related("pemda")),
            "boleh_salin": adalah_admin_pemda(request.user),
            "tahun": datetime.date.today().year,
        },
    )


@login_required
@require_GET
def templat(request, pk):
    t = get_object_or_404(_templat_terlihat(request.user), pk=pk)
    komps = selectors.struktur_templat(t.id)
    return render(
        request,
        "evaluasi/templat.html",
        {
            "t": t,
            "komponen": komps,
            "beku": t.beku,
            "boleh_ubah": boleh_kelola_templat(request.user, t),
            "boleh_salin": adalah_admin_pemda(request.user),
            "masalah": selectors.cek_bobot(t),
            "jenis_jawaban": JenisJawaban.choices,
            "tahun": datetime.date.today().year,
        },
    )


@login_required
@require_POST
def templat_salin(request, pk):
    if not adalah_admin_pemda(request.user):
        raise PermissionDenied
    t = get_object_or_404(_templat_terlihat(request.user), pk=pk)
    try:
        baru = services.salin_templat(
            user=request.user,
            templat=t,
            tahun=_int(request.POST.get("tahun")) or 0,
            nama=ambil(request.POST, "nama"),
        )
    except Ditolak as e:  # includes EvaluasiFinal and TemplatBeku
        messages.error(request, str(e))
        return redirect("evaluasi:templat", t.pk)
    messages.success(request, _("Templat disalin; sesuaikan kriterianya."))
    return redirect("evaluasi:templat", baru.pk)


def _desimal(v):
    try:
        return parse_angka(str(v), JenisAngka.DESIMAL)  # one reading or a refusal (docs/rules.md §8)
    except AngkaError:
        return None


@login_required
@require_POST
def kriteria_ubah(request, pk):
    c = get_object_or_404(Kriteria.objects.select_related("sub__komponen__templat"), pk=pk)
    t = c.sub.komponen.templat
    if not boleh_kelola_templat(request.user, t):
        if _templat_terlihat(request.user).filter(pk=t.pk).exists():
            raise PermissionDenied
        raise Http404
    _jalankan(
        request,
        lambda: services.ubah_kriteria(
            user=request.user,
            kriteria=c,
            uraian=ambil(request.POST, "uraian"),
            bobot=_desimal(request.POST.get("bobot")),
            jenis_jawaban=request.POST.get("jenis_jawaban", ""),
            panduan=ambil(request.POST, "panduan"),
            nilai_maks=_desimal(request.POST.get("nilai_maks")) if request.POST.get("nilai_maks") else None,
        ),
        _("Kriteria disimpan."),
    )
    return redirect(reverse("evaluasi:templat", args=[t.pk]) + f"#c{c.pk}")
