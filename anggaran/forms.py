"""The DPA grid: one row per budget line (stored ones, then empty rows for new ones), all saved at
once by ``services.simpan_dpa``. Numbers are read by the project's number rule (rupiah, whole
rupiah: ``dasar.formulir.AngkaField``), and every typed value stays in its cell when anything is
refused."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dasar import formulir

from .services import IsianBaris

BARIS_KOSONG = 3  # empty rows under the stored lines ("Tambah baris" adds more in the browser)
MAKS_BARIS = 500


class BarisForm(formulir.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    sidik = forms.CharField(required=False, widget=forms.HiddenInput)
    sub_kegiatan = forms.CharField(
        label=_("Sub kegiatan"),
        max_length=400,
        required=False,
        widget=forms.TextInput(attrs={"list": "daftar-sub-kegiatan", "autocomplete": "off", "size": 40}),
    )
    subunit = forms.TypedChoiceField(label=_("Sub unit"), required=False, coerce=int, empty_value=None)
    pagu_murni = formulir.AngkaField(label=_("Pagu murni"), required=False, bulat=True)
    pagu = formulir.AngkaField(label=_("Pagu perubahan"), required=False, bulat=True)
    kas_tw1 = formulir.AngkaField(label="TW1", required=False, bulat=True)
    kas_tw2 = formulir.AngkaField(label="TW2", required=False, bulat=True)
    kas_tw3 = formulir.AngkaField(label="TW3", required=False, bulat=True)
    kas_tw4 = formulir.AngkaField(label="TW4", required=False, bulat=True)

    ANGKA = ("pagu_murni", "pagu", "kas_tw1", "kas_tw2", "kas_tw3", "kas_tw4")

    def __init__(self, *args, subunit_pilihan=(), cari_url="", **kwargs):
        super().__init__(*args, **kwargs)
        if cari_url:  # type-ahead: the list of matching sub-kegiatan, refreshed by htmx as one types
            self.fields["sub_kegiatan"].widget.attrs.update(
                {
                    "hx-get": cari_url,
                    "hx-trigger": "input changed delay:250ms",
                    "hx-target": "#daftar-sub-kegiatan",
                    "hx-swap": "innerHTML",
                    "hx-sync": "this:replace",
                }
            )
        self.fields["subunit"].choices = [("", _("(unit sendiri)"))] + [
            (s.id, s.nama) for s in subunit_pilihan
        ]
        for f in self.ANGKA:
            self.fields[f].widget.attrs.update({"class": "angka", "data-dpa": f, "size": 14})

    def angka(self) -> dict:
        """The row's numbers as typed and read (a cell that could not be read counts as empty)."""
        d = (getattr(self, "cleaned_data", None) or {}) if self.is_bound else self.initial
        return {f: d.get(f) for f in self.ANGKA}

    def kosong(self) -> bool:
        """An untouched empty row (ignored on save)."""
        d = self.cleaned_data
        return (
            not d.get("id")
            and not (d.get("sub_kegiatan") or "").strip()
            and all(d.get(f) is None for f in self.ANGKA)
        )


class DasarFormSet(forms.BaseFormSet):
    def isian(self) -> list[IsianBaris]:
        out = []
        for n, f in enumerate(self.forms, start=1):
            if f.kosong():
                continue
            d = f.cleaned_data
            out.append(
                IsianBaris(
                    nomor=n,
                    id=d.get("id"),
                    sidik=d.get("sidik") or "",
                    sub_kegiatan=d.get("sub_kegiatan") or "",
                    subunit_id=d.get("subunit"),
                    pagu_murni=d.get("pagu_murni"),
                    pagu=d.get("pagu"),
                    kas=(d.get("kas_tw1"), d.get("kas_tw2"), d.get("kas_tw3"), d.get("kas_tw4")),
                )
            )
        return out

    def tandai(self, per_sel: dict[tuple[int, str], str]) -> None:
        """Put the service's messages (row number, column) on their cells."""
        for (n, kolom), pesan in per_sel.items():
            if 1 <= n <= len(self.forms):
                self.forms[n - 1].add_error(kolom if kolom in self.forms[n - 1].fields else None, pesan)


BarisFormSet = forms.formset_factory(
    BarisForm,
    formset=DasarFormSet,
    extra=BARIS_KOSONG,
    max_num=MAKS_BARIS,
    absolute_max=MAKS_BARIS,
    validate_max=True,
)


def awal_baris(lines, sidik) -> list[dict]:
    """The grid's initial rows: the stored lines (the formset adds ``BARIS_KOSONG`` empty ones)."""
    return [
        {
            "id": b.id,
            "sidik": sidik(b),
            "sub_kegiatan": f"{b.sub_kegiatan.kode} {b.sub_kegiatan.nama}",
            "subunit": b.subunit_id,
            "pagu_murni": b.pagu_murni,
            # no revision (pagu = pagu murni): the revised-pagu cell stays empty, so a corrected
            # pagu murni is the line's pagu again on saving
            "pagu": None if b.pagu_murni is not None and b.pagu == b.pagu_murni else b.pagu,
            "kas_tw1": b.kas_tw1,
            "kas_tw2": b.kas_tw2,
            "kas_tw3": b.kas_tw3,
            "kas_tw4": b.kas_tw4,
        }
        for b in lines
    ]
