"""An LKE component's criteria in ONE form: the unit's answers (usulan, catatan, "tidak
relevan" with its reason, evidence) or, separately, the evaluator's scores (penetapan,
komentar). Each criterion carries the token of what the page showed
(``services.token_jawaban``), so one Simpan saves what changed and reports conflicts."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dasar import formulir

from .services import MEDAN_EVALUATOR, MEDAN_UNIT, token_isian, token_jawaban

PILIHAN = {"yt": ["Ya", "Tidak"], "abcde": ["A", "B", "C", "D", "E"]}


def _jawaban_field(c, label, bantuan, initial):
    if c.jenis_jawaban in PILIHAN:
        return forms.ChoiceField(
            label=label,
            help_text=bantuan,
            required=False,
            choices=[("", "-")] + [(p, p) for p in PILIHAN[c.jenis_jawaban]],
            initial=initial,
        )
    return forms.CharField(
        label=label,
        help_text=bantuan,
        required=False,
        max_length=20,
        initial=initial,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )


class FormKomponen(formulir.Form):
    """``kriteria``: the component's criteria; ``jawaban``: kriteria id -> stored Jawaban;
    ``mode``: "unit" or "evaluator"."""

    def __init__(self, *args, kriteria, jawaban: dict, mode: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kriteria, self.mode = list(kriteria), mode
        self.medan = MEDAN_UNIT if mode == "unit" else MEDAN_EVALUATOR
        for c in self.kriteria:
            j, a = jawaban.get(c.id), f"k{c.id}"
            contoh = _("Contoh: %(c)s") % {"c": " / ".join(PILIHAN.get(c.jenis_jawaban, ["3,5"]))}
            if mode == "unit":
                self.fields[f"{a}-usulan"] = _jawaban_field(
                    c, _("Nilai usulan"), contoh, j.usulan if j else ""
                )
                self.fields[f"{a}-catatan"] = forms.CharField(
                    label=_("Catatan"),
                    help_text=_("Contoh: Renstra 2021–2026 ditetapkan dengan Perwal Nomor 12 Tahun 2021."),
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=j.catatan if j else "",
                )
                self.fields[f"{a}-tidak_relevan"] = forms.BooleanField(
                    label=_("Tidak relevan untuk unit ini"),
                    required=False,
                    initial=j.tidak_relevan if j else False,
                )
                self.fields[f"{a}-alasan"] = forms.CharField(
                    label=_("Alasan tidak relevan"),
                    help_text=_(
                        "Wajib bila tidak relevan. Contoh: Kecamatan tidak mengelola layanan perizinan."
                    ),
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=j.alasan_tidak_relevan if j else "",
                )
            else:
                self.fields[f"{a}-penetapan"] = _jawaban_field(
                    c, _("Nilai penetapan"), contoh, j.penetapan if j else ""
                )
                self.fields[f"{a}-komentar"] = forms.CharField(
                    label=_("Komentar evaluator"),
                    help_text=_("Contoh: Bukti pemanfaatan belum dilampirkan."),
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=j.komentar if j else "",
                )
            self.fields[f"{a}-token"] = forms.CharField(
                required=False, max_length=64, widget=forms.HiddenInput, initial=token_jawaban(j, self.medan)
            )

    def bidang(self, c):
        a = f"k{c.id}"
        nama = (
            ("usulan", "catatan", "tidak_relevan", "alasan")
            if self.mode == "unit"
            else ("penetapan", "komentar")
        )
        return [self[f"{a}-{n}"] for n in nama], self[f"{a}-token"]

    def _nilai(self, c) -> dict:
        d, a = self.cleaned_data, f"k{c.id}"
        if self.mode == "unit":
            return {
                "usulan": d.get(f"{a}-usulan") or "",
                "catatan": d.get(f"{a}-catatan") or "",
                "tidak_relevan": bool(d.get(f"{a}-tidak_relevan")),
                "alasan": d.get(f"{a}-alasan") or "",
            }
        return {"penetapan": d.get(f"{a}-penetapan") or "", "komentar": d.get(f"{a}-komentar") or ""}

    def isian(self) -> dict:
        """Kriteria -> values and token, for the criteria whose values differ from what was shown."""
        out = {}
        for c in self.kriteria:
            a = f"k{c.id}"
            kunci = f"{a}-usulan" if self.mode == "unit" else f"{a}-penetapan"
            if kunci not in self.data:
                continue  # not sent: left alone
            v = self._nilai(c)
            banding = dict(v, alasan_tidak_relevan=v.get("alasan", "")) if self.mode == "unit" else v
            token = self.cleaned_data.get(f"{a}-token") or token_isian({}, self.medan)  # missing: shown empty
            if token_isian(banding, self.medan) != token:
                out[c] = {**v, "token": token}
        return out

    def tawarkan_ulang(self, c, j) -> None:
        data = self.data.copy()
        data[f"k{c.id}-token"] = token_jawaban(j, self.medan)
        self.data = data
