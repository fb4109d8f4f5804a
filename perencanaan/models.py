"""Planning: Renstra → tujuan → sasaran → indikator (with yearly targets), IKU, Perjanjian Kinerja.

Below each sasaran strategis the unit's cascade (``Jenjang``): sasaran program (eselon III) →
sasaran kegiatan (eselon IV) → output sub kegiatan, each owned by a jabatan (``Pejabat``) and
resting on a budget programme / kegiatan / sub-kegiatan; indicators of a node are ``Indikator``
rows with ``jenjang`` set. A staff member's rencana hasil kerja (``RencanaHasilKerja``) hangs
under an indicator of the superior's node. The sasaran strategis itself is owned by
``Sasaran.pemilik``, or when empty by the unit head (``selectors.kepala_unit``). The reads are
``perencanaan.selectors.milik_jabatan`` and ``perencanaan.selectors.jenjang_unit``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from dasar.galat import Ditolak
from organisasi.models import validate_nip
from rumus.capaian import Agregasi, Polaritas

NILAI = {"max_digits": 24, "decimal_places": 6}


class Renstra(models.Model):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="renstra")
    kode = models.SlugField()
    nama = models.CharField(max_length=300)
    tahun_awal = models.PositiveSmallIntegerField()
    tahun_akhir = models.PositiveSmallIntegerField()
    # the regional medium-term plan this Renstra follows (RPJMD, or RPD between two RPJMD), as text
    rpjmd = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name_plural = _("renstra")
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="renstra_unik")]

    def __str__(self):
        return self.nama

    def tahun(self):
        return range(self.tahun_awal, self.tahun_akhir + 1)


class Arsip(models.Model):
    """What Tujuan, Sasaran and Indikator share: their place among their siblings (``urutan``, a
    smaller number first, then ``kode``) and the year from which they are archived
    (``tahun_nonaktif``: no longer planned or measured from that year on; earlier years keep
    them). Something already used (a signed PK, a realisasi, a budget link) is archived, never
    deleted (``perencanaan.services.hapus``)."""

    urutan = models.PositiveIntegerField(
        _("urutan"),
        default=0,
        help_text=_("Posisi di antara yang setingkat (angka kecil lebih dulu), contoh: 1."),
    )
    tahun_nonaktif = models.PositiveSmallIntegerField(
        _("diarsipkan mulai tahun"),
        null=True,
        blank=True,
        help_text=_(
            "Sejak tahun ini tidak direncanakan dan tidak diukur lagi; tahun sebelumnya tetap. "
            "Kosong: masih aktif. Contoh: 2027."
        ),
    )

    class Meta:
        abstract = True

    def aktif_pada(self, tahun: int) -> bool:
        """Is this item (not archived from ``tahun`` or earlier) planned in ``tahun``?"""
        return self.tahun_nonaktif is None or tahun < self.tahun_nonaktif


class Tujuan(Arsip):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="tujuan")
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kode = models.CharField(
        _("kode"),
        max_length=30,
        help_text=_("Kode singkat, unik di unit ini, seperti di dokumen Renstra, contoh: T1."),
    )
    uraian = models.TextField(
        _("uraian tujuan"),
        max_length=1000,
        help_text=_(
            "Kondisi yang hendak dicapai dalam periode Renstra, contoh: Terwujudnya pelayanan publik "
            "kecamatan yang prima."
        ),
    )

    class Meta:
        verbose_name_plural = _("tujuan")
        ordering = ["urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="tujuan_unik")]

    def __str__(self):
        return self.uraian


class Sasaran(Arsip):
    jalur_unit = "instansi_id"

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="sasaran")
    tujuan = models.ForeignKey(
        Tujuan,
        on_delete=models.CASCADE,
        related_name="sasaran",
        verbose_name=_("tujuan"),
        help_text=_("Tujuan yang didukung sasaran ini, contoh: T1."),
    )
    kode = models.CharField(
        _("kode"),
        max_length=30,
        help_text=_("Kode singkat, unik di unit ini, contoh: S1.1 (sasaran pertama tujuan T1)."),
    )
    uraian = models.TextField(
        _("uraian sasaran"),
        max_length=1000,
        help_text=_(
            "Hasil yang hendak dicapai, terukur dengan indikatornya, contoh: Meningkatnya kepuasan "
            "masyarakat atas pelayanan kecamatan."
        ),
    )
    # the jabatan owning the sasaran strategis; empty: the unit head (selectors.kepala_unit)
    pemilik = models.ForeignKey(
        "organisasi.Pejabat",
        verbose_name=_("pemilik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sasaran_milik",
        help_text=_("Jabatan penanggung jawab sasaran strategis. Kosong: kepala unit, contoh: Camat."),
    )

    class Meta:
        verbose_name_plural = _("sasaran")
        ordering = ["urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="sasaran_unik")]

    def __str__(self):
        return self.uraian


class Indikator(Arsip):
    jalur_unit = "instansi_id"

    class Level(models.TextChoices):
        TUJUAN = "tujuan", _("Tujuan")
        SASARAN = "sasaran", _("Sasaran")
        PROGRAM = "program", _("Program")
        KEGIATAN = "kegiatan", _("Kegiatan")
        SUB_KEGIATAN = "sub_kegiatan", _("Sub kegiatan")

    class SumberRealisasi(models.TextChoices):
        MANUAL = "manual", _("Diisi per periode")
        SKM = "skm", _("Survei Kepuasan Masyarakat (IKM)")
        AKIP = "akip", _("Evaluasi AKIP")
        ZI = "zi", _("Evaluasi Zona Integritas")
        ZONA = "zona", _("Pemantauan zona tertib")

    POLARITAS = [
        (Polaritas.POSITIF.value, _("Positif — makin tinggi makin baik (contoh: IKM)")),
        (Polaritas.NEGATIF.value, _("Negatif — makin rendah makin baik (contoh: jumlah pengaduan)")),
        (Polaritas.RENTANG.value, _("Rentang — baik bila di antara target dan batas atasnya")),
    ]
    AGREGASI = [
        (Agregasi.TERAKHIR.value, _("Terakhir — nilai triwulan terakhir (contoh: IKM)")),
        (Agregasi.JUMLAH.value, _("Jumlah — jumlah semua triwulan (contoh: jumlah layanan)")),
        (Agregasi.RATA_RATA.value, _("Rata-rata — rata-rata triwulan (contoh: persentase bulanan)")),
    ]

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="indikator")
    kode = models.CharField(
        _("kode"), max_length=30, help_text=_("Kode singkat, unik di unit ini, contoh: IKU1.")
    )
    nama = models.CharField(
        _("nama indikator"),
        max_length=400,
        help_text=_("Apa yang diukur, contoh: Indeks Kepuasan Masyarakat (IKM)."),
    )
    level = models.CharField(
        _("tingkat"),
        max_length=12,
        choices=Level.choices,
        help_text=_(
            "Indikator tujuan mengukur tujuan, indikator sasaran mengukur sasaran strategis; contoh: Sasaran."
        ),
    )
    tujuan = models.ForeignKey(
        Tujuan,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name=_("tujuan"),
        help_text=_("Untuk indikator tingkat tujuan: tujuan yang diukurnya, contoh: T1."),
    )
    sasaran = models.ForeignKey(
        Sasaran,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name=_("sasaran"),
        help_text=_("Untuk indikator tingkat sasaran: sasaran yang diukurnya, contoh: S1.1."),
    )
    program = models.ForeignKey("anggaran.Program", null=True, blank=True, on_delete=models.PROTECT)
    kegiatan = models.ForeignKey("anggaran.Kegiatan", null=True, blank=True, on_delete=models.PROTECT)
    # the cascade node this indicator measures (its level equals the node's level)
    jenjang = models.ForeignKey(
        "Jenjang",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="indikator",
        verbose_name=_("sasaran jenjang"),
        help_text=_(
            "Sasaran program, sasaran kegiatan atau output sub kegiatan yang diukurnya, contoh: SP1."
        ),
    )
    satuan = models.CharField(
        _("satuan"), max_length=50, help_text=_("Satuan nilai target dan realisasi, contoh: %, nilai, hari.")
    )
    formulasi = models.TextField(
        _("formulasi"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Cara menghitung nilainya, contoh: jumlah layanan selesai tepat waktu ÷ jumlah layanan × 100 %."
        ),
    )
    alasan = models.TextField(
        _("alasan pemilihan"),
        max_length=2000,
        blank=True,
        help_text=_(
            "Mengapa indikator ini dipilih untuk mengukur sasaran, contoh: mengukur langsung mutu "
            "pelayanan yang dirasakan masyarakat."
        ),
    )
    sumber_data = models.CharField(
        _("sumber data"),
        max_length=300,
        blank=True,
        help_text=_("Dokumen atau sistem asal datanya, contoh: Laporan SKM semester, register pelayanan."),
    )
    penanggung_jawab = models.CharField(
        _("penanggung jawab"),
        max_length=300,
        blank=True,
        help_text=_("Jabatan yang bertanggung jawab atas capaiannya, contoh: Sekretaris Kecamatan."),
    )
    polaritas = models.CharField(
        _("polaritas"),
        max_length=10,
        choices=POLARITAS,
        default="positif",
        help_text=_(
            "Arah yang baik: positif — makin tinggi makin baik, contoh IKM; negatif — makin rendah "
            "makin baik, contoh jumlah pengaduan; rentang — baik bila di antara dua batas."
        ),
    )
    agregasi = models.CharField(
        _("agregasi"),
        max_length=10,
        choices=AGREGASI,
        default="terakhir",
        help_text=_(
            "Cara nilai triwulan menjadi nilai tahunan: terakhir / jumlah / rata-rata triwulan; "
            "contoh: IKM memakai terakhir."
        ),
    )
    iku = models.BooleanField(
        _("Indikator Kinerja Utama (IKU)"),
        default=False,
        help_text=_(
            "Centang bila indikator ini IKU unit: masuk lembar IKU dan Perjanjian Kinerja, "
            "contoh: IKM kecamatan."
        ),
    )

    class JenisHasil(models.TextChoices):
        MENURUT_TINGKAT = "", _("Menurut tingkatnya")
        OUTCOME = "outcome", _("Hasil (outcome)")
        OUTPUT = "output", _("Keluaran (output)")

    jenis_hasil = models.CharField(
        _("jenis hasil"),
        max_length=10,
        choices=JenisHasil.choices,
        default="",
        blank=True,
        help_text=_(
            "Hasil (outcome) mengukur manfaat atau perubahan yang dirasakan; keluaran (output) mengukur "
            "barang atau jasa yang dihasilkan. Kosong: menurut tingkatnya — tujuan, sasaran dan program "
            "hasil, kegiatan keluaran; contoh: keluaran untuk jumlah dokumen yang disusun."
        ),
    )
    sumber_realisasi = models.CharField(
        _("sumber realisasi"),
        max_length=10,
        choices=SumberRealisasi.choices,
        default="manual",
        help_text=_(
            "Dari mana nilai realisasinya: diisi per periode oleh operator (manual), atau dihitung "
            "otomatis dari SKM (IKM), evaluasi AKIP, evaluasi Zona Integritas atau pemantauan zona "
            "tertib; contoh: SKM untuk indikator IKM."
        ),
    )

    class Meta:
        verbose_name_plural = _("indikator")
        ordering = ["instansi", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="indikator_unik")]

    def __str__(self):
        return self.nama

    @property
    def induk(self):
        return self.tujuan or self.sasaran or self.jenjang or self.kegiatan or self.program

    def direncanakan_pada(self, tahun: int) -> bool:
        """Is the indicator, its sasaran and its tujuan all not archived in ``tahun``?"""
        rantai = [self, self.tujuan, self.sasaran, self.sasaran.tujuan if self.sasaran_id else None]
        return all(x.aktif_pada(tahun) for x in rantai if x is not None)

    def clean(self):
        expected = {
            "tujuan": self.tujuan_id,
            "sasaran": self.sasaran_id,
            "program": self.program_id or self.jenjang_id,
            "kegiatan": self.kegiatan_id or self.jenjang_id,
            "sub_kegiatan": self.jenjang_id,
        }
        if not expected.get(self.level):
            raise ValidationError(
                _("Indikator tingkat %(l)s harus punya induk %(l)s"), params={"l": self.level}
            )
        if self.jenjang_id and self.jenjang.level != self.level:
            raise ValidationError(
                _("Indikator %(j)s harus bertingkat %(l)s, sama dengan sasarannya."),
                params={"j": self.jenjang.kode, "l": self.jenjang.get_level_display()},
            )


class Jenjang(Arsip):
    """A node of the unit's cascade below a sasaran strategis: a sasaran program (eselon III,
    under a ``Sasaran``, resting on a budget ``Program``), a sasaran kegiatan (eselon IV, under a
    sasaran program, resting on a ``Kegiatan`` of that programme) or an output sub kegiatan
    (under a sasaran kegiatan, resting on a ``SubKegiatan`` of that kegiatan). ``pemilik`` is the
    jabatan owning it, a Pejabat of the same unit; the budget item is one the unit holds a budget
    line under (any year). Its indicators are ``Indikator`` rows with ``jenjang`` set."""

    jalur_unit = "instansi_id"

    class Level(models.TextChoices):
        PROGRAM = "program", _("Sasaran program")
        KEGIATAN = "kegiatan", _("Sasaran kegiatan")
        SUB_KEGIATAN = "sub_kegiatan", _("Output sub kegiatan")

    # the level a node's parent node has (a sasaran program's parent is a Sasaran)
    LEVEL_INDUK = {"kegiatan": "program", "sub_kegiatan": "kegiatan"}
    # the budget field each level rests on
    ANGGARAN = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub_kegiatan"}

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="jenjang")
    level = models.CharField(
        _("tingkat"),
        max_length=12,
        choices=Level.choices,
        help_text=_(
            "Sasaran program (eselon III), sasaran kegiatan (eselon IV) atau output sub kegiatan; "
            "contoh: Sasaran program."
        ),
    )
    kode = models.CharField(
        _("kode"), max_length=30, help_text=_("Kode singkat, unik di unit ini, contoh: SP1.2.1.")
    )
    uraian = models.TextField(
        _("uraian"),
        max_length=1000,
        help_text=_(
            "Hasil yang hendak dicapai di tingkat ini, contoh: Meningkatnya kualitas perencanaan "
            "dan pelaporan kinerja kecamatan."
        ),
    )
    pemilik = models.ForeignKey(
        "organisasi.Pejabat",
        verbose_name=_("pemilik"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="jenjang_milik",
        help_text=_("Jabatan yang bertanggung jawab, pejabat unit ini, contoh: Sekretaris Kecamatan."),
    )
    sasaran = models.ForeignKey(
        Sasaran,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="jenjang",
        verbose_name=_("sasaran strategis"),
        help_text=_("Untuk sasaran program: sasaran strategis yang didukungnya, contoh: S1.2."),
    )
    induk = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="anak",
        verbose_name=_("induk"),
        help_text=_(
            "Untuk sasaran kegiatan dan output sub kegiatan: sasaran setingkat di atasnya, contoh: SP1."
        ),
    )
    program = models.ForeignKey(
        "anggaran.Program",
        verbose_name=_("program"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Untuk sasaran program: program anggaran yang menjadi dasarnya, contoh: 7.01.01."),
    )
    kegiatan = models.ForeignKey(
        "anggaran.Kegiatan",
        verbose_name=_("kegiatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Untuk sasaran kegiatan: kegiatan anggaran yang menjadi dasarnya, contoh: 7.01.01.2.01."),
    )
    sub_kegiatan = models.ForeignKey(
        "anggaran.SubKegiatan",
        verbose_name=_("sub kegiatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Untuk output sub kegiatan: sub kegiatan anggaran, contoh: 7.01.01.2.01.0006."),
    )

    class Meta:
        verbose_name = _("sasaran jenjang")
        verbose_name_plural = _("sasaran jenjang")
        ordering = ["instansi", "urutan", "kode"]
        constraints = [models.UniqueConstraint(fields=["instansi", "kode"], name="jenjang_unik")]

    def __str__(self):
        return f"{self.kode} {self.uraian}"

    @property
    def anggaran(self):
        """The budget Program, Kegiatan or SubKegiatan the node rests on."""
        return getattr(self, self.ANGGARAN[self.level])

    @property
    def kode_anggaran(self) -> str:
        item = self.anggaran
        return item.kode if item is not None else ""

    def clean(self):
        galat = {}
        if self.level not in self.ANGGARAN:
            raise ValidationError(
                {"level": _("Pilih tingkat: sasaran program, sasaran kegiatan atau output sub kegiatan.")}
            )
        # the parent: a Sasaran for a sasaran program, the node one level up otherwise
        if self.level == self.Level.PROGRAM:
            if not self.sasaran_id:
                galat["sasaran"] = _("Sasaran program harus di bawah satu sasaran strategis.")
            elif self.sasaran.instansi_id != self.instansi_id:
                galat["sasaran"] = _("Sasaran strategis harus milik unit ini.")
            if self.induk_id:
                galat["induk"] = _(
                    "Sasaran program langsung di bawah sasaran strategis, tanpa induk jenjang."
                )
        else:
            harus = self.LEVEL_INDUK[self.level]
            if self.sasaran_id:
                galat["sasaran"] = _("Hanya sasaran program yang langsung di bawah sasaran strategis.")
            if not self.induk_id:
                galat["induk"] = _("%(l)s harus di bawah satu %(i)s.") % {
                    "l": self.get_level_display(),
                    "i": self.Level(harus).label,
                }
            elif self.induk.level != harus:
                galat["induk"] = _("%(l)s harus di bawah %(i)s, bukan di bawah %(x)s %(k)s.") % {
                    "l": self.get_level_display(),
                    "i": self.Level(harus).label,
                    "x": self.induk.get_level_display(),
                    "k": self.induk.kode,
                }
            elif self.induk.instansi_id != self.instansi_id:
                galat["induk"] = _("Induk harus sasaran unit ini.")
            elif self.pk is not None and self.induk_id == self.pk:
                galat["induk"] = _("Induk tidak boleh dirinya sendiri.")
        # the owner: a jabatan of this unit
        if self.pemilik_id and self.pemilik.instansi_id != self.instansi_id:
            galat["pemilik"] = _("Pemilik harus pejabat unit ini, bukan %(p)s.") % {"p": self.pemilik.jabatan}
        # the budget item: only the field of its level, one the unit holds a line under, and
        # within the parent's budget item
        bidang = self.ANGGARAN[self.level]
        for lain in self.ANGGARAN.values():
            if lain != bidang and getattr(self, lain + "_id"):
                galat[lain] = _("%(l)s hanya berdasar %(b)s anggaran.") % {
                    "l": self.get_level_display(),
                    "b": self._meta.get_field(bidang).verbose_name,
                }
        item = getattr(self, bidang)
        if item is None:
            galat[bidang] = _("Pilih %(b)s anggaran yang menjadi dasar %(l)s.") % {
                "b": self._meta.get_field(bidang).verbose_name,
                "l": self.get_level_display().lower(),
            }
        elif bidang not in galat:
            if not self._anggaran_unit(item):
                galat[bidang] = _(
                    "%(k)s bukan anggaran unit ini (tidak ada baris DPA unit ini di bawahnya)."
                ) % {"k": item.kode}
            elif self.induk_id and "induk" not in galat:
                atas = self.induk.anggaran
                if atas is not None and not (item.kode == atas.kode or item.kode.startswith(atas.kode + ".")):
                    galat[bidang] = _("%(k)s bukan bagian dari %(a)s, anggaran induknya %(i)s.") % {
                        "k": item.kode,
                        "a": atas.kode,
                        "i": self.induk.kode,
                    }
        if galat:
            raise ValidationError(galat)

    def _anggaran_unit(self, item) -> bool:
        """Does the unit hold a budget line (any year) under the programme / kegiatan /
        sub-kegiatan ``item``? (The budget models are reached through this model's foreign keys:
        planning sits below the budget app in the layers.)"""
        jalur = {
            "program": "kegiatan__sub_kegiatan__baris__instansi",
            "kegiatan": "sub_kegiatan__baris__instansi",
            "sub_kegiatan": "baris__instansi",
        }[self.level]
        return type(item).objects.filter(pk=item.pk, **{jalur: self.instansi_id}).exists()


class RencanaHasilKerja(models.Model):
    """A staff member's rencana hasil kerja (RHK, as in the SKP of e-Kinerja, PermenPANRB 6/2022)
    for a year: the result, its indicator and target, under an indicator of the superior's cascade
    node or sasaran (``indikator_atasan``: the "intervensi" of the superior). The staff member is
    named here (name, NIP, jabatan): organisasi.Pegawai counts staff by category, it has no
    person rows."""

    jalur_unit = "instansi_id"

    class Aspek(models.TextChoices):
        KUANTITAS = "kuantitas", _("Kuantitas")
        KUALITAS = "kualitas", _("Kualitas")
        WAKTU = "waktu", _("Waktu")
        BIAYA = "biaya", _("Biaya")

    instansi = models.ForeignKey("organisasi.Instansi", on_delete=models.CASCADE, related_name="rhk")
    tahun = models.PositiveSmallIntegerField(_("tahun"))
    nama_pegawai = models.CharField(
        _("nama pegawai"), max_length=200, help_text=_("Nama pegawai pemilik RHK, contoh: RINA MARLINA, S.E.")
    )
    nip = models.CharField(
        _("NIP"),
        max_length=18,
        blank=True,
        validators=[validate_nip],
        help_text=_("18 angka tanpa spasi, contoh: 198503122010012003. Kosong untuk non-ASN."),
    )
    jabatan = models.CharField(
        _("jabatan pegawai"), max_length=200, help_text=_("Jabatan pegawai, contoh: Analis Perencanaan.")
    )
    indikator_atasan = models.ForeignKey(
        Indikator,
        verbose_name=_("indikator atasan yang diintervensi"),
        on_delete=models.PROTECT,
        related_name="rhk",
        help_text=_(
            "Indikator sasaran atasan yang didukung RHK ini, contoh: IK1.1 (sasaran kegiatan Kasubag)."
        ),
    )
    urutan = models.PositiveIntegerField(
        _("urutan"), default=0, help_text=_("Urutan RHK pegawai ini, contoh: 1.")
    )
    uraian = models.TextField(
        _("rencana hasil kerja"),
        max_length=1000,
        help_text=_("Hasil kerja yang direncanakan, contoh: Tersusunnya dokumen LKIP kecamatan tepat waktu."),
    )
    nama_indikator = models.CharField(
        _("indikator RHK"),
        max_length=400,
        help_text=_("Ukuran keberhasilan RHK, contoh: Jumlah dokumen LKIP yang tersusun."),
    )
    aspek = models.CharField(
        _("aspek"),
        max_length=10,
        choices=Aspek.choices,
        default=Aspek.KUANTITAS,
        help_text=_(
            "Aspek yang diukur indikatornya: kuantitas, kualitas, waktu atau biaya; contoh: kuantitas."
        ),
    )
    target = models.DecimalField(_("target"), help_text=_("Target tahunan, contoh: 1."), **NILAI)
    satuan = models.CharField(_("satuan"), max_length=50, help_text=_("Satuan target, contoh: dokumen."))

    class Meta:
        verbose_name = _("rencana hasil kerja")
        verbose_name_plural = _("rencana hasil kerja")
        ordering = ["instansi", "tahun", "nama_pegawai", "urutan", "id"]

    def __str__(self):
        return f"{self.nama_pegawai}: {self.uraian}"

    def clean(self):
        if self.indikator_atasan_id and self.indikator_atasan.instansi_id != self.instansi_id:
            raise ValidationError({"indikator_atasan": _("Indikator atasan harus indikator unit ini.")})


class Target(models.Model):
    """Renstra target of an indikator for one year."""

    jalur_unit = "indikator__instansi_id"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target")
    tahun = models.PositiveSmallIntegerField()
    nilai = models.DecimalField(**NILAI)
    nilai_atas = models.DecimalField(null=True, blank=True, **NILAI)

    class Meta:
        ordering = ["indikator", "tahun"]
        constraints = [models.UniqueConstraint(fields=["indikator", "tahun"], name="target_unik")]


class PKTerkunci(Ditolak):
    """A signed Perjanjian Kinerja cannot change; a revision is a new versi."""


class PerjanjianKinerja(models.Model):
    jalur_unit = "instansi_id"

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        DITANDATANGANI = "ditandatangani", _("Ditandatangani")

    instansi = models.ForeignKey(
        "organisasi.Instansi", on_delete=models.CASCADE, related_name="perjanjian_kinerja"
    )
    tahun = models.PositiveSmallIntegerField()
    versi = models.PositiveSmallIntegerField(default=1)
    # the date and place of signing as printed on the document, chosen before signing (never
    # the day the button is clicked); an empty place prints the unit's ``kota``
    tanggal = models.DateField(_("tanggal penandatanganan"), null=True, blank=True)
    tempat = models.CharField(_("tempat penandatanganan"), max_length=100, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    pihak_pertama = models.ForeignKey(
        "organisasi.Pejabat", verbose_name=_("pihak pertama"), on_delete=models.PROTECT, related_name="+"
    )
    pihak_kedua = models.ForeignKey(
        "organisasi.Pejabat",
        verbose_name=_("pihak kedua"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # the position (jabatan) whose PK this is, when it is not the unit head's: a Sekretaris,
    # Kepala Seksi or Lurah signing with the head as PIHAK KEDUA (docs/rules.md §1). Empty: the
    # head's PK, the unit's PK in force for the year (LKIP, capaian, dashboards); every PK made
    # before positions had their own is the head's.
    jabatan = models.ForeignKey(
        "organisasi.Pejabat",
        verbose_name=_("jabatan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="perjanjian_kinerja",
        help_text=_("Jabatan pemilik PK ini; kosong untuk PK kepala unit, contoh: Sekretaris Kecamatan."),
    )
    keterangan = models.TextField(max_length=2000, blank=True)
    # what the signed document shows, stored at signing (laporan.perjanjian.isi_pk), and the
    # SHA-256 of its canonical serialisation (dasar.sidik.sidik); empty for a draft
    isi_beku = models.JSONField(null=True, blank=True, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("perjanjian kinerja")
        verbose_name_plural = _("perjanjian kinerja")
        ordering = ["instansi", "tahun", "versi"]
        # one versi number per unit-year for the head's PK, and per unit-year-position for the others
        constraints = [
            models.UniqueConstraint(
                fields=["instansi", "tahun", "versi"], condition=Q(jabatan__isnull=True), name="pk_unik"
            ),
            models.UniqueConstraint(
                fields=["instansi", "tahun", "jabatan", "versi"],
                condition=Q(jabatan__isnull=False),
                name="pk_jabatan_unik",
            ),
        ]

    def __str__(self):
        label = "PK" if self.versi == 1 else f"PK Perubahan {self.versi - 1}"
        if self.jabatan_id:
            return f"{label} {self.jabatan.jabatan} {self.instansi} {self.tahun}"
        return f"{label} {self.instansi} {self.tahun}"

    @property
    def label(self) -> str:
        """ "Perjanjian Kinerja 2024", "PK Perubahan ke-1 2024": the version and year, no unit."""
        if self.versi == 1:
            return _("Perjanjian Kinerja %(tahun)s") % {"tahun": self.tahun}
        return _("PK Perubahan ke-%(n)s %(tahun)s") % {"n": self.versi - 1, "tahun": self.tahun}

    @property
    def ditandatangani(self) -> bool:
        return self.status == self.Status.DITANDATANGANI

    def save(self, *args, **kwargs):
        if self.pk is not None:
            before = PerjanjianKinerja.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if before == self.Status.DITANDATANGANI:
                raise PKTerkunci(f"{self} sudah ditandatangani dan tidak dapat diubah; buat versi baru")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.ditandatangani:
            raise PKTerkunci(f"{self} sudah ditandatangani dan tidak dapat dihapus")
        return super().delete(*args, **kwargs)


class PKIndikator(models.Model):
    jalur_unit = "pk_dokumen__instansi_id"

    pk_dokumen = models.ForeignKey(PerjanjianKinerja, on_delete=models.CASCADE, related_name="indikator")
    indikator = models.ForeignKey(Indikator, on_delete=models.PROTECT, related_name="pk_indikator")
    no = models.PositiveSmallIntegerField(default=0)
    target = models.DecimalField(**NILAI)
    target_atas = models.DecimalField(null=True, blank=True, **NILAI)

    class Meta:
        ordering = ["pk_dokumen", "no", "id"]
        constraints = [models.UniqueConstraint(fields=["pk_dokumen", "indikator"], name="pk_indikator_unik")]

    def _cek_terkunci(self):
        if PerjanjianKinerja.objects.filter(pk=self.pk_dokumen_id, status="ditandatangani").exists():
            raise PKTerkunci("Perjanjian Kinerja sudah ditandatangani; target tidak dapat diubah")

    def save(self, *args, **kwargs):
        self._cek_terkunci()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._cek_terkunci()
        return super().delete(*args, **kwargs)


class Triwulan(models.TextChoices):
    TW1 = "TW1", _("Triwulan I")
    TW2 = "TW2", _("Triwulan II")
    TW3 = "TW3", _("Triwulan III")
    TW4 = "TW4", _("Triwulan IV")


class PeriodeRencana(models.TextChoices):
    """A Rencana Aksi target's period: a quarter, or a month (B01..B12) when the unit's pemda plans
    per month (``organisasi.Pemda.periode_rencana_aksi``)."""

    TW1 = "TW1", _("Triwulan I")
    TW2 = "TW2", _("Triwulan II")
    TW3 = "TW3", _("Triwulan III")
    TW4 = "TW4", _("Triwulan IV")
    B01 = "B01", _("Januari")
    B02 = "B02", _("Februari")
    B03 = "B03", _("Maret")
    B04 = "B04", _("April")
    B05 = "B05", _("Mei")
    B06 = "B06", _("Juni")
    B07 = "B07", _("Juli")
    B08 = "B08", _("Agustus")
    B09 = "B09", _("September")
    B10 = "B10", _("Oktober")
    B11 = "B11", _("November")
    B12 = "B12", _("Desember")


class TargetTriwulan(models.Model):
    """Rencana Aksi: the target of a PK indicator for one quarter of the year. The four quarters
    follow the indicator's aggregation of the PK's annual target (rumus.rencana_aksi; docs/rules.md
    §11). Kept per indicator and year, so a PK Perubahan keeps the plan (and the page says when the
    new annual target no longer agrees with it). When the pemda plans per month the twelve month
    targets (``periode`` B01..B12) are stored here too, and the quarter rows are derived from them
    (``rumus.rencana_aksi.triwulan_dari_bulan``), so every reader of the quarters is unchanged."""

    jalur_unit = "indikator__instansi_id"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="target_triwulan")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(max_length=3, choices=PeriodeRencana.choices)
    nilai = models.DecimalField(_("target triwulan"), **NILAI)

    class Meta:
        verbose_name = _("target triwulan")
        verbose_name_plural = _("target triwulan")
        ordering = ["indikator", "tahun", "periode"]
        constraints = [
            models.UniqueConstraint(fields=["indikator", "tahun", "periode"], name="target_triwulan_unik")
        ]


class LangkahAksi(models.Model):
    """Rencana Aksi: one action step of a PK indicator in a quarter, with who is responsible and
    optionally the budget sub-kegiatan (of the unit's DPA lines of the year) that pays for it."""

    jalur_unit = "indikator__instansi_id"

    indikator = models.ForeignKey(Indikator, on_delete=models.CASCADE, related_name="langkah_aksi")
    tahun = models.PositiveSmallIntegerField()
    periode = models.CharField(_("triwulan"), max_length=3, choices=Triwulan.choices)
    urutan = models.PositiveSmallIntegerField(default=0)
    uraian = models.TextField(_("uraian kegiatan"), max_length=1000)
    penanggung_jawab = models.CharField(_("penanggung jawab"), max_length=200, blank=True)
    sub_kegiatan = models.ForeignKey(
        "anggaran.SubKegiatan",
        verbose_name=_("sub kegiatan anggaran"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("langkah aksi")
        verbose_name_plural = _("langkah aksi")
        ordering = ["indikator", "tahun", "periode", "urutan", "id"]
