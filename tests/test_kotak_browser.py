"""Browser: the inbox "Tugas saya" shows a submitted realisasi to the pimpinan (with the count in
the top bar and the review card with value, capaian, the four analysis fields and the evidence),
and the returned realisasi with the pimpinan's comment to its operator."""

import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from tests.conftest import cek_aksesibilitas

pytestmark = pytest.mark.django_db(transaction=True)


def masuk(page, base, username):
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill("demo-sakip-2024")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))


def _diajukan(pk_manual):
    from pengukuran import services

    op = get_user_model().objects.get(username="operator")
    r = services.simpan_realisasi(
        user=op,
        indikator=pk_manual,
        tahun=2025,
        periode="TW4",
        isian=services.Isian(
            Decimal("76.5"),
            {
                "analisis_sebab": "Antrean menumpuk pada bulan Desember",
                "analisis_pendukung": "Petugas loket bertambah",
                "analisis_penghambat": "Aplikasi antrean sering mati",
                "analisis_tindak_lanjut": "Perbaikan aplikasi antrean",
            },
            0,
        ),
    )
    services.tambah_bukti(
        user=op,
        realisasi=r,
        berkas=SimpleUploadedFile("register.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
    )
    services.ubah_status(user=op, instansi=pk_manual.instansi, tahun=2025, periode="TW4", aksi="ajukan")


def test_inbox_shows_submitted_to_pimpinan_and_returned_to_operator(live_server, browser, pk_manual):
    _diajukan(pk_manual)
    base = live_server.url

    pim = browser.new_page()
    masuk(pim, base, "pimpinan")
    pim.goto(f"{base}/unit/bantargebang/?tahun=2025")
    badge = pim.locator(".jumlah-kotak")
    expect(badge).to_be_visible()
    expect(badge).to_contain_text("2")  # the submitted TW4 and the draft PK 2025 to sign
    expect(pim.get_by_role("region", name="Persentase Layanan Selesai Tepat Waktu")).to_contain_text(
        "belum diverifikasi: TW4"
    )
    cek_aksesibilitas(pim)
    pim.get_by_role("link", name=re.compile("Tugas saya")).click()
    expect(pim.get_by_role("heading", name="Tugas saya")).to_be_visible()
    cek_aksesibilitas(pim)
    pim.get_by_role("link", name="Verifikasi realisasi kinerja Triwulan IV 2025").click()
    expect(pim).to_have_url(re.compile(r"/unit/bantargebang/realisasi/2025/TW4/"))
    kartu = pim.get_by_role("region", name="Persentase Layanan Selesai Tepat Waktu")
    for teks in (
        "76,50",
        "95,6 %",
        "Antrean menumpuk pada bulan Desember",
        "Petugas loket bertambah",
        "Aplikasi antrean sering mati",
        "Perbaikan aplikasi antrean",
    ):
        expect(kartu).to_contain_text(teks)
    expect(kartu.get_by_role("link", name="register.pdf")).to_be_visible()
    cek_aksesibilitas(pim)
    pim.get_by_label("Komentar (wajib bila dikembalikan)").fill("Nilai belum sesuai register")
    pim.get_by_role("button", name="Kembalikan").click()
    expect(pim.locator(".status")).to_have_text("Dikembalikan")
    pim.goto(f"{base}/tugas-saya/?tahun=2025")
    expect(pim.get_by_role("link", name="Verifikasi realisasi kinerja Triwulan IV 2025")).to_have_count(0)
    cek_aksesibilitas(pim)

    op = browser.new_page()
    masuk(op, base, "operator")
    op.goto(f"{base}/unit/bantargebang/?tahun=2025")
    expect(op.locator(".jumlah-kotak")).to_be_visible()
    cek_aksesibilitas(op)
    op.get_by_role("link", name=re.compile("Tugas saya")).click()
    bagian = op.get_by_role("region", name=re.compile("Realisasi dikembalikan untuk diperbaiki"))
    expect(bagian).to_contain_text("Komentar pimpinan: Nilai belum sesuai register")
    cek_aksesibilitas(op)
    bagian.get_by_role("link", name="Perbaiki realisasi kinerja Triwulan IV 2025 yang dikembalikan").click()
    expect(op).to_have_url(re.compile(r"/unit/bantargebang/realisasi/2025/TW4/"))
    expect(op.locator(".komentar")).to_have_text("Nilai belum sesuai register")
    cek_aksesibilitas(op)
