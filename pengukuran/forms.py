"""The quarter's realisasi of every manually entered indicator of a unit in one form: per
indicator the value, the four analysis fields, the evidence files, the ``versi`` the page was
opened with and a fingerprint of the values it showed (``asal``), so one Simpan saves what the
user changed and an indicator left untouched never reports a conflict."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from dasar import formulir
from dasar.formulir import pesan_angka
from rumus.angka import AngkaError, JenisAngka, parse_angka
from rumus.format import format_angka

from .services import ANALISIS

LABEL = {
    "nilai": _("Nilai realisasi"),
    "analisis_sebab": _("Mengapa (penyebab)"),
    "analisis_pendukung": _("Faktor pendukung"),
    "analisis_penghambat": _("Faktor penghambat"),
    "analisis_tindak_lanjut": _("Langkah selanjutnya"),
}
BANTUAN = {
    "nilai": _("Angka dengan koma desimal, contoh: 76,5"),
    "analisis_sebab": _("Contoh: Antrean menumpuk pada bulan Desember karena dua petugas cuti."),
    "analisis_pendukung": _("Contoh: Layanan daring mengurangi kunjungan langsung."),
    "analisis_penghambat": _("Contoh: Jaringan internet kantor sering terputus."),
    "analisis_tindak_lanjut": _("Contoh: Menambah satu loket pada jam sibuk mulai Januari."),
}


def sidik_isian(nilai: Decimal | None, analisis: dict[str, str]) -> str:
    """Fingerprint of an indicator's values (the value normalised, the analysis texts stripped)."""
    isi = [None if nilai is None else format(nilai.normalize(), "f")]
    isi += [(analisis.get(k) or "").strip() for k in ANALISIS]
    return hashlib.sha256(json.dumps(isi).encode()).hexdigest()[:32]


def awalan(ind) -> str:
    """The field-name prefix of an indicator in the form."""
    return f"r{ind.id}"


class FormTriwulan(formulir.Form):
    """``indikator``: the manual indicators of the unit's PK; ``tersimpan``: indikator id ->
    stored Realisasi (or missing)."""

    def __init__(self, *args, indikator, tersimpan: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.indikator = list(indikator)
        self.tersimpan = tersimpan
        for ind in self.indikator:
            a, r = awalan(ind), tersimpan.get(ind.id)
            self.fields[f"{a}-nilai"] = forms.CharField(
                label=LABEL["nilai"],
                help_text=BANTUAN["nilai"],
                required=False,
                max_length=40,
                initial=format_angka(r.nilai, 2) if r else "",
            )
            for k in ANALISIS:
                self.fields[f"{a}-{k}"] = forms.CharField(
                    label=LABEL[k],
                    help_text=BANTUAN[k],
                    required=False,
                    max_length=5000,
                    strip=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=getattr(r, k) if r else "",
                )
            self.fields[f"{a}-versi"] = forms.IntegerField(
                required=False, min_value=0, widget=forms.HiddenInput, initial=r.versi if r else 0
            )
            self.fields[f"{a}-asal"] = forms.CharField(
                required=False,
                max_length=64,
                widget=forms.HiddenInput,
                initial=sidik_isian(r.nilai, {k: getattr(r, k) for k in ANALISIS}) if r else "",
            )

    def bidang(self, ind, nama):
        return self[f"{awalan(ind)}-{nama}"]

    def clean(self):
        data = super().clean()
        self.nilai = {}
        for ind in self.indikator:
            a = awalan(ind)
            if self.is_bound and f"{a}-nilai" not in self.data:
                continue  # an indicator the request did not send is left alone
            teks = (data.get(f"{a}-nilai") or "").strip()
            nilai = None
            if teks:
                try:
                    nilai = parse_angka(teks, JenisAngka.DESIMAL)
                except AngkaError as exc:
                    self.add_error(f"{a}-nilai", pesan_angka(teks, exc))
                    continue
            self.nilai[ind.id] = nilai
            ada_teks = any((data.get(f"{a}-{k}") or "").strip() for k in ANALISIS)
            if nilai is None and ind.id in self.tersimpan:
                self.add_error(
                    f"{a}-nilai", _("Nilai realisasi sudah tersimpan dan tidak dapat dikosongkan.")
                )
            elif nilai is None and ada_teks:
                self.add_error(f"{a}-nilai", _("Isi nilai realisasi untuk menyimpan analisisnya."))
        return data

    def isian(self) -> dict:
        """indikator id -> (nilai, analisis, versi) of the indicators whose values differ from
        what the page showed (``asal``); an indicator left empty is not in it."""
        d = self.cleaned_data
        out = {}
        for ind in self.indikator:
            a = awalan(ind)
            nilai = self.nilai.get(ind.id)  # None: left empty, or not sent
            analisis = {k: d.get(f"{a}-{k}") or "" for k in ANALISIS}
            if nilai is None:
                continue
            if d.get(f"{a}-asal") and sidik_isian(nilai, analisis) == d[f"{a}-asal"]:
                continue
            out[ind.id] = (nilai, analisis, d.get(f"{a}-versi") or 0)
        return out

    def tawarkan_ulang(self, ind, r) -> None:
        """After a conflict: keep the user's typed values in the form but take the stored row's
        versi and fingerprint, so the next Simpan (after merging) saves on top of it."""
        data = self.data.copy()
        a = awalan(ind)
        data[f"{a}-versi"] = str(r.versi) if r else "0"
        data[f"{a}-asal"] = sidik_isian(r.nilai, {k: getattr(r, k) for k in ANALISIS}) if r else ""
        self.data = data
