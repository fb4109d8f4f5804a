"""dasar.markdown: the guide's Markdown becomes HTML with everything escaped."""

from dasar.markdown import ke_html


def test_headings_paragraphs_and_inline():
    h = ke_html("# Judul\n\nSatu **tebal** dan *miring*\ndan `kode`.\n\n## Sub")
    assert h == (
        "<h1>Judul</h1>\n<p>Satu <strong>tebal</strong> dan <em>miring</em> dan <code>kode</code>.</p>\n"
        "<h2>Sub</h2>"
    )


def test_lists_nested_with_images_and_links():
    teks = "1. Buka [bab](operator.md).\n2. Lalu:\n   - a\n   - b\n\n   ![Gambar](gambar/x.png)\n\nAkhir"
    h = ke_html(teks, lambda u: "/panduan/operator/" if u == "operator.md" else "/g/" + u)
    assert h == (
        '<ol>\n<li>Buka <a href="/panduan/operator/">bab</a>.</li>\n'
        "<li><p>Lalu:</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        '<p><img src="/g/gambar/x.png" alt="Gambar" loading="lazy"></p></li>\n</ol>\n<p>Akhir</p>'
    )


def test_table():
    h = ke_html("| A | B |\n|---|---|\n| 1 | **2** |")
    assert h == (
        '<table><thead><tr><th scope="col">A</th><th scope="col">B</th></tr></thead>'
        "<tbody><tr><td>1</td><td><strong>2</strong></td></tr></tbody></table>"
    )


def test_everything_is_escaped():
    h = ke_html('<script>alert(1)</script> & <b onclick="x">\n\n`<i>` **<u>**')
    assert "<script" not in h and "<b " not in h and "<i>" not in h and "<u>" not in h
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onclick=&quot;x&quot;&gt;" in h
    assert "<code>&lt;i&gt;</code> <strong>&lt;u&gt;</strong>" in h


def test_unsafe_addresses_are_plain_text():
    h = ke_html('[klik](javascript:alert(1)) ![a](data:image/png;base64,AAA) [b](x"onmouseover=y)')
    assert "href" not in h and "src" not in h and "<a" not in h and "<img" not in h


def test_address_is_escaped_in_attribute():
    h = ke_html("[a](/x?p=1&q=2)")
    assert h == '<p><a href="/x?p=1&amp;q=2">a</a></p>'
