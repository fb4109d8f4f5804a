"""Base forms of the project: every submitted value is cleaned by ``dasar.teks`` (control
characters other than tab and line break removed, line breaks as ``\\n``) before any field sees
it, so no form stores a character a document or PostgreSQL cannot hold."""

from __future__ import annotations

from django import forms

from dasar.teks import bersih_data


class BersihMixin:
    TETAP = ("password",)  # a password is compared as typed: never changed

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(bersih_data(data, self.TETAP) if data is not None else None, *args, **kwargs)


def bersihkan_form(form_class):
    """``form_class`` (e.g. what ``ModelAdmin.get_form`` built) with its submitted values cleaned
    the same way: used by every admin page (``audit.admin.Diaudit``)."""
    if issubclass(form_class, BersihMixin):
        return form_class
    return type(form_class.__name__, (BersihMixin, form_class), {"__module__": form_class.__module__})


class Form(BersihMixin, forms.Form):
    pass


class ModelForm(BersihMixin, forms.ModelForm):
    pass
