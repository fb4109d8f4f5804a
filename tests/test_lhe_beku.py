"""Final means frozen: the LHE of a final evaluation renders only from the snapshot stored when it
was finalised, with its SHA-256.

The DOCX and HTML are compared byte for byte (``laporan.keluaran.render_docx`` gives equal bytes
for equal content), and the DOCX's extracted text too, to say what differs when it does.
"""

import io

import pytest
from docx import Document

from dasar.sidik import sidik
from evaluasi import services
from evaluasi.models import Evaluasi, Komponen, Rekomendasi, TemplatEvaluasi
from laporan import keluaran
from laporan.lhe import dokumen_lhe
from organisasi.models import Instansi
from tests.evaluasi_bantu import evaluasi_final

pytestmark = pytest.mark.django_db


def _isi_docx(data: bytes) -> list[str]:
    doc = Document(io.BytesIO(data))
    parts = [p.text for s in doc.sections for p in s.header.paragraphs]
    parts += [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    return parts


def _render(ev):
    ev = Evaluasi.objects.select_related("instansi__pemda", "templat").get(pk=ev.pk)
    dok = dokumen_lhe(ev)
    return keluaran.render_docx(dok), keluaran.render_html(dok)


def test_finalising_stores_the_snapshot_and_its_hash(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo)
    assert ev.final and ev.sha256 == sidik(ev.isi_beku) and len(ev.sha256) == 64
    isi = ev.isi_beku
    assert isi["instansi"] == "Kecamatan Bantargebang" and isi["status"] == "Final"
    assert isi["kekuatan"] == ["Renstra tersedia", "PK ditandatangani"]
    assert isi["rekomendasi"][0][1:3] == ["Perbaiki analisis capaian kinerja", "Sekretaris Kecamatan"]
    assert "dengan predikat" in isi["kesimpulan"]
    docx, html = _render(ev)
    assert f"Kode verifikasi SHA-256: {ev.sha256}" in _isi_docx(docx)
    assert f"Kode verifikasi SHA-256: {ev.sha256}" in html


def test_final_lhe_unchanged_after_later_edits(pengguna_demo, demo):
    ev = evaluasi_final(pengguna_demo, demo)
    docx_sebelum, html_sebelum = _render(ev)
    # everything the LHE reads live: unit, template, weights, the follow-up of a recommendation
    Instansi.objects.filter(pk=demo.pk).update(nama="Kecamatan Berganti Nama")
    TemplatEvaluasi.objects.filter(pk=ev.templat_id).update(nama="Templat Lain", dasar_hukum="Dasar Lain")
    Komponen.objects.filter(templat=ev.templat_id).update(nama="Komponen Lain", bobot=1)
    rek = Rekomendasi.objects.get(evaluasi=ev)
    services.ubah_tindak_lanjut(
        user=pengguna_demo["operator"], rek=rek, status="proses", tindak_lanjut="Sedang dikerjakan"
    )
    assert Rekomendasi.objects.get(pk=rek.pk).status == "proses"
    docx_sesudah, html_sesudah = _render(ev)
    assert _isi_docx(docx_sesudah) == _isi_docx(docx_sebelum)
    assert docx_sesudah == docx_sebelum and html_sesudah == html_sebelum
    ev.refresh_from_db()
    assert ev.sha256 == sidik(ev.isi_beku)
    assert "Berganti" not in html_sesudah and "Komponen Lain" not in html_sesudah


def test_an_evaluation_not_final_renders_live_without_a_code(pengguna_demo, demo):
    ev = services.buat_evaluasi(user=pengguna_demo["operator"], instansi=demo, tahun=2024, jenis="akip")
    assert ev.isi_beku is None and ev.sha256 == ""
    Instansi.objects.filter(pk=demo.pk).update(nama="Kecamatan Nama Terkini")
    html = _render(ev)[1]
    assert "Kecamatan Nama Terkini" in html and "Kode verifikasi" not in html
