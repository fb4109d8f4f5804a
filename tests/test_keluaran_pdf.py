"""PDF = the DOCX converted by headless LibreOffice, with the index page numbers updated."""

import io
import re

import pytest
from pypdf import PdfReader

from dasar.galat import Ditolak
from laporan import keluaran
from tests.test_keluaran_docx import KEPALA, contoh

perlu_soffice = pytest.mark.skipif(
    keluaran.soffice() is None, reason="LibreOffice (soffice) is not installed: PDF cannot be rendered"
)


@pytest.fixture(scope="module")
def halaman():
    data = keluaran.render_pdf(contoh(60))
    assert data.startswith(b"%PDF")
    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def _satu_baris(teks):
    return re.sub(r"\s+", " ", teks)


@perlu_soffice
def test_text_header_and_cover(halaman):
    semua = _satu_baris(" ".join(halaman))
    for s in (
        "LAPORAN KINERJA",
        "BAB I PENDAHULUAN",
        "Tabel 2.1 Capaian IKU",
        "Gambar 2.1 Capaian per IKU",
        "97,8 %",
        "NIP. 197001012000031001",
        "Isi lampiran.",
    ):
        assert s in semua, s
    assert KEPALA not in halaman[0]  # cover page without header
    assert KEPALA in _satu_baris(halaman[1])


@perlu_soffice
@pytest.mark.skipif(
    not keluaran._uno_tersedia(),
    reason="python3-uno is not installed for /usr/bin/python3: the lists are not updated",
)
def test_daftar_isi_page_numbers_are_real(halaman):
    """Each entry of Daftar Isi / Daftar Tabel carries the page where the heading really is."""
    daftar = next(i for i, t in enumerate(halaman) if "DAFTAR ISI" in t)
    teks_daftar = _satu_baris(" ".join(halaman[daftar : daftar + 3]))
    for judul in (
        "BAB I PENDAHULUAN",
        "1.1 Latar Belakang",
        "BAB II AKUNTABILITAS KINERJA",
        "Tabel 2.1 Capaian IKU",
        "Gambar 2.1 Capaian per IKU",
        "LAMPIRAN",
    ):
        m = re.search(re.escape(judul) + r"[ .…]*?(\d+)", teks_daftar)
        assert m, f"{judul} has no page number in the lists"
        nomor = int(m.group(1))
        # the heading itself is on that page (the page footer shows the same number)
        isi = _satu_baris(halaman[nomor - 1])
        assert judul in isi, f"{judul}: listed on page {nomor}, not found there"
    # the long table continues on a second page
    assert sum("Indikator 5" in t for t in halaman) >= 1
    assert sum(t.count("Realisasi") for t in halaman[daftar + 3 :]) >= 2  # header row repeated


def test_soffice_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(keluaran, "soffice", lambda: None)
    with pytest.raises(Ditolak, match="LibreOffice"):
        keluaran.render_pdf(contoh(3))


def test_timeout_and_uno_python_come_from_the_settings(monkeypatch, settings, tmp_path):
    """SAKIP_SOFFICE_TIMEOUT and SAKIP_UNO_PYTHON are read once, in settings (dasar.lingkungan)."""
    dipanggil = []

    def jalankan(cmd, timeout):
        dipanggil.append((cmd[0], timeout))
        raise Ditolak(f"LibreOffice tidak selesai dalam {timeout} detik.")

    monkeypatch.setattr(keluaran, "soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(keluaran, "_jalankan", jalankan)
    settings.SAKIP_SOFFICE_TIMEOUT = 7
    settings.SAKIP_UNO_PYTHON = str(tmp_path / "tidak-ada-python")  # no uno: plain soffice
    with pytest.raises(Ditolak, match="7 detik"):
        keluaran.docx_ke_pdf(b"PK")
    assert dipanggil == [("/usr/bin/soffice", 7)]
    monkeypatch.setattr(keluaran, "_uno_tersedia", lambda: True)
    with pytest.raises(Ditolak):
        keluaran.docx_ke_pdf(b"PK", timeout=3)
    assert dipanggil[-1] == (settings.SAKIP_UNO_PYTHON, 3)
