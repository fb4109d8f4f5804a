"""HTML rendering: semantic headings, captions, inline SVG, print CSS, escaping."""

from laporan import keluaran
from tests.test_keluaran_docx import KEPALA, contoh


def test_semantic_structure():
    html = keluaran.render_html(contoh(3))
    assert '<article class="dokumen">' in html
    assert "<h2>BAB I PENDAHULUAN</h2>" in html
    assert "<h3>1.1 Latar Belakang</h3>" in html
    assert "<h4>1.1.1 Dasar Hukum</h4>" in html
    assert "<caption>Tabel 2.1 Capaian IKU</caption>" in html
    assert "<figcaption>Gambar 2.1 Capaian per IKU</figcaption>" in html
    assert html.count("<svg") == 1 and "<thead>" in html
    assert "<td class=angka>97,8</td>" in html
    assert "@media print" in html and "@page" in html
    assert KEPALA in html


def test_full_page():
    page = keluaran.render_html(contoh(3), halaman=True)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="id">' in page and "</html>" in page


def test_text_is_escaped():
    d = contoh(3, teks='<script>alert("x")</script> & <b>tebal</b>')
    d.bab[0].tabel("<img src=x onerror=alert(1)>", [["<i>k</i>"]], [["<script>"]])
    html = keluaran.render_html(d)
    assert "<script>" not in html and "<b>tebal</b>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;" in html
    assert "&lt;i&gt;k&lt;/i&gt;" in html
