"""The inbox "Tugas saya": what waits for the user's action, computed live from the data.

The inbox is a list of sections (``BAGIAN``), each a selector ``isi(konteks) -> list[ItemKotak]``
that runs a fixed number of queries whatever the number of units, rows or years. A section sees
only the units where the user may do the action it is about (``akun.izin.instansi_boleh``); so a
viewer's or an admin's inbox is empty and a user of two units sees both. Another area adds a
section by appending a ``BagianKotak`` to ``BAGIAN`` (docs/antarmuka.md, "Tugas saya").

Items about quarters, the PK of a year or the LKIP use the selected year where the task belongs
to a year's work (entries missing, the LKIP to issue); returned or submitted realisasi, PKs to
sign, LKEs to score and follow-ups are listed whatever their year (each names its own year or due
date). Today's date decides only what is due: a quarter that has ended, a follow-up's due date.
"""

from __future__ import annotations

import calendar
import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from akun.izin import instansi_boleh
from evaluasi.models import Evaluasi, Rekomendasi, StatusEvaluasi, StatusTindakLanjut
from laporan.models import TerbitanLKIP
from pengingat.selectors import pengingat_mendatang
from pengukuran.models import Alur, PengajuanRealisasi, Periode, Realisasi, StatusPeriode
from pengukuran.selectors import pk_berlaku
from perencanaan.models import PerjanjianKinerja, PKIndikator
from rumus.format import format_tanggal

TRIWULAN = ("TW1", "TW2", "TW3", "TW4")
# a follow-up shows in the inbox from this many days before its due date (configurable default)
HARI_JATUH_TEMPO = 14
TERBUKA = (StatusPeriode.DRAFT, StatusPeriode.DIKEMBALIKAN)
SELESAI = (StatusPeriode.DIVERIFIKASI, StatusPeriode.TERKUNCI)


@dataclass
class ItemKotak:
    """One task: what to do (``judul``), for which unit, the page where it is done, and details
    (the pimpinan's comment, what is missing, a due date)."""

    judul: str
    unit: str
    url: str
    keterangan: str = ""
    batas: _dt.date | None = None
    terlambat: bool = False


@dataclass
class KonteksKotak:
    user: object
    tahun: int | None
    hari_ini: _dt.date = field(default_factory=timezone.localdate)
    _unit: dict = field(default_factory=dict, repr=False)

    def unit(self, aksi: str):
        """The units where the user may do ``aksi`` (a queryset used as a subquery: no query)."""
        if aksi not in self._unit:
            self._unit[aksi] = instansi_boleh(self.user, aksi)
        return self._unit[aksi]


@dataclass(frozen=True)
class BagianKotak:
    kode: str
    judul: str
    isi: Callable[[KonteksKotak], list[ItemKotak]]


def akhir_triwulan(tahun: int, periode: str) -> _dt.date:
    bulan = 3 * (TRIWULAN.index(periode) + 1)
    return _dt.date(tahun, bulan, calendar.monthrange(tahun, bulan)[1])


def _url_realisasi(slug: str, tahun: int, periode: str, alur: str = Alur.KINERJA) -> str:
    nama = "anggaran:realisasi" if alur == Alur.ANGGARAN else "pengukuran:realisasi"
    return reverse(nama, args=[slug, tahun, periode])


def _judul_periode(p) -> str:
    """ "realisasi kinerja Triwulan IV 2025": the workflow, quarter and year of a submission row."""
    return f"{Alur(p.alur).label.lower()} {Periode(p.periode).label} {p.tahun}"


def realisasi_dikembalikan(k: KonteksKotak) -> list[ItemKotak]:
    """The operator's quarters (of either workflow) returned by the pimpinan, with the comment.
    One query."""
    qs = (
        PengajuanRealisasi.objects.filter(status=StatusPeriode.DIKEMBALIKAN, instansi__in=k.unit("isi"))
        .select_related("instansi")
        .order_by("tahun", "periode", "alur", "instansi__nama")
    )
    return [
        ItemKotak(
            _("Perbaiki %(periode)s yang dikembalikan") % {"periode": _judul_periode(p)},
            p.instansi.nama,
            _url_realisasi(p.instansi.slug, p.tahun, p.periode, p.alur),
            _("Komentar pimpinan: %(k)s") % {"k": p.komentar} if p.komentar else "",
        )
        for p in qs
    ]


def realisasi_belum_diisi(k: KonteksKotak) -> list[ItemKotak]:
    """Performance quarters of the selected year that have ended, are still open (draft) and miss a value of
    an indicator of the PK in force that is entered by hand. Five queries."""
    if k.tahun is None:
        return []
    berakhir = [p for p in TRIWULAN if akhir_triwulan(k.tahun, p) < k.hari_ini]
    if not berakhir:
        return []
    units = {u.id: u for u in k.unit("isi")}
    pk = pk_berlaku(list(units), k.tahun)
    if not pk:
        return []
    baris = list(
        PKIndikator.objects.filter(
            pk_dokumen_id__in=[p.id for p in pk.values()], indikator__sumber_realisasi="manual"
        )
        .select_related("indikator")
        .order_by("no", "id")
    )
    ada = set(
        Realisasi.objects.filter(indikator_id__in=[b.indikator_id for b in baris], tahun=k.tahun).values_list(
            "indikator_id", "periode"
        )
    )
    status = dict(
        (((p.instansi_id, p.periode), p.status))
        for p in PengajuanRealisasi.objects.filter(
            instansi_id__in=list(pk), tahun=k.tahun, alur=Alur.KINERJA
        ).only("instansi_id", "periode", "status")
    )
    hasil = []
    for iid, unit in sorted(units.items(), key=lambda x: x[1].nama):
        milik = [b for b in baris if b.indikator.instansi_id == iid]
        for periode in berakhir:
            if status.get((iid, periode), StatusPeriode.DRAFT) != StatusPeriode.DRAFT:
                continue  # submitted, verified, locked — or returned (its own section)
            kurang = [
                b.indikator.nama
                for b in milik
                if (b.indikator_id, periode) not in ada and (b.indikator_id, "TAHUN") not in ada
            ]
            if kurang:
                hasil.append(
                    ItemKotak(
                        _("Isi realisasi %(periode)s %(tahun)s")
                        % {"periode": Periode(periode).label, "tahun": k.tahun},
                        unit.nama,
                        _url_realisasi(unit.slug, k.tahun, periode),
                        _("%(n)d dari %(m)d indikator belum diisi: %(daftar)s")
                        % {"n": len(kurang), "m": len(milik), "daftar": "; ".join(kurang)},
                        akhir_triwulan(k.tahun, periode),
                    )
                )
    return hasil


def realisasi_diajukan(k: KonteksKotak) -> list[ItemKotak]:
    """Quarters (of either workflow) submitted to the pimpinan, waiting to be verified or
    returned. One query."""
    qs = (
        PengajuanRealisasi.objects.filter(status=StatusPeriode.DIAJUKAN, instansi__in=k.unit("setujui"))
        .select_related("instansi", "diubah_oleh")
        .order_by("tahun", "periode", "alur", "instansi__nama")
    )
    return [
        ItemKotak(
            _("Verifikasi %(periode)s") % {"periode": _judul_periode(p)},
            p.instansi.nama,
            _url_realisasi(p.instansi.slug, p.tahun, p.periode, p.alur),
            _("Diajukan oleh %(u)s") % {"u": p.diubah_oleh.get_full_name() or p.diubah_oleh.get_username()}
            if p.diubah_oleh
            else "",
        )
        for p in qs
    ]


def pk_belum_ditandatangani(k: KonteksKotak) -> list[ItemKotak]:
    """Draft PKs with indicators, waiting for the pimpinan's signature. One query."""
    qs = (
        PerjanjianKinerja.objects.filter(
            status=PerjanjianKinerja.Status.DRAFT, instansi__in=k.unit("tandatangani")
        )
        .annotate(n=Count("indikator"))
        .filter(n__gt=0)
        .select_related("instansi", "pihak_pertama", "pihak_kedua", "jabatan")
        .order_by("tahun", "versi", "instansi__nama")
    )
    hasil = []
    for p in qs:
        kurang = [
            label
            for label, pj in ((_("PIHAK PERTAMA"), p.pihak_pertama), (_("PIHAK KEDUA"), p.pihak_kedua))
            if pj is None or not pj.nama
        ]
        if p.jabatan_id:  # a position's own PK: its page
            judul = _("Tandatangani %(pk)s %(j)s") % {"pk": p.label, "j": p.jabatan.jabatan}
            tautan = reverse("perencanaan:pk_jabatan", args=[p.instansi.slug, p.tahun, p.jabatan.kode])
        else:
            judul = _("Tandatangani %(pk)s") % {"pk": p.label}
            tautan = reverse("perencanaan:pk", args=[p.instansi.slug, p.tahun])
        hasil.append(
            ItemKotak(
                judul,
                p.instansi.nama,
                tautan,
                _("Penanda tangan belum dipilih: %(p)s") % {"p": ", ".join(kurang)}
                if kurang
                else _("%(n)d indikator") % {"n": p.n},
            )
        )
    return hasil


def lkip_belum_terbit(k: KonteksKotak) -> list[ItemKotak]:
    """The LKIP of the selected year not issued yet although its PK is signed and the year has
    ended or all four quarters of performance realisasi are verified. One query."""
    if k.tahun is None:
        return []
    pk = PerjanjianKinerja.objects.filter(
        instansi=OuterRef("pk"),
        tahun=k.tahun,
        status=PerjanjianKinerja.Status.DITANDATANGANI,
        jabatan__isnull=True,
    )
    terbit = TerbitanLKIP.objects.filter(instansi=OuterRef("pk"), tahun=k.tahun)
    qs = (
        k.unit("terbitkan")
        .annotate(
            ada_pk=Exists(pk),
            terbit=Exists(terbit),
            selesai=Count(
                "pengajuan",
                filter=Q(
                    pengajuan__tahun=k.tahun,
                    pengajuan__alur=Alur.KINERJA,
                    pengajuan__periode__in=TRIWULAN,
                    pengajuan__status__in=SELESAI,
                ),
            ),
        )
        .filter(ada_pk=True, terbit=False)
        .order_by("nama")
    )
    tahun_lewat = k.tahun < k.hari_ini.year
    return [
        ItemKotak(
            _("Terbitkan LKIP %(tahun)s") % {"tahun": k.tahun},
            u.nama,
            reverse("laporan:lkip", args=[u.slug, k.tahun]),
            _("%(n)d dari 4 triwulan sudah diverifikasi") % {"n": u.selesai},
        )
        for u in qs
        if tahun_lewat or u.selesai >= len(TRIWULAN)
    ]


def lke_menunggu_nilai(k: KonteksKotak) -> list[ItemKotak]:
    """LKEs submitted by a unit (to start) or being evaluated by this evaluator (or by nobody
    yet), for the evaluator to score. One query."""
    qs = (
        Evaluasi.objects.filter(instansi__in=k.unit("evaluasi"))
        .filter(
            Q(status=StatusEvaluasi.DIAJUKAN)
            | Q(status=StatusEvaluasi.DIEVALUASI, evaluator__isnull=True)
            | Q(status=StatusEvaluasi.DIEVALUASI, evaluator=k.user)
        )
        .select_related("instansi")
        .order_by("tahun", "jenis", "instansi__nama")
    )
    return [
        ItemKotak(
            (
                _("Mulai menilai LKE %(e)s")
                if e.status == StatusEvaluasi.DIAJUKAN
                else _("Lanjutkan menilai LKE %(e)s")
            )
            % {"e": f"{e.get_jenis_display()} {e.tahun}"},
            e.instansi.nama,
            reverse("evaluasi:lke", args=[e.instansi.slug, e.pk]),
            e.get_status_display(),
        )
        for e in qs
    ]


def tindak_lanjut_jatuh_tempo(k: KonteksKotak) -> list[ItemKotak]:
    """Follow-ups of final evaluations still open or in progress whose due date is past or within
    ``HARI_JATUH_TEMPO`` days, for the unit's operator who records them. One query."""
    batas = k.hari_ini + _dt.timedelta(days=HARI_JATUH_TEMPO)
    qs = (
        Rekomendasi.objects.filter(
            evaluasi__instansi__in=k.unit("isi"),
            evaluasi__status=StatusEvaluasi.FINAL,
            status__in=(StatusTindakLanjut.TERBUKA, StatusTindakLanjut.PROSES),
            batas_waktu__lte=batas,
        )
        .select_related("evaluasi__instansi")
        .order_by("batas_waktu", "evaluasi__tahun", "no")
    )
    hasil = []
    for r in qs:
        lewat = r.batas_waktu < k.hari_ini
        hasil.append(
            ItemKotak(
                _("Tindak lanjuti rekomendasi %(no)d %(e)s")
                % {"no": r.no, "e": f"{r.evaluasi.get_jenis_display()} {r.evaluasi.tahun}"},
                r.evaluasi.instansi.nama,
                reverse("evaluasi:lke", args=[r.evaluasi.instansi.slug, r.evaluasi_id]) + "#rekomendasi",
                (_("Lewat batas waktu %(t)s") if lewat else _("Batas waktu %(t)s"))
                % {"t": format_tanggal(r.batas_waktu)}
                + f" — {r.uraian[:200]}",
                r.batas_waktu,
                lewat,
            )
        )
    return hasil


def tindak_lanjut_menunggu_diterima(k: KonteksKotak) -> list[ItemKotak]:
    """Follow-ups a unit marked done (with evidence), for the evaluator to accept or reopen. One query."""
    qs = (
        Rekomendasi.objects.filter(
            evaluasi__instansi__in=k.unit("evaluasi"),
            evaluasi__status=StatusEvaluasi.FINAL,
            status=StatusTindakLanjut.SELESAI,
        )
        .select_related("evaluasi__instansi")
        .order_by("batas_waktu", "evaluasi__tahun", "no")
    )
    return [
        ItemKotak(
            _("Periksa tindak lanjut rekomendasi %(no)d %(e)s")
            % {"no": r.no, "e": f"{r.evaluasi.get_jenis_display()} {r.evaluasi.tahun}"},
            r.evaluasi.instansi.nama,
            reverse("evaluasi:lke", args=[r.evaluasi.instansi.slug, r.evaluasi_id]) + "#rekomendasi",
            r.uraian[:200],
            r.batas_waktu,
        )
        for r in qs
    ]


def pengingat(k: KonteksKotak) -> list[ItemKotak]:
    """The user's reminders (pengingat app) of an entry window closing, until its date (the other
    kinds of reminder are tasks of the sections above)."""
    return [
        ItemKotak(
            judul=p.judul,
            unit=p.instansi.nama if p.instansi else "",
            url=p.tautan,
            keterangan=p.pesan,
            batas=p.jatuh_tempo,
        )
        for p in pengingat_mendatang(k.user, k.hari_ini)
    ]


BAGIAN: list[BagianKotak] = [
    BagianKotak(
        "dikembalikan", gettext_lazy("Realisasi dikembalikan untuk diperbaiki"), realisasi_dikembalikan
    ),
    BagianKotak("belum_diisi", gettext_lazy("Realisasi yang belum diisi"), realisasi_belum_diisi),
    BagianKotak("diajukan", gettext_lazy("Realisasi menunggu verifikasi"), realisasi_diajukan),
    BagianKotak("pk", gettext_lazy("Perjanjian Kinerja menunggu tanda tangan"), pk_belum_ditandatangani),
    BagianKotak("lkip", gettext_lazy("LKIP siap diterbitkan"), lkip_belum_terbit),
    BagianKotak("lke", gettext_lazy("LKE menunggu penilaian"), lke_menunggu_nilai),
    BagianKotak("tindak_lanjut", gettext_lazy("Tindak lanjut jatuh tempo"), tindak_lanjut_jatuh_tempo),
    BagianKotak(
        "tindak_lanjut_diterima",
        gettext_lazy("Tindak lanjut menunggu diterima"),
        tindak_lanjut_menunggu_diterima,
    ),
    BagianKotak("pengingat", gettext_lazy("Pengingat: jendela entri segera ditutup"), pengingat),
]


@dataclass
class IsiBagian:
    kode: str
    judul: str
    item: list[ItemKotak]


def kotak_masuk(user, tahun: int | None, hari_ini: _dt.date | None = None) -> list[IsiBagian]:
    """The user's non-empty inbox sections in ``BAGIAN`` order; a fixed number of queries."""
    k = KonteksKotak(user, tahun, hari_ini or timezone.localdate())
    hasil = []
    for b in BAGIAN:
        item = b.isi(k)
        if item:
            hasil.append(IsiBagian(b.kode, str(b.judul), item))
    return hasil


def jumlah(bagian: list[IsiBagian]) -> int:
    return sum(len(b.item) for b in bagian)
