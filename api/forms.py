from django import forms
from django.utils.translation import gettext_lazy as _

from dasar.formulir import Form


class TokenBaruForm(Form):
    nama = forms.CharField(
        label=_("Nama token"),
        max_length=100,
        help_text=_(
            "Untuk apa token ini dipakai, misalnya \u201cSIPD Bappeda\u201d. Token bertindak sebagai Anda: "
            "dapat membaca dan mengisi apa yang boleh Anda baca dan isi."
        ),
    )
