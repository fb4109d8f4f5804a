"""The user's own API tokens (linked from the account menu): list them, create one (the token is
shown once, on the page that answers the creation), revoke one after a confirmation page. Every
write goes through ``api.services``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from dasar.galat import Ditolak

from . import services
from .forms import TokenBaruForm
from .models import TokenAPI


@login_required
@require_http_methods(["GET", "POST"])
def daftar(request):
    """The user's tokens and the form to create one; a successful POST shows the new token once."""
    form = TokenBaruForm(request.POST if request.method == "POST" else None)
    baru, status = None, 200
    if request.method == "POST":
        if form.is_valid():
            try:
                baru = services.buat_token(
                    user=request.user, nama=form.cleaned_data["nama"], hari=form.cleaned_data["masa_berlaku"]
                )
            except Ditolak as exc:
                form.add_error(None, str(exc))
                status = 400
            else:
                form = TokenBaruForm()
        else:
            status = 400
    token = TokenAPI.objects.filter(user=request.user).order_by("dicabut", "-dibuat", "-id")
    return render(
        request,
        "api/token.html",
        {
            "judul": _("Token API"),
            "form": form,
            "daftar": token,
            "baru": baru[0] if baru else None,
            "teks_baru": baru[1] if baru else "",
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def cabut(request, pk: int):
    """Revoke one of the user's tokens: GET shows what will stop working, POST revokes."""
    token = get_object_or_404(TokenAPI, pk=pk, user=request.user)
    if request.method == "POST":
        try:
            services.cabut_token(user=request.user, token=token)
        except PermissionDenied:
            raise
        except Ditolak as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request, _("Token %(nama)s dicabut dan tidak dapat dipakai lagi.") % {"nama": token.nama}
            )
        return redirect("token_api:daftar")
    return render(request, "api/token_cabut.html", {"judul": _("Cabut token API"), "token": token})
