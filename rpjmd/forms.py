"""Forms of the pemda level: the plan's header, one table per level of its tree (every row of
the level on one page, a few empty rows for new ones, one save), and a unit's links to the pemda
sasaran. Numbers are read the Indonesian way (``dasar.formulir.AngkaField``, desimal)."""

from __future__ import annotations

from django import forms
from django.forms import formset_factory
from django.utils.translation import gettext_lazy as _

from dasar import formulir

from .models import IndikatorPemda, Kontribusi, Misi, Rpjmd, SasaranPemda, TujuanPemda

BARIS_BARU = 3  # empty rows under each level's table


def tampil(nilai) -> str:
    """A stored Decimal as the form shows it, reading back as the same number ("80", "97,8")."""
    if nilai is None:
        return ""
    return f"{nilai.normalize():f}".replace(".", ",")


class BantuanMixin:
    def bantuan(self) -> list[tuple[str, str]]:
        """(label, help text) of each column, once (the yearly target columns share one)."""
        hasil = []
        for nama, f in self.fields.items():
            if not f.help_text or isinstance(f.widget, forms.HiddenInput):
                continue
            if nama.startswith(("target_", "atas_")):
                if nama.endswith(str(getattr(self, "tahun", [0])[0])):
                    label = _("Target per tahun") if nama.startswith("target_") else _("Batas atas per tahun")
                    hasil.append((label, f.help_text))
                continue
            hasil.append((f.label, f.help_text))
        return hasil


class RpjmdForm(formulir.ModelForm):
    class Meta:
        model = Rpjmd
        fields = ["jenis", "kode", "nama", "tahun_awal", "tahun_akhir", "visi"]
        widgets = {"visi": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for f in ("tahun_awal", "tahun_akhir"):
            self.fields[f].min_value = 2000
            self.fields[f].max_value = 2100
            self.fields[f].widget.attrs.update({"min": 2000, "max": 2100})

    def _post_clean(self):  # the service checks the model (and the period against other plans)
        pass


class _Pilihan(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        teks = obj.uraian if len(obj.uraian) <= 80 else obj.uraian[:79] + "…"
        return f"{obj.kode} — {teks}"


class BarisForm(BantuanMixin, formulir.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kode = forms.CharField(
        label=_("Kode"),
        max_length=30,
        help_text=_("Kode singkat, unik dalam dokumen ini, contoh: T1 atau S1.1."),
    )
    urutan = forms.IntegerField(
        label=_("Urutan"),
        min_value=0,
        required=False,
        help_text=_("Posisi di antara yang setingkat (angka kecil lebih dulu), contoh: 1."),
        widget=forms.NumberInput(attrs={"class": "sempit"}),
    )

    def clean_urutan(self):
        return self.cleaned_data.get("urutan") or 0


class MisiBaris(BarisForm):
    uraian = forms.CharField(
        label=_("Uraian misi"),
        max_length=1000,
        help_text=Misi._meta.get_field("uraian").help_text,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    field_order = ["id", "kode", "uraian", "urutan"]


class TujuanBaris(BarisForm):
    uraian = forms.CharField(
        label=_("Uraian tujuan"),
        max_length=1000,
        help_text=TujuanPemda._meta.get_field("uraian").help_text,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    misi = _Pilihan(
        label=_("Misi"),
        queryset=Misi.objects.none(),
        required=False,
        help_text=TujuanPemda._meta.get_field("misi").help_text,
    )
    field_order = ["id", "kode", "uraian", "misi", "urutan"]

    def __init__(self, *args, rpjmd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["misi"].queryset = Misi.objects.filter(rpjmd=rpjmd)


class SasaranBaris(BarisForm):
    uraian = forms.CharField(
        label=_("Uraian sasaran"),
        max_length=1000,
        help_text=SasaranPemda._meta.get_field("uraian").help_text,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    tujuan = _Pilihan(
        label=_("Tujuan pemda"),
        queryset=TujuanPemda.objects.none(),
        help_text=SasaranPemda._meta.get_field("tujuan").help_text,
    )
    field_order = ["id", "kode", "uraian", "tujuan", "urutan"]

    def __init__(self, *args, rpjmd, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tujuan"].queryset = TujuanPemda.objects.filter(rpjmd=rpjmd)


def _induk_pilihan(rpjmd) -> list[tuple[str, str]]:
    pilihan = [("", "---------")]
    for t in TujuanPemda.objects.filter(rpjmd=rpjmd).order_by("urutan", "kode"):
        pilihan.append((f"t:{t.pk}", _("Tujuan %(kode)s") % {"kode": t.kode}))
    for s in SasaranPemda.objects.filter(rpjmd=rpjmd).order_by("urutan", "kode"):
        pilihan.append((f"s:{s.pk}", _("Sasaran %(kode)s") % {"kode": s.kode}))
    return pilihan


class IndikatorBaris(BarisForm):
    nama = forms.CharField(
        label=_("Nama indikator"), max_length=400, help_text=IndikatorPemda._meta.get_field("nama").help_text
    )
    induk = forms.ChoiceField(
        label=_("Mengukur"),
        help_text=_("Tujuan atau sasaran pemda yang diukur indikator ini, contoh: Sasaran S1.1."),
    )
    satuan = forms.CharField(
        label=_("Satuan"), max_length=50, help_text=IndikatorPemda._meta.get_field("satuan").help_text
    )
    polaritas = forms.ChoiceField(
        label=_("Polaritas"),
        choices=IndikatorPemda.POLARITAS,
        initial="positif",
        help_text=IndikatorPemda._meta.get_field("polaritas").help_text,
    )
    formulasi = forms.CharField(
        label=_("Formulasi"),
        max_length=2000,
        required=False,
        help_text=IndikatorPemda._meta.get_field("formulasi").help_text,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    field_order = ["id", "kode", "nama", "induk", "satuan", "polaritas", "formulasi", "urutan"]

    def __init__(self, *args, rpjmd, pilihan_induk, **kwargs):
        super().__init__(*args, **kwargs)
        self.rpjmd = rpjmd
        self.fields["induk"].choices = pilihan_induk
        self.tahun = list(rpjmd.tahun())
        for t in self.tahun:
            self.fields[f"target_{t}"] = formulir.AngkaField(
                jenis="desimal",
                label=_("Target %(t)d") % {"t": t},
                required=False,
                contoh="97,8",
                help_text=_("Target tahun %(t)d, contoh: 80 atau 97,8.") % {"t": t},
            )
            self.fields[f"atas_{t}"] = formulir.AngkaField(
                jenis="desimal",
                label=_("Batas atas %(t)d") % {"t": t},
                required=False,
                contoh="97,8",
                help_text=_("Hanya untuk polaritas rentang: batas atas tahun %(t)d, contoh: 90.") % {"t": t},
            )

    def sel_target(self):
        return [(t, self[f"target_{t}"], self[f"atas_{t}"]) for t in self.tahun]

    def clean_induk(self):
        v = self.cleaned_data.get("induk") or ""
        jenis, _s, pk = v.partition(":")
        model = {"t": TujuanPemda, "s": SasaranPemda}.get(jenis)
        obj = model.objects.filter(rpjmd=self.rpjmd, pk=pk).first() if model and pk.isdigit() else None
        if obj is None:
            raise forms.ValidationError(_("Pilih tujuan atau sasaran dokumen ini."))
        return obj


TINGKAT_FORM = {
    "misi": MisiBaris,
    "tujuan": TujuanBaris,
    "sasaran": SasaranBaris,
    "indikator": IndikatorBaris,
}


def awal_tingkat(tingkat: str, objek: list) -> list[dict]:
    """The initial values of a level's rows from its objects (in ``selectors.pohon_rpjmd`` order)."""
    hasil = []
    for o in objek:
        d = {"id": o.pk, "kode": o.kode, "urutan": o.urutan}
        if tingkat == "indikator":
            d.update(
                nama=o.nama,
                satuan=o.satuan,
                polaritas=o.polaritas,
                formulasi=o.formulasi,
                induk=f"t:{o.tujuan_id}" if o.tujuan_id else f"s:{o.sasaran_id}",
            )
            for t in o.target.all():
                d[f"target_{t.tahun}"] = tampil(t.nilai)
                d[f"atas_{t.tahun}"] = tampil(t.nilai_atas)
        else:
            d["uraian"] = o.uraian
            if tingkat == "tujuan":
                d["misi"] = o.misi_id
            if tingkat == "sasaran":
                d["tujuan"] = o.tujuan_id
        hasil.append(d)
    return hasil


def formset_tingkat(tingkat: str, rpjmd, data=None, initial=None):
    cls = TINGKAT_FORM[tingkat]
    FS = formset_factory(cls, extra=BARIS_BARU)
    kwargs = {"rpjmd": rpjmd} if tingkat != "misi" else {}
    if tingkat == "indikator":
        kwargs["pilihan_induk"] = _induk_pilihan(rpjmd)
    return FS(data, initial=initial, prefix="b", form_kwargs=kwargs)


def baris_dari(formset, tingkat: str) -> tuple[list[dict], list[int]]:
    """The rows to save (filled rows only) and, for each, the index of its form."""
    baris, indeks = [], []
    for i, f in enumerate(formset.forms):
        if not f.has_changed() and not f.cleaned_data.get("id"):
            continue
        d = dict(f.cleaned_data)
        if not d:
            continue
        if tingkat == "indikator":
            d["target"] = {t: (d.pop(f"target_{t}", None), d.pop(f"atas_{t}", None)) for t in f.tahun}
        baris.append(d)
        indeks.append(i)
    return baris, indeks


def tampilkan_galat_baris(formset, indeks: list[int], exc) -> None:
    """A service's refusal shown next to the cells it names (``"<row>:<field>"``), else above."""
    if not exc.bidang:
        formset._non_form_errors = formset.error_class([str(exc)])
        return
    lain = []
    for kunci, pesan in exc.bidang.items():
        n, _s, bidang = kunci.partition(":")
        form = formset.forms[indeks[int(n)]] if n.isdigit() and int(n) < len(indeks) else None
        for p in pesan:
            if form is not None and bidang in form.fields:
                form.add_error(bidang, p)
            else:
                lain.append(p if form is None else f"{_('Baris')} {indeks[int(n)] + 1}: {p}")
    if lain:
        formset._non_form_errors = formset.error_class(lain)


class KontribusiBaris(BantuanMixin, formulir.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    unsur = forms.ChoiceField(
        label=_("Tujuan/sasaran unit"),
        help_text=_("Tujuan atau sasaran Renstra unit ini yang mendukung, contoh: T1."),
    )
    sasaran_pemda = forms.ChoiceField(
        label=_("Sasaran pemda yang didukung"),
        help_text=Kontribusi._meta.get_field("sasaran_pemda").help_text,
    )
    uraian = forms.CharField(
        label=_("Kontribusi"),
        max_length=1000,
        help_text=Kontribusi._meta.get_field("uraian").help_text,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, unsur, sasaran_pemda, **kwargs):
        super().__init__(*args, **kwargs)
        self._unsur = {f"{type(o)._meta.model_name[0]}:{o.pk}": o for o in unsur}
        self._sp = {str(s.pk): s for s in sasaran_pemda}
        self.fields["unsur"].choices = [("", "---------")] + [
            (k, f"{_('Tujuan') if k[0] == 't' else _('Sasaran')} {o.kode} — {o.uraian[:70]}")
            for k, o in self._unsur.items()
        ]
        self.fields["sasaran_pemda"].choices = [("", "---------")] + [
            (k, f"{s.rpjmd.nama} · {s.kode} — {s.uraian[:70]}") for k, s in self._sp.items()
        ]

    def clean_unsur(self):
        return self._unsur[self.cleaned_data["unsur"]]

    def clean_sasaran_pemda(self):
        return self._sp[self.cleaned_data["sasaran_pemda"]]


def formset_kontribusi(unsur, sasaran_pemda, data=None, initial=None):
    FS = formset_factory(KontribusiBaris, extra=BARIS_BARU)
    return FS(data, initial=initial, prefix="k", form_kwargs={"unsur": unsur, "sasaran_pemda": sasaran_pemda})


def awal_kontribusi(kontribusi) -> list[dict]:
    return [
        {
            "id": k.pk,
            "unsur": f"t:{k.tujuan_id}" if k.tujuan_id else f"s:{k.sasaran_id}",
            "sasaran_pemda": str(k.sasaran_pemda_id),
            "uraian": k.uraian,
        }
        for k in kontribusi
    ]
