from django import forms
from django.utils.translation import gettext_lazy as _

from dasar import formulir

from .models import Indikator, Sasaran, Tujuan


class TujuanForm(formulir.ModelForm):
    class Meta:
        model = Tujuan
        fields = ["kode", "uraian"]


class SasaranForm(formulir.ModelForm):
    class Meta:
        model = Sasaran
        fields = ["tujuan", "kode", "uraian"]

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tujuan"].queryset = Tujuan.objects.filter(instansi=instansi)


class IndikatorForm(formulir.ModelForm):
    class Meta:
        model = Indikator
        fields = [
            "kode",
            "nama",
            "level",
            "tujuan",
            "sasaran",
            "satuan",
            "formulasi",
            "alasan",
            "sumber_data",
            "polaritas",
            "agregasi",
            "iku",
            "sumber_realisasi",
        ]

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi = instansi
        self.fields["tujuan"].queryset = Tujuan.objects.filter(instansi=instansi)
        self.fields["sasaran"].queryset = Sasaran.objects.filter(instansi=instansi)
        self.fields["level"].choices = [("tujuan", "Tujuan"), ("sasaran", "Sasaran")]

    def clean(self):
        data = super().clean()
        level = data.get("level")
        if level and not data.get(level):
            self.add_error(level, f"Indikator tingkat {level} harus memilih {level}-nya.")
        if (
            data.get("kode")
            and Indikator.objects.filter(instansi=self.instansi, kode=data["kode"])
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error("kode", "Kode indikator sudah dipakai di unit ini.")
        return data


class RenstraForm(formulir.Form):
    """A new Renstra period: the years are checked here for their form, the period against the
    unit's other Renstra by ``services.buat_renstra``."""

    tahun_awal = forms.IntegerField(
        label=_("Tahun awal"),
        min_value=2000,
        max_value=2100,
        help_text=_("Tahun pertama periode Renstra, contoh: 2025."),
    )
    tahun_akhir = forms.IntegerField(
        label=_("Tahun akhir"),
        min_value=2000,
        max_value=2100,
        help_text=_("Tahun terakhir periode, paling lama 5 tahun dari tahun awal, contoh: 2029."),
    )
    nama = forms.CharField(
        label=_("Nama Renstra"),
        max_length=300,
        help_text=_(
            "Nama dokumen seperti tertulis di sampulnya, contoh: Renstra Kecamatan Bantargebang 2025–2029."
        ),
    )
    rpjmd = forms.CharField(
        label=_("RPJMD/RPD yang diacu"),
        max_length=300,
        help_text=_(
            "Dokumen perencanaan daerah yang menjadi acuan Renstra ini, contoh: RPJMD Kota Bekasi 2025–2029."
        ),
    )

    def clean(self):
        data = super().clean()
        awal, akhir = data.get("tahun_awal"), data.get("tahun_akhir")
        if awal is not None and akhir is not None and akhir < awal:
            self.add_error("tahun_akhir", _("Tahun akhir tidak boleh sebelum tahun awal."))
        return data
