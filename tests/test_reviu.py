"""Reviu before the LKIP: every kind of finding from constructed data, a stable list on the demo."""

from decimal import Decimal

import pytest

from laporan.models import TeksBlok
from laporan.reviu import TEKS_TAMBAHAN, lembar_reviu, reviu, ringkasan
from laporan.teks import BAGIAN
from pengukuran.models import Bukti, Realisasi
from pengukuran.periksa import periksa
from tests.factories import (
    BarisAnggaranFactory,
    IndikatorFactory,
    PerjanjianKinerjaFactory,
    PKIndikatorFactory,
    SasaranFactory,
    SubKegiatanFactory,
    SubUnitFactory,
    TargetFactory,
)

pytestmark = pytest.mark.django_db

ANALISIS = {
    "analisis_sebab": "Sosialisasi berjalan",
    "analisis_pendukung": "Anggaran cukup",
    "analisis_penghambat": "Hujan",
    "analisis_tindak_lanjut": "Lanjutkan",
}


def _unit(n_iku=1, sumber="manual", signed=True):
    """A unit with a signed PK of ``n_iku`` IKUs whose PK and Renstra targets agree (2024–2026)."""
    sasaran = SasaranFactory()
    pk = PerjanjianKinerjaFactory(instansi=sasaran.instansi, status="draft")
    inds = []
    for n in range(n_iku):
        ind = IndikatorFactory(
            sasaran=sasaran, nama=f"Indikator Contoh {n + 1}", iku=True, sumber_realisasi=sumber
        )
        for y in (2024, 2025, 2026):
            TargetFactory(indikator=ind, tahun=y, nilai=Decimal(80))
        PKIndikatorFactory(pk_dokumen=pk, indikator=ind, no=n + 1, target=Decimal(80))
        inds.append(ind)
    if signed:
        pk.status = "ditandatangani"
        pk.save()
    return sasaran.instansi, inds


def _cari(temuan, where=None, teks=None, level=None):
    return [
        t
        for t in temuan
        if (where is None or t.where == where)
        and (teks is None or teks in t.message)
        and (level is None or t.level == level)
    ]


# --- the LKIP content scenario: no SKM data, no previous year, one IKU without realisasi ----------


def test_no_skm_no_previous_year_and_an_iku_without_realisasi_are_each_reported():
    instansi, (ikm,) = _unit(sumber="skm")
    manual = IndikatorFactory(sasaran=ikm.sasaran, nama="Persentase Layanan Selesai", iku=True)
    for y in (2024, 2025, 2026):
        TargetFactory(indikator=manual, tahun=y)
    temuan = reviu(instansi, 2024)
    label_ikm = f"IKU 1 {ikm.nama}"
    # SKM: for the unit, and the IKM-IKU cannot be computed
    assert _cari(temuan, "SKM 2024", "Data SKM tahun 2024 belum tersedia", "warning")
    assert _cari(temuan, label_ikm, "data SKM tahun 2024 belum tersedia", "error")
    assert _cari(temuan, label_ikm, "data SKM")[0].url == f"/unit/{instansi.slug}/skm/2024/"
    # previous year missing for the IKU
    assert _cari(temuan, f"{label_ikm} / 2023", "Realisasi tahun 2023 belum ada", "warning")


def test_manual_iku_without_realisasi_lists_each_quarter_and_previous_year():
    instansi, (ind,) = _unit()
    temuan = reviu(instansi, 2024)
    label = f"IKU 1 {ind.nama}"
    for p in ("TW1", "TW2", "TW3", "TW4"):
        (t,) = _cari(temuan, f"{label} / {p}", f"Realisasi {p} 2024 belum diisi")
        assert t.level == "warning"
        assert t.url == f"/unit/{instansi.slug}/realisasi/2024/{p}/#ind-{ind.kode}"
    (lalu,) = _cari(temuan, f"{label} / 2023")
    assert lalu.url == f"/unit/{instansi.slug}/realisasi/2023/TW4/#ind-{ind.kode}"


def test_realisasi_without_analysis_or_evidence_is_flagged_per_quarter():
    instansi, (ind,) = _unit()
    Realisasi.objects.create(indikator=ind, tahun=2023, periode="TAHUN", nilai=Decimal(70))
    r1 = Realisasi.objects.create(indikator=ind, tahun=2024, periode="TW1", nilai=Decimal(20))
    r2 = Realisasi.objects.create(indikator=ind, tahun=2024, periode="TW2", nilai=Decimal(40), **ANALISIS)
    Bukti.objects.create(
        realisasi=r2, berkas="bukti/2024/tw2.pdf", nama_asli="tw2.pdf", jenis="pdf", ukuran=10
    )
    temuan = reviu(instansi, 2024)
    label = f"IKU 1 {ind.nama}"
    assert _cari(temuan, f"{label} / TW1", "Analisis capaian")
    assert _cari(temuan, f"{label} / TW1", "bukti dukung belum diunggah")
    assert not _cari(temuan, f"{label} / TW2")  # complete: value, analysis, evidence
    assert _cari(temuan, f"{label} / TW3", "belum diisi") and _cari(temuan, f"{label} / TW4", "belum diisi")
    assert not _cari(temuan, f"{label} / 2023")  # the previous year exists
    Bukti.objects.create(
        realisasi=r1, berkas="bukti/2024/tw1.pdf", nama_asli="tw1.pdf", jenis="pdf", ukuran=10
    )
    assert not _cari(reviu(instansi, 2024), f"{label} / TW1", "bukti")


def test_analysis_written_as_lkip_text_counts_and_texts_written_are_not_listed():
    instansi, (ind,) = _unit(sumber="zona")
    Realisasi.objects.create(indikator=ind, tahun=2024, periode="TW1", nilai=Decimal(50))
    label = f"IKU 1 {ind.nama}"
    (tw1,) = _cari(reviu(instansi, 2024), f"{label} / TW1", "Analisis capaian")
    assert tw1.level == "warning"
    TeksBlok.objects.create(
        instansi=instansi, tahun=2024, bagian=f"analisis_{ind.kode}", teks="Capaian naik."
    )
    TeksBlok.objects.create(instansi=instansi, tahun=2024, bagian="kata_pengantar", teks="Puji syukur ...")
    temuan = reviu(instansi, 2024)
    (tw1,) = _cari(temuan, f"{label} / TW1", "Analisis capaian")
    assert tw1.level == "info" and "teks LKIP" in tw1.message
    assert not _cari(temuan, f"Teks LKIP / {BAGIAN['kata_pengantar']}")
    assert _cari(temuan, f"Teks LKIP / {BAGIAN['saran']}", "Belum diisi oleh unit.", "warning")
    # nothing entered and no text: the yearly analysis is missing
    instansi2, (ind2,) = _unit(sumber="zona")
    (t,) = _cari(reviu(instansi2, 2024), f"IKU 1 {ind2.nama}", "Analisis capaian tahun 2024 belum ada")
    assert (
        t.level == "warning" and t.url == f"/unit/{instansi2.slug}/lkip/2024/teks/#teks-analisis_{ind2.kode}"
    )


def test_yearly_value_only_is_an_info_not_four_missing_quarters():
    instansi, (ind,) = _unit()
    Realisasi.objects.create(indikator=ind, tahun=2024, periode="TAHUN", nilai=Decimal(90), **ANALISIS)
    temuan = reviu(instansi, 2024)
    label = f"IKU 1 {ind.nama}"
    assert _cari(temuan, label, "Hanya ada nilai tahunan", "info")
    assert not [t for t in temuan if t.where.startswith(f"{label} / TW")]
    assert _cari(temuan, f"{label} / TAHUN", "bukti dukung belum diunggah")


def test_computed_iku_falling_back_to_an_entered_value_is_an_info():
    instansi, (ind,) = _unit(sumber="zona")
    Realisasi.objects.create(indikator=ind, tahun=2024, periode="TAHUN", nilai=Decimal(50), **ANALISIS)
    (t,) = _cari(reviu(instansi, 2024), f"IKU 1 {ind.nama}", "pemantauan zona tertib")
    assert t.level == "info" and "dipakai nilai yang diisi" in t.message
    assert t.url == f"/unit/{instansi.slug}/zona/"


def test_pk_target_differing_from_renstra_and_unsigned_pk_come_from_impor():
    instansi, (ind,) = _unit(signed=False)
    row = ind.pk_indikator.get()
    row.target = Decimal(75)
    row.save()
    temuan = reviu(instansi, 2024)
    (beda,) = _cari(temuan, teks="berbeda dari target Renstra 80,00", level="error")
    assert beda.where == f"Perjanjian Kinerja 2024 versi 1 / IKU 1 {ind.nama}"
    assert beda.url == f"/unit/{instansi.slug}/pk/2024/"
    assert _cari(temuan, "Perjanjian Kinerja 2024 versi 1", "belum ditandatangani", "warning")
    assert temuan[0].level == "error"  # errors first


def test_budget_line_unlinked_and_cash_plan_not_summing_to_pagu():
    instansi, _ = _unit()
    kel = SubUnitFactory(instansi=instansi, nama="Kelurahan Cikiwul")
    b = BarisAnggaranFactory(instansi=instansi, subunit=kel, kas_tw4=Decimal(20_000_000))
    temuan = reviu(instansi, 2024)
    where = f"Sub-kegiatan {b.sub_kegiatan.kode} (Kelurahan Cikiwul)"
    (kas,) = _cari(temuan, where, "tidak sama dengan pagu", "error")
    # linked to the line's row of the DPA grid, where its cash plan is fixed
    assert (
        "selisih Rp 5.000.000" in kas.message
        and kas.url == f"/unit/{instansi.slug}/anggaran/2024/dpa/#baris-{b.id}"
    )
    (lepas,) = _cari(temuan, where, "belum dikaitkan dengan indikator", "warning")
    assert lepas.url == f"/unit/{instansi.slug}/anggaran/2024/dukungan/"


def test_indicator_without_formula_or_data_source():
    instansi, (ind,) = _unit()
    ind.formulasi = ""
    ind.sumber_data = ""
    ind.save()
    temuan = reviu(instansi, 2024)
    label = f"IKU 1 {ind.nama}"
    assert _cari(temuan, label, "belum ada formulasi", "warning")[0].url == f"/unit/{instansi.slug}/renstra/"
    assert _cari(temuan, label, "belum ada sumber data", "warning")


def test_every_periksa_finding_is_included_once():
    instansi, (ind,) = _unit(signed=False)
    BarisAnggaranFactory(instansi=instansi, kas_tw1=Decimal(-1))
    dasar = periksa(instansi, 2024)
    temuan = reviu(instansi, 2024)
    for t in dasar:
        assert len([x for x in temuan if x.message == t.message and x.level == t.level]) == len(
            [x for x in dasar if x.message == t.message and x.level == t.level]
        )


def test_query_count_does_not_depend_on_the_number_of_indicators(django_assert_max_num_queries):
    kecil, sedikit = _unit(n_iku=2)
    besar, inds = _unit(n_iku=12)
    BarisAnggaranFactory(instansi=kecil)
    for ind in [*sedikit, *inds]:
        r = Realisasi.objects.create(indikator=ind, tahun=2024, periode="TW1", nilai=Decimal(10))
        Bukti.objects.create(realisasi=r, berkas="bukti/x.pdf", nama_asli="x.pdf", jenis="pdf", ukuran=1)
    for n in range(5):
        BarisAnggaranFactory(instansi=besar, sub_kegiatan=SubKegiatanFactory(kode=f"7.01.01.2.01.001{n}"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        reviu(kecil, 2024)
    with django_assert_max_num_queries(len(ctx.captured_queries)):
        hasil = reviu(besar, 2024)
    assert len(_cari(hasil, teks="Analisis capaian")) == 12


# --- the demo unit 2024 ----------------------------------------------------------------------


def test_demo_gives_a_stable_sensible_list(demo):
    temuan = reviu(demo, 2024)
    assert ringkasan(temuan)["error"] == 0
    # IKM comes from the SKM, AKIP from the evaluation, zona from the assessments: nothing "missing"
    assert not _cari(temuan, teks="belum dapat dihitung")
    assert not _cari(temuan, "SKM 2024")
    assert not [t for t in temuan if " / TW" in t.where]
    # the zona tertib IKU has no 2023 value: the LKIP cannot compare it
    (lalu,) = [t for t in temuan if t.where.endswith(" / 2023")]
    assert lalu.where == "IKU 3 Persentase Wilayah yang Tertib / 2023" and lalu.level == "warning"
    # the two negative TW4 cash plans of the seed, with the DPA grid's row to fix them
    neg = _cari(temuan, teks="anggaran kas TW4 negatif")
    assert {t.where for t in neg} == {"Sub-kegiatan 7.01.02.2.04.0003", "Sub-kegiatan 7.01.04.2.01.0001"}
    assert all(t.url.startswith("/unit/bantargebang/anggaran/2024/dpa/#baris-") for t in neg)
    # no analysis for the three IKUs (computed: nothing entered during the year), with the LKIP text editor
    analisis = _cari(temuan, teks="Analisis capaian tahun 2024 belum ada", level="warning")
    assert [t.where for t in analisis] == [
        f"IKU {n} {nama}"
        for n, nama in enumerate(
            [
                "Indeks Kepuasan Masyarakat Terhadap Layanan Publik",
                "Nilai AKIP Kecamatan Bantargebang",
                "Persentase Wilayah yang Tertib",
            ],
            1,
        )
    ]
    assert analisis[0].url == "/unit/bantargebang/lkip/2024/teks/#teks-analisis_IKU1"
    # no LKIP texts written yet
    teks = [t for t in temuan if t.where.startswith("Teks LKIP / ")]
    assert len(teks) == len(BAGIAN)
    assert {t.where for t in teks if t.level == "info"} == {f"Teks LKIP / {BAGIAN[k]}" for k in TEKS_TAMBAHAN}
    # and the pohon kinerja's findings (tests/test_pohon_reviu.py)
    pohon = [t for t in temuan if t.where.startswith("Pohon kinerja / ")]
    assert pohon and all(t.level == "warning" for t in pohon)
    assert len(temuan) == len(periksa(demo, 2024)) + 1 + 3 + len(BAGIAN) + len(pohon)


def test_review_sheet_document(demo):
    import datetime as dt

    temuan = reviu(demo, 2024)
    dok = lembar_reviu(demo, 2024, temuan, tanggal=dt.date(2025, 1, 10))
    (bab,) = dok.bab
    tabel = {t.judul: t for t in bab.isi if hasattr(t, "kepala")}
    peringatan, catatan = tabel["Daftar temuan: Peringatan"], tabel["Daftar temuan: Catatan"]
    assert "Daftar temuan: Kesalahan" not in tabel  # none on the demo
    assert peringatan.kepala == [["No", "Lokasi", "Temuan", "Tindak lanjut dan paraf pereviu"]]
    assert [r[1:3] for r in peringatan.baris + catatan.baris] == [[t.where, t.message] for t in temuan]
    assert [r[0] for r in peringatan.baris + catatan.baris] == [str(n) for n in range(1, len(temuan) + 1)]
    ringkas = {r[0]: r[1] for r in tabel["Ringkasan temuan"].baris}
    assert ringkas == {
        "Kesalahan": "0",
        "Peringatan": str(ringkasan(temuan)["warning"]),
        "Catatan": str(ringkasan(temuan)["info"]),
        "Jumlah": str(len(temuan)),
    }
    assert ["Tanggal pemeriksaan otomatis", "10 Januari 2025"] in tabel["Identitas"].baris
    ttd = bab.isi[-1]
    from perencanaan.models import PerjanjianKinerja

    camat = PerjanjianKinerja.objects.get(instansi=demo, tahun=2024).pihak_pertama
    assert ttd.kanan.nama == camat.nama and ttd.kanan.nip == camat.nip_tampil
    assert "Inspektorat" in ttd.kiri.jabatan
    assert dok.daftar_tabel() == [
        "Tabel 1.1 Identitas",
        "Tabel 1.2 Ringkasan temuan",
        "Tabel 1.3 Daftar temuan: Peringatan",
        "Tabel 1.4 Daftar temuan: Catatan",
    ]
