"""Documents fit to sign: in the PDF of the demo LKIP, PK and LHE no number, code or word of a table
is broken across lines and nothing runs off the page; tables too wide for a portrait page are
printed on landscape pages, each with its source under it.

The LKIP and LHE PDFs are checked where the suite already converts them (``periksa_pdf`` called by
tests/test_lkip_command.py and tests/test_evaluasi_lhe.py), so no extra LibreOffice run is paid."""

import io

import pdfplumber
import pytest

from laporan import keluaran
from laporan.dokumen import Dokumen, Tabel

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(keluaran.soffice() is None, reason="LibreOffice (soffice) is not installed"),
]

TANDA_BACA = "()[]%,;:\"'"


def _kata_pdf(pdf: bytes) -> tuple[set[str], list[str], list[tuple[int, bool, str]]]:
    """The words printed (split as a reader sees them, on spaces), the words outside their page,
    and each page's (number, landscape?, text)."""
    kata, luar, halaman = set(), [], []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for i, p in enumerate(doc.pages, 1):
            for w in p.extract_words(use_text_flow=True):
                kata.add(w["text"].strip(TANDA_BACA))
                kata.update(x.strip(TANDA_BACA) for x in w["text"].split("/"))
                if w["x0"] < 0 or w["x1"] > p.width + 0.5 or w["bottom"] > p.height + 0.5:
                    luar.append(f"hal. {i}: {w['text']}")
            halaman.append((i, p.width > p.height, p.extract_text() or ""))
    return kata, luar, halaman


def _tabel(dok: Dokumen) -> list[Tabel]:
    dok.beri_nomor()
    semua = [*dok.pembuka, *[bg for bab in dok.bab for bg in dok._telusur(bab)], *dok.lampiran]
    return [it for bg in semua for it in bg.isi if isinstance(it, Tabel)]


def _pecah(dok: Dokumen, kata_pdf: set[str]) -> list[str]:
    """Every token of every table cell that the PDF does not print whole (a token may only be
    broken after a "/", as in "Bulanan/Triwulanan/Semesteran")."""
    hilang = []
    for t in _tabel(dok):
        for baris in (*t.kepala, *t.baris):
            for sel in baris:
                for token in str(sel).split():
                    token = token.strip(TANDA_BACA)
                    bagian = [token] if any(c.isdigit() for c in token) else token.split("/")
                    for b in bagian:
                        b = b.strip(TANDA_BACA)
                        if b and b not in kata_pdf:
                            hilang.append(f"{t.label if t.nomor else t.judul}: {b!r}")
    return hilang


def periksa_pdf(dok: Dokumen, pdf: bytes) -> list[tuple[int, bool, str]]:
    """Assert that ``pdf`` (the rendering of ``dok``) breaks no table token and stays on its pages;
    return each page's (number, landscape?, text)."""
    kata, luar, halaman = _kata_pdf(pdf)
    assert _pecah(dok, kata) == []
    assert luar == []
    return halaman


def periksa_lkip_demo(dok: Dokumen, pdf: bytes) -> None:
    halaman = periksa_pdf(dok, pdf)
    # the cash plan (seven columns of rupiah) is on landscape pages, the chapters' text is not
    kas = [(lanskap, teks) for _n, lanskap, teks in halaman if "Tabel 2.4 Rencana Anggaran Kas" in teks]
    assert [lanskap for lanskap, teks in kas if "DAFTAR TABEL" not in teks] == [True]
    bab3 = [lanskap for _n, lanskap, teks in halaman if "BAB III AKUNTABILITAS KINERJA" in teks]
    assert bab3 and not any(bab3)
    # every table names where its figures come from
    assert all(t.sumber for t in _tabel(dok) if t.nomor)


def periksa_lhe(dok: Dokumen, pdf: bytes) -> None:
    halaman = periksa_pdf(dok, pdf)
    sampul = halaman[0][2]
    assert "LAPORAN HASIL EVALUASI" in sampul and "INSPEKTORAT KOTA BEKASI" in sampul
    assert "Evaluasi Evaluasi" not in " ".join(t for _n, _l, t in halaman)


def test_pk_demo_tanpa_angka_terpotong(demo):
    from laporan.perjanjian import bangun_perjanjian

    dok = bangun_perjanjian(demo, 2024)
    periksa_pdf(dok, keluaran.render_pdf(dok))
