"""The portal publishes an LKIP only as an issued version (laporan.services.terbitkan_lkip):
an unissued LKIP is neither listed nor downloadable; an issued one is, as stored. The stored page
is dropped by the issue (tembolok), so the new version shows at once."""

import pytest
from django.test import Client

from laporan.services import terbitkan_lkip
from tests.terbitan_bantu import baca, tanpa_libreoffice

pytestmark = pytest.mark.django_db

UNIT = "/publik/kota-bekasi/bantargebang/"


def test_unissued_lkip_is_not_published(demo):
    c = Client()
    html = c.get(UNIT + "?tahun=2024").content.decode()
    assert "Laporan Kinerja (LKIP)" not in html and "/lkip/" not in html
    for fmt in ("pdf", "docx"):
        assert c.get(f"{UNIT}lkip/2024/1.{fmt}").status_code == 404
    data = c.get(UNIT + "data.json?tahun=2024").json()
    assert [d["jenis"] for d in data["dokumen"]] == ["PK"]
    # the LKIP built live from the data stays behind the login
    assert c.get("/unit/bantargebang/lkip/2024/lkip.docx").status_code == 302


def test_issued_lkip_is_listed_and_downloadable(pengguna_demo, demo, monkeypatch):
    c = Client()
    assert "/lkip/2024/1.pdf" not in c.get(UNIT + "?tahun=2024").content.decode()  # stored page
    tanpa_libreoffice(monkeypatch)
    t = terbitkan_lkip(user=pengguna_demo["pimpinan"], instansi=demo, tahun=2024, akui_galat=True)
    html = c.get(UNIT + "?tahun=2024").content.decode()
    assert "Laporan Kinerja (LKIP)" in html and f"{UNIT}lkip/2024/1.pdf" in html
    assert t.sha256[:12] in html
    r = c.get(f"{UNIT}lkip/2024/1.pdf")
    assert r.status_code == 200 and r["Content-Type"] == "application/pdf"
    assert r.content == baca(t.berkas_pdf)
    assert 'filename="lkip-v1-bantargebang-2024.pdf"' in r["Content-Disposition"]
    r = c.get(f"{UNIT}lkip/2024/1.docx")
    assert r.status_code == 200 and r.content == baca(t.berkas_docx)
    assert c.get(f"{UNIT}lkip/2024/2.pdf").status_code == 404  # a version never issued
    dokumen = c.get(UNIT + "data.json?tahun=2024").json()["dokumen"]
    assert {(d["jenis"], d["versi"], d["sha256"]) for d in dokumen} >= {("LKIP", 1, t.sha256)}


def test_only_a_signed_pk_is_published(pk_manual):
    """The demo's PK 2024 is signed; the PK 2025 of ``pk_manual`` is a draft."""
    c = Client()
    r = c.get(f"{UNIT}pk/2024/1.docx")
    assert r.status_code == 200 and r.content.startswith(b"PK")  # a DOCX is a ZIP
    assert c.get(f"{UNIT}pk/2025/1.docx").status_code == 404
    html = c.get(UNIT + "?tahun=2025").content.decode()
    assert "/pk/2025/" not in html
    assert "Perjanjian Kinerja tahun 2025 belum ditandatangani" in html
    data = c.get(UNIT + "data.json?tahun=2025").json()
    assert [(r["tahun"], r["kode"]) for r in data["capaian"]] == [
        (2024, "IKU1"),
        (2024, "IKU2"),
        (2024, "IKU3"),
    ]
    assert {r["tahun"] for r in data["anggaran"]} == {2024}
