"""Quarterly realisasi: entry, evidence, draft → diajukan → dikembalikan/diverifikasi → terkunci."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from audit.models import Jejak
from pengukuran.models import Bukti, PengajuanRealisasi, Realisasi
from tests.realisasi_bantu import isian

pytestmark = pytest.mark.django_db
URL = "/unit/bantargebang/realisasi/2025/TW4/"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def post_nilai(c, nilai, versi=0, **extra):
    """One Simpan of the quarter's form with IKU9's value (the page's one form)."""
    return c.post(URL, isian(nilai=nilai, versi=versi, analisis_sebab="Layanan daring", **extra), follow=True)


def status(c, aksi, komentar=""):
    return c.post(URL + "status/", {"aksi": aksi, "komentar": komentar}, follow=True)


def test_full_workflow(pk_manual, masuk_sebagai):
    op, pim = masuk_sebagai("operator"), masuk_sebagai("pimpinan")
    r = post_nilai(op, "76,5", bukti=SimpleUploadedFile("bukti.pdf", PDF, "application/pdf"))
    assert (
        "Disimpan: realisasi TW4 Persentase Layanan Selesai Tepat Waktu; bukti bukti.pdf"
        in r.content.decode()
    )
    real = Realisasi.objects.get(indikator=pk_manual, tahun=2025, periode="TW4")
    assert str(real.nilai.normalize()) == "76.5" and real.bukti.count() == 1
    assert "95,6 %" in op.get(URL).content.decode()  # 76.5 / 80

    status(op, "ajukan")
    assert "tidak dapat diubah" in post_nilai(op, "77", versi=1).content.decode()  # locked while submitted
    assert "Tuliskan alasan" in status(pim, "kembalikan").content.decode()
    status(pim, "kembalikan", "Lampirkan register bulan Desember")
    page = op.get(URL).content.decode()
    assert "Dikembalikan" in page and "Lampirkan register bulan Desember" in page
    post_nilai(op, "81", versi=1)
    status(op, "ajukan")
    status(pim, "verifikasi")
    assert PengajuanRealisasi.objects.get(tahun=2025, periode="TW4").status == "diverifikasi"
    status(pim, "kunci")
    assert PengajuanRealisasi.objects.get(tahun=2025, periode="TW4").status == "terkunci"
    assert (
        "101,3 %" in pim.get("/unit/bantargebang/?tahun=2025").content.decode()
    )  # 81 / 80 = 101.25, half-up
    aksi = list(Jejak.objects.filter(instansi__slug="bantargebang").values_list("aksi", flat=True))
    assert {"buat", "ubah", "unggah", "ajukan", "kembalikan", "verifikasi", "kunci"} <= set(aksi)


def test_operator_cannot_approve_and_pimpinan_cannot_enter(pk_manual, masuk_sebagai):
    op, pim = masuk_sebagai("operator"), masuk_sebagai("pimpinan")
    status(op, "ajukan")
    assert op.post(URL + "status/", {"aksi": "verifikasi"}).status_code == 403
    assert pim.post(URL, isian(nilai="5")).status_code == 403


def test_concurrent_edit_second_save_gets_a_conflict(pk_manual, masuk_sebagai):
    a, b = masuk_sebagai("operator"), masuk_sebagai("operator")
    post_nilai(a, "70")  # creates versi 1
    assert "Disimpan" in post_nilai(a, "72", versi=1).content.decode()  # now versi 2
    r = post_nilai(b, "99", versi=1)  # b opened the form at versi 1
    assert r.status_code == 409 and "sudah diubah pengguna lain" in r.content.decode()
    assert Realisasi.objects.get(indikator=pk_manual, periode="TW4").nilai == 72


@pytest.mark.parametrize(
    "name,content,message",
    [
        ("palsu.pdf", b"MZ\x90\x00 this is an exe", "bukan PDF, JPG, PNG atau XLSX"),
        ("besar.pdf", PDF + b"0" * (10 * 1024 * 1024), "terlalu besar"),
    ],
)
def test_bad_uploads_are_refused_with_a_message(pk_manual, name, content, message, masuk_sebagai):
    r = post_nilai(masuk_sebagai("operator"), "70", bukti=SimpleUploadedFile(name, content))
    html = r.content.decode()
    assert message in html and f"Tidak disimpan: bukti {name}" in html
    assert "Disimpan: realisasi TW4" in html  # the value was saved, and the page says so
    assert Bukti.objects.count() == 0
    assert Realisasi.objects.get(indikator=pk_manual, periode="TW4").analisis_sebab == "Layanan daring"


def test_evidence_served_only_to_allowed_users(pk_manual, masuk_sebagai):
    from tests.test_izin_matrix import make_other_operator

    post_nilai(masuk_sebagai("operator"), "70", bukti=SimpleUploadedFile("b.pdf", PDF))
    b = Bukti.objects.get()
    url = f"/unit/bantargebang/bukti/{b.pk}/"
    assert masuk_sebagai("pembaca").get(url).status_code == 200
    assert make_other_operator(masuk_sebagai).get(url).status_code == 404
    assert Client().get(url).status_code == 302


def test_preview_fragment_computes_capaian(pk_manual, masuk_sebagai):
    nama = next(k for k in isian() if k.endswith("-nilai"))  # the typed field's own name, as htmx sends it
    html = masuk_sebagai("operator").get(URL + f"IKU9/pratinjau/?{nama}=88").content.decode()
    assert "110,0 %" in html and "melampaui target" in html
    assert (
        "“abc” bukan angka"
        in masuk_sebagai("operator").get(URL + "IKU9/pratinjau/?nilai=abc").content.decode()
    )
