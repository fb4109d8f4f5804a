from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.utils.translation import gettext as _

from . import throttle


class Masuk(auth_views.LoginView):
    """Login with lockout after repeated failures."""

    template_name = "akun/masuk.html"

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")
        if throttle.terkunci(request, username):
            messages.error(request, _("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit."))
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        throttle.catat_gagal(self.request, self.request.POST.get("username", ""))
        return super().form_invalid(form)

    def form_valid(self, form):
        throttle.bersihkan(form.get_user().username)
        return super().form_valid(form)


class Keluar(auth_views.LogoutView):
    pass
