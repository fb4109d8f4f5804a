"""Browser: the unit fills two LKE criteria with evidence and submits; the evaluator scores,
writes the LHE and finalises; the LHE downloads."""

import re

import pytest
from playwright.sync_api import expect

from evaluasi.models import Evaluasi
from tests.conftest import cek_aksesibilitas
from tests.tugas_bantu import DB, pekerja_satu_putaran

pytestmark = pytest.mark.django_db(transaction=True)


def masuk(page, base, username):
    page.goto(f"{base}/akun/masuk/")
    page.get_by_label("Nama pengguna").fill(username)
    page.get_by_label("Kata sandi").fill("demo-sakip-2024")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r".*/$"))


def test_lke_in_the_browser(live_server, browser, pengguna_demo, tmp_path, settings):
    settings.TASKS = DB
    settings.DOKUMEN_ROOT = tmp_path / "dokumen"
    base = live_server.url
    bukti = tmp_path / "pedoman.pdf"
    bukti.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")

    op = browser.new_page()
    masuk(op, base, "operator")
    op.goto(f"{base}/unit/bantargebang/evaluasi/")
    cek_aksesibilitas(op)
    op.locator("main").get_by_label("Tahun").fill("2024")  # not the top bar's year selector
    op.get_by_label("Jenis evaluasi").select_option("akip")
    op.get_by_role("button", name="Mulai").click()
    expect(op.locator(".status").first).to_have_text("Draf")
    cek_aksesibilitas(op)

    k1 = op.get_by_role("region", name="Kriteria 1.1.1")
    k1.get_by_label("Nilai usulan").select_option("Ya")
    k1.get_by_label("Catatan").fill("Pedoman perencanaan ditetapkan Camat")
    k1.get_by_label("Unggah bukti (PDF, JPG, PNG, XLSX; maks. 10 MB)").set_input_files(str(bukti))
    k1.get_by_role("button", name="Simpan jawaban").click()
    expect(op.get_by_text("Jawaban kriteria 1.1.1 disimpan.")).to_be_visible()
    expect(
        op.get_by_role("region", name="Kriteria 1.1.1").get_by_role("link", name="pedoman.pdf")
    ).to_be_visible()

    k2 = op.get_by_role("region", name="Kriteria 1.1.2")
    k2.get_by_label("Nilai usulan").select_option("Ya")
    k2.get_by_label("Tautkan dokumen di sistem").select_option(index=1)  # the unit's Renstra
    k2.get_by_role("button", name="Simpan jawaban").click()
    expect(op.get_by_text("Jawaban kriteria 1.1.2 disimpan.")).to_be_visible()
    expect(op.locator(".total-usulan")).to_have_text("3,00")  # 2 × 1,5 (Keberadaan 6 / 4 kriteria)
    op.get_by_role("button", name="Ajukan ke evaluator").click()
    expect(op.locator(".status").first).to_have_text("Diajukan unit")

    ev_pk = Evaluasi.objects.get(instansi__slug="bantargebang", tahun=2024, jenis="akip").pk
    url = f"{base}/unit/bantargebang/evaluasi/{ev_pk}/"
    evl = browser.new_page()
    masuk(evl, base, "evaluator")
    evl.goto(url)
    cek_aksesibilitas(evl)
    evl.get_by_role("button", name="Mulai evaluasi").click()
    expect(evl.locator(".status").first).to_have_text("Sedang dievaluasi")
    k1 = evl.get_by_role("region", name="Kriteria 1.1.1")
    k1.get_by_label("Nilai penetapan").select_option("Ya")
    k1.get_by_label("Komentar evaluator").fill("Sesuai bukti")
    k1.get_by_role("button", name="Simpan nilai").click()
    expect(evl.get_by_text("Nilai penetapan disimpan.")).to_be_visible()
    k2 = evl.get_by_role("region", name="Kriteria 1.1.2")
    k2.get_by_label("Nilai penetapan").select_option("Tidak")
    k2.get_by_label("Komentar evaluator").fill("Renstra belum memuat cascading")
    k2.get_by_role("button", name="Simpan nilai").click()
    expect(evl.locator(".total-penetapan")).to_have_text("1,50")
    evl.get_by_label("Kekuatan (satu per baris)").fill("Pedoman perencanaan tersedia")
    evl.get_by_label("Kelemahan (satu per baris)").fill("Renstra belum dijabarkan berjenjang")
    evl.get_by_role("button", name="Simpan kekuatan dan kelemahan").click()
    evl.get_by_label("Rekomendasi baru").fill("Jabarkan Renstra sampai tingkat seksi")
    evl.get_by_label("Penanggung jawab").fill("Sekretaris Kecamatan")
    evl.get_by_label("Batas waktu").fill("2025-06-30")
    evl.get_by_role("button", name="Tambah rekomendasi").click()
    expect(evl.get_by_text("Rekomendasi ditambahkan.")).to_be_visible()
    evl.get_by_role("button", name="Finalkan evaluasi").click()
    expect(evl.locator(".status").first).to_have_text("Final")
    cek_aksesibilitas(evl)
    expect(evl.get_by_role("button", name="Simpan nilai")).to_have_count(0)

    # the LHE is requested from the task queue; the worker makes it while the job page polls
    evl.get_by_role("button", name="Unduh LHE (DOCX)").click()
    evl.wait_for_url(re.compile(r".*/unit/bantargebang/tugas/[0-9a-f-]+/$"))
    cek_aksesibilitas(evl)
    pekerja_satu_putaran()
    tautan = evl.get_by_role("link", name="Unduh LHE-akip-bantargebang-2024.docx")
    expect(tautan).to_be_visible(timeout=10_000)
    cek_aksesibilitas(evl)
    with evl.expect_download() as info:
        tautan.click()
    path = info.value.path()
    assert info.value.suggested_filename == "LHE-akip-bantargebang-2024.docx"
    from docx import Document

    teks = "\n".join(c.text for t in Document(path).tables for r in t.rows for c in r.cells)
    assert "Jabarkan Renstra sampai tingkat seksi" in teks
