"""The console's forms: each field says what it is for, with an example. The forms check a
value's form (length, choice, year); the services check it against the data (unique codes,
scope of a role) and their refusals are shown next to the fields, keeping every typed value."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from akun.models import Peran
from dasar import formulir
from organisasi.models import Instansi, Pemda, SubUnit


class PemdaForm(formulir.Form):
    nama = forms.CharField(
        label=_("Nama pemerintah daerah"),
        max_length=200,
        help_text=_("Nama resmi seperti pada kop surat, contoh: Pemerintah Kota Bekasi."),
    )
    tahun_berjalan = forms.IntegerField(
        label=_("Tahun berjalan"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_(
            "Tahun yang tampil lebih dulu di pilihan tahun bagi pengguna yang belum memilih, contoh: 2025."
        ),
    )
    wajib_otp = forms.BooleanField(
        label=_("Wajib kode OTP"),
        required=False,
        help_text=_(
            "Admin pemda, evaluator dan pimpinan memasukkan kode dari aplikasi autentikator saat masuk, "
            "contoh: dicentang untuk pemda yang mewajibkan verifikasi dua langkah."
        ),
    )
    periode_rencana_aksi = forms.ChoiceField(
        label=_("Periode Rencana Aksi"),
        required=False,
        choices=Pemda.PeriodeRencanaAksi.choices,
        help_text=_(
            "Target Rencana Aksi setiap indikator PK diisi per triwulan (4 kolom) atau per bulan (12 kolom), "
            "contoh: per triwulan."
        ),
    )
    logo = forms.FileField(
        label=_("Logo untuk dokumen"),
        required=False,
        help_text=_(
            "Gambar PNG atau JPG (diperiksa dari isinya), paling besar 10 MB, dicetak di dokumen, contoh: logo-kota-bekasi.png. "
            "Kosongkan bila logo tidak diganti."
        ),
    )
    hapus_logo = forms.BooleanField(
        label=_("Hapus logo yang tersimpan"),
        required=False,
        help_text=_("Centang untuk menghapus logo, contoh: logo lama yang salah."),
    )


class InstansiForm(formulir.Form):
    nama = forms.CharField(
        label=_("Nama unit"),
        max_length=200,
        help_text=_("Nama perangkat daerah seperti di dokumen resmi, contoh: Kecamatan Bekasi Timur."),
    )
    jenis = forms.ChoiceField(
        label=_("Jenis unit"),
        choices=Instansi.Jenis.choices,
        help_text=_("Kecamatan, dinas, badan, kantor atau sekretariat, contoh: Kecamatan."),
    )
    slug = forms.CharField(
        label=_("Alamat singkat (slug)"),
        max_length=50,
        help_text=_(
            "Dipakai di alamat halaman dan di workbook; huruf kecil, angka dan tanda hubung, tidak dapat "
            "diubah kemudian, contoh: bekasi-timur."
        ),
    )
    alamat = forms.CharField(
        label=_("Alamat kantor"),
        max_length=300,
        required=False,
        help_text=_("Alamat lengkap kantor, contoh: Jl. Chairil Anwar No. 1, Bekasi Timur."),
    )
    kota = forms.CharField(
        label=_("Tempat penandatanganan"),
        max_length=100,
        required=False,
        help_text=_("Kota yang ditulis sebelum tanggal tanda tangan dokumen, contoh: Bekasi."),
    )

    def __init__(self, *args, ubah: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if ubah:  # the slug is the unit's stable address: shown on the page, not edited
            del self.fields["slug"]


class SubUnitForm(formulir.Form):
    kode = forms.CharField(
        label=_("Kode sub-unit"),
        max_length=50,
        help_text=_(
            "Kode singkat, unik di unit ini; huruf kecil, angka dan tanda hubung, contoh: kel-duren-jaya."
        ),
    )
    nama = forms.CharField(
        label=_("Nama sub-unit"),
        max_length=200,
        help_text=_("Nama kelurahan, seksi atau bagian, contoh: Kelurahan Duren Jaya."),
    )
    jenis = forms.ChoiceField(
        label=_("Jenis sub-unit"),
        choices=SubUnit.Jenis.choices,
        help_text=_("Kelurahan, sekretariat, seksi, bidang …, contoh: Kelurahan."),
    )
    induk = forms.ModelChoiceField(
        label=_("Induk"),
        queryset=SubUnit.objects.none(),
        required=False,
        empty_label=_("(langsung di bawah unit)"),
        help_text=_("Sub-unit di atasnya bila ada, contoh: Sekretariat untuk Subbagian Umum."),
    )

    def __init__(self, *args, instansi, subunit=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = SubUnit.objects.filter(instansi=instansi, aktif=True).order_by("kode")
        if subunit is not None:
            qs = qs.exclude(pk=subunit.pk)
            del self.fields["kode"]  # budget lines name it: it stays
        self.fields["induk"].queryset = qs


class PejabatForm(formulir.Form):
    kode = forms.CharField(
        label=_("Kode pejabat"),
        max_length=50,
        help_text=_(
            "Kode yang dipakai PK dan workbook, unik di unit ini (unit lain boleh memakai kode yang sama), "
            "contoh: camat."
        ),
    )
    nama = forms.CharField(
        label=_("Nama lengkap dengan gelar"),
        max_length=200,
        help_text=_("Seperti dicetak di bawah tanda tangan, contoh: ARIF WIBOWO, S.STP., M.Si."),
    )
    jabatan = forms.CharField(
        label=_("Jabatan"),
        max_length=200,
        help_text=_("Nama jabatan seperti di dokumen, contoh: Camat Bekasi Timur."),
    )
    pangkat_golongan = forms.CharField(
        label=_("Pangkat/golongan"),
        max_length=100,
        required=False,
        help_text=_("Pangkat dan golongan ruang, contoh: Pembina Tingkat I, IV/b."),
    )
    nip = forms.CharField(
        label=_("NIP"),
        max_length=30,
        required=False,
        help_text=_(
            "18 digit angka, spasi boleh; kosongkan untuk pejabat politik, contoh: 19760913 199701 1 001."
        ),
    )

    def __init__(self, *args, ubah: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if ubah:
            del self.fields["kode"]


class PenggunaForm(formulir.Form):
    username = forms.CharField(
        label=_("Nama pengguna"),
        max_length=150,
        help_text=_("Nama untuk masuk, tanpa spasi, tidak dapat diubah kemudian, contoh: op-bekasi-timur."),
    )
    first_name = forms.CharField(
        label=_("Nama depan"),
        max_length=150,
        help_text=_("Nama yang tampil di aplikasi dan jejak audit, contoh: Budi."),
    )
    last_name = forms.CharField(
        label=_("Nama belakang"),
        max_length=150,
        required=False,
        help_text=_("Boleh dikosongkan, contoh: Santoso."),
    )
    email = forms.CharField(
        label=_("E-mail"),
        max_length=254,
        required=False,
        help_text=_("Untuk lupa kata sandi, contoh: budi@bekasikota.go.id."),
    )

    kirim_email = forms.BooleanField(
        label=_("Kirim undangan ke alamat di atas"),
        required=False,
        help_text=_(
            "Undangan: tautan sekali pakai dikirim ke e-mail di atas (tautan juga tampil di layar), "
            "contoh: dicentang bila e-mail dinas sudah diisi."
        ),
    )

    def __init__(self, *args, ubah: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if ubah:
            del self.fields["username"]
            del self.fields["kirim_email"]

    def clean(self):
        d = super().clean()
        if d.get("kirim_email") and not (d.get("email") or "").strip() and "email" not in self.errors:
            self.add_error("email", _("Isi e-mail untuk mengirim tautan, atau jangan centang pengiriman."))
        return d


class PeranForm(formulir.Form):
    jenis = forms.ChoiceField(
        label=_("Peran"),
        choices=Peran.Jenis.choices,
        help_text=_(
            "Operator mengisi data unit; pimpinan memverifikasi dan menandatangani; pembaca hanya melihat; "
            "evaluator (Inspektorat) menilai; admin pemda mengatur pemda. Contoh: Operator."
        ),
    )
    instansi = forms.ModelChoiceField(
        label=_("Lingkup peran"),
        queryset=Instansi.objects.none(),
        required=False,
        empty_label=_("(seluruh pemda)"),
        help_text=_(
            "Operator dan pimpinan dipegang untuk satu unit; admin pemda untuk seluruh pemda; evaluator "
            "dan pembaca untuk satu unit atau seluruh pemda. Contoh: Kecamatan Bekasi Timur."
        ),
    )

    def __init__(self, *args, pemda, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instansi"].queryset = Instansi.objects.filter(pemda=pemda, aktif=True).order_by("nama")


def tampilkan_galat(form, exc) -> None:
    """A service's refusal (``Ditolak``) shown on ``form``: next to the fields it names, else
    above the form."""
    for bidang, pesan in exc.bidang.items():
        for p in pesan:
            form.add_error(bidang if bidang in form.fields else None, p)
    if not exc.bidang:
        form.add_error(None, str(exc))


BARIS_PEGAWAI_BARU = 3  # empty rows for new categories under the table


class PegawaiForm(formulir.Form):
    """A unit's staff counts of a year (LKIP Tabel 1.1): one row per category, a column per
    education level, a few empty rows for new categories; saved at once."""

    def __init__(self, *args, baris, **kwargs):
        from organisasi.models import PENDIDIKAN

        super().__init__(*args, **kwargs)
        self.kolom = PENDIDIKAN
        self.baris_lama = list(baris)
        self.tabel = []  # (row or None, kategori field, [count fields], hapus field or None)

        def angka(nama, awal):
            self.fields[nama] = forms.IntegerField(
                label=nama, min_value=0, max_value=1_000_000, required=False, initial=awal
            )
            return self[nama]

        for p in self.baris_lama:
            self.fields[f"kategori_{p.id}"] = forms.CharField(
                label=_("Kategori"), max_length=100, initial=p.kategori
            )
            self.fields[f"hapus_{p.id}"] = forms.BooleanField(label=_("Hapus"), required=False)
            self.tabel.append(
                (
                    p,
                    self[f"kategori_{p.id}"],
                    [(f, angka(f"{f}_{p.id}", getattr(p, f))) for f in PENDIDIKAN],
                    self[f"hapus_{p.id}"],
                )
            )
        for n in range(BARIS_PEGAWAI_BARU):
            self.fields[f"kategori_baru_{n}"] = forms.CharField(
                label=_("Kategori"), max_length=100, required=False
            )
            self.tabel.append(
                (
                    None,
                    self[f"kategori_baru_{n}"],
                    [(f, angka(f"{f}_baru_{n}", None)) for f in PENDIDIKAN],
                    None,
                )
            )

    def clean(self):
        d = super().clean()
        for n in range(BARIS_PEGAWAI_BARU):
            ada_angka = any(d.get(f"{f}_baru_{n}") for f in self.kolom)
            if ada_angka and not (d.get(f"kategori_baru_{n}") or "").strip():
                self.add_error(f"kategori_baru_{n}", _("Isi kategori untuk angka di baris ini."))
        return d

    def _isi(self, akhiran):
        d = self.cleaned_data
        return {f: d.get(f"{f}_{akhiran}") or 0 for f in self.kolom}

    def ubah(self) -> dict[int, dict]:
        d = self.cleaned_data
        return {
            p.id: {
                "kategori": d[f"kategori_{p.id}"],
                "hapus": d.get(f"hapus_{p.id}", False),
                **self._isi(p.id),
            }
            for p in self.baris_lama
        }

    def baru(self) -> list[dict]:
        d = self.cleaned_data
        return [
            {"kategori": d[f"kategori_baru_{n}"], **self._isi(f"baru_{n}")}
            for n in range(BARIS_PEGAWAI_BARU)
            if (d.get(f"kategori_baru_{n}") or "").strip()
        ]
