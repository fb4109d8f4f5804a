"""Laporan SKM as DOCX (read back with python-docx) and PDF: IKM, unsur table, Rencana Tindak Lanjut
filled with the lowest unsur of the year."""

import io
import shutil

import pytest
from django.test import Client

from laporan.skm import TINDAK_LANJUT, laporan_skm, nrr_tahun
from rumus.format import format_angka
from rumus.skm import UNSUR, unsur_terendah
from skm.selectors import ikm_tahun

pytestmark = [pytest.mark.django_db]
URL = "/unit/bantargebang/skm/2024/laporan"


def test_docx_has_ikm_and_the_lowest_unsur_in_the_follow_up_table(pengguna_demo, masuk_sebagai):
    from docx import Document

    r = masuk_sebagai("pembaca").get(URL + ".docx")
    assert r.status_code == 200 and r["Content-Type"].endswith("wordprocessingml.document")
    doc = Document(io.BytesIO(r.content))
    teks = "\n".join(p.text for p in doc.paragraphs)
    assert "IKM Kecamatan Bantargebang tahun 2024 adalah 81,18 dengan mutu pelayanan B (Baik)" in teks
    rtl = next(
        t
        for t in doc.tables
        if t.rows[0].cells[0].text == "No" and "Program/Kegiatan" in [c.text for c in t.rows[0].cells]
    )
    ins = pengguna_demo["operator"].peran.first().instansi
    nrr = nrr_tahun(ikm_tahun([ins.id], 2024)[ins.id])
    terendah = unsur_terendah(nrr, 3)
    baris = [[c.text for c in row.cells] for row in rtl.rows[1:]]
    assert [b[1] for b in baris] == [f"U{n} {UNSUR[n - 1]}" for n, _v in terendah]
    assert [b[2] for b in baris] == [format_angka(v, 3) for _n, v in terendah]
    assert baris[0][3] == TINDAK_LANJUT[UNSUR[terendah[0][0] - 1]]
    # the lowest unsur really are the lowest of the nine yearly values
    assert max(v for _n, v in terendah) <= min(
        v for i, v in enumerate(nrr, 1) if i not in {n for n, _ in terendah}
    )


def test_no_data_is_404_anonymous_to_login(pengguna_demo, masuk_sebagai):
    assert masuk_sebagai("pembaca").get("/unit/bantargebang/skm/2030/laporan.docx").status_code == 404
    assert laporan_skm(pengguna_demo["operator"].peran.first().instansi, 2030) is None
    assert Client().get(URL + ".docx").status_code == 302


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
def test_pdf(pengguna_demo, masuk_sebagai):
    r = masuk_sebagai("operator").get(URL + ".pdf")
    assert r.status_code == 200 and r.content.startswith(b"%PDF") and r["Content-Type"] == "application/pdf"


def test_follow_up_uses_pooled_answers_when_the_unit_pools(pengguna_demo):
    from decimal import Decimal

    from laporan.dokumen import Tabel
    from skm.models import PengaturanSKM, Responden

    ins = pengguna_demo["operator"].peran.first().instansi
    PengaturanSKM.objects.create(instansi=ins, metode="gabung-responden")
    semua = {"TW1": [[4, 1, 4, 4, 4, 4, 4, 4, 3]] * 3, "TW2": [[2, 4, 4, 4, 4, 4, 4, 4, 4]] * 1}
    for periode, daftar in semua.items():
        for j in daftar:
            Responden.objects.create(
                instansi=ins, tahun=2025, periode=periode, **{f"u{i}": v for i, v in enumerate(j, 1)}
            )
    rows = [j for d in semua.values() for j in d]
    pooled = [Decimal(sum(col)) / len(rows) for col in zip(*rows, strict=True)]
    dok = laporan_skm(ins, 2025)
    rtl = next(t for t in dok.bab[2].isi if isinstance(t, Tabel))
    assert [r[1] for r in rtl.baris] == [f"U{n} {UNSUR[n - 1]}" for n, _v in unsur_terendah(pooled, 3)]
    assert rtl.baris[0][1] == f"U2 {UNSUR[1]}" and rtl.baris[0][2] == format_angka(pooled[1], 3)
