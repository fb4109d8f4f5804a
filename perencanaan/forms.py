from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dasar import formulir
from dasar.formulir import pesan_angka
from organisasi.models import Pejabat
from rumus.angka import AngkaError, JenisAngka, parse_angka, saran_tak_ambigu
from rumus.rencana_aksi import BULAN

from .models import Indikator, Sasaran, Tujuan
from .services import BIDANG_IKU, NAMA_BULAN, IsianLangkah


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
            "jenis_hasil",
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


class PilihJabatan(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        n = self.jumlah.get(obj.id, 0)
        return ngettext("%(j)s (%(n)d indikator)", "%(j)s (%(n)d indikator)", n) % {"j": obj.jabatan, "n": n}


class PKJabatanForm(formulir.Form):
    """The position a new PK is made for (one of the unit's officials below its head who own
    indicators with a target in the year: ``selectors.jabatan_pemilik``)."""

    jabatan = PilihJabatan(
        label=_("Jabatan"),
        queryset=None,
        empty_label=_("— pilih jabatan —"),
        help_text=_(
            "Jabatan yang berjanji mewujudkan target indikator miliknya; PIHAK KEDUA-nya kepala unit. "
            "Contoh: Sekretaris Kecamatan."
        ),
    )

    def __init__(self, *args, pilihan, **kwargs):
        super().__init__(*args, **kwargs)
        f = self.fields["jabatan"]
        f.queryset = Pejabat.objects.filter(id__in=[pj.id for pj, _n in pilihan]).order_by("jabatan", "id")
        f.jumlah = {pj.id: n for pj, n in pilihan}


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
    typed when refused. When the pemda plans per month (``bulanan``) the twelve month targets
    ``b-<id>-B01`` … ``b-<id>-B12`` take the place of the quarter targets (``isian_bulan``)."""

    def __init__(self, *args, baris, sub_kegiatan, bulanan=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.baris = list(baris)
        self.bulanan = bulanan
        sk_pilihan = [("", _("— tanpa tautan anggaran —"))] + [
            (str(s.id), f"{s.kode} {s.nama}") for s in sub_kegiatan
        ]
        self.peta: dict[tuple[int, int], int] = {}  # (indicator id, step index saved) -> form row
        self.susunan = []
        for b in self.baris:
            ind = b.indikator
            nama_t = []
            satuan = ind.satuan or _("satuan indikator")
            if bulanan:  # twelve month fields b-<id>-B01..B12
                kolom = [
                    (
                        f"b-{ind.id}-{bl}",
                        b.target_bulan.get(bl),
                        _("Target %(bulan)s %(kode)s") % {"bulan": nama_bl, "kode": ind.kode},
                        _(
                            "Target indikator pada akhir %(bulan)s, dalam %(satuan)s; contoh: 97,8. Kosongkan "
                            "kedua belasnya bila belum ada rencana."
                        )
                        % {"bulan": nama_bl, "satuan": satuan},
                    )
                    for bl, nama_bl in zip(BULAN, NAMA_BULAN, strict=True)
                ]
            else:  # four quarter fields t-<id>-TW1..TW4
                kolom = [
                    (
                        f"t-{ind.id}-{tw}",
                        b.target_tw.get(tw),
                        _("Target %(tw)s %(kode)s") % {"tw": tw, "kode": ind.kode},
                        _(
                            "Target indikator pada akhir %(tw)s, dalam %(satuan)s; contoh: 97,8. Kosongkan "
                            "keempatnya bila belum ada rencana."
                        )
                        % {"tw": tw, "satuan": satuan},
                    )
                    for tw in ("TW1", "TW2", "TW3", "TW4")
                ]
            for nama, awal, label, bantuan in kolom:
                self.fields[nama] = formulir.AngkaField(
                    jenis="desimal",
                    contoh="97,8",
                    required=False,
                    label=label,
                    initial=awal,
                    help_text=bantuan,
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
            if not self.bulanan:
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

    def isian_bulan(self) -> dict:
        """The month targets for ``services.simpan_rencana_aksi(target_bulan=...)``: {id: [B01..B12]}
        (empty when the pemda plans per quarter)."""
        if not self.bulanan:
            return {}
        return {b.indikator.id: [self.cleaned_data[f] for f in t] for b, t, _lk in self.susunan}

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


# --- the cascade under a sasaran strategis (Jenjang) and the staff RHK -------------------------


def _ada_isi(data, prefix: str, nama) -> bool:
    return any((data.get(f"{prefix}-{n}") or "").strip() for n in nama)


class IndikatorSimpulForm(formulir.Form):
    """One indicator of a cascade node with a target per Renstra year: the node's second and
    further indicators (prefix ``j<node>i<indicator>``) and one empty row per node to add one
    (``j<node>ibaru``). SimpulForm carries the node's first indicator in the same fields."""

    ind_kode = forms.CharField(
        label=_("Kode indikator"),
        max_length=30,
        required=False,
        help_text=_("Kode indikator, unik di unit ini, contoh: IP1.1."),
    )
    ind_nama = forms.CharField(
        label=_("Indikator"),
        max_length=400,
        required=False,
        help_text=_("Apa yang diukur, contoh: Persentase layanan selesai tepat waktu."),
    )
    ind_satuan = forms.CharField(
        label=_("Satuan"),
        max_length=50,
        required=False,
        help_text=_("Satuan target, contoh: %, laporan, dokumen."),
    )
    hapus = forms.BooleanField(
        label=_("Hapus indikator"),
        required=False,
        help_text=_("Centang untuk menghapus indikator ini beserta targetnya."),
    )

    def __init__(self, *args, tahun, baru: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.tahun = list(tahun)
        self.baru = baru
        self.indikator = None  # the stored indicator of this row (None: a new one)
        for y in self.tahun:
            self.fields[f"t_{y}"] = formulir.AngkaField(
                jenis="desimal",
                contoh="97,8",
                label=_("Target %(tahun)s") % {"tahun": y},
                required=False,
                help_text=_("Target indikator tahun %(tahun)s, contoh: 100.") % {"tahun": y},
            )
        if baru:
            del self.fields["hapus"]

    @property
    def kolom_target(self):
        return [self[f"t_{y}"] for y in self.tahun]

    BIDANG_INDIKATOR = ("ind_kode", "ind_nama", "ind_satuan")

    @property
    def kosong(self) -> bool:
        """A new row with nothing typed in it (a target alone counts as typed: it is never dropped)."""
        return self.baru and not _ada_isi(
            self.data, self.prefix, (*self.BIDANG_INDIKATOR, *(f"t_{y}" for y in self.tahun))
        )

    def _cek_indikator(self, data, wajib: bool) -> None:
        """An indicator begun (or a stored one, ``wajib``) needs its code, name and unit."""
        if (
            wajib
            or any(data.get(f) for f in self.BIDANG_INDIKATOR)
            or any(data.get(f"t_{y}") is not None for y in self.tahun)
        ):
            for f in self.BIDANG_INDIKATOR:
                if not data.get(f):
                    self.add_error(f, _("Wajib diisi bila indikator diisi."))

    def clean(self):
        data = super().clean()
        if not (self.kosong or data.get("hapus")):
            self._cek_indikator(data, wajib=not self.baru)
        return data


class SimpulForm(IndikatorSimpulForm):
    """One row of the cascade page: a node and its first indicator with a target per year
    (its further indicators are ``indikator_lain``, IndikatorSimpulForm rows). A new row left
    empty is ignored; a started one needs kode, tingkat, uraian and anggaran."""

    kode = forms.CharField(
        label=_("Kode"),
        max_length=30,
        required=False,
        help_text=_("Kode singkat, unik di unit ini, contoh: SP1.1."),
    )
    level = forms.ChoiceField(
        label=_("Tingkat"),
        required=False,
        choices=[("", "—")],
        help_text=_("Sasaran program, sasaran kegiatan atau output sub kegiatan."),
    )
    induk = forms.ChoiceField(
        label=_("Di bawah"),
        required=False,
        help_text=_(
            "Sasaran program: di bawah sasaran strategis; yang lain: di bawah jenjang setingkat di atasnya."
        ),
    )
    uraian = forms.CharField(
        label=_("Uraian"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Hasil yang hendak dicapai, contoh: Meningkatnya kualitas pelayanan publik kecamatan."),
    )
    pemilik = forms.ChoiceField(
        label=_("Pemilik (jabatan)"),
        required=False,
        help_text=_("Pejabat unit ini yang bertanggung jawab, contoh: Sekretaris Kecamatan."),
    )
    anggaran = forms.ChoiceField(
        label=_("Anggaran"),
        required=False,
        help_text=_(
            "Program, kegiatan atau sub kegiatan DPA unit ini yang sesuai tingkatnya, contoh: 7.01.02."
        ),
    )
    hapus = forms.BooleanField(
        label=_("Hapus"),
        required=False,
        help_text=_("Centang untuk menghapus jenjang ini beserta jenjang di bawahnya dan indikatornya."),
    )

    WAJIB = ("kode", "level", "uraian", "anggaran")

    def __init__(self, *args, tahun, induk, pemilik, anggaran, baru: bool, **kwargs):
        super().__init__(*args, tahun=tahun, baru=baru, **kwargs)
        from .models import Jenjang

        self.indikator_lain: list[IndikatorSimpulForm] = []
        self.fields["level"].choices = [("", "—"), *Jenjang.Level.choices]
        self.fields["induk"].choices = induk
        self.fields["pemilik"].choices = [("", _("— belum ditentukan —"))] + [
            (str(p.id), p.jabatan) for p in pemilik
        ]
        self.fields["anggaran"].choices = [("", "—")] + [
            (str(Jenjang.Level(level).label), [(a.kode, f"{a.kode} {a.nama}") for a in daftar])
            for level, daftar in anggaran.items()
        ]

    @property
    def kosong(self) -> bool:
        return self.baru and not _ada_isi(
            self.data,
            self.prefix,
            ("kode", "uraian", "anggaran", *self.BIDANG_INDIKATOR, *(f"t_{y}" for y in self.tahun)),
        )

    def clean(self):
        data = super(IndikatorSimpulForm, self).clean()  # the node row: not the indicator row's rule
        if self.kosong or data.get("hapus"):
            return data
        for f in self.WAJIB:
            if not data.get(f):
                self.add_error(f, _("Wajib diisi."))
        self._cek_indikator(data, wajib=False)
        return data


class JenjangForm:
    """The whole cascade under one sasaran in one form: the sasaran's owner and one SimpulForm
    per existing node (prefix ``j<id>``, parents before children; its first indicator in the
    row, each further one an IndikatorSimpulForm in ``indikator_lain``, plus an empty one to add
    an indicator to a node that has one) and empty rows for new nodes (``b1``…). ``is_valid``
    checks every row; nothing is saved by the form. ``indikator``: node id -> its indicators in
    order."""

    BARIS_BARU = 3

    def __init__(self, data, *, sasaran, nodes, indikator, target, tahun, pejabat, anggaran):
        self.data = data
        self.sasaran = sasaran
        self.tahun = list(tahun)
        self.pejabat = list(pejabat)
        induk = [("s", f"{sasaran.kode} — {_('sasaran strategis')}")] + [
            (f"j{n.id}", f"{n.kode} — {n.get_level_display()}") for n in nodes
        ]
        self.pilihan_pemilik = [("", _("— kepala unit —"))] + [(str(p.id), p.jabatan) for p in self.pejabat]
        self.pemilik = data.get("sasaran-pemilik", "") if data is not None else str(sasaran.pemilik_id or "")
        self.galat_pemilik = ""
        self.baris = []
        for n in nodes:
            daftar = list(indikator.get(n.id, []))
            ind = daftar[0] if daftar else None
            awal = {
                "kode": n.kode,
                "level": n.level,
                "induk": "s" if n.sasaran_id else f"j{n.induk_id}",
                "uraian": n.uraian,
                "pemilik": str(n.pemilik_id or ""),
                "anggaran": n.kode_anggaran,
            }
            if ind is not None:
                awal.update(self._awal_indikator(ind, target))
            f = self._form(f"j{n.id}", n, awal, induk, anggaran, baru=False)
            for lain in daftar[1:]:
                g = IndikatorSimpulForm(
                    self.data,
                    prefix=f"j{n.id}i{lain.id}",
                    initial=self._awal_indikator(lain, target),
                    tahun=self.tahun,
                    baru=False,
                )
                g.indikator = lain
                f.indikator_lain.append(g)
            if ind is not None:
                f.indikator_lain.append(
                    IndikatorSimpulForm(self.data, prefix=f"j{n.id}ibaru", tahun=self.tahun, baru=True)
                )
            self.baris.append(f)
        for k in range(1, self.BARIS_BARU + 1):
            self.baris.append(self._form(f"b{k}", None, {}, induk, anggaran, baru=True))

    def _awal_indikator(self, ind, target) -> dict:
        awal = {"ind_kode": ind.kode, "ind_nama": ind.nama, "ind_satuan": ind.satuan}
        for y in self.tahun:
            t = target.get((ind.id, y))
            awal[f"t_{y}"] = t.nilai if t else None
        return awal

    def semua_form(self):
        """Every row: each node row followed by its further indicators' rows."""
        for f in self.baris:
            yield f
            yield from f.indikator_lain

    def _form(self, prefix, node, awal, induk, anggaran, baru):
        f = SimpulForm(
            self.data,
            prefix=prefix,
            initial=awal,
            tahun=self.tahun,
            induk=induk,
            pemilik=self.pejabat,
            anggaran=anggaran,
            baru=baru,
        )
        f.node = node
        return f

    def is_valid(self) -> bool:
        ok = all([f.is_valid() for f in self.semua_form()])
        if self.pemilik and self.pemilik not in {str(p.id) for p in self.pejabat}:
            self.galat_pemilik = _("Pilih pejabat unit ini.")
            ok = False
        return ok

    def pemilik_sasaran(self):
        return next((p for p in self.pejabat if str(p.id) == self.pemilik), None)

    def isian(self):
        from .services import IsianIndikator, IsianSimpul

        pejabat = {str(p.id): p for p in self.pejabat}
        out = []
        for f in self.baris:
            d = f.cleaned_data
            lain = [
                IsianIndikator(
                    kunci=g.prefix,
                    indikator=g.indikator,
                    kode=g.cleaned_data.get("ind_kode", ""),
                    nama=g.cleaned_data.get("ind_nama", ""),
                    satuan=g.cleaned_data.get("ind_satuan", ""),
                    target={y: g.cleaned_data.get(f"t_{y}") for y in self.tahun},
                    hapus=bool(g.cleaned_data.get("hapus")),
                )
                for g in f.indikator_lain
                if not g.kosong
            ]
            out.append(
                IsianSimpul(
                    kunci=f.prefix,
                    jenjang=f.node,
                    kode=d.get("kode", ""),
                    level=d.get("level", ""),
                    induk=d.get("induk", ""),
                    uraian=d.get("uraian", ""),
                    pemilik=pejabat.get(d.get("pemilik", "")),
                    anggaran=d.get("anggaran", ""),
                    hapus=bool(d.get("hapus")),
                    ind_kode=d.get("ind_kode", ""),
                    ind_nama=d.get("ind_nama", ""),
                    ind_satuan=d.get("ind_satuan", ""),
                    target={y: d.get(f"t_{y}") for y in self.tahun},
                    indikator_lain=lain,
                )
            )
        return out

    def dihapus(self) -> list:
        return [f.node for f in self.baris if f.node is not None and f.cleaned_data.get("hapus")]

    def indikator_dihapus(self) -> list:
        """The further indicators ticked "Hapus indikator" on nodes that stay."""
        return [
            g.indikator
            for f in self.baris
            if not (f.node is not None and f.cleaned_data.get("hapus"))
            for g in f.indikator_lain
            if g.indikator is not None and g.cleaned_data.get("hapus")
        ]

    def tandai(self, galat: dict) -> None:
        """Show a refused save's problems at their fields."""
        per_form = {f.prefix: f for f in self.semua_form()}
        for (kunci, bidang), pesan in galat.items():
            if kunci == "sasaran":
                self.galat_pemilik = pesan
            elif kunci in per_form:
                f = per_form[kunci]
                f.add_error(bidang if bidang in f.fields else None, pesan)

    def semua_galat(self) -> list[str]:
        out = [self.galat_pemilik] if self.galat_pemilik else []
        for f in self.semua_form():
            kode = "kode" if isinstance(f, SimpulForm) else "ind_kode"
            nama = (f.data.get(f"{f.prefix}-{kode}") or f.prefix) if f.data is not None else f.prefix
            for bidang, daftar in f.errors.items():
                label = f.fields[bidang].label if bidang in f.fields else ""
                for pesan in daftar:
                    out.append(f"{nama} — {label}: {pesan}" if label else f"{nama}: {pesan}")
        return out


class RHKForm(formulir.Form):
    """One staff RHK row of the RHK page."""

    nama_pegawai = forms.CharField(
        label=_("Nama pegawai"), max_length=200, required=False, help_text=_("Contoh: RINA MARLINA, S.E.")
    )
    nip = forms.CharField(
        label=_("NIP"),
        max_length=30,
        required=False,
        help_text=_("18 angka, spasi boleh; kosong untuk non-ASN."),
    )
    jabatan = forms.CharField(
        label=_("Jabatan pegawai"), max_length=200, required=False, help_text=_("Contoh: Analis Perencanaan.")
    )
    urutan = forms.IntegerField(
        label=_("No"),
        min_value=0,
        max_value=999,
        required=False,
        help_text=_("Nomor RHK pegawai ini; kosong: berikutnya."),
    )
    uraian = forms.CharField(
        label=_("Rencana hasil kerja"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Contoh: Tersusunnya laporan kinerja kecamatan tepat waktu."),
    )
    indikator_atasan = forms.ChoiceField(
        label=_("Indikator atasan"),
        required=False,
        help_text=_("Indikator jenjang atasan yang didukung RHK ini."),
    )
    nama_indikator = forms.CharField(
        label=_("Indikator RHK"),
        max_length=400,
        required=False,
        help_text=_("Contoh: Jumlah laporan yang tersusun."),
    )
    aspek = forms.ChoiceField(
        label=_("Aspek"), required=False, help_text=_("Kuantitas, kualitas, waktu atau biaya.")
    )
    target = formulir.AngkaField(
        jenis="desimal",
        contoh="12",
        label=_("Target"),
        required=False,
        help_text=_("Target tahunan, contoh: 12."),
    )
    satuan = forms.CharField(
        label=_("Satuan"), max_length=50, required=False, help_text=_("Contoh: laporan.")
    )
    hapus = forms.BooleanField(
        label=_("Hapus"), required=False, help_text=_("Centang untuk menghapus RHK ini.")
    )

    WAJIB = ("nama_pegawai", "jabatan", "uraian", "indikator_atasan", "nama_indikator", "target", "satuan")

    def __init__(self, *args, indikator, baru: bool, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import RencanaHasilKerja

        self.baru = baru
        self.fields["indikator_atasan"].choices = [("", "—")] + [
            (
                str(i.indikator.id),
                f"{i.indikator.kode} {i.indikator.nama} ({i.pemilik.jabatan if i.pemilik else '—'})",
            )
            for i in indikator
        ]
        self.fields["aspek"].choices = RencanaHasilKerja.Aspek.choices
        if baru:
            del self.fields["hapus"]

    @property
    def kosong(self) -> bool:
        return self.baru and not _ada_isi(
            self.data, self.prefix, ("nama_pegawai", "uraian", "nama_indikator")
        )

    def clean(self):
        data = super().clean()
        if self.kosong or data.get("hapus"):
            return data
        for f in self.WAJIB:
            if data.get(f) in (None, ""):
                self.add_error(f, _("Wajib diisi."))
        return data
