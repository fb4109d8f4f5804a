"""LKE worksheet, workflow, LHE download, follow-up and templates (thin views over evaluasi.selectors and evaluasi.services)."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
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
from .forms import FormKomponen
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


def _tahun(request, default=None):
    """``?tahun=``, else the year the user chose in the top bar (never the clock; ``default`` only
    when the user has no year at all)."""
    from sakip.kerangka import tahun_pengguna

    if request.GET.get("tahun"):
        return tahun_dari_teks(request.GET.get("tahun"), default)
    return tahun_pengguna(request) or default or datetime.date.today().year


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
            "belum": selectors.kriteria_belum_dijawab(ev) if "ajukan" in aksi else [],
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


def _int(v):
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


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
            "tahun": _tahun(request),
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
            "tahun": _tahun(request),
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


def _pesan_komponen(hasil) -> tuple[str, str]:
    def no(c):
        return f"{c.sub.komponen.no}.{c.sub.no}.{c.no}"

    simpan = []
    if hasil["disimpan"]:
        simpan.append(_("kriteria %(d)s") % {"d": ", ".join(no(c) for c in hasil["disimpan"])})
    if hasil["bukti"]:
        simpan.append(_("bukti %(d)s") % {"d": ", ".join(f"{n} ({no(c)})" for c, n in hasil["bukti"])})
    tolak = "; ".join(f"{n} ({no(c)}): {why}" for c, n, why in hasil["bukti_ditolak"])
    return (
        (_("Disimpan: %(isi)s.") % {"isi": "; ".join(simpan)}) if simpan else "",
        (_("Tidak disimpan: bukti %(isi)s. Pilih berkas yang benar, lalu simpan lagi.") % {"isi": tolak})
        if tolak
        else "",
    )


@perlu("lihat")
def komponen(request, instansi, pk, komponen_id):
    """One component of the LKE with all its criteria in ONE form: the unit's answers (operator,
    while draft) or the evaluator's scores (evaluator, while under evaluation); read-only for the
    others. One Simpan; a refused POST keeps every typed value with the fields marked; a conflict
    shows the stored answer beside the user's; the browser keeps a draft while typing."""
    ev = _evaluasi(instansi, pk)
    komps = selectors.struktur_templat(ev.templat_id)
    komp = next((k for k in komps if k.id == komponen_id), None)
    if komp is None:
        raise Http404
    kriteria = [c for s in komp.sub_list for c in s.kriteria_list]
    for s in komp.sub_list:
        s.komponen = komp
        for c in s.kriteria_list:
            c.sub = s
    jawaban = {j.kriteria_id: j for j in ev.jawaban.filter(kriteria__in=kriteria).prefetch_related("bukti")}
    u = request.user
    mode = None
    if boleh(u, "isi", instansi) and ev.status == "draft":
        mode = "unit"
    elif boleh(u, "evaluasi", instansi) and ev.status == "dievaluasi":
        mode = "evaluator"
    status, galat, konflik = 200, "", {}
    form = FormKomponen(kriteria=kriteria, jawaban=jawaban, mode=mode or "unit")
    if request.method == "POST":
        if mode is None:
            raise PermissionDenied
        form = FormKomponen(request.POST, kriteria=kriteria, jawaban=jawaban, mode=mode)
        if form.is_valid():
            berkas = {}
            if mode == "unit":
                for c in kriteria:
                    files, tautan = (
                        request.FILES.getlist(f"k{c.id}-berkas"),
                        ambil(request.POST, f"k{c.id}-tautan"),
                    )
                    if files or tautan:
                        berkas[c] = (files, tautan)
            try:
                hasil = services.simpan_komponen(user=u, ev=ev, mode=mode, isian=form.isian(), bukti=berkas)
            except services.KonflikLKE as exc:
                for c in kriteria:
                    if c.id in exc.baris:
                        j = exc.baris[c.id]
                        form.tawarkan_ulang(c, j)
                        medan = services.MEDAN_UNIT if mode == "unit" else services.MEDAN_EVALUATOR
                        fields, _t = form.bidang(c)
                        konflik[c.id] = {
                            "baris": [
                                (f.label, str(getattr(j, m, "") if j else ""), str(f.value() or ""))
                                for f, m in zip(fields, medan, strict=True)
                            ],
                            "jejak": None,
                            "ada": j is not None,
                        }
                galat, status = str(exc), 409
            except Ditolak as exc:
                for nama, pesan in exc.bidang.items():
                    form.add_error(nama if nama in form.fields else None, pesan)
                if not exc.bidang:
                    form.add_error(None, str(exc))
                galat, status = _("Periksa isian yang ditandai; belum ada yang disimpan."), 400
            else:
                disimpan, ditolak = _pesan_komponen(hasil)
                if disimpan:
                    messages.success(request, disimpan)
                if ditolak:
                    messages.error(request, ditolak)
                if not disimpan and not ditolak:
                    messages.info(request, _("Tidak ada perubahan untuk disimpan."))
                return redirect("evaluasi:komponen", instansi.slug, ev.pk, komp.id)
            if berkas and status != 200:
                galat += " " + _("Berkas bukti yang dipilih belum diunggah: pilih lagi sebelum menyimpan.")
        else:
            galat, status = _("Periksa isian yang ditandai; belum ada yang disimpan."), 400
    sub = []
    for s in komp.sub_list:
        baris = []
        for c in s.kriteria_list:
            j = jawaban.get(c.id)
            fields, token = form.bidang(c)
            baris.append(
                {
                    "c": c,
                    "j": j,
                    "fields": fields,
                    "token": token,
                    "konflik": konflik.get(c.id),
                    "bukti": [(b, tautan_bukti(b, instansi.slug)) for b in j.bukti.all()] if j else [],
                    "galat": any(f.errors for f in fields),
                }
            )
        sub.append((s, baris))
    return render(
        request,
        "evaluasi/komponen.html",
        {
            "instansi": instansi,
            "ev": ev,
            "komp": komp,
            "sub": sub,
            "mode": mode,
            "form": form,
            "galat": galat,
            "dokumen": _dokumen_unit(instansi) if mode == "unit" else None,
            "komponen_lain": komps,
            "kunci_draf": f"lke:{ev.pk}:{komp.id}:{mode}:{u.pk}",
        },
        status=status,
    )


@perlu("evaluasi")
def finalkan(request, instansi, pk):
    """Finalising the evaluation (irreversible: the LHE is frozen): GET shows the summary (totals,
    predikat, criteria answered but unscored, the LHE texts, recommendations); POST with the ticked
    confirmation finalises (the service refuses without it: 400, nothing changed)."""
    ev = _evaluasi_terbuka(instansi, pk)
    galat = ""
    if request.method == "POST":
        try:
            services.ubah_status(
                user=request.user, ev=ev, aksi="finalkan", konfirmasi=request.POST.get("konfirmasi") == "ya"
            )
        except Ditolak as exc:
            galat = str(exc)
        else:
            messages.success(request, _("Evaluasi difinalkan; LHE dibekukan."))
            return _ke_lke(ev)
    hasil = selectors.hitung_lke(ev)
    jawaban = list(ev.jawaban.all())
    return render(
        request,
        "evaluasi/finalkan.html",
        {
            "instansi": instansi,
            "ev": ev,
            "hasil": hasil,
            "belum_dinilai": sum(1 for j in jawaban if j.usulan and not j.penetapan),
            "tidak_relevan": sum(1 for j in jawaban if j.tidak_relevan),
            "rekomendasi": list(ev.rekomendasi.all()),
            "galat": galat,
            "boleh": ev.status == "dievaluasi",
        },
        status=400 if galat else 200,
    )
