"""Consistency checks of a unit-year (``manage.py periksa``): findings, never fixes.

Each finding is ``{"level": "error"|"warning", "where": ..., "message": ...}``.
Errors are contradictions in the data (a cash plan that does not add up to the
pagu, realisasi above pagu, a PK target that differs from the Renstra, a signed PK whose stored
content no longer matches its SHA-256); warnings
are things legal but worth a look (a negative quarter after a revision, a missing
value) and the data-quality rules of docs/rules.md §10 (an SKM sample below Krejcie and Morgan,
a yearly value contradicting its quarters, budget realisasi that looks cumulative, capaian below
target without an analysis, a value far outside the previous years' range).

``where`` is a short technical label that ``laporan/reviu.py`` turns into a readable location
with a link: ``anggaran KODE [SUBUNIT]``, ``pagu_program KODE``, ``indikator KODE``,
``renstra KODE``, ``pk TAHUN [versi N] [/ KODE]``, ``realisasi KODE TAHUN [PERIODE]``,
``skm TAHUN [PERIODE]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from anggaran.selectors import dukungan_unit, muat_baris, pagu_murni_program, realisasi_triwulan
from dasar.sidik import sidik
from perencanaan.models import Indikator, PKIndikator, Renstra, Target
from rumus.anggaran import cek_kas
from rumus.capaian import capaian
from rumus.format import format_angka, format_persen, format_rupiah
from rumus.kewajaran import FAKTOR_LONJAKAN, di_luar_rentang, tahunan_bertentangan, tampak_kumulatif
from rumus.skm import sampel_krejcie_morgan
from skm.selectors import pengaturan_unit

from .models import Realisasi
from .selectors import PERIODE_S, PERIODE_TW, Pengukuran, pk_berlaku

ANALISIS = ("analisis_sebab", "analisis_pendukung", "analisis_penghambat", "analisis_tindak_lanjut")


@dataclass
class Temuan:
    level: str
    where: str
    message: str
    # where it is fixed, for a budget line's finding (laporan/reviu.py makes the link): "dpa" (the
    # line's pagu and cash plan), "realisasi_anggaran" (the quarter ``periode``'s budget realisasi)
    # or "dukungan"; ``kunci`` the line's id (the anchor of its row)
    perbaiki: str = field(default="", kw_only=True)
    kunci: int | None = field(default=None, kw_only=True)
    periode: str = field(default="", kw_only=True)

    def as_dict(self):
        return {"level": self.level, "where": self.where, "message": self.message}


def _baris_label(b) -> str:
    return f"anggaran {b.sub_kegiatan}" + (f" [{b.subunit}]" if b.subunit else "")


def periksa(instansi, tahun: int, *, analisis_lain=frozenset()) -> list[Temuan]:
    """Findings of the unit-year. ``analisis_lain``: codes of the indicators whose analysis is
    written elsewhere (the LKIP's analysis text, known to ``laporan/reviu.py``), so a capaian
    below target is not flagged for them."""
    out: list[Temuan] = []
    add = out.append

    # --- budget -----------------------------------------------------------------------------
    lines = muat_baris([instansi.id], tahun).get(instansi.id, [])
    per_tw = realisasi_triwulan(instansi.id, tahun)
    for b in lines:
        where = _baris_label(b)
        tw_isi = [p for p in PERIODE_TW if p in per_tw.get(b.id, {})]
        dpa = {"perbaiki": "dpa", "kunci": b.id}
        real = {"perbaiki": "realisasi_anggaran", "kunci": b.id, "periode": tw_isi[-1] if tw_isi else "TW1"}
        selisih = cek_kas(b.pagu, b.kas)
        if b.pagu != 0 and all(k == 0 for k in b.kas):
            # the workbook reads a blank cash plan as 0: not filled in, not a contradiction
            add(
                Temuan(
                    "warning",
                    where,
                    _("anggaran kas TW1–TW4 belum diisi (kosong dibaca 0); pagu %(pagu)s")
                    % {"pagu": format_rupiah(b.pagu)},
                    **dpa,
                )
            )
        elif selisih != 0:
            add(
                Temuan(
                    "error",
                    where,
                    _(
                        "jumlah anggaran kas TW1–TW4 %(kas)s tidak sama dengan pagu %(pagu)s "
                        "(selisih %(selisih)s)"
                    )
                    % {
                        "kas": format_rupiah(sum(b.kas)),
                        "pagu": format_rupiah(b.pagu),
                        "selisih": format_rupiah(selisih),
                    },
                    **dpa,
                )
            )
        for i, k in enumerate(b.kas, start=1):
            if k < 0:
                add(
                    Temuan(
                        "warning",
                        where,
                        _("anggaran kas TW%(tw)s negatif (%(nilai)s): periksa revisi rencana kas")
                        % {"tw": i, "nilai": format_rupiah(k)},
                        **dpa,
                    )
                )
        if b.realisasi > b.pagu:
            add(
                Temuan(
                    "error",
                    where,
                    _("realisasi %(realisasi)s melebihi pagu %(pagu)s")
                    % {"realisasi": format_rupiah(b.realisasi), "pagu": format_rupiah(b.pagu)},
                    **real,
                )
            )
        if (
            b.realisasi_tahun is not None
            and b.realisasi_tw is not None
            and b.realisasi_tahun != b.realisasi_tw
        ):
            add(
                Temuan(
                    "warning",
                    where,
                    _(
                        "realisasi TAHUN %(tahun)s berbeda dari jumlah triwulan %(tw)s; "
                        "yang dipakai nilai TAHUN"
                    )
                    % {"tahun": format_rupiah(b.realisasi_tahun), "tw": format_rupiah(b.realisasi_tw)},
                    **real,
                )
            )
        tw = [per_tw[b.id][p] for p in PERIODE_TW if p in per_tw.get(b.id, {})]
        if tampak_kumulatif(tw, b.pagu):
            add(
                Temuan(
                    "warning",
                    where,
                    _(
                        "realisasi triwulan tampak kumulatif (setiap triwulan ≥ triwulan sebelumnya, "
                        "jumlahnya %(jumlah)s > pagu %(pagu)s): isi realisasi triwulan itu saja, "
                        "bukan sampai dengan triwulan itu"
                    )
                    % {"jumlah": format_rupiah(sum(tw, Decimal(0))), "pagu": format_rupiah(b.pagu)},
                    **real,
                )
            )
        if b.realisasi_tahun is None and b.realisasi_tw is None:
            add(Temuan("warning", where, _("belum ada realisasi yang diisi"), **real))
        if b.pagu_murni is not None and b.pagu_murni < 0:
            add(Temuan("error", where, _("pagu murni negatif"), **dpa))

    murni = pagu_murni_program(instansi.id, tahun)
    per_prog: dict[str, list] = {}
    for b in lines:
        per_prog.setdefault(b.program, []).append(b)
    for kode, pm in murni.items():
        bs = per_prog.get(kode, [])
        if bs and all(b.pagu_murni is not None for b in bs):
            s = sum((b.pagu_murni for b in bs), Decimal(0))
            if s != pm:
                add(
                    Temuan(
                        "warning",
                        f"pagu_program {kode}",
                        _("pagu murni %(pagu)s berbeda dari jumlah baris anggarannya %(jumlah)s")
                        % {"pagu": format_rupiah(pm), "jumlah": format_rupiah(s)},
                    )
                )

    dukungan = dukungan_unit(instansi, tahun)
    for b in lines:
        if not any(d.mencakup(b.sub_kegiatan) for d in dukungan):
            add(
                Temuan(
                    "warning",
                    _baris_label(b),
                    _("baris anggaran belum dikaitkan dengan indikator mana pun (sheet dukungan)"),
                    perbaiki="dukungan",
                    kunci=b.id,
                )
            )

    # --- Renstra targets ---------------------------------------------------------------------
    renstra = list(Renstra.objects.filter(instansi=instansi, tahun_awal__lte=tahun, tahun_akhir__gte=tahun))
    targets: dict[int, dict[int, Target]] = {}
    for t in Target.objects.filter(indikator__instansi=instansi):
        targets.setdefault(t.indikator_id, {})[t.tahun] = t
    indikator = list(Indikator.objects.filter(instansi=instansi).select_related("tujuan", "sasaran__tujuan"))
    for r in renstra:
        for ind in indikator:
            tujuan = ind.tujuan or (ind.sasaran.tujuan if ind.sasaran_id else None)
            in_renstra = tujuan is not None and tujuan.renstra_id == r.id
            for y in r.tahun():
                if y in targets.get(ind.id, {}) or not ind.direncanakan_pada(y):
                    continue  # an archived indicator (or under an archived tujuan/sasaran) has no target
                if in_renstra:
                    add(
                        Temuan(
                            "error",
                            f"indikator {ind.kode}",
                            _("belum ada target Renstra tahun %(tahun)s (%(renstra)s)")
                            % {"tahun": y, "renstra": r.nama},
                        )
                    )
                elif ind.level in ("program", "kegiatan"):
                    add(
                        Temuan(
                            "warning",
                            f"indikator {ind.kode}",
                            _("belum ada target tahun %(tahun)s (Renstra %(awal)s–%(akhir)s)")
                            % {"tahun": y, "awal": r.tahun_awal, "akhir": r.tahun_akhir},
                        )
                    )
        if not ind_in(indikator, r):
            add(Temuan("warning", f"renstra {r.kode}", _("Renstra belum memiliki indikator")))
    for ind in indikator:
        if not ind.formulasi:
            add(Temuan("warning", f"indikator {ind.kode}", _("belum ada formulasi (cara pengukuran)")))
        if not ind.sumber_data:
            add(Temuan("warning", f"indikator {ind.kode}", _("belum ada sumber data")))

    # --- Perjanjian Kinerja ------------------------------------------------------------------
    peng = Pengukuran([instansi.id], [tahun])
    pk = pk_berlaku([instansi.id], tahun).get(instansi.id)
    if pk is None:
        add(
            Temuan(
                "warning", f"pk {tahun}", _("belum ada Perjanjian Kinerja tahun %(tahun)s") % {"tahun": tahun}
            )
        )
    else:
        if not pk.ditandatangani:
            add(
                Temuan(
                    "warning", f"pk {tahun} versi {pk.versi}", _("Perjanjian Kinerja belum ditandatangani")
                )
            )
        elif pk.isi_beku is not None and sidik(pk.isi_beku) != pk.sha256:
            add(
                Temuan(
                    "error",
                    f"pk {tahun} versi {pk.versi}",
                    _("isi Perjanjian Kinerja yang ditandatangani tidak cocok dengan kode verifikasinya"),
                )
            )
        for row in PKIndikator.objects.filter(pk_dokumen=pk).select_related("indikator"):
            ind = row.indikator
            where = f"pk {tahun} versi {pk.versi} / {ind.kode}"
            t = targets.get(ind.id, {}).get(tahun)
            if t is None:
                add(
                    Temuan(
                        "warning",
                        where,
                        _("indikator belum memiliki target Renstra tahun %(tahun)s") % {"tahun": tahun},
                    )
                )
            elif t.nilai != row.target:
                add(
                    Temuan(
                        "error",
                        where,
                        _("target PK %(pk)s berbeda dari target Renstra %(renstra)s")
                        % {"pk": format_angka(row.target, 2), "renstra": format_angka(t.nilai, 2)},
                    )
                )
            nilai = peng.realisasi(ind, tahun).nilai
            if nilai is None:
                add(Temuan("warning", where, _("belum ada realisasi tahun %(tahun)s") % {"tahun": tahun}))
            c = capaian(row.target, nilai, ind.polaritas, row.target_atas)
            rows = peng.manual.get((ind.id, tahun), {})
            beranalisis = any(getattr(r, f).strip() for r in rows.values() for f in ANALISIS)
            if c is not None and c < 100 and not beranalisis and ind.kode not in analisis_lain:
                add(
                    Temuan(
                        "warning",
                        f"realisasi {ind.kode} {tahun}",
                        _(
                            "capaian %(capaian)s belum mencapai target, tetapi analisis capaian (penyebab, "
                            "faktor pendukung dan penghambat, langkah selanjutnya) belum diisi"
                        )
                        % {"capaian": format_persen(c)},
                    )
                )

    _periksa_nilai(instansi, tahun, indikator, peng, add)
    _periksa_sampel_skm(instansi, tahun, peng, add)
    return out


def _periksa_nilai(instansi, tahun: int, indikator, peng: Pengukuran, add) -> None:
    """A yearly value contradicting its periods; a value far outside the previous years' range."""
    for ind in indikator:
        rows = peng.manual.get((ind.id, tahun), {})
        if "TAHUN" not in rows:
            continue
        for group in (PERIODE_TW, PERIODE_S):
            if not all(p in rows for p in group):
                continue
            hitung = tahunan_bertentangan(rows["TAHUN"].nilai, [rows[p].nilai for p in group], ind.agregasi)
            if hitung is not None:
                add(
                    Temuan(
                        "warning",
                        f"realisasi {ind.kode} {tahun} TAHUN",
                        _(
                            "nilai TAHUN %(tahunan)s bertentangan dengan %(periode)s (%(cara)s: %(hitung)s); "
                            "yang dipakai nilai TAHUN"
                        )
                        % {
                            "tahunan": format_angka(rows["TAHUN"].nilai, 2),
                            "periode": "–".join((group[0], group[-1])),
                            "cara": ind.agregasi,
                            "hitung": format_angka(hitung, 2),
                        },
                    )
                )
    tahun_lalu = sorted(
        set(
            Realisasi.objects.filter(indikator__instansi=instansi, tahun__lt=tahun)
            .values_list("tahun", flat=True)
            .distinct()
        )
    )
    if not tahun_lalu:
        return
    lalu = Pengukuran([instansi.id], tahun_lalu, ringan=True)
    for ind in indikator:
        nilai = peng.realisasi(ind, tahun).nilai
        if nilai is None:
            continue
        sebelumnya = {y: v for y in tahun_lalu if (v := lalu.realisasi(ind, y).nilai) is not None}
        if di_luar_rentang(nilai, list(sebelumnya.values())):
            add(
                Temuan(
                    "warning",
                    f"realisasi {ind.kode} {tahun}",
                    _(
                        "realisasi %(nilai)s jauh di luar rentang tahun sebelumnya (%(rendah)s–%(tinggi)s, "
                        "tahun %(tahun_lalu)s; batas %(faktor)s kali): periksa satuan atau salah ketik"
                    )
                    % {
                        "nilai": format_angka(nilai, 2),
                        "rendah": format_angka(min(sebelumnya.values()), 2),
                        "tinggi": format_angka(max(sebelumnya.values()), 2),
                        "tahun_lalu": ", ".join(str(y) for y in sebelumnya),
                        "faktor": format_angka(FAKTOR_LONJAKAN),
                    },
                )
            )


def _periksa_sampel_skm(instansi, tahun: int, peng: Pengukuran, add) -> None:
    """Each SKM period's respondents against the Krejcie and Morgan sample for the unit's
    population per period (PengaturanSKM); periods without a respondent count are not checked."""
    hasil = peng.skm.get(tahun, {}).get(instansi.id)
    if hasil is None:
        return
    periode = [p for p in hasil.periode if p.responden is not None]
    if not periode:
        return
    populasi = pengaturan_unit(instansi).populasi_per_periode
    for p in periode:
        where = f"skm {tahun} {p.periode}"
        if not populasi:
            add(
                Temuan(
                    "warning",
                    where,
                    _(
                        "populasi penerima layanan per periode belum diisi di pengaturan SKM: sampel "
                        "%(periode)s (%(sampel)s responden) tidak dapat dibandingkan dengan tabel Krejcie "
                        "dan Morgan"
                    )
                    % {"periode": p.periode, "sampel": p.responden},
                )
            )
            continue
        minimal = sampel_krejcie_morgan(populasi)
        if p.responden < minimal:
            add(
                Temuan(
                    "warning",
                    where,
                    _(
                        "sampel SKM %(periode)s %(sampel)s responden, di bawah sampel minimal %(minimal)s "
                        "untuk populasi %(populasi)s (tabel Krejcie dan Morgan)"
                    )
                    % {"periode": p.periode, "sampel": p.responden, "minimal": minimal, "populasi": populasi},
                )
            )


def ind_in(indikator, renstra) -> bool:
    for ind in indikator:
        tujuan = ind.tujuan or (ind.sasaran.tujuan if ind.sasaran_id else None)
        if tujuan is not None and tujuan.renstra_id == renstra.id:
            return True
    return False
