"""The schedule page's one form (every date of a pemda's year) and the exception form."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dasar import formulir

from .models import PERIODE, Alur

TANGGAL = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _tanggal(label, bantuan, wajib=False):
    return forms.DateField(label=label, help_text=bantuan, required=wajib, widget=TANGGAL)


class JadwalForm(formulir.Form):
    def __init__(self, *args, tahun: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun = tahun
        self.baris = []  # (alur label, periode, buka field, tutup field)
        bulan_akhir = {"TW1": "31 Maret", "TW2": "30 Juni", "TW3": "30 September", "TW4": "31 Desember"}
        bulan_tutup = {"TW1": "15 April", "TW2": "15 Juli", "TW3": "15 Oktober", "TW4": "15 Januari"}
        for alur in Alur:
            for p in PERIODE:
                thn_tutup = tahun + 1 if p == "TW4" else tahun
                self.fields[f"{alur.value}_{p}_buka"] = _tanggal(
                    _("%(alur)s %(p)s: dibuka") % {"alur": alur.label, "p": p},
                    _("Hari pertama entri, contoh: %(c)s.") % {"c": f"{bulan_akhir[p]} {tahun}"},
                )
                self.fields[f"{alur.value}_{p}_tutup"] = _tanggal(
                    _("%(alur)s %(p)s: ditutup") % {"alur": alur.label, "p": p},
                    _("Hari terakhir entri, contoh: %(c)s. Kosongkan kedua tanggal bila tanpa batas.")
                    % {"c": f"{bulan_tutup[p]} {thn_tutup}"},
                )
                self.baris.append(
                    (alur.label, p, self[f"{alur.value}_{p}_buka"], self[f"{alur.value}_{p}_tutup"])
                )
        self.fields["batas_lkip"] = _tanggal(
            _("Batas penyampaian LKIP"),
            _("Batas unggah LKIP %(t)s ke aplikasi ESR KemenPANRB, contoh: 31 Maret %(t1)s.")
            % {"t": tahun, "t1": tahun + 1},
            wajib=True,
        )
        self.fields["evaluasi_mulai"] = _tanggal(
            _("Evaluasi: penilaian mandiri dimulai"),
            _("Unit mulai mengisi LKE, contoh: 1 Februari %(t1)s.") % {"t1": tahun + 1},
        )
        self.fields["evaluasi_ajukan"] = _tanggal(
            _("Evaluasi: batas pengajuan LKE"),
            _("Hari terakhir unit mengajukan LKE ke evaluator, contoh: 30 April %(t1)s.") % {"t1": tahun + 1},
        )
        self.fields["evaluasi_final"] = _tanggal(
            _("Evaluasi: batas LHE final"),
            _("Hari terakhir evaluator memfinalkan LHE, contoh: 30 Juni %(t1)s.") % {"t1": tahun + 1},
        )

    def clean(self):
        data = super().clean()
        for alur in Alur.values:
            for p in PERIODE:
                kb, kt = f"{alur}_{p}_buka", f"{alur}_{p}_tutup"
                buka, tutup = data.get(kb), data.get(kt)
                if kb in self.errors or kt in self.errors:
                    continue
                if buka and not tutup:
                    self.add_error(kt, _("Isi juga tanggal tutup, atau kosongkan tanggal buka."))
                elif tutup and not buka:
                    self.add_error(kb, _("Isi juga tanggal buka, atau kosongkan tanggal tutup."))
                elif buka and tutup and buka > tutup:
                    self.add_error(kt, _("Tanggal tutup harus sama dengan atau sesudah tanggal buka."))
        mulai, ajukan, final = (
            data.get("evaluasi_mulai"),
            data.get("evaluasi_ajukan"),
            data.get("evaluasi_final"),
        )
        if mulai and ajukan and ajukan < mulai:
            self.add_error(
                "evaluasi_ajukan", _("Batas pengajuan LKE harus sesudah penilaian mandiri dimulai.")
            )
        if ajukan and final and final < ajukan:
            self.add_error("evaluasi_final", _("Batas LHE final harus sesudah batas pengajuan LKE."))
        return data


class PengecualianForm(formulir.Form):
    instansi = forms.ChoiceField(
        label=_("Unit"), help_text=_("Unit yang masih boleh mengisi, contoh: Kecamatan Bantargebang.")
    )
    alur = forms.ChoiceField(
        label=_("Alur"), choices=Alur.choices, help_text=_("Realisasi kinerja atau realisasi anggaran.")
    )
    periode = forms.ChoiceField(
        label=_("Triwulan"),
        choices=[(p, p) for p in PERIODE],
        help_text=_("Triwulan yang dibuka lagi, contoh: TW2."),
    )
    sampai = forms.DateField(
        label=_("Boleh mengisi sampai"),
        widget=TANGGAL,
        help_text=_("Hari terakhir unit ini boleh mengisi, contoh: 22 Juli 2024."),
    )
    alasan = forms.CharField(
        label=_("Alasan"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Dicatat di jejak audit, contoh: operator cuti sakit 8–15 Juli, surat kepala unit terlampir."
        ),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instansi"].choices = [(str(u.pk), u.nama) for u in units]
