"""Dokumen pages: LKIP preview and downloads, PK document downloads, the text-block editor, and the
reviu of a unit-year (findings page and printable sheet). Downloads go through ``laporan.unduhan``."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from akun.izin import AKSI_TUGAS, boleh, perlu
from dasar.galat import Ditolak
from dasar.sidik import sidik
from dasar.tahun import sah
from dasar.teks import ambil
from evaluasi.models import Evaluasi
from organisasi.models import Pejabat
from perencanaan.models import PerjanjianKinerja
from perencanaan.selectors import kurang_untuk_tandatangan
from perencanaan.services import tandatangani

from . import keluaran, selectors, services, tugas
from .forms import FormTeks
from .lhe import dokumen_lhe
from .models import TerbitanLKIP
from .perjanjian import bangun_perjanjian, muat_pk
from .renja import muat_renja
from .reviu import LEVEL, NAMA_LEVEL, lembar_reviu, reviu, ringkasan, versi_direviu
from .unduhan import unduh


def _ada_pk(instansi, tahun: int) -> None:
    """Documents exist for the years with a Perjanjian Kinerja; other years are 404."""
    if not PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun).exists():
        raise Http404(_("Belum ada Perjanjian Kinerja untuk tahun ini."))


@perlu("lihat")
def lkip(request, instansi, tahun):
    _ada_pk(instansi, tahun)
    dok = selectors.bangun("lkip", instansi, tahun)
    html = mark_safe(keluaran.render_html(dok, nonce=str(request.csp_nonce)))  # noqa: S308 - escaped
    return render(
        request,
        "laporan/lkip.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "dokumen": html,
            "reviu": ringkasan(reviu(instansi, tahun)),
            "boleh_isi": boleh(request.user, "isi", instansi),
            "boleh_terbitkan": boleh(request.user, "terbitkan", instansi),
            "boleh_esr": boleh(request.user, "paket_esr", instansi),
            "terbitan": selectors.terbitan_lkip(instansi, tahun),
        },
    )


@perlu("lihat")
def lkip_unduh(request, instansi, tahun, fmt):
    _ada_pk(instansi, tahun)
    return unduh(
        request.user,
        instansi,
        tahun,
        awalan="lkip",
        fmt=fmt,
        isi=lambda: selectors.bangun("lkip", instansi, tahun),
    )


@perlu("terbitkan")
def terbitkan(request, instansi, tahun):
    """Issue a version of the LKIP (the unit's pimpinan): GET shows the confirmation (the version
    to be made, the reviu summary; with reviu errors a box to acknowledge them); POST enqueues the
    job that freezes and renders it (``laporan.tugas``) and goes to the job page. Reviu errors
    without the acknowledgement: nothing is enqueued, the page says why."""
    _ada_pk(instansi, tahun)
    jumlah = ringkasan(reviu(instansi, tahun))
    terakhir = selectors.terbitan_terakhir(instansi, tahun)
    galat = ""
    if request.method == "POST":
        akui = ambil(request.POST, "akui_galat") == "1"
        if jumlah["error"] and not akui:
            galat = _("Reviu menemukan kesalahan: centang pernyataan di bawah untuk tetap menerbitkan.")
        else:
            p = tugas.minta_dokumen(
                user=request.user,
                instansi=instansi,
                jenis="terbitan",
                parameter={"tahun": tahun, "fmt": "pdf", "akui_galat": bool(jumlah["error"] and akui)},
            )
            return redirect("tugas:halaman", instansi.slug, p.pk)
    return render(
        request,
        "laporan/terbitkan.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "reviu": jumlah,
            "nomor": terakhir.nomor + 1 if terakhir else 1,
            "terakhir": terakhir,
            "galat": galat,
        },
        status=400 if galat else 200,
    )


@perlu("lihat")
@require_GET
def lkip_terbitan(request, instansi, tahun, nomor, fmt):
    """A stored file of an issued LKIP version, as written when it was issued (never rendered
    again); a file whose bytes no longer match their SHA-256 is not served (503)."""
    t = get_object_or_404(TerbitanLKIP, instansi=instansi, tahun=tahun, nomor=nomor)

    def isi() -> bytes:
        return selectors.berkas_terbitan(t, fmt)

    return unduh(request.user, instansi, tahun, awalan=f"lkip-v{nomor}", fmt=fmt, isi=isi)


@perlu("lihat")
def pk_unduh(request, instansi, tahun, fmt):
    _ada_pk(instansi, tahun)
    return unduh(
        request.user,
        instansi,
        tahun,
        awalan="perjanjian-kinerja",
        fmt=fmt,
        isi=lambda: selectors.bangun("perjanjian", instansi, tahun),
    )


@perlu("lihat")
@require_GET
def lhe_unduh(request, instansi, pk, fmt):
    """The LHE of one evaluation of the unit (DOCX or PDF)."""
    ev = get_object_or_404(Evaluasi.objects.select_related("templat", "instansi"), pk=pk, instansi=instansi)
    if fmt not in ("docx", "pdf"):
        raise Http404
    return unduh(
        request.user, instansi, ev.tahun, awalan=f"LHE-{ev.jenis}", fmt=fmt, isi=lambda: dokumen_lhe(ev)
    )


@perlu("lihat")
def skm_unduh(request, instansi, tahun, fmt):
    """The Laporan SKM of the unit-year (DOCX or PDF); 404 without survey data."""
    from .skm import laporan_skm

    dok = laporan_skm(instansi, tahun)
    if dok is None:
        raise Http404("Belum ada data SKM untuk tahun ini.")
    return unduh(request.user, instansi, tahun, awalan="laporan-skm", fmt=fmt, isi=lambda: dok)


@perlu("lihat")
@require_POST
def minta(request, instansi, jenis, nomor, fmt):
    """Request a document (``jenis``: lkip, pk, renja, skm with ``nomor`` the year; lhe with ``nomor``
    the evaluation) from the task queue and go to its job page."""
    if jenis not in AKSI_TUGAS or jenis == "terbitan" or fmt not in ("docx", "pdf"):
        raise Http404
    if jenis == "lhe":
        get_object_or_404(Evaluasi, pk=nomor, instansi=instansi)
        parameter = {"evaluasi": nomor, "fmt": fmt}
    else:
        if not sah(nomor):
            raise Http404
        if jenis in ("lkip", "pk"):
            _ada_pk(instansi, nomor)
        parameter = {"tahun": nomor, "fmt": fmt}
        versi = request.POST.get("versi", "")
        jabatan = request.POST.get("jabatan", "") if jenis == "pk" else ""
        pj = _pejabat_pk(instansi, jabatan) if jabatan else None
        if jenis == "pk" and (versi or pj):  # one version's document, or a position's PK
            if (versi and not versi.isdigit()) or not PerjanjianKinerja.objects.filter(
                instansi=instansi, tahun=nomor, jabatan=pj, **({"versi": int(versi)} if versi else {})
            ).exists():
                raise Http404
            if versi:
                parameter["versi"] = int(versi)
            if pj is not None:
                parameter["jabatan"] = pj.kode
    p = tugas.minta_dokumen(user=request.user, instansi=instansi, jenis=jenis, parameter=parameter)
    return redirect("tugas:halaman", instansi.slug, p.pk)


@perlu("paket_esr")
@require_POST
def minta_esr(request, instansi, tahun):
    """Request the ESR package (ZIP of the unit-year's documents by ESR type, ``laporan.esr``) from
    the task queue and go to its job page; a year the unit holds nothing for is refused there."""
    p = tugas.minta_dokumen(user=request.user, instansi=instansi, jenis="esr", parameter={"tahun": tahun})
    return redirect("tugas:halaman", instansi.slug, p.pk)


@perlu("lihat")
@require_GET
def renja(request, instansi, tahun):
    """The Renja (Rencana Kerja) of the unit-year: the year's indicators and targets from the
    Renstra and the programmes, kegiatan and sub-kegiatan of the DPA with their pagu
    (``laporan.renja``); its DOCX/PDF are made by the task queue (``minta``)."""
    return render(
        request,
        "laporan/renja.html",
        {"instansi": instansi, "tahun": tahun, "d": muat_renja(instansi, tahun)},
    )


@perlu("isi")
def teks(request, instansi, tahun):
    """The LKIP's editable texts in ONE form with one Simpan (the unit's operator). A refused POST
    (too long, an edit conflict) renders the editor again with every typed text, the fields
    marked and, per conflicting block, the stored text beside the user's; nothing is saved. The
    browser keeps a draft while typing (``static/isian.js``, docs/antarmuka.md)."""
    daftar = selectors.daftar_bagian(instansi, tahun)
    tersimpan = selectors.teks_blok(instansi, tahun)
    status, galat, konflik = 200, "", {}
    if request.method == "POST":
        form = FormTeks(request.POST, daftar=daftar, tersimpan=tersimpan, maks=services.PANJANG_MAKS)
        if form.is_valid():
            try:
                berubah = services.simpan_semua_teks(
                    user=request.user, instansi=instansi, tahun=tahun, isian=form.isian()
                )
            except services.KonflikTeks as exc:
                for bagian, teks in exc.baris.items():
                    form.tawarkan_ulang(bagian, teks)
                    konflik[bagian] = {
                        "baris": [(_("Teks"), teks, form.bidang(bagian)[0].value() or "")],
                        "jejak": selectors.jejak_teks_terakhir(instansi, tahun, bagian),
                        "ada": bool(teks),
                    }
                galat, status = str(exc), 409
            except Ditolak as exc:
                galat, status = str(exc), 400
            else:
                if berubah:
                    messages.success(
                        request,
                        _("Disimpan: %(daftar)s.") % {"daftar": ", ".join(daftar[b] for b in berubah)},
                    )
                else:
                    messages.info(request, _("Tidak ada perubahan untuk disimpan."))
                return redirect("laporan:teks", instansi.slug, tahun)
        else:
            galat, status = _("Periksa isian yang ditandai; belum ada yang disimpan."), 400
    else:
        form = FormTeks(daftar=daftar, tersimpan=tersimpan, maks=services.PANJANG_MAKS)
    bagian = []
    for k in daftar:
        f, token = form.bidang(k)
        bagian.append(
            {"kode": k, "f": f, "token": token, "teks": tersimpan.get(k, ""), "konflik": konflik.get(k)}
        )
    return render(
        request,
        "laporan/teks.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "bagian": bagian,
            "galat": galat,
            "maks": services.PANJANG_MAKS,
            "kunci_draf": f"lkip-teks:{instansi.slug}:{tahun}:{request.user.pk}",
        },
        status=status,
    )


@perlu("lihat")
def reviu_halaman(request, instansi, tahun):
    temuan = reviu(instansi, tahun)
    kelompok = [(lv, NAMA_LEVEL[lv], [t for t in temuan if t.level == lv]) for lv in LEVEL]
    return render(
        request,
        "laporan/reviu.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "kelompok": kelompok,
            "jumlah": ringkasan(temuan),
            "total": len(temuan),
            "versi": versi_direviu(instansi, tahun),
        },
    )


@perlu("lihat")
def reviu_lembar(request, instansi, tahun):
    return unduh(
        request.user,
        instansi,
        tahun,
        awalan="lembar-reviu",
        fmt="docx",
        isi=lambda: lembar_reviu(instansi, tahun),
    )


@perlu("reviu_berkas")
def reviu_berkas(request, instansi):
    """Upload an LKIP file made elsewhere (POST: kept, then reviewed by the worker; the page of its
    findings follows) and the list of the unit's reviewed files."""
    galat = ""
    if request.method == "POST":
        berkas = request.FILES.get("berkas")
        if berkas is None:
            galat = _("Pilih berkas LKIP yang akan direviu.")
        else:
            try:
                rb = services.unggah_berkas_reviu(user=request.user, instansi=instansi, berkas=berkas)
            except Ditolak as exc:
                galat = str(exc)
            else:
                tugas.minta_reviu(user=request.user, rb=rb)
                return redirect("laporan:reviu_berkas_hasil", instansi.slug, rb.pk)
    daftar = selectors.reviu_berkas_unit(instansi)
    return render(
        request,
        "laporan/reviu_berkas.html",
        {"instansi": instansi, "daftar": daftar, "galat": galat},
        status=400 if galat else 200,
    )


@perlu("reviu_berkas")
@require_GET
def reviu_berkas_hasil(request, instansi, pk):
    rb = selectors.reviu_berkas_satu(instansi, pk)
    if rb is None:
        raise Http404
    temuan = rb.temuan or []
    kelompok = [(lv, NAMA_LEVEL[lv], [t for t in temuan if t["level"] == lv]) for lv in LEVEL]
    return render(
        request, "laporan/reviu_berkas_hasil.html", {"instansi": instansi, "rb": rb, "kelompok": kelompok}
    )


def _pejabat_pk(instansi, kode: str | None):
    """The position of a position's PK named by the URL (None: the unit head's PK)."""
    if kode is None:
        return None
    return get_object_or_404(Pejabat, instansi=instansi, kode=kode)


def _pk_versi(instansi, tahun: int, versi: int, jabatan=None) -> PerjanjianKinerja:
    p = (
        PerjanjianKinerja.objects.filter(instansi=instansi, tahun=tahun, versi=versi, jabatan=jabatan)
        .select_related("instansi__pemda", "pihak_pertama", "pihak_kedua", "jabatan")
        .first()
    )
    if p is None:
        raise Http404
    return p


def _halaman_pk(instansi, tahun: int, jabatan) -> str:
    if jabatan is None:
        return reverse("perencanaan:pk", args=[instansi.slug, tahun])
    return reverse("perencanaan:pk_jabatan", args=[instansi.slug, tahun, jabatan.kode])


@perlu("lihat")
@require_GET
def pk_dokumen(request, instansi, tahun, versi, jabatan=None):
    """One version of the PK (the unit head's, or with ``jabatan`` a position's) as its document
    shows it (a signed one from its frozen content), with its downloads."""
    pj = _pejabat_pk(instansi, jabatan)
    p = _pk_versi(instansi, tahun, versi, pj)
    dok = bangun_perjanjian(instansi, tahun, versi, jabatan=pj)
    return render(
        request,
        "laporan/pk_dokumen.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "p": p,
            "tautan_kembali": _halaman_pk(instansi, tahun, pj),
            "dokumen": mark_safe(keluaran.render_html(dok, nonce=str(request.csp_nonce))),  # noqa: S308
        },
    )


@perlu("tandatangani")
def pk_tandatangani(request, instansi, tahun, versi, jabatan=None):
    """Sign a draft PK: the page shows what will be frozen (signatories, place and date, the
    targets, the whole document) or what is still missing; the POST signs only the content shown
    (its SHA-256 is posted back and checked by ``perencanaan.services.tandatangani``)."""
    pj = _pejabat_pk(instansi, jabatan)
    p = _pk_versi(instansi, tahun, versi, pj)
    if request.method == "POST" and not p.ditandatangani:
        try:
            tandatangani(user=request.user, pk=p, sha256=ambil(request.POST, "sha256") or "-")
        except Ditolak as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("%(pk)s ditandatangani; isinya dibekukan.") % {"pk": p.label})
            return redirect(_halaman_pk(instansi, tahun, pj))
        p = _pk_versi(instansi, tahun, versi, pj)
    kurang = [] if p.ditandatangani else kurang_untuk_tandatangan(p)
    data = muat_pk(instansi, tahun, versi=versi, jabatan=pj)
    dok = bangun_perjanjian(instansi, tahun, versi, jabatan=pj)
    return render(
        request,
        "laporan/pk_tandatangani.html",
        {
            "instansi": instansi,
            "tahun": tahun,
            "p": p,
            "tautan_kembali": _halaman_pk(instansi, tahun, pj),
            "isi": data.isi,
            "sha256": sidik(data.isi) if data.isi and not p.ditandatangani else "",
            "kurang": kurang,
            "dokumen": mark_safe(keluaran.render_html(dok, nonce=str(request.csp_nonce))),  # noqa: S308
        },
        status=200,
    )
