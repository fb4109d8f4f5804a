"""The pemda console's pages (admin_pemda): thin views over ``konsol.selectors`` and
``konsol.services``. Every page is decorated with ``akun.izin.perlu_konsol`` and looks its
object up inside the admin's pemda, so another pemda's admin gets 404."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from akun import izin
from akun.models import Peran
from dasar.galat import Ditolak
from dasar.unggahan import sajikan
from organisasi.models import Instansi, Pejabat, SubUnit

from . import selectors, services
from .forms import InstansiForm, PejabatForm, PemdaForm, PenggunaForm, PeranForm, SubUnitForm, tampilkan_galat


def _unit(pemda, slug) -> Instansi:
    return get_object_or_404(Instansi.objects.select_related("pemda"), pemda=pemda, slug=slug)


def _pengguna(request, pemda, pk):
    return get_object_or_404(izin.pengguna_kelolaan(request.user, pemda), pk=pk)


def _aktif(request) -> bool:
    return request.POST.get("aktif") == "1"


@izin.perlu_konsol
def beranda(request, pemda):
    """The console's home page: every part of setting the pemda up, with its counts."""
    return render(
        request, "konsol/beranda.html", {"pemda": pemda, "r": selectors.ringkasan(request.user, pemda)}
    )


# --- profile -----------------------------------------------------------------------------------


@izin.perlu_konsol
def profil(request, pemda):
    awal = {"nama": pemda.nama, "tahun_berjalan": pemda.tahun_berjalan, "wajib_otp": pemda.wajib_otp}
    awal["periode_rencana_aksi"] = pemda.periode_rencana_aksi
    form = PemdaForm(request.POST or None, request.FILES or None, initial=awal)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.ubah_pemda(
                user=request.user,
                pemda=pemda,
                nama=d["nama"],
                tahun_berjalan=d["tahun_berjalan"],
                wajib_otp=d["wajib_otp"],
                periode_rencana_aksi=d["periode_rencana_aksi"] or None,
                logo=d["logo"],
                hapus_logo=d["hapus_logo"],
            )
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, _("Profil pemda disimpan."))
            return redirect("konsol:profil")
    return render(request, "konsol/profil.html", {"pemda": pemda, "form": form})


@izin.perlu_konsol
def logo(request, pemda):
    """The stored logo, shown on the profile page."""
    return sajikan(pemda.logo, lampiran=False)


# --- units -------------------------------------------------------------------------------------


@izin.perlu_konsol
def unit_daftar(request, pemda):
    return render(request, "konsol/unit_daftar.html", {"pemda": pemda, "units": selectors.daftar_unit(pemda)})


@izin.perlu_konsol
def unit_baru(request, pemda):
    form = InstansiForm(request.POST or None, initial={"jenis": Instansi.Jenis.KECAMATAN})
    if request.method == "POST" and form.is_valid():
        try:
            obj = services.buat_instansi(user=request.user, pemda=pemda, **form.cleaned_data)
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, _("Unit %(nama)s dibuat.") % {"nama": obj.nama})
            return redirect("konsol:unit", obj.slug)
    return render(
        request,
        "konsol/formulir.html",
        {"pemda": pemda, "form": form, "judul": _("Unit baru"), "kembali": "unit"},
    )


@izin.perlu_konsol
def unit(request, pemda, slug):
    """A unit: its data (one form), its sub-units and officials, links to its layanan, zones and
    Renstra pages."""
    obj = _unit(pemda, slug)
    awal = {f: getattr(obj, f) for f in ("nama", "jenis", "alamat", "kota")}
    form = InstansiForm(request.POST or None, initial=awal, ubah=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.ubah_instansi(user=request.user, instansi=obj, **form.cleaned_data)
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, _("Unit %(nama)s disimpan.") % {"nama": form.cleaned_data["nama"]})
            return redirect("konsol:unit", obj.slug)
    return render(
        request,
        "konsol/unit.html",
        {
            "pemda": pemda,
            "instansi": obj,
            "form": form,
            "tahun": pemda.tahun_berjalan or timezone.localdate().year,
            **selectors.isi_unit(obj),
        },
    )


@izin.perlu_konsol
@require_POST
def unit_status(request, pemda, slug):
    obj = _unit(pemda, slug)
    obj = services.ubah_status_instansi(user=request.user, instansi=obj, aktif=_aktif(request))
    if obj.aktif:
        messages.success(request, _("Unit %(nama)s aktif kembali.") % {"nama": obj.nama})
    else:
        messages.success(
            request, _("Unit %(nama)s dinonaktifkan; datanya tetap tersimpan.") % {"nama": obj.nama}
        )
    return redirect("konsol:unit", obj.slug)


@izin.perlu_konsol
def pegawai(request, pemda, slug, tahun):
    """A unit's staff counts of a year by category and education (LKIP Tabel 1.1), one save."""
    from organisasi.models import Pegawai

    from .forms import PegawaiForm

    ins = _unit(pemda, slug)
    baris = list(Pegawai.objects.filter(instansi=ins, tahun=tahun).order_by("id"))
    form = PegawaiForm(request.POST or None, baris=baris)
    if request.method == "POST" and form.is_valid():
        try:
            services.simpan_pegawai(
                user=request.user, instansi=ins, tahun=tahun, ubah=form.ubah(), baru=form.baru()
            )
        except Ditolak as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Data pegawai %(tahun)s disimpan.") % {"tahun": tahun})
            return redirect("konsol:pegawai", ins.slug, tahun)
    return render(
        request,
        "konsol/pegawai.html",
        {"pemda": pemda, "instansi": ins, "tahun": tahun, "form": form, "kembali": "unit_ini"},
    )


# --- sub-units ---------------------------------------------------------------------------------


@izin.perlu_konsol
def subunit_baru(request, pemda, slug):
    ins = _unit(pemda, slug)
    form = SubUnitForm(request.POST or None, instansi=ins, initial={"jenis": SubUnit.Jenis.KELURAHAN})
    if request.method == "POST" and form.is_valid():
        try:
            obj = services.buat_subunit(user=request.user, instansi=ins, **form.cleaned_data)
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, _("Sub-unit %(nama)s dibuat.") % {"nama": obj.nama})
            return redirect("konsol:unit", ins.slug)
    return render(
        request,
        "konsol/formulir.html",
        {"pemda": pemda, "instansi": ins, "form": form, "judul": _("Sub-unit baru"), "kembali": "unit_ini"},
    )


@izin.perlu_konsol
def subunit(request, pemda, slug, pk):
    ins = _unit(pemda, slug)
    obj = get_object_or_404(SubUnit, instansi=ins, pk=pk)
    form = SubUnitForm(
        request.POST or None,
        instansi=ins,
        subunit=obj,
        initial={"nama": obj.nama, "jenis": obj.jenis, "induk": obj.induk_id},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.ubah_subunit(user=request.user, subunit=obj, **form.cleaned_data)
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, _("Sub-unit %(nama)s disimpan.") % {"nama": form.cleaned_data["nama"]})
            return redirect("konsol:unit", ins.slug)
    return render(
        request,
        "konsol/formulir.html",
        {
            "pemda": pemda,
            "instansi": ins,
            "form": form,
            "judul": _("Sub-unit %(kode)s") % {"kode": obj.kode},
            "kembali": "unit_ini",
            "status": {"aktif": obj.aktif, "url": "konsol:subunit_status", "args": (ins.slug, obj.pk)},
        },
    )


@izin.perlu_konsol
@require_POST
def subunit_status(request, pemda, slug, pk):
    ins = _unit(pemda, slug)
    obj = get_object_or_404(SubUnit, instansi=ins, pk=pk)
    obj = services.ubah_status_subunit(user=request.user, subunit=obj, aktif=_aktif(request))
    messages.success(
        request,
        (_("Sub-unit %(nama)s aktif kembali.") if obj.aktif else _("Sub-unit %(nama)s dinonaktifkan."))
        % {"nama": obj.nama},
    )
    return redirect("konsol:unit", ins.slug)


# --- officials ---------------------------------------------------------------------------------


def _pejabat_baru(request, pemda, ins):
    form = PejabatForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            obj = services.buat_pejabat(user=request.user, pemda=pemda, instansi=ins, **form.cleaned_data)
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, _("Pejabat %(nama)s disimpan.") % {"nama": obj.nama})
            return redirect("konsol:unit", ins.slug) if ins else redirect("konsol:pejabat_daftar")
    judul = _("Pejabat baru") + " — " + (ins.nama if ins else pemda.nama)
    return render(
        request,
        "konsol/formulir.html",
        {
            "pemda": pemda,
            "instansi": ins,
            "form": form,
            "judul": judul,
            "kembali": "unit_ini" if ins else "pejabat",
        },
    )


@izin.perlu_konsol
def unit_pejabat_baru(request, pemda, slug):
    """A signing official of a unit (the Camat, the Sekretaris Camat …)."""
    return _pejabat_baru(request, pemda, _unit(pemda, slug))


@izin.perlu_konsol
def pejabat_baru(request, pemda):
    """An official of the pemda itself (the Wali Kota, the Sekda): the PK's second party."""
    return _pejabat_baru(request, pemda, None)


@izin.perlu_konsol
def pejabat_daftar(request, pemda):
    return render(request, "konsol/pejabat_daftar.html", {"pemda": pemda, **selectors.pejabat_pemda(pemda)})


@izin.perlu_konsol
def pejabat(request, pemda, pk):
    obj = get_object_or_404(Pejabat.objects.select_related("instansi"), pemda=pemda, pk=pk)
    awal = {f: getattr(obj, f) for f in ("nama", "jabatan", "pangkat_golongan")} | {"nip": obj.nip_tampil}
    form = PejabatForm(request.POST or None, initial=awal, ubah=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.ubah_pejabat(user=request.user, pejabat=obj, **form.cleaned_data)
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, _("Pejabat %(nama)s disimpan.") % {"nama": form.cleaned_data["nama"]})
            return (
                redirect("konsol:unit", obj.instansi.slug)
                if obj.instansi
                else redirect("konsol:pejabat_daftar")
            )
    return render(
        request,
        "konsol/formulir.html",
        {
            "pemda": pemda,
            "instansi": obj.instansi,
            "form": form,
            "judul": _("Pejabat %(kode)s") % {"kode": obj.kode}
            + " — "
            + (obj.instansi.nama if obj.instansi else pemda.nama),
            "kembali": "unit_ini" if obj.instansi else "pejabat",
            "status": {"aktif": obj.aktif, "url": "konsol:pejabat_status", "args": (obj.pk,)},
        },
    )


@izin.perlu_konsol
@require_POST
def pejabat_status(request, pemda, pk):
    obj = get_object_or_404(Pejabat.objects.select_related("instansi"), pemda=pemda, pk=pk)
    obj = services.ubah_status_pejabat(user=request.user, pejabat=obj, aktif=_aktif(request))
    messages.success(
        request,
        (_("Pejabat %(nama)s aktif kembali.") if obj.aktif else _("Pejabat %(nama)s dinonaktifkan."))
        % {"nama": obj.nama},
    )
    return redirect("konsol:unit", obj.instansi.slug) if obj.instansi else redirect("konsol:pejabat_daftar")


# --- accounts and roles ------------------------------------------------------------------------


def _tautan(request, pemda, pengguna, baru: bool = False, kirim: bool = False):
    """Make the one-time link and show it (the response of the POST: the link is stored nowhere);
    ``kirim``: also e-mail it to the account."""
    try:
        jalur = services.tautan_sandi(
            user=request.user,
            pemda=pemda,
            pengguna=pengguna,
            kirim_ke_situs=request.build_absolute_uri("/") if kirim else None,
        )
    except Ditolak as exc:
        messages.error(request, str(exc))
        return redirect("konsol:pengguna", pengguna.pk)
    if kirim:
        messages.success(request, _("Tautan dikirim ke %(email)s.") % {"email": pengguna.email})
    return render(
        request,
        "konsol/tautan.html",
        {
            "pemda": pemda,
            "pengguna": pengguna,
            "tautan": request.build_absolute_uri(jalur),
            "jam": settings.PASSWORD_RESET_TIMEOUT // 3600,
            "menit": settings.PASSWORD_RESET_TIMEOUT // 60,
            "baru": baru,
        },
    )


@izin.perlu_konsol
def pengguna_daftar(request, pemda):
    return render(
        request,
        "konsol/pengguna_daftar.html",
        {"pemda": pemda, "daftar": selectors.daftar_pengguna(request.user, pemda)},
    )


@izin.perlu_konsol
def pengguna_baru(request, pemda):
    """A new account: on saving, its one-time link to set the password is shown."""
    form = PenggunaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        kirim = data.pop("kirim_email")
        try:
            obj = services.buat_pengguna(user=request.user, pemda=pemda, **data)
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            return _tautan(request, pemda, obj, baru=True, kirim=kirim)
    return render(
        request,
        "konsol/formulir.html",
        {"pemda": pemda, "form": form, "judul": _("Pengguna baru"), "kembali": "pengguna"},
    )


@izin.perlu_konsol
def pengguna(request, pemda, pk):
    obj = _pengguna(request, pemda, pk)
    awal = {f: getattr(obj, f) for f in ("first_name", "last_name", "email")}
    form = PenggunaForm(request.POST or None, initial=awal, ubah=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.ubah_pengguna(user=request.user, pemda=pemda, pengguna=obj, **form.cleaned_data)
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(request, _("Pengguna %(nama)s disimpan.") % {"nama": obj.username})
            return redirect("konsol:pengguna", obj.pk)
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return render(
        request,
        "konsol/pengguna.html",
        {
            "pemda": pemda,
            "pengguna": obj,
            "form": form,
            "peran": selectors.peran_pengguna(obj),
            "ada_otp": TOTPDevice.objects.filter(user=obj).exists(),
            "diri_sendiri": obj.pk == request.user.pk,
        },
    )


@izin.perlu_konsol
@require_POST
def pengguna_status(request, pemda, pk):
    obj = _pengguna(request, pemda, pk)
    try:
        obj = services.ubah_status_pengguna(
            user=request.user, pemda=pemda, pengguna=obj, aktif=_aktif(request)
        )
    except Ditolak as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            (_("Akun %(nama)s aktif kembali.") if obj.is_active else _("Akun %(nama)s dinonaktifkan."))
            % {"nama": obj.username},
        )
    return redirect("konsol:pengguna", obj.pk)


@izin.perlu_konsol
@require_POST
def pengguna_tautan(request, pemda, pk):
    return _tautan(request, pemda, _pengguna(request, pemda, pk), kirim=request.POST.get("kirim") == "1")


@izin.perlu_konsol
@require_POST
def pengguna_otp(request, pemda, pk):
    obj = _pengguna(request, pemda, pk)
    n = services.hapus_otp(user=request.user, pemda=pemda, pengguna=obj)
    if n:
        messages.success(
            request,
            _("Aplikasi autentikator %(nama)s dihapus; ia mendaftarkan yang baru saat masuk berikutnya.")
            % {"nama": obj.username},
        )
    return redirect("konsol:pengguna", obj.pk)


@izin.perlu_konsol
def pengguna_peran(request, pemda, pk):
    """An account's roles: the list (each can be taken away) and one form to give a new one."""
    obj = _pengguna(request, pemda, pk)
    form = PeranForm(request.POST or None, pemda=pemda)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            p = services.beri_peran(
                user=request.user, pemda=pemda, pengguna=obj, jenis=d["jenis"], instansi=d["instansi"]
            )
        except Ditolak as exc:
            tampilkan_galat(form, exc)
        else:
            messages.success(
                request,
                _("Peran %(peran)s di %(lingkup)s diberikan kepada %(nama)s.")
                % {"peran": p.get_jenis_display(), "lingkup": p.instansi or p.pemda, "nama": obj.username},
            )
            return redirect("konsol:pengguna_peran", obj.pk)
    return render(
        request,
        "konsol/peran.html",
        {"pemda": pemda, "pengguna": obj, "form": form, "peran": selectors.peran_pengguna(obj)},
    )


@izin.perlu_konsol
@require_POST
def peran_hapus(request, pemda, pk):
    p = get_object_or_404(Peran.objects.select_related("user", "instansi"), pk=pk)
    if (
        izin.pemda_baris(p) != pemda.id
        or not izin.pengguna_kelolaan(request.user, pemda).filter(pk=p.user_id).exists()
    ):
        raise Http404
    try:
        services.cabut_peran(user=request.user, pemda=pemda, peran=p)
    except Ditolak as exc:
        messages.error(request, str(exc))
    except PermissionDenied:
        raise Http404 from None
    else:
        messages.success(request, _("Peran %(peran)s dicabut.") % {"peran": p.get_jenis_display()})
    return redirect("konsol:pengguna_peran", p.user_id)
