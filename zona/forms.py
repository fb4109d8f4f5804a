"""The form of the unit's zone list: every zone's name, order, retirement year and deletion,
and a few rows for new zones, saved at once by ``services.atur_zona``."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dasar import formulir

BARIS_BARU = 3  # empty rows for new zones under the list


class ZonaAturForm(formulir.Form):
    def __init__(self, *args, zona_list, dinilai: set[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.zona_list = list(zona_list)
        self.baris = []  # (zona, nama, urutan, tahun_nonaktif, hapus or None) bound fields
        for z in self.zona_list:
            self.fields[f"nama_{z.id}"] = forms.CharField(label=_("Nama"), max_length=300, initial=z.nama)
            self.fields[f"urutan_{z.id}"] = forms.IntegerField(
                label=_("Urutan"), min_value=0, max_value=32767, initial=z.urutan
            )
            self.fields[f"tahun_nonaktif_{z.id}"] = forms.IntegerField(
                label=_("Nonaktif mulai tahun"),
                required=False,
                min_value=2000,
                max_value=2100,
                initial=z.tahun_nonaktif,
            )
            if z.id not in dinilai:
                self.fields[f"hapus_{z.id}"] = forms.BooleanField(label=_("Hapus"), required=False)
            self.baris.append(
                (
                    z,
                    self[f"nama_{z.id}"],
                    self[f"urutan_{z.id}"],
                    self[f"tahun_nonaktif_{z.id}"],
                    self[f"hapus_{z.id}"] if z.id not in dinilai else None,
                )
            )
        self.baris_baru = []
        for n in range(BARIS_BARU):
            self.fields[f"kode_baru_{n}"] = forms.SlugField(label=_("Kode"), max_length=50, required=False)
            self.fields[f"nama_baru_{n}"] = forms.CharField(label=_("Nama"), max_length=300, required=False)
            self.fields[f"urutan_baru_{n}"] = forms.IntegerField(
                label=_("Urutan"), min_value=0, max_value=32767, required=False
            )
            self.baris_baru.append((self[f"kode_baru_{n}"], self[f"nama_baru_{n}"], self[f"urutan_baru_{n}"]))

    def clean(self):
        data = super().clean()
        for n in range(BARIS_BARU):
            kode, nama = data.get(f"kode_baru_{n}"), (data.get(f"nama_baru_{n}") or "").strip()
            if kode and not nama:
                self.add_error(f"nama_baru_{n}", _("Isi nama zona baru %(kode)s.") % {"kode": kode})
            if nama and not kode and f"kode_baru_{n}" not in self.errors:
                self.add_error(f"kode_baru_{n}", _("Isi kode zona baru %(nama)s.") % {"nama": nama})
        return data

    def ubah(self) -> dict[int, dict]:
        d = self.cleaned_data
        return {
            z.id: {
                "nama": d[f"nama_{z.id}"],
                "urutan": d[f"urutan_{z.id}"],
                "tahun_nonaktif": d[f"tahun_nonaktif_{z.id}"],
                "hapus": d.get(f"hapus_{z.id}", False),
            }
            for z in self.zona_list
        }

    def baru(self) -> list[dict]:
        d = self.cleaned_data
        return [
            {"kode": d[f"kode_baru_{n}"], "nama": d[f"nama_baru_{n}"], "urutan": d[f"urutan_baru_{n}"]}
            for n in range(BARIS_BARU)
            if d.get(f"kode_baru_{n}")
        ]
