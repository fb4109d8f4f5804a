"""reviu_dokumen: the reviu of an LKIP file made elsewhere (docs/laporan.md, "Reviu of any LKIP file").

Golden: on the seed report it finds every mistake of docs/rules.md §9 checkable from the
text and no other error; on the LKIP this app generates for the demo it finds no error."""

import io
import json
import time
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from laporan import keluaran
from laporan.reviu_dokumen import baca, reviu_berkas
from rumus.reviu_dokumen import Dokumen, Kalimat, Tabel, baca_angka, reviu

SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / "000_8f6a8a44a28734a9.txt"
perlu_seed = pytest.mark.skipif(not SEED.is_file(), reason=f"the seed report is not at {SEED}")
perlu_soffice = pytest.mark.skipif(
    keluaran.soffice() is None, reason="LibreOffice (soffice) is not installed: PDF cannot be rendered"
)


def _galat(temuan):
    return [t for t in temuan if t.level == "error"]


@perlu_seed
def test_seed_mistakes_found_and_nothing_else():
    galat = _galat(reviu_berkas(SEED))
    ringkas = [(t.message, t.printed, t.recomputed) for t in galat]
    assert ringkas == [
        ("Tabel 3.21 is used 2 times", "Tabel 3.21", None),
        ("the number of sasaran differs between sentences", "2 sasaran, 3 sasaran", None),
        (
            "the title names «Indeks Kepuasan Masyarakat Terhadap Layanan Publik» but the table holds "
            "«Persentase Peningkatan Wilayah yang Tertib»",
            "Capaian Indikator Program yang Menunjang Indikator sasaran Indeks Kepuasan Masyarakat tahun 2024",
            None,
        ),
        (
            "capaian of «Persentase Peningkatan Wilayah yang Tertib» from the rounded realisasi 58; "
            "exact: zones tertib 7/12 = 58,33 % (Tabel 3.18 (line 1014))",
            "145",
            "145,83",
        ),
        (
            "capaian of «Persentase Peningkatan Wilayah yang Tertib» from the rounded realisasi 58; "
            "exact: zones tertib 7/12 = 58,33 % (Tabel 3.18 (line 1014))",
            "145",
            "145,83",
        ),
        (
            "«Indeks Kepuasan Masyarakat Terhadap Layanan Publik»: capaian 97,8 % (Tabel 3.1 (line 536)) "
            "is «belum mencapai target»",
            "melampaui target",
            "belum mencapai target",
        ),
        (
            "«Persentase Peningkatan Wilayah yang Tertib»: target 2024 has different values in different places",
            "40, 75",
            None,
        ),
        (
            "«Persentase Peningkatan Wilayah yang Tertib»: realisasi 2023 has different values in different places",
            "40, 75",
            None,
        ),
        (
            "the figure labelled pagu is the realisasi of the table above; its pagu is Rp 5.824.015.200 "
            "(serapan 97,09 %)",
            "Rp 5.654.327.020",
            "Rp 5.824.015.200",
        ),
        ("serapan = realisasi / pagu of the same sentence", "100 persen", "86,96"),
    ]
    where = [t.where for t in galat]
    assert where[0] == "Tabel 3.21 (line 1074, line 1132)"
    assert where[3:5] == ["Tabel 3.1 (line 536), row 4", "Tabel 3.19 (line 1044), row 3"]
    assert (
        where[5].startswith("line 712: ")
        and where[8].startswith("line 784: ")
        and where[9].startswith("line 1111: ")
    )
    assert "Tabel 3.21 (line 1074), row 4" in where[7] and "line 1088" in where[7]


@perlu_seed
def test_seed_mixed_thousands_separators_warned():
    peringatan = [t for t in reviu_berkas(SEED) if t.level == "warning"]
    assert [(t.where, t.printed) for t in peringatan] == [
        ("Tabel 3.21 (line 1132)", "80.000.000, 50.000.000")
    ]


def _lkip(tmp_path, ext):
    out = tmp_path / f"x.{ext}"
    call_command(
        "lkip", "--instansi", "bantargebang", "--tahun", "2024", "--out", str(out), stdout=io.StringIO()
    )
    return out


@pytest.mark.django_db
def test_generated_lkip_docx_has_no_finding(demo, tmp_path):
    path = _lkip(tmp_path, "docx")
    dok = baca(path)
    assert len([t for t in dok.tabel if t.baris]) >= 20 and len(dok.kalimat) > 100  # it did read the file
    assert reviu_berkas(path) == []


@perlu_soffice
@pytest.mark.django_db
def test_generated_lkip_pdf_has_no_finding_within_10_s(demo, tmp_path):
    path = _lkip(tmp_path, "pdf")
    mulai = time.process_time()  # CPU time: the machine running the tests may be shared
    temuan = reviu_berkas(path)
    assert time.process_time() - mulai < 10
    assert temuan == []
    assert len([t for t in baca(path).tabel if t.baris]) >= 20


def _tabel(baris, judul="", nomor="1"):
    return Tabel(nomor, judul, baris, "line 1")


def test_budget_row_serapan_efisiensi_and_total():
    dok = Dokumen(
        tabel=[
            _tabel(
                [
                    ["Program", "Pagu (Rp)", "Realisasi (Rp)", "%", "Tingkat Efisiensi"],
                    ["Program A", "100.000.000", "86.960.000", "100", "13,0"],
                    ["Program B", "50.000.000", "25.000.000", "50,00", "40,0"],
                    ["Total", "150.000.000", "111.960.000", "74,64", "25,4"],
                ]
            )
        ]
    )
    got = [(t.message, t.printed, t.recomputed) for t in reviu(dok)]
    assert got == [
        ("serapan of «Program A» = realisasi / pagu", "100", "86,96"),
        ("tingkat efisiensi of «Program B» = 100 − serapan", "40,0", "50,00"),
    ]
    dok.tabel[0].baris[3][1] = "160.000.000"
    totals = [t for t in reviu(dok) if t.message.startswith("total")]
    assert [(t.printed, t.recomputed) for t in totals] == [("160.000.000", "Rp 150.000.000")]


def test_ikm_from_nrr_exact_ninth_and_band():
    nrr = ["3,144", "3,150", "3,099", "4,000", "3,142", "3,169", "3,220", "3,110", "3,082"]
    baris = [
        ["", "U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"],
        ["Nilai Rata-Rata (NRR)", *nrr],
        [
            "IKM Per Unsur (NRR x 25)",
            "78,59",
            "78,75",
            "77,48",
            "100,00",
            "78,54",
            "79,23",
            "80,50",
            "77,75",
            "70,00",
        ],
        ["Kategori", "B", "B", "B", "A", "B", "B", "B", "B", "A"],
        ["IKM Unit Layanan", "80,00 (B atau Baik)"],
    ]
    got = [(t.message, t.printed, t.recomputed) for t in reviu(Dokumen(tabel=[_tabel(baris)]))]
    assert got == [
        ("IKM of U9 = NRR × 25", "70,00", "77,05"),
        ("mutu of U9 (IKM 77,05)", "A", "B"),
        ("IKM = Σ NRR × 1/9 × 25", "80,00", "80,88"),
    ]


def test_akip_total_and_predikat():
    baris = [
        ["No", "Komponen", "Bobot", "Nilai"],
        ["1", "Perencanaan Kinerja", "30", "23,19"],
        ["2", "Pengukuran Kinerja", "30", "22,46"],
        ["3", "Pelaporan Kinerja", "15", "11,03"],
        ["4", "Evaluasi Akuntabilitas Kinerja Internal", "25", "18,10"],
        ["", "Nilai Hasil Evaluasi", "100", "80,78"],
        ["", "Tingkat Akuntabilitas Kinerja", "", "BB"],
    ]
    got = [(t.message, t.printed, t.recomputed) for t in reviu(Dokumen(tabel=[_tabel(baris)]))]
    assert got == [
        ("total of column 4 = sum of the 4 rows above", "80,78", "74,78"),
        ("predikat of the AKIP total 80,78", "BB", "A"),
    ]


def test_verdict_and_capaian_by_table():
    tabel = _tabel(
        [
            ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian"],
            ["1", "Indeks Kepuasan Masyarakat Terhadap Layanan Publik", "83", "81,18", "99,0 %"],
        ],
        judul="Capaian Kinerja Tahun 2024",
    )
    kalimat = [
        Kalimat("Indeks Kepuasan Masyarakat tahun 2024 berhasil melampaui target.", "line 9"),
        Kalimat("Indeks Kepuasan Masyarakat tahun 2024 belum mencapai target.", "line 10"),
    ]
    dok = Dokumen(tabel=[tabel], kalimat=kalimat, urutan=[("tabel", 0), ("kalimat", 0), ("kalimat", 1)])
    got = [(t.printed, t.recomputed) for t in reviu(dok)]
    assert got == [("99,0", "97,81"), ("melampaui target", "belum mencapai target")]


def test_dot_decimal_among_dot_thousands_warned():
    tabel = _tabel([["Program", "Pagu", "Realisasi", "%"], ["Program A", "1.000.000", "978.000", "97.80"]])
    got = [(t.level, t.message, t.printed) for t in reviu(Dokumen(tabel=[tabel]))]
    assert ("warning", "a dot decimal among dot thousands: read as decimals, confirm", "97.80") in got


def test_numbers_read_the_project_way():
    assert baca_angka("74.15 (BB)").nilai == Decimal("74.15")
    assert baca_angka("3,144", batas_atas=4).nilai == Decimal("3.144")
    assert baca_angka("Rp. 5.654.327.020,-").nilai == Decimal("5654327020")
    assert baca_angka("(47.306.000,00)").nilai == Decimal("-47306000.00")
    assert baca_angka("- 27.937.700").nilai == Decimal("-27937700")
    assert baca_angka("tidak ada") is None


@perlu_seed
def test_command_json(tmp_path):
    out = io.StringIO()
    call_command("reviu_dokumen", str(SEED), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["summary"] == {"error": 10, "warning": 1}
    assert set(data["findings"][0]) == {"level", "where", "message", "printed", "recomputed"}


def test_command_table_and_bad_files(tmp_path):
    teks = tmp_path / "lkip.txt"
    teks.write_text("Tabel 1.1\nJudul\nA\t1\n\nTabel 1.1\nJudul lain\nB\t2\n", encoding="utf-8")
    out = io.StringIO()
    call_command("reviu_dokumen", str(teks), stdout=out)
    assert "1 error, 0 warning" in out.getvalue() and "Tabel 1.1 is used 2 times" in out.getvalue()
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("reviu_dokumen", str(tmp_path / "tidak-ada.pdf"))
    biner = tmp_path / "x.bin"
    biner.write_bytes(b"\xff\xfe\x00\x81binary")
    with pytest.raises(CommandError, match="bukan PDF, DOCX atau teks"):
        call_command("reviu_dokumen", str(biner))


def test_total_serapan_as_unweighted_mean_is_named():
    """A total row's serapan is Σ realisasi / Σ pagu (pagu-weighted), not the mean of the rows'."""
    dok = Dokumen(
        tabel=[
            _tabel(
                [
                    ["Program", "Pagu (Rp)", "Realisasi (Rp)", "Serapan (%)"],
                    ["Program A", "900.000.000", "900.000.000", "100,00"],
                    ["Program B", "100.000.000", "50.000.000", "50,00"],
                    ["Jumlah", "1.000.000.000", "950.000.000", "75,00"],
                ]
            )
        ]
    )
    got = [(t.message, t.printed, t.recomputed) for t in reviu(dok)]
    assert got == [
        (
            "serapan of «Jumlah» is the unweighted mean of the rows' serapan; pagu-weighted: total "
            "realisasi / total pagu",
            "75,00",
            "95,00",
        )
    ]
    dok.tabel[0].baris[3][3] = "80,00"  # neither: the plain message
    assert [t.message for t in reviu(dok)] == ["serapan of «Jumlah» = realisasi / pagu"]


def test_sub_totals_with_codes():
    """A programme's and a kegiatan's amounts are the sums of their direct children (by code)."""
    dok = Dokumen(
        tabel=[
            _tabel(
                [
                    ["Kode", "Program / Kegiatan", "Pagu (Rp)", "Realisasi (Rp)"],
                    ["7.01.01", "Program A", "300.000.000", "250.000.000"],
                    ["7.01.01.2.01", "Kegiatan A1", "200.000.000", "150.000.000"],
                    ["7.01.01.2.01.0001", "Sub A1a", "120.000.000", "100.000.000"],
                    ["7.01.01.2.01.0002", "Sub A1b", "70.000.000", "50.000.000"],
                    ["7.01.01.2.02", "Kegiatan A2", "100.000.000", "100.000.000"],
                ]
            )
        ]
    )
    got = [(t.message, t.printed, t.recomputed) for t in reviu(dok) if "sub-total" in t.message]
    assert got == [
        ("sub-total pagu of «Kegiatan A1» = sum of its 2 rows below", "200.000.000", "Rp 190.000.000")
    ]
    dok.tabel[0].baris[4][2] = "80.000.000"
    assert [t for t in reviu(dok) if "sub-total" in t.message] == []


def test_sub_totals_of_a_programme_row_without_codes():
    """Without codes a "Program …" row's kegiatan and sub-kegiatan rows follow it: they sum to it
    once per level listed; anything else is named (the seed's tables pass: see the golden test)."""
    baris = [
        ["Program/Kegiatan/Sub Kegiatan", "Pagu", "Realisasi"],
        ["Program B", "100.000.000", "90.000.000"],
        ["Kegiatan B1", "100.000.000", "90.000.000"],
        ["Sub B1a", "60.000.000", "50.000.000"],
        ["Sub B1b", "40.000.000", "40.000.000"],
    ]
    dok = Dokumen(tabel=[_tabel(baris)])
    assert [t for t in reviu(dok) if "sub-total" in t.message] == []
    baris[4][2] = "45.000.000"
    got = [(t.message, t.printed) for t in reviu(dok) if "sub-total" in t.message]
    assert got == [("sub-total realisasi of «Program B» = sum of its 3 rows below", "90.000.000")]
