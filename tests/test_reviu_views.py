"""Reviu page (findings grouped by level, links to fix them, print CSS) and the review sheet download."""

import pytest
from django.conf import settings
from django.test import Client

from dasar.galat import Ditolak
from laporan import keluaran
from laporan.reviu import reviu

pytestmark = pytest.mark.django_db
PASSWORD = "demo-sakip-2024"
URL = "/unit/bantargebang/reviu/2024/"


def test_page_groups_findings_by_level_with_fix_links(demo, pengguna_demo, masuk_sebagai):
    resp = masuk_sebagai("pembaca").get(URL)
    assert resp.status_code == 200
    html = resp.content.decode()
    temuan = reviu(demo, 2024)
    assert 'id="error"' not in html  # no errors on the demo: no empty error section
    assert 'id="warning"' in html and 'id="info"' in html and "<th>No</th>" in html
    assert html.index('id="warning"') < html.index('id="info"')
    for t in temuan:
        assert t.message in html
    assert 'href="/unit/bantargebang/anggaran/2024/"' in html
    assert 'href="/unit/bantargebang/renstra/"' in html
    # the print layout lives in the stylesheet (no inline <style>: Content-Security-Policy)
    assert '<body class="hal-reviu">' in html and "/static/sakip.css" in html
    assert "@media print" in (settings.BASE_DIR / "static" / "sakip.css").read_text()
    assert 'href="/unit/bantargebang/reviu/2024/lembar.docx"' in html
    assert 'href="/unit/bantargebang/lkip/2024/"' in html and "kesalahan: perbaiki" not in html


def test_page_for_a_unit_without_findings_says_so(db, masuk_sebagai):
    from django.contrib.auth import get_user_model

    from akun.models import Peran
    from tests.factories import InstansiFactory

    ins = InstansiFactory()
    user = get_user_model().objects.create_user("baca", password=PASSWORD)
    Peran.objects.create(user=user, jenis="viewer", instansi=ins)
    html = masuk_sebagai("baca").get(f"/unit/{ins.slug}/reviu/2024/").content.decode()
    # an empty unit still has findings (no PK, no SKM); the page renders them, never crashes
    assert "belum ada Perjanjian Kinerja tahun 2024" in html
    assert 'id="error"' not in html  # a unit with nothing yet has warnings, not errors


def test_errors_are_listed_first_and_announced(demo, pengguna_demo, masuk_sebagai):
    from decimal import Decimal

    from anggaran.models import BarisAnggaran

    b = BarisAnggaran.objects.filter(instansi=demo, tahun=2024).order_by("id").first()
    BarisAnggaran.objects.filter(pk=b.pk).update(kas_tw1=b.kas_tw1 + Decimal(1000))
    html = masuk_sebagai("pembaca").get(URL).content.decode()
    assert "Masih ada 1 kesalahan: perbaiki sebelum menerbitkan LKIP." in html
    assert html.index('id="error"') < html.index('id="warning"')
    assert "(selisih -Rp 1.000)" in html


def test_other_unit_gets_404_and_anonymous_goes_to_login(pengguna_demo, masuk_sebagai):
    from django.contrib.auth import get_user_model

    from akun.models import Peran
    from tests.factories import InstansiFactory

    lain = get_user_model().objects.create_user("lain", password=PASSWORD)
    Peran.objects.create(user=lain, jenis="operator", instansi=InstansiFactory())
    assert masuk_sebagai("lain").get(URL).status_code == 404
    assert masuk_sebagai("lain").get(URL + "lembar.docx").status_code == 404
    assert Client().get(URL).status_code == 302


def test_sheet_download_renders_the_review_document(demo, pengguna_demo, monkeypatch, masuk_sebagai):
    seen = {}

    def render_docx(dok):
        seen["dok"] = dok
        return b"PK-docx"

    monkeypatch.setattr(keluaran, "render_docx", render_docx)
    resp = masuk_sebagai("evaluator").get(URL + "lembar.docx")
    assert resp.status_code == 200 and resp.content == b"PK-docx"
    assert resp["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert 'filename="lembar-reviu-bantargebang-2024.docx"' in resp["Content-Disposition"]
    daftar = [t for t in seen["dok"].bab[0].isi if getattr(t, "judul", "").startswith("Daftar temuan")]
    assert sum(len(t.baris) for t in daftar) == len(reviu(demo, 2024))


def test_sheet_that_cannot_be_rendered_answers_503(pengguna_demo, monkeypatch, masuk_sebagai):
    def gagal(dok):
        raise Ditolak("templat DOCX rusak")

    monkeypatch.setattr(keluaran, "render_docx", gagal)
    resp = masuk_sebagai("pembaca").get(URL + "lembar.docx")
    assert resp.status_code == 503 and "templat DOCX rusak" in resp.content.decode()


def test_sheet_with_the_real_renderer_is_a_docx_holding_the_findings(pengguna_demo, masuk_sebagai):
    import io
    import zipfile

    resp = masuk_sebagai("pembaca").get(URL + "lembar.docx")
    assert resp.status_code == 200
    xml = zipfile.ZipFile(io.BytesIO(resp.content)).read("word/document.xml").decode()
    assert "Daftar temuan" in xml and "anggaran kas TW4 negatif" in xml
