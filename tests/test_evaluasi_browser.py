"""Browser: the unit answers a component's criteria in one form (a validation error keeps every
typed value); an LKE with unanswered criteria cannot be submitted until each is answered or
marked "tidak relevan" with a reason; the evaluator scores the component in one form, writes the
LHE and finalises after the summary and confirmation; the LHE downloads."""

import re

import pytest
from playwright.sync_api import expect

from evaluasi.models import Evaluasi
from tests.conftest import cek_aksesibilitas
from tests.evaluasi_bantu import tandai_sisa_tidak_relevan
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

    lke_url = op.url
    # the first component's criteria in one form: a value typed survives a validation error
    op.get_by_role("link", name="Isi jawaban komponen ini (satu formulir)").first.click()
    cek_aksesibilitas(op)
    k1 = op.get_by_role("region", name="Kriteria 1.1.1")
    k1.get_by_label("Nilai usulan").select_option("Ya")
    k1.get_by_label("Catatan").fill("Pedoman perencanaan ditetapkan Camat")
    k1.get_by_label("Unggah bukti (PDF, JPG, PNG, XLSX; maks. 10 MB)").set_input_files(str(bukti))
    k2 = op.get_by_role("region", name="Kriteria 1.1.2")
    k2.get_by_label("Nilai usulan").select_option("Ya")
    k2.get_by_label("Tautkan dokumen di sistem").select_option(index=1)  # the unit's Renstra
    k3 = op.get_by_role("region", name="Kriteria 1.1.3")
    k3.get_by_label("Tidak relevan untuk unit ini").check()  # without its reason: refused
    op.get_by_role("button", name="Simpan semua").click()
    expect(op.locator("#galat-simpan")).to_contain_text("belum ada yang disimpan")
    expect(k3.get_by_label("Alasan tidak relevan")).to_have_attribute("aria-invalid", "true")
    expect(k1.get_by_label("Catatan")).to_have_value("Pedoman perencanaan ditetapkan Camat")
    expect(k2.get_by_label("Nilai usulan")).to_have_value("Ya")
    cek_aksesibilitas(op)
    k3.get_by_label("Alasan tidak relevan").fill("Kecamatan tidak menyusun dokumen ini")
    k1.get_by_label("Unggah bukti (PDF, JPG, PNG, XLSX; maks. 10 MB)").set_input_files(str(bukti))
    k2.get_by_label("Tautkan dokumen di sistem").select_option(index=1)
    op.get_by_role("button", name="Simpan semua").click()
    expect(
        op.get_by_text(re.compile(r"^Disimpan: kriteria 1\.1\.1, 1\.1\.2, 1\.1\.3; bukti pedoman\.pdf"))
    ).to_be_visible()
    expect(
        op.get_by_role("region", name="Kriteria 1.1.1").get_by_role("link", name="pedoman.pdf")
    ).to_be_visible()

    # the other criteria unanswered: the LKE cannot be submitted, and the page says how many
    op.goto(lke_url)
    expect(op.locator(".total-usulan")).to_have_text("3,00")  # 2 × 1,5 (Keberadaan 6 / 4 kriteria)
    expect(op.locator("#kelengkapan")).to_contain_text(
        "Kriteria belum dijawab dan tidak ditandai tidak relevan"
    )
    op.get_by_role("button", name="Ajukan ke evaluator").click()
    expect(
        op.get_by_text(re.compile("LKE belum dapat diajukan: [0-9]+ kriteria belum dijawab"))
    ).to_be_visible()
    expect(op.locator(".status").first).to_have_text("Draf")
    cek_aksesibilitas(op)
    ev = Evaluasi.objects.get(instansi__slug="bantargebang", tahun=2024, jenis="akip")
    tandai_sisa_tidak_relevan(pengguna_demo["operator"], ev)  # the other components, as on this page
    op.goto(lke_url)
    op.get_by_role("button", name="Ajukan ke evaluator").click()
    expect(op.locator(".status").first).to_have_text("Diajukan unit")

    url = f"{base}/unit/bantargebang/evaluasi/{ev.pk}/"
    evl = browser.new_page()
    masuk(evl, base, "evaluator")
    evl.goto(url)
    cek_aksesibilitas(evl)
    evl.get_by_role("button", name="Mulai evaluasi").click()
    expect(evl.locator(".status").first).to_have_text("Sedang dievaluasi")
    evl.get_by_role("link", name="Isi nilai penetapan komponen ini (satu formulir)").first.click()
    k1 = evl.get_by_role("region", name="Kriteria 1.1.1")
    expect(evl.get_by_role("region", name="Kriteria 1.1.3")).to_contain_text(
        "Kecamatan tidak menyusun dokumen ini"
    )
    k1.get_by_label("Nilai penetapan").select_option("Ya")
    k1.get_by_label("Komentar evaluator").fill("Sesuai bukti")
    k2 = evl.get_by_role("region", name="Kriteria 1.1.2")
    k2.get_by_label("Nilai penetapan").select_option("Tidak")
    k2.get_by_label("Komentar evaluator").fill("Renstra belum memuat cascading")
    evl.get_by_role("button", name="Simpan semua").click()
    expect(evl.get_by_text("Disimpan: kriteria 1.1.1, 1.1.2.")).to_be_visible()
    cek_aksesibilitas(evl)
    evl.goto(url)
    expect(evl.locator(".total-penetapan")).to_have_text("1,50")
    evl.get_by_label("Kekuatan (satu per baris)").fill("Pedoman perencanaan tersedia")
    evl.get_by_label("Kelemahan (satu per baris)").fill("Renstra belum dijabarkan berjenjang")
    evl.get_by_role("button", name="Simpan kekuatan dan kelemahan").click()
    evl.get_by_label("Rekomendasi baru").fill("Jabarkan Renstra sampai tingkat seksi")
    evl.get_by_label("Penanggung jawab").fill("Sekretaris Kecamatan")
    evl.get_by_label("Batas waktu").fill("2025-06-30")
    evl.get_by_role("button", name="Tambah rekomendasi").click()
    expect(evl.get_by_text("Rekomendasi ditambahkan.")).to_be_visible()
    # finalising: a summary first, then the confirmation
    evl.get_by_role("link", name="Finalkan evaluasi…").click()
    expect(evl.get_by_role("heading", level=1)).to_contain_text("Finalkan evaluasi")
    expect(evl.locator(".ringkasan")).to_contain_text("Jabarkan Renstra sampai tingkat seksi")
    cek_aksesibilitas(evl)
    evl.get_by_label("Saya sudah memeriksa ringkasan ini dan memfinalkan evaluasi.").check()
    evl.get_by_role("button", name="Finalkan evaluasi").click()
    expect(evl.locator(".status").first).to_have_text("Final")
    cek_aksesibilitas(evl)
    expect(evl.get_by_role("link", name="Isi nilai penetapan komponen ini (satu formulir)")).to_have_count(0)

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
