"""The reviu names the LKIP version it refers to: the latest issued version (number and SHA-256)
on the reviu page and the Inspektorat's sheet, else the draft of today's data."""

import io

import pytest
from docx import Document

from laporan import keluaran
from laporan.reviu import lembar_reviu
from laporan.services import terbitkan_lkip
from tests.terbitan_bantu import tanpa_libreoffice

pytestmark = pytest.mark.django_db


def _sel(dok) -> list[str]:
    doc = Document(io.BytesIO(keluaran.render_docx(dok)))
    return [c.text for t in doc.tables for r in t.rows for c in r.cells]


def test_reviu_names_the_issued_version(pengguna_demo, demo, monkeypatch, masuk_sebagai):
    tanpa_libreoffice(monkeypatch)
    assert "belum diterbitkan; draf dari data terkini" in _sel(lembar_reviu(demo, 2024))
    t = terbitkan_lkip(user=pengguna_demo["pimpinan"], instansi=demo, tahun=2024)
    sel = _sel(lembar_reviu(demo, 2024))
    assert any(s.startswith("versi terbitan 1 (") and t.sha256 in s for s in sel), sel
    html = masuk_sebagai("evaluator").get(f"/unit/{demo.slug}/reviu/2024/").content.decode()
    assert "versi terbitan 1" in html and t.sha256 in html
    html = masuk_sebagai("pembaca").get(f"/unit/{demo.slug}/lkip/2024/").content.decode()
    assert t.sha256 in html and t.sha256_docx in html and "/lkip/2024/terbitan/1.pdf" in html
