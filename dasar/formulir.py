"""Base forms of the project: every submitted value is cleaned by ``dasar.teks`` (control
characters other than tab and line break removed, line breaks as ``\\n``) before any field sees
it, so no form stores a character a document or PostgreSQL cannot hold."""

from __future__ import annotations

from django import forms

from dasar.teks import bersih_data


class BersihMixin:
    def __init__(self, data=None, *args, **kwargs):
        super().__init__(bersih_data(data) if data is not None else None, *args, **kwargs)


class Form(BersihMixin, forms.Form):
    pass


class ModelForm(BersihMixin, forms.ModelForm):
    pass
