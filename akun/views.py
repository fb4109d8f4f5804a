"""Login (throttled, recorded), own password change, password reset by e-mail, the second
factor (TOTP) and the login history. Who may see what is decided in ``akun.izin``."""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from dasar import formulir
from dasar.tahun import dari_teks as tahun_dari_teks

from . import izin, services, sesi, throttle
from .models import RiwayatMasuk


class Masuk(auth_views.LoginView):
    """Login with lockout after repeated failures; every attempt is in the login history."""

    template_name = "akun/masuk.html"

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        if throttle.terkunci(request, username):
            services.catat_riwayat_masuk(request=request, username=username, berhasil=False)
            menit = int(throttle.JENDELA.total_seconds() // 60)
            messages.error(
                request,
                _("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam %(menit)s menit.")
                % {"menit": menit},
            )
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        username = self.request.POST.get("username", "")
        throttle.catat_gagal(self.request, username)
        services.catat_riwayat_masuk(request=self.request, username=username, berhasil=False)
        return super().form_invalid(form)

    def form_valid(self, form):
        user = form.get_user()
        throttle.bersihkan(user.get_username())
        response = super().form_valid(form)
        services.catat_riwayat_masuk(
            request=self.request, username=user.get_username(), berhasil=True, user=user
        )
        return response


class Keluar(auth_views.LogoutView):
    pass


class GantiSandi(auth_views.PasswordChangeView):
    """Every user changes their own password (also the forced change at first login)."""

    template_name = "akun/ganti_sandi.html"
    success_url = reverse_lazy("dasbor:beranda")

    def form_valid(self, form):
        response = super().form_valid(form)
        sesi.sandi_diganti(self.request, form.user)
        messages.success(self.request, _("Kata sandi Anda sudah diganti."))
        return response


def _batas_menit() -> int:
    return settings.PASSWORD_RESET_TIMEOUT // 60


class LupaSandi(auth_views.PasswordResetView):
    """Reset by e-mail (Django's tokens: valid once, for PASSWORD_RESET_TIMEOUT seconds)."""

    template_name = "akun/lupa_sandi.html"
    email_template_name = "akun/email_lupa_sandi.txt"
    subject_template_name = "akun/email_lupa_sandi_subjek.txt"
    success_url = reverse_lazy("akun:lupa_sandi_terkirim")

    @property
    def extra_email_context(self):
        return {"batas_menit": _batas_menit()}


class LupaSandiTerkirim(auth_views.PasswordResetDoneView):
    template_name = "akun/lupa_sandi_terkirim.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "batas_menit": _batas_menit()}


class SandiBaru(auth_views.PasswordResetConfirmView):
    template_name = "akun/sandi_baru.html"
    success_url = reverse_lazy("akun:sandi_baru_selesai")

    def form_valid(self, form):
        response = super().form_valid(form)
        sesi.sandi_diganti(self.request, form.user)
        return response


class SandiBaruSelesai(auth_views.PasswordResetCompleteView):
    template_name = "akun/sandi_baru_selesai.html"


@login_required
def riwayat(request):
    """The user's own login history."""
    halaman = Paginator(RiwayatMasuk.objects.filter(user=request.user), 50).get_page(request.GET.get("hal"))
    return render(
        request,
        "akun/riwayat.html",
        {
            "halaman": halaman,
            "judul": gettext_lazy("Riwayat masuk Anda"),
            "boleh_pemda": izin.pengguna_riwayat(request.user) is not None,
        },
    )


@login_required
def riwayat_pemda(request):
    """The login history of the users an admin_pemda manages."""
    pengguna = izin.pengguna_riwayat(request.user)
    if pengguna is None:
        raise Http404
    qs = RiwayatMasuk.objects.filter(user__in=pengguna).select_related("user")
    q = throttle.tanpa_kendali(request.GET.get("q", "")).strip()
    if q:
        qs = qs.filter(username__icontains=q)
    halaman = Paginator(qs, 50).get_page(request.GET.get("hal"))
    return render(
        request,
        "akun/riwayat.html",
        {"halaman": halaman, "q": q, "pemda": True, "judul": gettext_lazy("Riwayat masuk pengguna pemda")},
    )


# --- second factor (TOTP, django-otp) ----------------------------------------------------------


def _lanjut(request):
    """Where to go after the second factor: ``next`` when it is a URL of this site."""
    tujuan = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(tujuan, {request.get_host()}, request.is_secure()):
        return tujuan
    return settings.LOGIN_REDIRECT_URL


def _kode(request) -> str:
    """The code typed: digits only (blanks removed; anything else makes it wrong)."""
    teks = "".join(request.POST.get("kode", "").split())
    return teks if teks.isdigit() and len(teks) <= 8 else ""


def _svg_qr(data: str) -> str:
    import qrcode
    import qrcode.image.svg

    return qrcode.make(data, image_factory=qrcode.image.svg.SvgPathImage, box_size=8).to_string(
        encoding="unicode"
    )


@login_required
def otp(request):
    """Second step of the login: the 6-digit code of the user's authenticator app."""
    from django_otp import login as otp_login
    from django_otp.plugins.otp_totp.models import TOTPDevice

    perangkat = list(TOTPDevice.objects.filter(user=request.user, confirmed=True))
    galat = None
    if request.method == "POST" and perangkat:
        kode = _kode(request)
        for p in perangkat:
            if kode and p.verify_token(kode):
                otp_login(request, p)
                return redirect(_lanjut(request))
        galat = _("Kode salah atau sudah kedaluwarsa. Masukkan kode yang sedang tampil di aplikasi.")
    return render(
        request, "akun/otp.html", {"ada_perangkat": bool(perangkat), "galat": galat, "next": _lanjut(request)}
    )


@login_required
def otp_daftar(request):
    """Enrol an authenticator app: scan the QR code (or type the key), confirm with one code.
    A user who already has a confirmed app verifies with it instead (a lost phone's entry is
    removed in the admin by the pemda's admin_pemda or a superuser)."""
    from base64 import b32encode

    from django_otp import login as otp_login
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
        return redirect("akun:otp")
    perangkat = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if perangkat is None:
        perangkat = TOTPDevice.objects.create(user=request.user, name="SAKIP", confirmed=False)
    galat = None
    if request.method == "POST":
        kode = _kode(request)
        if kode and perangkat.verify_token(kode):
            services.konfirmasi_otp(user=request.user, perangkat=perangkat)
            otp_login(request, perangkat)
            messages.success(request, _("Aplikasi autentikator sudah terdaftar."))
            return redirect(_lanjut(request))
        galat = _("Kode salah. Pindai kode QR lagi dan masukkan kode yang sedang tampil di aplikasi.")
    kunci = b32encode(perangkat.bin_key).decode()
    return render(
        request,
        "akun/otp_daftar.html",
        {
            "qr": _svg_qr(perangkat.config_url),
            "kunci": " ".join(kunci[i : i + 4] for i in range(0, len(kunci), 4)),
            "galat": galat,
            "next": _lanjut(request),
        },
    )


# --- the app shell's year selector and unit switcher -------------------------------------------
# Pages whose year is a query parameter (?tahun=) rather than part of the path.
HALAMAN_TAHUN_KUERI = {"dasbor:unit", "dasbor:pemda", "evaluasi:daftar", "zona:zona"}


def _tujuan(request, ganti: dict) -> str:
    """The page to go back to (``next``, this site only) with its year and/or unit replaced.

    A page whose path has ``<tahun>`` or ``<slug>`` gets the new value in the path; a page whose
    year is ``?tahun=`` gets it there. A page of one unit's object (an evaluation, a zone photo)
    has kwargs besides these: switching the unit leads to the new unit's dashboard instead."""
    from django.http import QueryDict
    from django.urls import NoReverseMatch, Resolver404, resolve
    from django.urls import reverse as balik

    tujuan = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        tujuan, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        tujuan = "/"
    bagian = urlsplit(tujuan)
    try:
        cocok = resolve(bagian.path)
    except Resolver404:
        return "/"
    kwargs = dict(cocok.kwargs)
    kueri = QueryDict(bagian.query, mutable=True)
    if "slug" in ganti:
        if (
            "slug" not in kwargs
            or set(kwargs) - {"slug", "tahun", "periode"}
            or cocok.namespace == "skm"
            and cocok.url_name in ("kuesioner", "kuesioner_layanan", "terima_kasih", "poster", "hasil_publik")
        ):
            kwargs = {"slug": ganti["slug"]}
            cocok_nama = "dasbor:unit"
        else:
            kwargs["slug"] = ganti["slug"]
            cocok_nama = cocok.view_name
    else:
        cocok_nama = cocok.view_name
    if "tahun" in ganti:
        if "tahun" in kwargs:
            kwargs["tahun"] = ganti["tahun"]
        elif "tahun" in kueri or cocok_nama in HALAMAN_TAHUN_KUERI:
            kueri["tahun"] = str(ganti["tahun"])
    try:
        jalur = balik(cocok_nama, kwargs=kwargs)
    except NoReverseMatch:
        return "/"
    return jalur + (f"?{kueri.urlencode()}" if kueri else "")


@login_required
@require_POST
def pilih_tahun(request):
    """The year selector of the top bar: remember the year, go back to the page in that year."""
    tahun = tahun_dari_teks(request.POST.get("tahun"), None)  # not a year 2000–2100: 404
    if tahun is None:
        return redirect(_tujuan(request, {}))
    services.simpan_tahun(user=request.user, tahun=tahun)
    request.session[services.SESI_TAHUN] = tahun
    return redirect(_tujuan(request, {"tahun": tahun}))


@login_required
@require_GET
def pilih_unit(request):
    """The unit switcher of the top bar: the same page for another unit the user may see."""
    slug = request.GET.get("unit", "")
    if not izin.instansi_terlihat(request.user).filter(slug=slug).exists():
        raise Http404
    return redirect(_tujuan(request, {"slug": slug}))


class PengingatForm(formulir.Form):
    email_pengingat = forms.BooleanField(
        label=gettext_lazy("Kirim pengingat ke e-mail saya"),
        required=False,
        help_text=gettext_lazy(
            "Contoh: jendela entri TW2 ditutup besok, realisasi menunggu verifikasi. Bila tidak dicentang, "
            "pengingat hanya tampil di halaman Pengingat aplikasi."
        ),
    )


@login_required
def pengingat(request):
    """The user's own reminder setting: e-mail on or off (one checkbox, one save)."""
    from .models import Profil

    aktif = (
        Profil.objects.filter(user=request.user).values_list("email_pengingat", flat=True).first()
        is not False
    )
    # an unticked box posts nothing: an empty POST is still a submission
    form = PengingatForm(
        request.POST if request.method == "POST" else None, initial={"email_pengingat": aktif}
    )
    if request.method == "POST" and form.is_valid():
        services.simpan_email_pengingat(user=request.user, aktif=form.cleaned_data["email_pengingat"])
        if form.cleaned_data["email_pengingat"]:
            messages.success(request, _("Pengingat akan dikirim juga ke e-mail Anda."))
        else:
            messages.success(
                request, _("Pengingat tidak dikirim lagi ke e-mail Anda; tetap tampil di aplikasi.")
            )
        return redirect("akun:pengingat")
    return render(request, "akun/pengingat.html", {"form": form, "email": request.user.email})
