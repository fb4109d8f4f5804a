"""The LKIP carries the Rencana Aksi when one exists: in BAB III a table per PK indicator with the
quarter targets, the realisasi entered per quarter, its capaian against that quarter's target and
the action steps, and a quarterly chart (target vs realisasi) per IKU, in the document model, the
DOCX and the PDF. Without a plan the LKIP is exactly as before (no section, same tables)."""

import io
from decimal import Decimal

import pytest
from docx import Document

from laporan import keluaran
from laporan.dokumen import Gambar, Tabel
from laporan.lkip import bangun_lkip
from pengukuran.models import Realisasi
from perencanaan.models import LangkahAksi, TargetTriwulan

pytestmark = pytest.mark.django_db

JUDUL = "Rencana Aksi dan Capaian per Triwulan"


def _bagian(dok):
    bab3 = dok.bab[2]
    return next((b for b in bab3.anak if b.judul == "Rencana Aksi"), None)


def test_demo_lkip_has_the_plan_table_and_a_chart_per_iku(demo):
    Realisasi.objects.create(
        indikator=TargetTriwulan.objects.get(indikator__kode="IKU3", periode="TW2").indikator,
        tahun=2024,
        periode="TW2",
        nilai=Decimal(25),
    )
    dok = bangun_lkip(demo, 2024)
    bagian = _bagian(dok)
    assert (
        bagian is not None and bagian is dok.bab[2].anak[-1]
    )  # after the earlier sections: their numbers stay
    tabel = next(x for x in bagian.isi if isinstance(x, Tabel))
    assert tabel.judul == JUDUL
    assert tabel.kepala[0] == [
        "No",
        "Indikator Kinerja",
        "Satuan",
        "Triwulan",
        "Target",
        "Realisasi",
        "Capaian",
        "Langkah Aksi",
    ]
    assert len(tabel.baris) == 12
    # the targets are the stored ones, in the Indonesian format, per indicator and quarter
    kode = {
        r["indikator__nama"]: r["indikator__kode"]
        for r in TargetTriwulan.objects.values("indikator__nama", "indikator__kode")
    }
    nama = ""
    for row in tabel.baris:
        nama = row[1] or nama
        t = TargetTriwulan.objects.get(indikator__kode=kode[nama], periode=row[3])
        from rumus import narasi

        assert row[4] == narasi.nilai_satuan(t.nilai, "", "-")
    iku3 = [r for r in tabel.baris[8:12]]
    assert iku3[1][3:7] == ["TW2", "20", "25", "125,0 %"] and iku3[0][5] == "-"
    # every action step is in its quarter's row with who and the budget code
    teks = " ".join(r[7] for r in tabel.baris)
    for lk in LangkahAksi.objects.select_related("sub_kegiatan"):
        assert lk.uraian in teks and lk.penanggung_jawab in teks
        if lk.sub_kegiatan_id:
            assert lk.sub_kegiatan.kode in teks
    assert "Sinergitas dengan Kepolisian" in tabel.baris[8][7]
    kalimat = [p for p in dok.semua_teks() if p.startswith("Persentase Wilayah yang Tertib: ")]
    assert "Persentase Wilayah yang Tertib: sesuai rencana pada TW2." in kalimat
    gambar = [x.judul for x in bagian.isi if isinstance(x, Gambar)]
    assert gambar == [
        "Target dan Realisasi per Triwulan: Indeks Kepuasan Masyarakat Terhadap Layanan Publik",
        "Target dan Realisasi per Triwulan: Nilai AKIP Kecamatan Bantargebang",
        "Target dan Realisasi per Triwulan: Persentase Wilayah yang Tertib",
    ]

    docx = Document(io.BytesIO(keluaran.render_docx(dok)))
    sel = [c.text for t in docx.tables for r in t.rows for c in r.cells]
    assert "Langkah Aksi" in sel and "125,0 %" in sel
    judul = [p.text for p in docx.paragraphs]
    assert any(JUDUL in p for p in judul)
    assert sum("Target dan Realisasi per Triwulan" in p for p in judul) >= 3


def test_without_a_plan_the_lkip_is_as_before(demo):
    dengan = bangun_lkip(demo, 2024)
    TargetTriwulan.objects.all().delete()
    tanpa = bangun_lkip(demo, 2024)
    assert _bagian(tanpa) is None
    assert all("Rencana Aksi" not in t for t in tanpa.daftar_tabel())
    assert tanpa.daftar_tabel() == [t for t in dengan.daftar_tabel() if JUDUL not in t]
    assert tanpa.daftar_gambar() == [g for g in dengan.daftar_gambar() if "per Triwulan:" not in g]


@pytest.mark.skipif(keluaran.soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_the_pdf_prints_the_plan(demo):
    import pdfplumber

    pdf = keluaran.render_pdf(bangun_lkip(demo, 2024))
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        teks = "\n".join(p.extract_text() or "" for p in doc.pages)
    assert JUDUL in teks and "Target dan Realisasi per Triwulan" in teks
