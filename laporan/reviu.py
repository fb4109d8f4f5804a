"""Reviu (review) of a unit-year before its LKIP is issued: findings, never fixes.

``reviu(instansi, tahun)`` returns every finding of ``pengukuran.periksa`` (budget, cash plan,
Renstra targets, PK, formulasi and sumber data — not repeated here) with a readable location
and a link to the page where it can be fixed, plus what the LKIP itself needs:

- realisasi of each IKU per quarter (indicators entered per period) or from its source (SKM,
  evaluasi AKIP/ZI, zona tertib — a computed IKU without source data is an error);
- the analysis (penyebab, faktor pendukung/penghambat, langkah selanjutnya) of each IKU, entered
  with the quarter's realisasi or as the IKU's analysis text of the LKIP (TeksBlok ``analisis_<kode>``);
- the editable texts of the LKIP (Kata Pengantar, …) that are still empty;
- evidence (bukti) uploaded for every realisasi entered;
- the previous year's realisasi of each IKU (the LKIP compares with it);
- the unit's SKM data for the year (the LKIP presents the IKM).

The number of queries does not depend on the number of indicators or budget lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from pengukuran import periksa as periksa_mod
from pengukuran.models import Bukti
from pengukuran.selectors import Pengukuran, pk_berlaku
from perencanaan.models import Indikator, PKIndikator

from .teks import BAGIAN as BAGIAN_TEKS
from .teks import BELUM_DIISI, Teks, kunci_analisis

LEVEL = ("error", "warning", "info")
# texts that laporan/lkip.py adds after content generated from the data (the others stand alone)
TEKS_TAMBAHAN = {"ikhtisar", "struktur_organisasi", "kesimpulan"}
TRIWULAN = ("TW1", "TW2", "TW3", "TW4")
ANALISIS = ("analisis_sebab", "analisis_pendukung", "analisis_penghambat", "analisis_tindak_lanjut")


@dataclass
class Temuan(periksa_mod.Temuan):
    url: str = ""  # page where the finding can be fixed ("" when there is none)


def _nama_sumber(kode: str) -> str:
    return {
        "skm": _("SKM"),
        "akip": _("evaluasi AKIP"),
        "zi": _("evaluasi Zona Integritas"),
        "zona": _("pemantauan zona tertib"),
    }.get(kode, kode)


def _iku(instansi, tahun: int) -> list[Indikator]:
    """The unit's IKU for the year: the indicators of the PK in force (in its order), else
    the indicators marked IKU."""
    pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    if pk is not None:
        rows = PKIndikator.objects.filter(pk_dokumen=pk).select_related("indikator").order_by("no", "id")
        iku = [r.indikator for r in rows]
        if iku:
            return iku
    return list(Indikator.objects.filter(instansi=instansi, iku=True).order_by("kode"))


class _Lokasi:
    """Readable locations and fixing links for the findings of ``periksa`` (whose ``where`` is a
    short technical label, also used by the budget screen)."""

    def __init__(self, instansi, tahun: int, iku: list[Indikator]):
        from anggaran.selectors import nama_nomenklatur
        from organisasi.models import SubUnit

        self.instansi, self.tahun = instansi, tahun
        self.label_iku = {ind.kode: f"IKU {n} {ind.nama}" for n, ind in enumerate(iku, 1)}
        self.nama_ind = dict(Indikator.objects.filter(instansi=instansi).values_list("kode", "nama"))
        self.subunit = dict(SubUnit.objects.filter(instansi=instansi).values_list("kode", "nama"))
        self._nama_nomen = nama_nomenklatur

    def indikator(self, kode: str) -> str:
        return self.label_iku.get(kode) or " ".join(
            x for x in (_("Indikator"), kode, self.nama_ind.get(kode, "")) if x
        )

    def url(self, nama: str, *args) -> str:
        return reverse(nama, args=[self.instansi.slug, *args])

    def terjemahkan(self, t: periksa_mod.Temuan) -> Temuan:
        where, url = t.where, ""
        tahun = self.tahun
        if m := re.fullmatch(r"anggaran (\S+)(?: \[(.+)\])?", where):
            kode, sub = m.groups()
            where = _("Sub-kegiatan %(kode)s") % {"kode": kode}
            if sub:
                where += f" ({self.subunit.get(sub, sub)})"
            # the exact place where it is fixed: the line's row of the DPA grid, its input on the
            # quarter's budget realisasi page, or the budget support links
            if t.perbaiki == "dpa":
                url = self.url("anggaran:dpa", tahun) + f"#baris-{t.kunci}"
            elif t.perbaiki == "realisasi_anggaran":
                url = self.url("anggaran:realisasi", tahun, t.periode or "TW1") + f"#b{t.kunci}"
            elif t.perbaiki == "dukungan":
                url = self.url("anggaran:dukungan", tahun)
            else:
                url = self.url("anggaran:anggaran", tahun)
        elif m := re.fullmatch(r"pagu_program (\S+)", where):
            where = _("Program %(kode)s") % {"kode": m.group(1)}
            url = self.url("anggaran:dpa", tahun)
        elif m := re.fullmatch(r"indikator (\S+)", where):
            where = self.indikator(m.group(1))
            url = self.url("perencanaan:renstra")
        elif m := re.fullmatch(r"renstra (\S+)", where):
            where = _("Renstra %(kode)s") % {"kode": m.group(1)}
            url = self.url("perencanaan:renstra")
        elif m := re.fullmatch(r"pk (\d+)(?: versi (\d+))?(?: / (\S+))?", where):
            y, versi, kode = m.groups()
            where = _("Perjanjian Kinerja %(tahun)s") % {"tahun": y}
            if versi:
                where += " " + _("versi %(versi)s") % {"versi": versi}
            if kode:
                where += f" / {self.indikator(kode)}"
            url = self.url("perencanaan:pk", int(y))
        elif m := re.fullmatch(r"realisasi (\S+) (\d+)(?: (\S+))?", where):
            kode, y, periode = m.groups()
            where = f"{self.indikator(kode)} / {periode or y}"
            halaman = periode if periode in TRIWULAN else "TW4"  # a yearly value is entered on the TW4 page
            url = self.url("pengukuran:realisasi", int(y), halaman) + f"#ind-{kode}"
        elif m := re.fullmatch(r"skm (\d+)(?: (\S+))?", where):
            y, periode = m.groups()
            where = _("SKM %(tahun)s") % {"tahun": y} + (f" / {periode}" if periode else "")
            url = self.url("skm:hasil_staf", int(y))
        return Temuan(t.level, where, t.message, url=url)


def reviu(instansi, tahun: int) -> list[Temuan]:
    """Findings of the unit-year, errors first, then warnings, then info (each in check order)."""
    iku = _iku(instansi, tahun)
    lokasi = _Lokasi(instansi, tahun, iku)
    teks = Teks(instansi, tahun)
    ditulis = frozenset(ind.kode for ind in iku if teks.ada(kunci_analisis(ind.kode)))
    out: list[Temuan] = [
        lokasi.terjemahkan(t) for t in periksa_mod.periksa(instansi, tahun, analisis_lain=ditulis)
    ]
    add = out.append

    peng = Pengukuran([instansi.id], [tahun - 1, tahun])
    realisasi_rows = {k: rows for k, rows in peng.manual.items() if k[1] == tahun}
    ids = [r.id for rows in realisasi_rows.values() for r in rows.values()]
    berbukti = set(
        Bukti.objects.filter(realisasi_id__in=ids).values_list("realisasi_id", flat=True).distinct()
    )

    def url_realisasi(ind, periode="TW4", y=tahun):
        return lokasi.url("pengukuran:realisasi", y, periode) + f"#ind-{ind.kode}"

    # --- editable texts of the LKIP (else it prints "Belum diisi oleh unit.") ----------------

    def url_teks(kunci):
        return lokasi.url("laporan:teks", tahun) + f"#teks-{kunci}"

    for kunci, judul_teks in BAGIAN_TEKS.items():
        if teks.ada(kunci):
            continue
        tempat = _("Teks LKIP / %(judul)s") % {"judul": judul_teks}
        if kunci in TEKS_TAMBAHAN:
            add(
                Temuan(
                    "info",
                    tempat,
                    _("Teks belum diisi: LKIP hanya memuat uraian yang disusun dari data"),
                    url_teks(kunci),
                )
            )
        else:
            add(
                Temuan(
                    "warning",
                    tempat,
                    _("Teks belum diisi: LKIP akan memuat “%(bawaan)s”") % {"bawaan": BELUM_DIISI},
                    url_teks(kunci),
                )
            )

    # --- SKM of the unit (the LKIP presents the IKM) ----------------------------------------
    hasil_skm = peng.skm.get(tahun, {}).get(instansi.id)
    if hasil_skm is None or hasil_skm.ikm is None:
        add(
            Temuan(
                "warning",
                _("SKM %(tahun)s") % {"tahun": tahun},
                _(
                    "Data SKM tahun %(tahun)s belum tersedia: LKIP tidak dapat menyajikan Indeks Kepuasan "
                    "Masyarakat"
                )
                % {"tahun": tahun},
                lokasi.url("skm:hasil_staf", tahun),
            )
        )

    # --- each IKU ------------------------------------------------------------------------------
    for ind in iku:
        label = lokasi.indikator(ind.kode)
        rows = realisasi_rows.get((ind.id, tahun), {})
        nilai = peng.realisasi(ind, tahun)
        sumber = ind.sumber_realisasi
        manual = sumber == "manual"
        ada_teks = teks.ada(kunci_analisis(ind.kode))
        if not manual and nilai.sumber != sumber:
            fix = {"skm": lokasi.url("skm:hasil_staf", tahun), "zona": lokasi.url("zona:zona")}.get(
                sumber, ""
            )
            if nilai.nilai is None:
                add(
                    Temuan(
                        "error",
                        label,
                        _("Realisasi belum dapat dihitung: data %(sumber)s tahun %(tahun)s belum tersedia")
                        % {"sumber": _nama_sumber(sumber), "tahun": tahun},
                        fix,
                    )
                )
            else:
                add(
                    Temuan(
                        "info",
                        label,
                        _(
                            "Data %(sumber)s tahun %(tahun)s belum tersedia; dipakai nilai yang diisi "
                            "(%(keterangan)s)"
                        )
                        % {"sumber": _nama_sumber(sumber), "tahun": tahun, "keterangan": nilai.keterangan},
                        fix,
                    )
                )
        if manual:
            if "TAHUN" in rows and not any(p in rows for p in TRIWULAN):
                add(
                    Temuan(
                        "info",
                        label,
                        _(
                            "Hanya ada nilai tahunan; realisasi per triwulan (TW1–TW4) belum "
                            "diisi, sehingga LKIP tidak dapat menyajikan perkembangan per triwulan"
                        ),
                        url_realisasi(ind, "TW1"),
                    )
                )
            elif "TAHUN" not in rows:
                for p in TRIWULAN:
                    if p not in rows:
                        add(
                            Temuan(
                                "warning",
                                f"{label} / {p}",
                                _("Realisasi %(periode)s %(tahun)s belum diisi")
                                % {"periode": p, "tahun": tahun},
                                url_realisasi(ind, p),
                            )
                        )
        # analysis and evidence of every value entered
        for p, r in sorted(rows.items(), key=lambda kv: (kv[0] == "TAHUN", kv[0])):
            tempat = f"{label} / {p}"
            fix = url_realisasi(ind, p) if p in TRIWULAN else url_realisasi(ind)
            if not any(getattr(r, f).strip() for f in ANALISIS):
                if ada_teks:  # the yearly analysis is written in the LKIP text: the quarter's is a plus
                    add(
                        Temuan(
                            "info",
                            tempat,
                            _(
                                "Analisis capaian triwulan ini belum diisi (analisis tahunan "
                                "sudah ada di teks LKIP)"
                            ),
                            fix,
                        )
                    )
                else:
                    add(
                        Temuan(
                            "warning",
                            tempat,
                            _(
                                "Analisis capaian (penyebab, faktor pendukung dan penghambat, langkah "
                                "selanjutnya) belum diisi"
                            ),
                            fix,
                        )
                    )
            if r.id not in berbukti:
                add(
                    Temuan(
                        "warning",
                        tempat,
                        _("Realisasi %(periode)s sudah diisi tetapi bukti dukung belum diunggah")
                        % {"periode": p},
                        fix,
                    )
                )
        if not rows and not ada_teks:  # nothing entered during the year and no LKIP analysis text
            add(
                Temuan(
                    "warning",
                    label,
                    _(
                        "Analisis capaian tahun %(tahun)s belum ada: BAB III LKIP memerlukan penyebab, faktor "
                        "pendukung dan penghambat, serta langkah selanjutnya"
                    )
                    % {"tahun": tahun},
                    url_teks(kunci_analisis(ind.kode)),
                )
            )
        # previous year (the LKIP compares this year with the previous one)
        if peng.realisasi(ind, tahun - 1).nilai is None:
            add(
                Temuan(
                    "warning",
                    f"{label} / {tahun - 1}",
                    _(
                        "Realisasi tahun %(lalu)s belum ada: LKIP tidak dapat membandingkan capaian %(tahun)s "
                        "dengan tahun sebelumnya"
                    )
                    % {"lalu": tahun - 1, "tahun": tahun},
                    url_realisasi(ind, "TW4", tahun - 1) if manual else "",
                )
            )
    # --- the pohon kinerja's checks (rumus.pohon.periksa_pohon; docs/pohon.md) -----------------
    out.extend(temuan_pohon(instansi, tahun))
    out.sort(key=lambda t: LEVEL.index(t.level) if t.level in LEVEL else len(LEVEL))
    return out


def temuan_pohon(instansi, tahun: int) -> list[Temuan]:
    """The findings of the unit's pohon kinerja as reviu warnings, each linking to its node on the
    tree page (a budget line: to the budget support links, where it is fixed)."""
    from pohon.selectors import pohon_unit
    from pohon.tampilan import NAMA_TEMUAN, pesan_temuan
    from rumus.pohon import ANGGARAN_TANPA_KINERJA

    halaman = reverse("pohon:unit", args=[instansi.slug, tahun])
    out = []
    for t in pohon_unit(instansi, tahun).temuan:
        if t.jenis == ANGGARAN_TANPA_KINERJA:
            url = reverse("anggaran:dukungan", args=[instansi.slug, tahun])
        else:
            url = halaman + "#simpul-" + t.kunci.replace(":", "-")
        out.append(Temuan("warning", f"{_('Pohon kinerja')} / {NAMA_TEMUAN[t.jenis]}", pesan_temuan(t), url))
    return out


def ringkasan(temuan: list[Temuan]) -> dict[str, int]:
    return {lv: sum(1 for t in temuan if t.level == lv) for lv in LEVEL}


NAMA_LEVEL = {
    "error": gettext_lazy("Kesalahan"),
    "warning": gettext_lazy("Peringatan"),
    "info": gettext_lazy("Catatan"),
}


def versi_direviu(instansi, tahun: int) -> str:
    """Which LKIP the reviu refers to: the latest issued version (number, date, SHA-256 of its
    content) when one exists, else the draft built from today's data."""
    from rumus.format import format_tanggal

    from .models import TerbitanLKIP

    t = (
        TerbitanLKIP.objects.filter(instansi=instansi, tahun=tahun)
        .defer("isi_beku")
        .order_by("-nomor")
        .first()
    )
    if t is None:
        return _("belum diterbitkan; draf dari data terkini")
    return _("versi terbitan %(nomor)s (%(tanggal)s), kode SHA-256 %(sha)s") % {
        "nomor": t.nomor,
        "tanggal": format_tanggal(t.tanggal),
        "sha": t.sha256,
    }


def _ttd_reviu(tempat: str, kepala):
    """The signatures under a review sheet: the Inspektorat's reviewer (name written by hand) and
    the head of the unit (``kepala``, a Pejabat, or the position only)."""
    from .dokumen import DuaTandaTangan, TandaTangan

    kosong = "(" + "." * 30 + ")"
    pereviu = TandaTangan(tempat_tanggal=tempat, jabatan=_("Pereviu, Inspektorat"), nama=kosong)
    unit = TandaTangan(
        tempat_tanggal=tempat,
        jabatan=kepala.jabatan if kepala else _("Kepala unit kerja"),
        nama=(kepala.nama if kepala and kepala.nama else kosong),
        pangkat=kepala.pangkat_golongan if kepala else "",
        nip=kepala.nip_tampil if kepala else "",
    )
    return DuaTandaTangan(kiri=pereviu, kanan=unit)


def lembar_reviu(instansi, tahun: int, temuan: list[Temuan] | None = None, tanggal=None):
    """The printable review sheet for the Inspektorat, as a ``laporan.dokumen.Dokumen``:
    identity, summary per level, every finding with room for the follow-up, and signatures
    (reviewer of the Inspektorat; head of the unit from the PK in force)."""
    import datetime as dt

    from organisasi.models import Pejabat
    from rumus.format import format_tanggal

    from .dokumen import Dokumen

    temuan = reviu(instansi, tahun) if temuan is None else temuan
    tanggal = tanggal or dt.date.today()
    jumlah = ringkasan(temuan)
    judul = _("Lembar Reviu Laporan Kinerja Instansi Pemerintah (LKIP)")
    dok = Dokumen(
        judul=f"{judul} {instansi.nama} {_('Tahun')} {tahun}",
        kepala=f"{_('Lembar Reviu LKIP')} {instansi.nama} {_('Tahun')} {tahun}",
        dengan_daftar=False,
    )
    bab = dok.tambah_bab(_("HASIL REVIU"))
    bab.paragraf(judul.upper(), "tengah")
    bab.paragraf(f"{instansi.nama.upper()} {_('TAHUN')} {tahun}", "tengah")
    bab.tabel(
        _("Identitas"),
        [[_("Uraian"), _("Keterangan")]],
        [
            [_("Unit kerja"), instansi.nama],
            [_("Pemerintah daerah"), instansi.pemda.nama],
            [_("Tahun laporan"), str(tahun)],
            [_("Tanggal pemeriksaan otomatis"), format_tanggal(tanggal)],
            [_("Versi LKIP yang direviu"), versi_direviu(instansi, tahun)],
        ],
    )
    bab.tabel(
        _("Ringkasan temuan"),
        [[_("Tingkat"), _("Jumlah")]],
        [[str(NAMA_LEVEL[lv]), str(jumlah[lv])] for lv in LEVEL] + [[_("Jumlah"), str(sum(jumlah.values()))]],
        kolom_angka=[1],
    )
    if temuan:
        bab.paragraf(
            _(
                "Kesalahan harus diperbaiki sebelum LKIP diterbitkan; peringatan dan catatan diperiksa "
                "dan tindak lanjutnya dicatat oleh pereviu."
            )
        )
        n = 0
        for lv in LEVEL:
            daftar = [t for t in temuan if t.level == lv]
            if not daftar:
                continue
            baris = []
            for t in daftar:
                n += 1
                baris.append([str(n), t.where, t.message, ""])
            # "No" is not translated: Django's own catalogue reads it as the answer "Tidak"
            bab.tabel(
                f"{_('Daftar temuan')}: {NAMA_LEVEL[lv]}",
                [["No", _("Lokasi"), _("Temuan"), _("Tindak lanjut dan paraf pereviu")]],
                baris,
                kolom_angka=[0],
            )
    else:
        bab.paragraf(
            _("Tidak ada temuan: data kinerja dan anggaran tahun ini lengkap dan konsisten."), "miring"
        )
    pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    kepala = None
    if pk is not None:
        kepala = Pejabat.objects.filter(pk=pk.pihak_pertama_id).first()
    if kepala is None:
        kepala = Pejabat.objects.filter(instansi=instansi).order_by("id").first()
    bab.tanda_tangan(_ttd_reviu(f"{instansi.pemda.nama}, {format_tanggal(tanggal)}", kepala))
    return dok


def lembar_reviu_berkas(rb, tanggal=None):
    """The printable sheet of the reviu of an uploaded LKIP file (``laporan.ReviuBerkas``, its
    findings already in Indonesian): identity of the file (name, SHA-256), summary per level,
    every finding with its printed and recomputed value and room for the follow-up, signatures of
    the reviewer and the head of the unit."""
    import datetime as dt

    from organisasi.models import Pejabat
    from rumus.format import format_tanggal

    from .dokumen import Dokumen

    instansi = rb.instansi
    temuan = rb.temuan or []
    tanggal = tanggal or dt.date.today()
    judul = _("Lembar Reviu Berkas Laporan Kinerja")
    dok = Dokumen(
        judul=f"{judul} {instansi.nama}",
        kepala=f"{_('Lembar Reviu Berkas LKIP')} {instansi.nama}",
        dengan_daftar=False,
    )
    bab = dok.tambah_bab(_("HASIL REVIU BERKAS"))
    bab.paragraf(judul.upper(), "tengah")
    bab.paragraf(instansi.nama.upper(), "tengah")
    bab.tabel(
        _("Identitas berkas"),
        [[_("Uraian"), _("Keterangan")]],
        [
            [_("Unit kerja"), instansi.nama],
            [_("Pemerintah daerah"), instansi.pemda.nama],
            [_("Nama berkas"), rb.nama_berkas],
            [_("Kode SHA-256 berkas"), rb.sha256],
            [_("Tanggal pemeriksaan otomatis"), format_tanggal(tanggal)],
        ],
    )
    jumlah = {lv: sum(t["level"] == lv for t in temuan) for lv in LEVEL}
    bab.tabel(
        _("Ringkasan temuan"),
        [[_("Tingkat"), _("Jumlah")]],
        [[str(NAMA_LEVEL[lv]), str(jumlah[lv])] for lv in LEVEL] + [[_("Jumlah"), str(sum(jumlah.values()))]],
        kolom_angka=[1],
    )
    n = 0
    for lv in LEVEL:
        daftar = [t for t in temuan if t["level"] == lv]
        if not daftar:
            continue
        baris = []
        for t in daftar:
            n += 1
            baris.append([str(n), t["where"], t["message"], t["printed"] or "", t["recomputed"] or "", ""])
        # "No" is not translated: Django's own catalogue reads it as the answer "Tidak"
        bab.tabel(
            f"{_('Daftar temuan')}: {NAMA_LEVEL[lv]}",
            [["No", _("Lokasi"), _("Temuan"), _("Tertulis"), _("Hitung ulang"), _("Tindak lanjut")]],
            baris,
            kolom_angka=[0],
            sumber=f"{_('Berkas')} {rb.nama_berkas}",
        )
    if not temuan:
        bab.paragraf(
            _("Tidak ada temuan: angka yang dapat dihitung ulang dari berkas ini konsisten."), "miring"
        )
    kepala = Pejabat.objects.filter(instansi=instansi).order_by("id").first()
    bab.tanda_tangan(_ttd_reviu(f"{instansi.kota or instansi.pemda.nama}, {format_tanggal(tanggal)}", kepala))
    return dok
