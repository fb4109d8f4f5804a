"""The user's reminders ("Pengingat"): what the daily job gave this user, newest first."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from akun.models import Profil

from . import selectors


@login_required
@require_GET
def daftar(request):
    email_aktif = (
        Profil.objects.filter(user=request.user).values_list("email_pengingat", flat=True).first()
        is not False
    )
    return render(
        request,
        "pengingat/daftar.html",
        {"daftar": selectors.pengingat_pengguna(request.user), "email_aktif": email_aktif},
    )
