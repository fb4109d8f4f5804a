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
