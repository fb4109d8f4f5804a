from django import forms
from django.utils.translation import gettext_lazy as _

from dasar.formulir import Form

from .services import MASA_BAWAAN, MASA_BERLAKU


class TokenBaruForm(Form):
    nama = forms.CharField(
        label=_("Nama token"),
        max_length=100,
        help_text=_(
            "Untuk apa token ini dipakai, misalnya \u201cSIPD Bappeda\u201d. Token bertindak sebagai Anda: "
            "dapat membaca dan mengisi apa yang boleh Anda baca dan isi."
        ),
    )
    masa_berlaku = forms.TypedChoiceField(
        label=_("Masa berlaku"),
        choices=[(hari, _("%(hari)s hari") % {"hari": hari}) for hari in MASA_BERLAKU],
        coerce=int,
        initial=MASA_BAWAAN,
        required=False,
        empty_value=MASA_BAWAAN,
        help_text=_(
            "Setelah masa ini token tidak dapat dipakai lagi; buat token baru bila integrasi masih diperlukan. "
            "Pilih masa sesingkat yang dibutuhkan."
        ),
    )
