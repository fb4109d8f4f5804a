"""NUL bytes and other control characters in submitted text (issue #12, "Small 500s"): the
survey, the realisasi analysis, LKIP texts, the renstra forms and the audit search clean them
(dasar/teks.py) instead of sending them to the database (PostgreSQL refuses NUL in text: a 500).
Run on SQLite and PostgreSQL."""

import pytest

from laporan.models import TeksBlok
from pengukuran.models import Realisasi
from perencanaan.models import Tujuan
from skm.models import Responden
from skm.services import token_formulir
from tests.realisasi_bantu import isian

pytestmark = pytest.mark.django_db
KOTOR = "a\x00b\x0bc\x0cd\ufffee\x1bf"
BERSIH = "ab\nc\ndef"


def _jawaban(**extra):
    return {"token": token_formulir(), **{f"u{i}": "3" for i in range(1, 10)}, **extra}


def test_survey_post_with_nul_is_stored_clean(demo, client):
    r = client.post("/s/bantargebang/", _jawaban(saran=KOTOR, pendidikan="S1\x00", pekerjaan="\x00PNS"))
    assert r.status_code == 302
    resp = Responden.objects.get()
    assert (resp.saran, resp.pendidikan, resp.pekerjaan) == (BERSIH, "S1", "PNS")


def test_survey_post_too_long_is_refused_with_a_message(demo, client):
    r = client.post("/s/bantargebang/", _jawaban(pendidikan="x" * 41))
    assert r.status_code == 400
    assert "paling banyak 40 karakter" in r.content.decode()
    assert not Responden.objects.exists()


def test_analysis_with_nul_is_stored_clean(pk_manual, masuk_sebagai):
    r = masuk_sebagai("operator").post(
        "/unit/bantargebang/realisasi/2025/TW4/",
        isian(nilai="5", analisis_sebab=KOTOR, analisis_pendukung="\x00"),
    )
    assert r.status_code < 500
    real = Realisasi.objects.get(indikator__kode="IKU9", tahun=2025, periode="TW4")
    assert (real.analisis_sebab, real.analisis_pendukung) == (BERSIH, "")


def test_lkip_text_with_nul_is_stored_clean(demo, pengguna_demo, masuk_sebagai):
    r = masuk_sebagai("operator").post("/unit/bantargebang/lkip/2024/teks/", {"teks-kata_pengantar": KOTOR})
    assert r.status_code < 500
    assert TeksBlok.objects.get(instansi=demo, tahun=2024, bagian="kata_pengantar").teks == BERSIH


def test_renstra_form_with_nul_is_stored_clean(demo, pengguna_demo, masuk_sebagai):
    r = masuk_sebagai("operator").post(
        "/unit/bantargebang/renstra/tujuan/baru/", {"kode": "T9", "uraian": f"Tujuan {KOTOR}"}
    )
    assert r.status_code < 500
    assert Tujuan.objects.get(instansi=demo, kode="T9").uraian == f"Tujuan {BERSIH}"


def test_audit_search_with_nul_answers(pengguna_demo, masuk_sebagai):
    r = masuk_sebagai("adminpemda").get("/audit/", {"q": "ubah\x00"})
    assert r.status_code == 200


def test_zone_assessment_with_nul_in_the_code_and_note(demo, pengguna_demo, masuk_sebagai):
    from zona.models import PenilaianZona, Zona

    z = Zona.objects.filter(instansi=demo).order_by("kode").first()
    r = masuk_sebagai("operator").post(
        "/unit/bantargebang/zona/nilai/",
        {"zona": f"{z.kode}\x00", "tahun": "2024", "bulan": "3", "kategori": "baik", "catatan": KOTOR},
    )
    assert r.status_code < 500
    assert PenilaianZona.objects.get(zona=z, tahun=2024, bulan=3).catatan == BERSIH


def test_admin_change_with_control_characters_is_stored_clean(demo, pengguna_demo, masuk_sebagai):
    """The Django admin's forms clean submitted text too (audit.admin.Diaudit.get_form)."""
    from organisasi.models import Layanan

    lay = Layanan.objects.filter(instansi=demo).first()
    r = masuk_sebagai("adminpemda").post(
        f"/admin/organisasi/layanan/{lay.pk}/change/",
        {"instansi": lay.instansi_id, "kode": lay.kode, "nama": "Nama\x0b Baru\x00\ufffe"},
    )
    assert r.status_code == 302
    lay.refresh_from_db()
    assert lay.nama == "Nama\n Baru"
