from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from dasar import formulir
from dasar.formulir import pesan_angka
from rumus.angka import AngkaError, JenisAngka, parse_angka, saran_tak_ambigu

from .models import Indikator, Sasaran, Tujuan
from .services import BIDANG_IKU, IsianLangkah


def _kode_uraian(obj) -> str:
    return f"{obj.kode} — {obj.uraian}"


class KodeUnikMixin:
    """The kode is unique within the unit (the model's constraint names the unit, which is not
    a field of the form): checked here so a taken kode is a field error, never a 500."""

    def clean_kode(self):
        kode = self.cleaned_data["kode"].strip()
        model = self._meta.model
        if (
            model.objects.filter(instansi_id=self.instance.instansi_id, kode=kode)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            raise forms.ValidationError(_("Kode %(kode)s sudah dipakai di unit ini.") % {"kode": kode})
        return kode


class TujuanForm(KodeUnikMixin, formulir.ModelForm):
    class Meta:
        model = Tujuan
        fields = ["kode", "uraian"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}


class SasaranForm(KodeUnikMixin, formulir.ModelForm):
    class Meta:
        model = Sasaran
        fields = ["tujuan", "kode", "uraian"]
        widgets = {"uraian": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tujuan"].queryset = Tujuan.objects.filter(instansi=instansi).order_by("urutan", "kode")
        self.fields["tujuan"].label_from_instance = _kode_uraian


class IndikatorForm(KodeUnikMixin, formulir.ModelForm):
    class Meta:
        model = Indikator
        fields = [
            "kode",
            "nama",
            "level",
            "tujuan",
            "sasaran",
            "satuan",
            "polaritas",
            "agregasi",
            "sumber_realisasi",
            "iku",
            "formulasi",
            "alasan",
            "sumber_data",
            "penanggung_jawab",
        ]
        widgets = {
            "formulasi": forms.Textarea(attrs={"rows": 2}),
            "alasan": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, instansi, **kwargs):
        super().__init__(*args, **kwargs)
        self.instansi = instansi
        self.fields["tujuan"].queryset = Tujuan.objects.filter(instansi=instansi).order_by("urutan", "kode")
        self.fields["sasaran"].queryset = Sasaran.objects.filter(instansi=instansi).order_by("urutan", "kode")
        self.fields["tujuan"].label_from_instance = _kode_uraian
        self.fields["sasaran"].label_from_instance = _kode_uraian
        self.fields["level"].choices = [
            (Indikator.Level.SASARAN, _("Sasaran")),
            (Indikator.Level.TUJUAN, _("Tujuan")),
        ]

    def clean(self):
        data = super().clean()
        level = data.get("level")
        if level and not data.get(level):
            self.add_error(
                level,
                _("Indikator tingkat %(level)s harus memilih %(level)s-nya.") % {"level": level},
            )
        # an indicator measures one item: the other parent is cleared
        lain = {"tujuan": "sasaran", "sasaran": "tujuan"}.get(level)
        if lain:
            data[lain] = None
        return data


class ArsipForm(formulir.Form):
    tahun_nonaktif = forms.IntegerField(
        label=_("Diarsipkan mulai tahun"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_(
            "Sejak tahun ini tidak direncanakan dan tidak diukur lagi (tidak masuk target dan "
            "Perjanjian Kinerja baru); tahun sebelumnya tetap. Kosongkan untuk mengaktifkan "
            "kembali. Contoh: 2027."
        ),
    )


class SelTarget:
    """One input of the targets grid: its name, the text typed and its error."""

    def __init__(self, nama: str, label: str, teks: str, aktif: bool):
        self.nama, self.label, self.teks, self.aktif = nama, label, teks, aktif
        self.galat = ""


class KisiTargetForm:
    """All indicators × all years of a Renstra in one form. A cell is named ``t-<id>-<tahun>``
    (target) or ``a-<id>-<tahun>`` (batas atas of a rentang indicator); numbers are read with
    ``rumus.angka.parse_angka`` (desimal: "97,8" is 97.8; "1.250" is ambiguous and refused with
    both readings). A bad cell keeps every typed value and marks itself; nothing is saved."""

    def __init__(self, data, *, baris, tahun):
        self.data = data
        self.tahun = list(tahun)
        self.baris = []
        self.galat: list[str] = []
        for b in baris:
            ind = b.indikator
            sel_t, sel_a = [], []
            for y in self.tahun:
                t = b.nilai.get(y)
                aktif = b.direncanakan[y]
                for sel, awal, nilai in (
                    (sel_t, "t", t.nilai if t else None),
                    (sel_a, "a", t.nilai_atas if t else None),
                ):
                    nama = f"{awal}-{ind.id}-{y}"
                    teks = data.get(nama, "") if data is not None else tampil_nilai(nilai)
                    label = (
                        _("Target %(kode)s %(tahun)d") if awal == "t" else _("Batas atas %(kode)s %(tahun)d")
                    ) % {"kode": ind.kode, "tahun": y}
                    sel.append(SelTarget(nama, label, teks.strip() if isinstance(teks, str) else "", aktif))
            self.baris.append((b, sel_t, sel_a if b.rentang else None))

    def is_valid(self) -> bool:
        self.isian = {}
        for b, sel_t, sel_a in self.baris:
            for n, y in enumerate(self.tahun):
                nilai = [None, None]
                for k, sel in enumerate((sel_t[n], sel_a[n] if sel_a else None)):
                    if sel is None or not sel.aktif or sel.nama not in self.data:
                        continue
                    if sel.teks:
                        try:
                            nilai[k] = parse_angka(sel.teks, JenisAngka.DESIMAL)
                        except AngkaError as exc:
                            sel.galat = pesan_angka(sel.teks, exc)
                            self.galat.append(f"{sel.label}: {sel.galat}")
                if sel_t[n].aktif and sel_t[n].nama in self.data:
                    self.isian[(b.indikator.id, y)] = tuple(nilai)
        return not self.galat


def tampil_nilai(nilai) -> str:
    """A stored value as the grid shows it: exactly (no rounding), written so that it reads back
    as the same number ("80", "97,8", "3,1440"; ``rumus.angka.saran_tak_ambigu``)."""
    if nilai is None:
        return ""
    tanda = "-" if nilai < 0 else ""
    if nilai == nilai.to_integral_value():
        return f"{tanda}{abs(nilai).quantize(1)}"
    return f"{tanda}{saran_tak_ambigu(abs(nilai))}"


class LembarIKUForm(formulir.Form):
    """The IKU sheet's texts of every IKU of the unit in one form: fields ``<id>-<bidang>``."""

    def __init__(self, *args, iku, **kwargs):
        super().__init__(*args, **kwargs)
        self.iku = list(iku)
        self.baris = []
        for ind in self.iku:
            fields = []
            for b in BIDANG_IKU:
                model_field = Indikator._meta.get_field(b)
                nama = f"{ind.id}-{b}"
                self.fields[nama] = forms.CharField(
                    label=capfirst(model_field.verbose_name),
                    help_text=model_field.help_text,
                    required=False,
                    max_length=model_field.max_length,
                    initial=getattr(ind, b),
                    widget=forms.Textarea(attrs={"rows": 2}) if b in ("alasan", "formulasi") else None,
                )
                fields.append(nama)
            self.baris.append((ind, fields))

    def kelompok(self):
        """(indikator, [bound fields]) per IKU, for the template."""
        return [(ind, [self[f] for f in fields]) for ind, fields in self.baris]

    def isian(self) -> dict[int, dict[str, str]]:
        return {ind.id: {b: self.cleaned_data[f"{ind.id}-{b}"] for b in BIDANG_IKU} for ind in self.iku}


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


class PenandatanganForm(formulir.Form):
    """The signatories, place and date of signing of a draft PK (``services.ubah_penandatangan``
    checks them against the unit and the year)."""

    pihak_pertama = forms.ModelChoiceField(
        label=_("PIHAK PERTAMA"),
        queryset=None,
        help_text=_("Kepala unit yang berjanji mewujudkan target, contoh: Camat Bantargebang."),
    )
    pihak_kedua = forms.ModelChoiceField(
        label=_("PIHAK KEDUA"),
        queryset=None,
        required=False,
        help_text=_("Atasan PIHAK PERTAMA yang menyupervisi dan mengevaluasi, contoh: Wali Kota Bekasi."),
    )
    tempat = forms.CharField(
        label=_("Tempat penandatanganan"),
        max_length=100,
        required=False,
        help_text=_("Kota yang dicetak di atas tanda tangan, contoh: Bekasi. Kosong: kota unit."),
    )
    tanggal = forms.DateField(
        label=_("Tanggal penandatanganan"),
        required=False,
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Tanggal yang tertulis di dokumen (bukan hari ini bila berbeda), contoh: 2 Januari 2024."
        ),
    )

    def __init__(self, *args, instansi, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pihak_pertama"].queryset = pilihan.filter(instansi=instansi)
        self.fields["pihak_kedua"].queryset = pilihan


class RevisiForm(formulir.Form):
    """Where a PK Perubahan starts from, chosen explicitly."""

    sumber = forms.ChoiceField(
        label=_("Dasar PK Perubahan"),
        widget=forms.RadioSelect,
        choices=[
            ("renstra", _("Target Renstra terkini")),
            ("pk", _("PK sebelumnya (indikator dan target versi yang ditandatangani)")),
        ],
        help_text=_("Contoh: pilih target Renstra bila Renstra sudah diubah setelah PK ditandatangani."),
    )


LANGKAH_KOSONG = 2  # empty step rows offered under each indicator (filled ones are kept)
TRIWULAN_PILIHAN = [("", "—"), ("TW1", "TW1"), ("TW2", "TW2"), ("TW3", "TW3"), ("TW4", "TW4")]


class RencanaAksiForm(formulir.Form):
    """The whole Rencana Aksi of a unit-year in one form: per PK indicator the four quarter targets
    (``t-<id>-TW1`` … ``t-<id>-TW4``) and its action steps (``l-<id>-<n>-periode|uraian|
    penanggung_jawab|sub_kegiatan``: the stored ones, then ``LANGKAH_KOSONG`` empty rows; a row left
    empty is no step). Typed numbers are read the Indonesian way (``AngkaField``) and kept as
    typed when refused."""

    def __init__(self, *args, baris, sub_kegiatan, **kwargs):
        super().__init__(*args, **kwargs)
        self.baris = list(baris)
        sk_pilihan = [("", _("— tanpa tautan anggaran —"))] + [
            (str(s.id), f"{s.kode} {s.nama}") for s in sub_kegiatan
        ]
        self.peta: dict[tuple[int, int], int] = {}  # (indicator id, step index saved) -> form row
        self.susunan = []
        for b in self.baris:
            ind = b.indikator
            nama_t = []
            for tw in ("TW1", "TW2", "TW3", "TW4"):
                nama = f"t-{ind.id}-{tw}"
                self.fields[nama] = formulir.AngkaField(
                    jenis="desimal",
                    contoh="97,8",
                    required=False,
                    label=_("Target %(tw)s %(kode)s") % {"tw": tw, "kode": ind.kode},
                    initial=b.target_tw.get(tw),
                    help_text=_(
                        "Target indikator pada akhir %(tw)s, dalam %(satuan)s; contoh: 97,8. Kosongkan "
                        "keempatnya bila belum ada rencana."
                    )
                    % {"tw": tw, "satuan": ind.satuan or _("satuan indikator")},
                )
                nama_t.append(nama)
            langkah = []
            for n in range(len(b.langkah) + LANGKAH_KOSONG):
                lk = b.langkah[n] if n < len(b.langkah) else None
                awal = f"l-{ind.id}-{n}"
                self.fields[f"{awal}-periode"] = forms.ChoiceField(
                    label=_("Triwulan"),
                    choices=TRIWULAN_PILIHAN,
                    required=False,
                    initial=lk.periode if lk else "",
                    help_text=_("Triwulan langkah ini dikerjakan, contoh: TW2."),
                )
                self.fields[f"{awal}-uraian"] = forms.CharField(
                    label=_("Uraian langkah"),
                    required=False,
                    max_length=1000,
                    initial=lk.uraian if lk else "",
                    widget=forms.Textarea(attrs={"rows": 2}),
                    help_text=_("Apa yang dikerjakan, contoh: Sosialisasi SKM di 4 kelurahan."),
                )
                self.fields[f"{awal}-penanggung_jawab"] = forms.CharField(
                    label=_("Penanggung jawab"),
                    required=False,
                    max_length=200,
                    initial=lk.penanggung_jawab if lk else "",
                    help_text=_("Jabatan yang bertanggung jawab, contoh: Kasi Pelayanan Umum."),
                )
                self.fields[f"{awal}-sub_kegiatan"] = forms.ChoiceField(
                    label=_("Sub kegiatan anggaran"),
                    choices=sk_pilihan,
                    required=False,
                    initial=str(lk.sub_kegiatan_id) if lk and lk.sub_kegiatan_id else "",
                    help_text=_("Boleh kosong. Sub kegiatan DPA unit tahun ini yang membiayai langkah ini."),
                )
                langkah.append(awal)
            self.susunan.append((b, nama_t, langkah))

    def kelompok(self):
        """(baris, [target fields], [[step fields] per row]) per PK indicator, for the template."""
        bagian = ("periode", "uraian", "penanggung_jawab", "sub_kegiatan")
        return [
            (b, [self[f] for f in t], [[self[f"{awal}-{k}"] for k in bagian] for awal in lk])
            for b, t, lk in self.susunan
        ]

    def isian(self):
        """(targets, steps) for ``services.simpan_rencana_aksi``: {id: [TW1..TW4]},
        {id: [IsianLangkah]} (empty rows left out; ``peta`` maps a saved step back to its row)."""
        cd = self.cleaned_data
        target, langkah = {}, {}
        for b, t, lk in self.susunan:
            iid = b.indikator.id
            target[iid] = [cd[f] for f in t]
            daftar = []
            for n, awal in enumerate(lk):
                isi = [cd[f"{awal}-{k}"] for k in ("periode", "uraian", "penanggung_jawab", "sub_kegiatan")]
                if not any(x.strip() for x in isi):
                    continue
                self.peta[(iid, len(daftar))] = n
                daftar.append(IsianLangkah(isi[0], isi[1], isi[2], int(isi[3]) if isi[3] else None))
            langkah[iid] = daftar
        return target, langkah

    def tolakan(self, exc) -> None:
        """Put a refusal of the service next to its fields (step indexes mapped back to rows)."""
        for nama, pesan in exc.bidang.items():
            bagian = nama.split("-")
            if bagian[0] == "l" and len(bagian) == 4:
                n = self.peta.get((int(bagian[1]), int(bagian[2])), bagian[2])
                nama = f"l-{bagian[1]}-{n}-{bagian[3]}"
            for p in pesan:
                self.add_error(nama if nama in self.fields else None, p)
        if not exc.bidang:
            self.add_error(None, str(exc))
