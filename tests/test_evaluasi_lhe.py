"""LHE generated from a final evaluation: scores per component against the weights, predikat,
strengths, weaknesses and recommendations, as DOCX (and PDF through LibreOffice)."""

import io
import shutil

import pytest
from django.test import Client
from docx import Document

from evaluasi import selectors
from laporan.lhe import dokumen_lhe
from rumus.format import format_angka
from tests.evaluasi_bantu import evaluasi_final
from tests.test_dokumen_pdf_utuh import periksa_lhe

pytestmark = pytest.mark.django_db


def teks_docx(data: bytes) -> str:
    d = Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def test_lhe_docx(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo)
    hasil = selectors.hitung_lke(ev)
    c = Client()
    c.force_login(pengguna_demo["pimpinan"])
    r = c.get(f"/unit/bantargebang/evaluasi/{ev.pk}/lhe.docx")
    assert r.status_code == 200 and r["Content-Type"].startswith("application/vnd.openxmlformats")
    teks = teks_docx(r.content)
    for b in hasil.komponen:
        assert f"{b.komponen.nama} | {format_angka(b.komponen.bobot, 2)}" in teks
        assert format_angka(b.penetapan, 2) in teks
    predikat, arti = hasil.predikat
    assert f"{format_angka(hasil.total_penetapan, 2)} dengan predikat {predikat} ({arti})" in teks
    assert "Renstra tersedia" in teks and "Analisis capaian belum mendalam" in teks
    assert "Perbaiki analisis capaian kinerja | Sekretaris Kecamatan" in teks
    assert c.get(f"/unit/bantargebang/evaluasi/{ev.pk}/lhe.txt").status_code == 404


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice not installed")
def test_lhe_pdf(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo)
    c = Client()
    c.force_login(pengguna_demo["operator"])
    r = c.get(f"/unit/bantargebang/evaluasi/{ev.pk}/lhe.pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF")
    # fit to sign: the regulation's cover, no number or word broken (tests/test_dokumen_pdf_utuh.py)
    periksa_lhe(dokumen_lhe(ev), b"".join(r.streaming_content) if r.streaming else r.content)
