"""The LKIP text editor: every editable block of a unit-year (``selectors.daftar_bagian``) in ONE
form, each with the token of the text it showed (``laporan.teks.token_teks``) so one Simpan saves
what changed and reports an edit conflict per block."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from dasar import formulir

from .teks import AWALAN_ANALISIS, rapikan, token_teks

CONTOH = {
    "kata_pengantar": _(
        "Contoh: Puji syukur kami panjatkan … Laporan Kinerja ini disusun sebagai wujud pertanggungjawaban …"
    ),
    "ikhtisar": _("Contoh: Pada tahun ini Kecamatan mencapai 8 dari 10 target IKU …"),
    "latar_belakang": _(
        "Contoh: Kecamatan dibentuk berdasarkan Peraturan Daerah Nomor … sebagai perangkat daerah …"
    ),
    "tugas_fungsi": _("Contoh: Camat mempunyai tugas membantu Wali Kota dalam … Fungsi: a. …; b. …"),
    "struktur_organisasi": _(
        "Contoh: Susunan organisasi terdiri atas Camat, Sekretaris Kecamatan, 5 Seksi dan Kelurahan."
    ),
    "isu_strategis": _("Contoh: Kemacetan di sekitar TPST, penumpukan sampah di bantaran kali, …"),
    "kesimpulan": _(
        "Contoh: Secara umum capaian kinerja tahun ini baik; dua indikator belum mencapai target karena …"
    ),
    "saran": _("Contoh: Tahun depan layanan administrasi dibuka secara daring di semua kelurahan."),
}
CONTOH_ANALISIS = _("Contoh: Target tercapai karena … ; kendala: … ; langkah ke depan: …")


def nama_bidang(bagian: str) -> str:
    return f"teks-{bagian}"


class FormTeks(formulir.Form):
    """``daftar``: block key -> title; ``tersimpan``: block key -> stored text; ``maks``: length."""

    def __init__(self, *args, daftar: dict[str, str], tersimpan: dict[str, str], maks: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.daftar = daftar
        for bagian, judul in daftar.items():
            teks = tersimpan.get(bagian, "")
            contoh = CONTOH_ANALISIS if bagian.startswith(AWALAN_ANALISIS) else CONTOH.get(bagian, "")
            self.fields[nama_bidang(bagian)] = forms.CharField(
                label=judul,
                help_text=contoh,
                required=False,
                max_length=maks,
                strip=False,
                widget=forms.Textarea(attrs={"rows": 8, "cols": 70}),
                initial=teks,
            )
            self.fields[f"token-{bagian}"] = forms.CharField(
                required=False, max_length=64, widget=forms.HiddenInput, initial=token_teks(teks)
            )

    def bidang(self, bagian):
        return self[nama_bidang(bagian)], self[f"token-{bagian}"]

    def isian(self) -> dict[str, tuple[str, str]]:
        """block key -> (text, token) of the blocks whose text differs from what was shown; a
        block the request did not send is left alone, a missing token means "shown empty"."""
        d, out = self.cleaned_data, {}
        for b in self.daftar:
            if nama_bidang(b) not in self.data:
                continue
            token = d.get(f"token-{b}") or token_teks("")
            if token_teks(d.get(nama_bidang(b))) != token:
                out[b] = (d.get(nama_bidang(b)) or "", token)
        return out

    def tawarkan_ulang(self, bagian: str, tersimpan: str) -> None:
        """After a conflict: keep the user's text, take the stored text's token."""
        data = self.data.copy()
        data[f"token-{bagian}"] = token_teks(tersimpan)
        self.data = data


__all__ = ["FormTeks", "nama_bidang", "rapikan"]
