"""The importer's problems shown on the upload page in Indonesian, the sheet!cell kept."""

import pytest

from workbook.pesan import indonesiakan


@pytest.mark.parametrize(
    "asli, indonesia",
    [
        ('target!D5: target must be a number, got "x"', 'target!D5: target harus berupa angka, tertulis "x"'),
        ("indikator!B3: nama is required", "indikator!B3: nama wajib diisi"),
        (
            'target!B2: unknown indikator "IKU9" of instansi bantargebang',
            'target!B2: indikator "IKU9" tidak dikenal di instansi bantargebang',
        ),
        ("zona!7:7: duplicate row: same key as row 3", "zona!7:7: baris ganda: kuncinya sama dengan baris 3"),
        (
            'indikator!J4: polaritas must be one of positif, negatif, rentang; got "naik"',
            'indikator!J4: polaritas harus salah satu dari positif, negatif, rentang; tertulis "naik"',
        ),
        ('target!A1: missing required column "tahun"', 'target!A1: kolom wajib "tahun" tidak ada'),
        (
            "renstra!E2: tahun_akhir 2024 is before tahun_awal 2025",
            "renstra!E2: tahun_akhir 2024 lebih awal dari tahun_awal 2025",
        ),
        (
            "zona_penilaian!D4: bulan must be 1–12 (or blank for the year's recapitulation), got 13",
            "zona_penilaian!D4: bulan harus 1–12 (atau kosong untuk rekap tahunan), tertulis 13",
        ),
        (
            "skm_responden!F9: periode is required when tanggal_layanan is blank",
            "skm_responden!F9: periode wajib diisi bila tanggal_layanan kosong",
        ),
        (
            "zona!F3: zona Z01 was assessed in 2024: tahun_nonaktif must be 2025 or later (or blank)",
            "zona!F3: zona Z01 sudah dinilai pada 2024: tahun_nonaktif harus 2025 atau sesudahnya (atau kosong)",
        ),
        ("x.xlsx: berkas ditolak: terlalu besar", "x.xlsx: berkas ditolak: terlalu besar"),
        ("pk!3:3: something new", "pk!3:3: something new"),  # a kind without a pattern: as written
    ],
)
def test_indonesiakan(asli, indonesia):
    assert indonesiakan(asli) == indonesia
